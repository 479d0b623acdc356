// guanxi search TEXT: entities by name, alias, part of a name or pinyin.

#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/entity_search.h"
#include "cli/query_json.h"
#include "cli/relation_format.h"

namespace guanxi::cli {
namespace {

struct SearchOptions {
  std::string query;
  std::string database;
  std::size_t limit = 20;
  bool json = false;
};

nlohmann::json HitsJson(const graph::KnowledgeGraph& named, const std::vector<SearchHit>& hits) {
  nlohmann::json out = nlohmann::json::array();
  for (const SearchHit& hit : hits) {
    nlohmann::json entry = EntityJson(*named.FindEntity(hit.entity_id));
    entry["match"] = ToString(hit.kind);
    entry["matched"] = hit.matched;
    out.push_back(std::move(entry));
  }
  return out;
}

int RunSearch(const SearchOptions& options) {
  Result<index::GraphIndex> index = OpenIndex(options.database);
  if (!index.ok()) return ReportError(index.status());
  Result<std::vector<SearchHit>> found = SearchEntities(*index, options.query, options.limit);
  if (!found.ok()) return ReportError(found.status());
  const std::vector<SearchHit>& hits = *found;
  std::vector<int64_t> ids;
  for (const SearchHit& hit : hits) ids.push_back(hit.entity_id);
  Result<std::vector<graph::EntityRecord>> entities =
      index->Entities(ids, index::EntityDetail::kCard);
  if (!entities.ok()) return ReportError(entities.status());
  const graph::KnowledgeGraph named(graph::GraphData{std::move(*entities), {}, {}});
  if (options.json) {
    std::cout << HitsJson(named, hits).dump(2) << '\n';
  } else {
    for (const SearchHit& hit : hits) {
      const graph::EntityRecord& entity = *named.FindEntity(hit.entity_id);
      std::cout << fmt::format("{}\t{}\t{} ({})\t#{}{}\n", entity.name,
                               graph::ToString(entity.type), ToString(hit.kind), hit.matched,
                               entity.id, entity.unresolved ? "\tunresolved" : "");
    }
  }
  if (hits.empty()) {
    Status none = Status::NotFound(options.query, "no entity matches");
    Status explained = ExplainRejected(options.database, options.query, none);
    if (explained.detail() != none.detail()) return ReportError(explained);
    std::cerr << fmt::format("guanxi: no entity matches \"{}\"\n", options.query);
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

Result<nlohmann::json> SearchQueryJson(index::GraphIndex& index, std::string_view query,
                                       std::size_t limit) {
  Result<std::vector<SearchHit>> hits = SearchEntities(index, query, limit);
  if (!hits.ok()) return hits.status();
  std::vector<int64_t> ids;
  for (const SearchHit& hit : *hits) ids.push_back(hit.entity_id);
  Result<std::vector<graph::EntityRecord>> entities =
      index.Entities(ids, index::EntityDetail::kCard);
  if (!entities.ok()) return entities.status();
  const graph::KnowledgeGraph named(graph::GraphData{std::move(*entities), {}, {}});
  return HitsJson(named, *hits);
}

RunFunction AddSearchCommand(CLI::App& command) {
  auto options = std::make_shared<SearchOptions>();
  command.add_option("TEXT", options->query, "Name, alias, part of a name, or pinyin")
      ->required();
  AddDatabaseOption(command, options->database);
  command.add_option("--limit", options->limit, "At most this many results")
      ->capture_default_str();
  command.add_flag("--json", options->json, "Print JSON");
  return [options] { return RunSearch(*options); };
}

}  // namespace guanxi::cli
