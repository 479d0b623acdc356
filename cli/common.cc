#include "cli/common.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "cli/entity_search.h"

namespace guanxi::cli {

void AddDatabaseOption(CLI::App& command, std::string& database) {
  database = kDefaultDatabase;
  command.add_option("--db", database, "SQLite database file")->capture_default_str();
}

int ReportError(const Status& status) {
  std::cerr << "guanxi: " << status.ToString() << '\n';
  return status.code() == Status::Code::kInternal ? kExitInternal : kExitBadInput;
}

Result<store::Store> OpenExistingStore(const std::string& database) {
  std::error_code error;
  if (!std::filesystem::exists(database, error)) {
    return Status::NotFound(database, "no such database (run `guanxi build PATH... --db " +
                                          database + "` first)");
  }
  return store::Store::Open(database);
}

Result<graph::KnowledgeGraph> LoadGraph(const std::string& database) {
  Result<store::Store> store = OpenExistingStore(database);
  if (!store.ok()) return store.status();
  Result<graph::GraphData> data = store->LoadGraph();
  if (!data.ok()) return data.status();
  return graph::KnowledgeGraph(std::move(data).value());
}

Result<StoreAndGraph> OpenStoreAndGraph(const std::string& database) {
  Result<store::Store> store = OpenExistingStore(database);
  if (!store.ok()) return store.status();
  Result<graph::GraphData> data = store->LoadGraph();
  if (!data.ok()) return data.status();
  return StoreAndGraph{std::move(store).value(), graph::KnowledgeGraph(std::move(data).value())};
}

std::string Describe(const graph::EntityRecord& entity) {
  return fmt::format("{} ({})", entity.name, graph::ToString(entity.type));
}

namespace {

// "#12": an entity id, as listed for ambiguous names.
std::optional<int64_t> ParseId(std::string_view name) {
  if (name.size() < 2 || name[0] != '#') return std::nullopt;
  int64_t id = 0;
  for (char c : name.substr(1)) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

// The name typed without a "type:" prefix, and that type if there was one.
std::pair<std::string_view, std::optional<graph::EntityType>> SplitType(std::string_view name) {
  if (auto colon = name.find(':'); colon != std::string_view::npos) {
    if (auto type = graph::ParseEntityType(name.substr(0, colon))) {
      return {name.substr(colon + 1), type};
    }
  }
  return {name, std::nullopt};
}

}  // namespace

std::string Context(const graph::KnowledgeGraph& graph, int64_t id) {
  const graph::EntityRecord* entity = graph.FindEntity(id);
  if (entity == nullptr) return "no such entity";
  int64_t article_id = entity->item_id;
  if (article_id == 0 && !entity->article_ids.empty()) article_id = entity->article_ids.front();
  if (article_id == 0) {
    // A graph loaded without provenance: the first item that states a relation.
    for (const graph::RelationRecord* relation : graph.RelationsOf(id)) {
      article_id = relation->article_id;
      break;
    }
  }
  const graph::ArticleRecord* article = graph.FindArticle(article_id);
  if (article == nullptr) return "no items";
  const std::size_t others = entity->article_ids.empty() ? 0 : entity->article_ids.size() - 1;
  std::string more =
      others == 0 ? "" : fmt::format(" and {} more item{}", others, others == 1 ? "" : "s");
  return fmt::format("{}in \"{}\"{}, {}{}", entity->unresolved ? "unresolved, " : "",
                     article->title, article->date.empty() ? "" : " " + article->date,
                     article->path, more);
}

Result<int64_t> ResolveEntity(const graph::KnowledgeGraph& graph, std::string_view name) {
  if (std::optional<int64_t> id = ParseId(name)) {
    if (graph.FindEntity(*id) != nullptr) return *id;
    return Status::NotFound(std::string(name), "no entity with that id");
  }
  const auto [bare, wanted_type] = SplitType(name);
  name = bare;
  std::vector<int64_t> ids = graph.FindByName(name);
  if (wanted_type) {
    std::erase_if(ids, [&](int64_t id) { return graph.FindEntity(id)->type != *wanted_type; });
  }
  if (ids.size() == 1) return ids.front();
  if (ids.empty()) {
    std::string detail = "no entity of that name";
    std::vector<SearchHit> near = SearchEntities(graph, name, 5);
    if (!near.empty()) {
      detail += "; did you mean";
      for (std::size_t i = 0; i < near.size(); ++i) {
        detail += (i == 0 ? " " : ", ") + Describe(*graph.FindEntity(near[i].entity_id));
      }
      detail += "?";
    }
    return Status::NotFound(std::string(name), detail);
  }
  std::string detail = "ambiguous; name one of these by TYPE:NAME or #ID";
  for (int64_t id : ids) {
    detail += fmt::format("\n  #{}  {}  {}", id, Describe(*graph.FindEntity(id)),
                          Context(graph, id));
  }
  return Status::InvalidInput(std::string(name), detail);
}

Result<std::vector<int64_t>> ResolveEntities(const graph::KnowledgeGraph& graph,
                                             std::string_view name) {
  Result<int64_t> one = ResolveEntity(graph, name);
  if (one.ok()) return std::vector<int64_t>{*one};
  if (one.status().code() != Status::Code::kInvalidInput || ParseId(name)) return one.status();
  const auto [bare, wanted_type] = SplitType(name);
  std::vector<int64_t> ids = graph.FindByName(bare);
  if (wanted_type) {
    std::erase_if(ids, [&](int64_t id) { return graph.FindEntity(id)->type != *wanted_type; });
  }
  const bool all_unresolved = !ids.empty() && std::all_of(ids.begin(), ids.end(), [&](int64_t id) {
    return graph.FindEntity(id)->unresolved;
  });
  if (!all_unresolved) return one.status();
  return ids;
}

Status ExplainRejected(const std::string& database, std::string_view name, Status status) {
  if (status.code() != Status::Code::kNotFound || ParseId(name)) return status;
  const auto [bare, wanted_type] = SplitType(name);
  Result<store::Store> store = OpenExistingStore(database);
  if (!store.ok()) return status;
  Result<std::vector<store::Decision>> log = store->Decisions();
  if (!log.ok()) return status;
  for (auto it = log->rbegin(); it != log->rend(); ++it) {
    if (it->kind != store::DecisionKind::kReject || it->relation) continue;
    if (it->entity.name != bare || (wanted_type && it->entity.type != *wanted_type)) continue;
    return Status::NotFound(status.context(),
                            fmt::format("rejected by decision {}{} (`guanxi decisions` lists it)",
                                        it->id, it->reason.empty() ? "" : ": " + it->reason));
  }
  return status;
}

ProgressLine::ProgressLine(std::string_view label)
    : label_(label), enabled_(isatty(fileno(stderr)) != 0) {}

ProgressLine::~ProgressLine() {
  if (shown_) std::cerr << '\n';
}

void ProgressLine::Update(std::size_t done, std::size_t total) {
  if (!enabled_) return;
  std::cerr << fmt::format("\r{} {}/{}", label_, done, total) << std::flush;
  shown_ = true;
}

}  // namespace guanxi::cli
