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

std::string Describe(const graph::EntityRecord& entity) {
  return fmt::format("{} ({})", entity.name, graph::ToString(entity.type));
}

namespace {

// Where an entity comes from, to tell same-named ones apart: the first item
// that states one of its relations.
std::string Context(const graph::KnowledgeGraph& graph, int64_t id) {
  for (const graph::RelationRecord* relation : graph.RelationsOf(id)) {
    if (const graph::ArticleRecord* article = graph.FindArticle(relation->article_id)) {
      return fmt::format("in \"{}\"{}, {}", article->title,
                         article->date.empty() ? "" : " " + article->date, article->path);
    }
  }
  return "no relations";
}

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

}  // namespace

Result<int64_t> ResolveEntity(const graph::KnowledgeGraph& graph, std::string_view name) {
  if (std::optional<int64_t> id = ParseId(name)) {
    if (graph.FindEntity(*id) != nullptr) return *id;
    return Status::NotFound(std::string(name), "no entity with that id");
  }
  std::optional<graph::EntityType> wanted_type;
  if (auto colon = name.find(':'); colon != std::string_view::npos) {
    wanted_type = graph::ParseEntityType(name.substr(0, colon));
    if (wanted_type) name = name.substr(colon + 1);
  }
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
