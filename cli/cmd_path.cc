// guanxi path A B: how two entities are connected, with the evidence of each hop.

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/decision_format.h"
#include "cli/query_json.h"
#include "cli/query_options.h"
#include "cli/relation_format.h"

namespace guanxi::cli {
namespace {

constexpr std::size_t kMaxK = 20;

struct PathOptions {
  std::string from;
  std::string to;
  std::string database;
  FilterOptions filter;
  bool all = false;
  std::size_t k = 0;
  bool json = false;
};

nlohmann::json PathJson(const graph::KnowledgeGraph& graph, const graph::ConnectionPath& path) {
  nlohmann::json nodes = nlohmann::json::array();
  for (int64_t id : path.entity_ids) nodes.push_back(EntityJson(*graph.FindEntity(id)));
  nlohmann::json edges = nlohmann::json::array();
  for (int64_t id : path.relation_ids) edges.push_back(RelationJson(graph, *graph.FindRelation(id)));
  return {{"length", path.relation_ids.size()}, {"nodes", nodes}, {"edges", edges}};
}

void PrintPath(const graph::KnowledgeGraph& graph, const graph::ConnectionPath& path) {
  std::cout << fmt::format("{} hops\n", path.relation_ids.size());
  for (std::size_t i = 0; i < path.relation_ids.size(); ++i) {
    const graph::RelationRecord& relation = *graph.FindRelation(path.relation_ids[i]);
    std::cout << fmt::format("{}. {}\n   {}\n", i + 1, HopLine(graph, relation, path.entity_ids[i]),
                             EvidenceLine(graph, relation));
  }
}

// A note for each entity on the paths whose identity a person decided, or
// that is unresolved shorthand: the reader of a path should know which links
// rest on a decision rather than on the text alone.
void PrintNotes(const graph::KnowledgeGraph& graph,
                const std::vector<graph::ConnectionPath>& paths) {
  std::vector<int64_t> seen;
  std::vector<std::string> notes;
  for (const graph::ConnectionPath& path : paths) {
    for (int64_t id : path.entity_ids) {
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      seen.push_back(id);
      const graph::EntityRecord& entity = *graph.FindEntity(id);
      for (const graph::DecisionNote& note : entity.decisions) {
        notes.push_back(fmt::format("{} #{}: {}", entity.name, id, IdentityNote(note, true)));
      }
      if (entity.unresolved) {
        notes.push_back(fmt::format("{} #{}: {}", entity.name, id, UnresolvedNote(graph, entity)));
      }
    }
  }
  if (notes.empty()) return;
  std::cout << "\nnotes:\n";
  for (const std::string& note : notes) std::cout << "  " << note << '\n';
}

// The paths, searched on the part of the graph they can lie in (graph/index/).
Result<std::vector<graph::ConnectionPath>> FindPaths(index::GraphIndex& index, bool all,
                                                     std::size_t k, int64_t from, int64_t to,
                                                     const graph::PathFilter& filter) {
  if (k > 0) {
    Result<index::KPaths> found = index::KShortestPaths(index, from, to, k, filter);
    if (!found.ok()) return found.status();
    return std::move(found->paths);
  }
  Result<graph::GraphData> region = index::ShortestPathRegion(index, from, to, filter);
  if (!region.ok()) return region.status();
  const graph::KnowledgeGraph graph(std::move(*region));
  if (all) return graph.AllShortestPaths(from, to, filter);
  std::optional<graph::ConnectionPath> path = graph.ShortestPath(from, to, filter);
  if (!path) return std::vector<graph::ConnectionPath>{};
  return std::vector<graph::ConnectionPath>{*path};
}

// What the paths print: their entities (and the two ends), relations with
// evidence, the relations' items and the items of unresolved shorthand.
Result<graph::KnowledgeGraph> PrintedGraph(index::GraphIndex& index, int64_t from, int64_t to,
                                           const std::vector<graph::ConnectionPath>& paths) {
  std::vector<int64_t> entity_ids = {from, to};
  std::vector<int64_t> relation_ids;
  for (const graph::ConnectionPath& path : paths) {
    entity_ids.insert(entity_ids.end(), path.entity_ids.begin(), path.entity_ids.end());
    relation_ids.insert(relation_ids.end(), path.relation_ids.begin(), path.relation_ids.end());
  }
  for (std::vector<int64_t>* ids : {&entity_ids, &relation_ids}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  graph::GraphData data;
  Result<std::vector<graph::EntityRecord>> entities =
      index.Entities(entity_ids, index::EntityDetail::kCard);
  if (!entities.ok()) return entities.status();
  Result<std::vector<graph::RelationRecord>> relations = index.Relations(relation_ids);
  if (!relations.ok()) return relations.status();
  std::vector<int64_t> article_ids;
  for (const graph::RelationRecord& relation : *relations)
    article_ids.push_back(relation.article_id);
  for (const graph::EntityRecord& entity : *entities) {
    if (entity.unresolved) article_ids.push_back(entity.item_id);
  }
  std::sort(article_ids.begin(), article_ids.end());
  article_ids.erase(std::unique(article_ids.begin(), article_ids.end()), article_ids.end());
  Result<std::vector<graph::ArticleRecord>> articles = index.Articles(article_ids, false);
  if (!articles.ok()) return articles.status();
  data.entities = std::move(*entities);
  data.relations = std::move(*relations);
  data.articles = std::move(*articles);
  return graph::KnowledgeGraph(std::move(data));
}

int RunPath(const PathOptions& options) {
  Result<index::GraphIndex> index = OpenIndex(options.database);
  if (!index.ok()) return ReportError(index.status());
  Result<int64_t> from = ResolveEntity(*index, options.from);
  if (!from.ok()) {
    return ReportError(ExplainRejected(options.database, options.from, from.status()));
  }
  Result<int64_t> to = ResolveEntity(*index, options.to);
  if (!to.ok()) return ReportError(ExplainRejected(options.database, options.to, to.status()));
  Result<graph::PathFilter> filter = MakeFilter(*index, options.filter);
  if (!filter.ok()) return ReportError(filter.status());

  if (options.json) {
    Result<nlohmann::json> out =
        PathQueryJson(*index, *from, *to, *filter, options.all, options.k);
    if (!out.ok()) return ReportError(out.status());
    std::cout << out->dump(2) << '\n';
    return kExitOk;
  }
  Result<std::vector<graph::ConnectionPath>> found =
      FindPaths(*index, options.all, options.k, *from, *to, *filter);
  if (!found.ok()) return ReportError(found.status());
  const std::vector<graph::ConnectionPath>& paths = *found;
  Result<graph::KnowledgeGraph> graph = PrintedGraph(*index, *from, *to, paths);
  if (!graph.ok()) return ReportError(graph.status());
  if (paths.empty()) {
    std::cout << fmt::format("no connection between {} and {}{}\n",
                             Describe(*graph->FindEntity(*from)), Describe(*graph->FindEntity(*to)),
                             options.filter.empty() ? "" : " within the filters");
    return kExitOk;
  }
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (paths.size() > 1) std::cout << fmt::format("{}path {} of {}: ", i ? "\n" : "", i + 1, paths.size());
    PrintPath(*graph, paths[i]);
  }
  PrintNotes(*graph, paths);
  return kExitOk;
}

}  // namespace

Result<nlohmann::json> PathQueryJson(index::GraphIndex& index, int64_t from, int64_t to,
                                     const graph::PathFilter& filter, bool all, std::size_t k) {
  Result<std::vector<graph::ConnectionPath>> found = FindPaths(index, all, k, from, to, filter);
  if (!found.ok()) return found.status();
  const std::vector<graph::ConnectionPath>& paths = *found;
  Result<graph::KnowledgeGraph> graph = PrintedGraph(index, from, to, paths);
  if (!graph.ok()) return graph.status();
  nlohmann::json out = {{"from", EntityJson(*graph->FindEntity(from))},
                        {"to", EntityJson(*graph->FindEntity(to))},
                        {"length", nullptr},
                        {"paths", nlohmann::json::array()}};
  if (!paths.empty()) out["length"] = paths.front().relation_ids.size();
  for (const graph::ConnectionPath& path : paths) out["paths"].push_back(PathJson(*graph, path));
  return out;
}

RunFunction AddPathCommand(CLI::App& command) {
  auto options = std::make_shared<PathOptions>();
  command.add_option("A", options->from, "Where the path starts (name or alias)")->required();
  command.add_option("B", options->to, "Where it ends")->required();
  AddDatabaseOption(command, options->database);
  CLI::Option* all = command.add_flag("--all", options->all, "Every shortest path");
  command.add_option("--k", options->k, "The k shortest simple paths (k <= 20)")
      ->check(CLI::Range(std::size_t{1}, kMaxK))
      ->excludes(all);
  AddFilterOptions(command, options->filter);
  command.add_flag("--json", options->json, "Print JSON: length and paths with evidence");
  return [options] { return RunPath(*options); };
}

}  // namespace guanxi::cli
