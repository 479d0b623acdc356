#include "cli/common.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "cli/entity_search.h"
#include "graph/store/store_copy.h"

namespace guanxi::cli {

void AddDatabaseOption(CLI::App& command, std::string& database) {
  database = kDefaultDatabase;
  // A path, never a SQLite URI or an in-memory database: a build into one
  // would report success and keep nothing.
  command
      .add_option("--db", database,
                  "SQLite database file (a path), or a PostgreSQL database: "
                  "postgresql://USER@HOST:PORT/DBNAME")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (value.empty()) return "an empty path";
            if (value == ":memory:" || value.rfind("file:", 0) == 0) {
              return value + ": a database is a file path, not a SQLite URI or :memory:";
            }
            return {};
          },
          "PATH"));
}

void AddEncodingOption(CLI::App& command, std::string& encoding) {
  command.add_option("--encoding", encoding,
                     "Read the pages in this encoding (GB18030, GBK, Big5, UTF-16LE, ...) instead "
                     "of detecting it");
}

int ReportError(const Status& status) {
  std::cerr << "guanxi: " << status.ToString() << '\n';
  return status.code() == Status::Code::kInternal ? kExitInternal : kExitBadInput;
}

Result<store::Store> OpenExistingStore(const std::string& database, Access access) {
  if (store::IsPostgresUri(database)) {
    return access == Access::kWrite ? store::Store::Open(database)
                                    : store::Store::OpenReadOnly(database);
  }
  std::error_code error;
  if (!std::filesystem::exists(database, error)) {
    return Status::NotFound(database, "no such database (run `guanxi build PATH... --db " +
                                          database + "` first)");
  }
  return access == Access::kWrite ? store::Store::Open(database)
                                  : store::Store::OpenReadOnly(database);
}

Result<graph::KnowledgeGraph> LoadGraph(const std::string& database) {
  Result<store::Store> store = OpenExistingStore(database, Access::kRead);
  if (!store.ok()) return store.status();
  Result<graph::GraphData> data = store->LoadGraph();
  if (!data.ok()) return data.status();
  return graph::KnowledgeGraph(std::move(data).value());
}

Result<index::GraphIndex> OpenIndex(const std::string& database) {
  if (store::IsPostgresUri(database)) return index::GraphIndex::Open(database);
  std::error_code error;
  if (!std::filesystem::exists(database, error)) {
    return OpenExistingStore(database, Access::kRead).status();
  }
  Result<index::GraphIndex> opened = index::GraphIndex::Open(database);
  if (opened.ok()) return opened;
  // Store::OpenReadOnly migrates an older schema, and words every refusal
  // (not SQLite, an empty file, not guanxi, a newer version).
  Result<store::Store> store = store::Store::OpenReadOnly(database);
  if (!store.ok()) return store.status();
  return index::GraphIndex::Open(database);
}

Result<graph::KnowledgeGraph> Completed(index::GraphIndex& index, graph::GraphData data,
                                        index::EntityDetail detail) {
  GUANXI_RETURN_IF_ERROR(index.Complete(data, detail));
  return graph::KnowledgeGraph(std::move(data));
}

Result<StoreAndGraph> OpenStoreAndGraph(const std::string& database, Access access) {
  Result<store::Store> store = OpenExistingStore(database, access);
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

namespace {

// The live entities called `name` (name or alias), of `type` when given.
Result<std::vector<int64_t>> NamedIds(index::GraphIndex& index, std::string_view name,
                                      std::optional<graph::EntityType> type) {
  Result<std::vector<int64_t>> ids = index.IdsByName(name);
  if (!ids.ok() || !type) return ids;
  std::vector<int64_t> typed;
  for (int64_t id : *ids) {
    Result<std::optional<graph::EntityType>> found = index.TypeOf(id);
    if (!found.ok()) return found.status();
    if (*found == type) typed.push_back(id);
  }
  return typed;
}

// What Context and Describe read of `ids`: the entities, the item each
// comes from, or else its first relation and that relation's item.
Result<graph::KnowledgeGraph> ContextGraph(index::GraphIndex& index,
                                           const std::vector<int64_t>& ids) {
  graph::GraphData data;
  Result<std::vector<graph::EntityRecord>> entities =
      index.Entities(ids, index::EntityDetail::kFull);
  if (!entities.ok()) return entities.status();
  std::vector<int64_t> article_ids;
  std::vector<int64_t> first_relations;
  for (const graph::EntityRecord& entity : *entities) {
    if (entity.item_id != 0) {
      article_ids.push_back(entity.item_id);
    } else if (!entity.article_ids.empty()) {
      article_ids.push_back(entity.article_ids.front());
    } else {
      std::vector<index::Hop> hops;
      GUANXI_RETURN_IF_ERROR(index.AppendHops(entity.id, hops));
      if (hops.empty()) continue;
      first_relations.push_back(std::min_element(hops.begin(), hops.end(), [](auto& a, auto& b) {
                                  return a.relation_id < b.relation_id;
                                })->relation_id);
    }
  }
  Result<std::vector<graph::RelationRecord>> relations = index.Relations(first_relations);
  if (!relations.ok()) return relations.status();
  for (const graph::RelationRecord& relation : *relations) {
    article_ids.push_back(relation.article_id);
  }
  Result<std::vector<graph::ArticleRecord>> articles = index.Articles(article_ids, false);
  if (!articles.ok()) return articles.status();
  data.entities = std::move(*entities);
  data.relations = std::move(*relations);
  data.articles = std::move(*articles);
  return graph::KnowledgeGraph(std::move(data));
}

}  // namespace

Result<int64_t> ResolveEntity(index::GraphIndex& index, std::string_view name) {
  if (std::optional<int64_t> id = ParseId(name)) {
    Result<std::optional<graph::EntityType>> type = index.TypeOf(*id);
    if (!type.ok()) return type.status();
    if (*type) return *id;
    return Status::NotFound(std::string(name), "no entity with that id");
  }
  const auto [bare, wanted_type] = SplitType(name);
  name = bare;
  Result<std::vector<int64_t>> ids = NamedIds(index, name, wanted_type);
  if (!ids.ok()) return ids.status();
  if (ids->size() == 1) return ids->front();
  if (ids->empty()) {
    std::string detail = "no entity of that name";
    Result<std::vector<SearchHit>> near = SearchEntities(index, name, 5);
    if (!near.ok()) return near.status();
    std::vector<int64_t> near_ids;
    for (const SearchHit& hit : *near) near_ids.push_back(hit.entity_id);
    Result<std::vector<graph::EntityRecord>> entities =
        index.Entities(near_ids, index::EntityDetail::kCard);
    if (!entities.ok()) return entities.status();
    if (!entities->empty()) {
      detail += "; did you mean";
      for (std::size_t i = 0; i < entities->size(); ++i) {
        detail += (i == 0 ? " " : ", ") + Describe((*entities)[i]);
      }
      detail += "?";
    }
    return Status::NotFound(std::string(name), detail);
  }
  Result<graph::KnowledgeGraph> graph = ContextGraph(index, *ids);
  if (!graph.ok()) return graph.status();
  std::string detail = "ambiguous; name one of these by TYPE:NAME or #ID";
  for (int64_t id : *ids) {
    detail +=
        fmt::format("\n  #{}  {}  {}", id, Describe(*graph->FindEntity(id)), Context(*graph, id));
  }
  return Status::InvalidInput(std::string(name), detail);
}

Result<std::vector<int64_t>> ResolveEntities(index::GraphIndex& index, std::string_view name) {
  Result<int64_t> one = ResolveEntity(index, name);
  if (one.ok()) return std::vector<int64_t>{*one};
  if (one.status().code() != Status::Code::kInvalidInput || ParseId(name)) return one.status();
  const auto [bare, wanted_type] = SplitType(name);
  Result<std::vector<int64_t>> ids = NamedIds(index, bare, wanted_type);
  if (!ids.ok()) return ids.status();
  Result<std::vector<graph::EntityRecord>> entities =
      index.Entities(*ids, index::EntityDetail::kType);
  if (!entities.ok()) return entities.status();
  const bool all_unresolved =
      !entities->empty() && std::all_of(entities->begin(), entities->end(),
                                        [](const auto& entity) { return entity.unresolved; });
  if (!all_unresolved) return one.status();
  return *ids;
}

Result<graph::PathFilter> MakeFilter(index::GraphIndex& index, const FilterOptions& options) {
  FilterOptions without_names = options;
  without_names.excluded.clear();
  Result<graph::PathFilter> filter =
      MakeFilter(graph::KnowledgeGraph(graph::GraphData{}), without_names);
  if (!filter.ok()) return filter.status();
  for (const std::string& name : options.excluded) {
    Result<int64_t> id = ResolveEntity(index, name);
    if (!id.ok()) return id.status();
    filter->excluded_ids.push_back(*id);
  }
  return filter;
}

Result<index::NeighbourhoodRegion> LimitedNeighbourhood(index::GraphIndex& index, int64_t centre,
                                                        int depth, const graph::PathFilter& filter,
                                                        std::size_t limit, bool with_relations) {
  Result<index::NeighbourhoodRegion> region =
      index::FindNeighbourhood(index, centre, depth, filter, limit, with_relations);
  if (!region.ok() || !region->hub) return region;
  Result<std::vector<graph::EntityRecord>> named =
      index.Entities({centre, region->hub->id}, index::EntityDetail::kCard);
  if (!named.ok()) return named.status();
  const graph::EntityRecord& hub = named->back();
  const std::string through = hub.id == centre
                                  ? fmt::format("it has {} relations", region->hub->relations)
                                  : fmt::format("through {} #{}, {} relations, among others",
                                                Describe(hub), hub.id, region->hub->relations);
  const std::string exclude = hub.id == centre ? "" : fmt::format("--exclude '#{}', ", hub.id);
  return Status::InvalidInput(
      Describe(named->front()),
      fmt::format("more than {} entities within {} hops ({}); narrow the query with {}--relations, "
                  "--via, --since/--until or a smaller --depth, or raise --limit (0: no limit)",
                  limit, depth, through, exclude));
}

Result<Selection> Select(index::GraphIndex& index, const std::string& database,
                         const SelectionOptions& options, std::size_t limit) {
  Result<graph::PathFilter> filter = MakeFilter(index, options.filter);
  if (!filter.ok()) return filter.status();
  Selection selection;
  if (!options.around.empty()) {
    Result<int64_t> centre = ResolveEntity(index, options.around);
    if (!centre.ok()) return centre.status();
    Result<index::NeighbourhoodRegion> region =
        LimitedNeighbourhood(index, *centre, options.depth, *filter, limit, true);
    if (!region.ok()) return region.status();
    selection.data = graph::KnowledgeGraph(std::move(region->data))
                         .Neighbourhood(*centre, options.depth, *filter);
    GUANXI_RETURN_IF_ERROR(index.Complete(selection.data, index::EntityDetail::kFull));
    selection.highlight_ids = {*centre};
    selection.title = fmt::format("{} (depth {})", options.around, options.depth);
    return selection;
  }
  if (!options.path.empty()) {
    Result<int64_t> from = ResolveEntity(index, options.path[0]);
    if (!from.ok()) return from.status();
    Result<int64_t> to = ResolveEntity(index, options.path[1]);
    if (!to.ok()) return to.status();
    Result<graph::GraphData> region = index::ShortestPathRegion(index, *from, *to, *filter);
    if (!region.ok()) return region.status();
    const graph::KnowledgeGraph graph(std::move(*region));
    std::optional<graph::ConnectionPath> path = graph.ShortestPath(*from, *to, *filter);
    if (!path) {
      return Status::NotFound(fmt::format("{} - {}", options.path[0], options.path[1]),
                              "no connection within the filters, nothing to select");
    }
    selection.data = graph.Select(*path);
    GUANXI_RETURN_IF_ERROR(index.Complete(selection.data, index::EntityDetail::kFull));
    selection.highlight_ids = {*from, *to};
    selection.path_entity_ids = path->entity_ids;
    selection.path_relation_ids = path->relation_ids;
    selection.title = fmt::format("{} → {}", options.path[0], options.path[1]);
    return selection;
  }
  if (!options.filter.empty()) {
    return Status::InvalidInput("--all", "filters apply to --around and --path selections");
  }
  // The whole graph: everything is output, so everything is loaded.
  Result<graph::KnowledgeGraph> graph = LoadGraph(database);
  if (!graph.ok()) return graph.status();
  selection.data = graph->data();
  selection.title = "guanxi";
  return selection;
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
  Result<store::Store> store = OpenExistingStore(database, Access::kRead);
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
