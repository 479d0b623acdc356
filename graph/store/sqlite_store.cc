#include "graph/store/sqlite_store.h"

#include <string>
#include <unordered_map>
#include <utility>

#include "graph/store/schema.h"
#include "graph/store/sqlite_db.h"

namespace guanxi::store {
namespace {

Status UnknownType(const Database& database, const char* table, const std::string& name) {
  return Status::Corrupt(database.path().string(),
                         std::string(table) + ": unknown type \"" + name + "\"");
}

}  // namespace

Store::Store(std::filesystem::path path, std::unique_ptr<Database> database)
    : path_(std::move(path)), database_(std::move(database)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const std::filesystem::path& Store::path() const { return path_; }

Result<Store> Store::Open(const std::filesystem::path& path) {
  Result<std::unique_ptr<Database>> database = Database::Open(path);
  if (!database.ok()) return database.status();
  Database& db = **database;
  // Neither pragma reads the file, so neither can fail on a foreign file.
  GUANXI_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON"));
  GUANXI_RETURN_IF_ERROR(db.Exec("PRAGMA busy_timeout = 5000"));
  GUANXI_RETURN_IF_ERROR(PrepareSchema(db));
  return Store(path, std::move(*database));
}

Result<graph::GraphData> Store::LoadGraph() const {
  Database& db = *database_;
  graph::GraphData data;

  Result<Statement> entities = db.Prepare("SELECT id, type, name FROM entities ORDER BY id");
  if (!entities.ok()) return entities.status();
  std::unordered_map<int64_t, size_t> entity_index;
  while (true) {
    Result<bool> row = entities->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    graph::EntityRecord record;
    record.id = entities->ColumnInt(0);
    const std::string type = entities->ColumnText(1);
    const std::optional<graph::EntityType> parsed = graph::ParseEntityType(type);
    if (!parsed) return UnknownType(db, "entities", type);
    record.type = *parsed;
    record.name = entities->ColumnText(2);
    entity_index.emplace(record.id, data.entities.size());
    data.entities.push_back(std::move(record));
  }

  // rowid order is the order aliases were first seen.
  Result<Statement> aliases =
      db.Prepare("SELECT entity_id, alias FROM aliases ORDER BY entity_id, rowid");
  if (!aliases.ok()) return aliases.status();
  while (true) {
    Result<bool> row = aliases->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const auto found = entity_index.find(aliases->ColumnInt(0));
    if (found == entity_index.end()) continue;  // foreign keys make this unreachable
    data.entities[found->second].aliases.push_back(aliases->ColumnText(1));
  }

  Result<Statement> articles =
      db.Prepare("SELECT id, path, title, date, full_date FROM articles ORDER BY id");
  if (!articles.ok()) return articles.status();
  while (true) {
    Result<bool> row = articles->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    data.articles.push_back({.id = articles->ColumnInt(0),
                             .path = articles->ColumnText(1),
                             .title = articles->ColumnText(2),
                             .date = articles->ColumnText(3),
                             .full_date = articles->ColumnText(4)});
  }

  Result<Statement> relations = db.Prepare(
      "SELECT id, type, source_id, target_id, title, article_id, sentence, char_begin, char_end "
      "FROM relations ORDER BY id");
  if (!relations.ok()) return relations.status();
  while (true) {
    Result<bool> row = relations->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    graph::RelationRecord record;
    record.id = relations->ColumnInt(0);
    const std::string type = relations->ColumnText(1);
    const std::optional<graph::RelationType> parsed = graph::ParseRelationType(type);
    if (!parsed) return UnknownType(db, "relations", type);
    record.type = *parsed;
    record.source_id = relations->ColumnInt(2);
    record.target_id = relations->ColumnInt(3);
    record.title = relations->ColumnText(4);
    record.article_id = relations->ColumnInt(5);
    record.evidence.sentence = relations->ColumnText(6);
    record.evidence.char_begin = relations->ColumnInt(7);
    record.evidence.char_end = relations->ColumnInt(8);
    data.relations.push_back(std::move(record));
  }
  return data;
}

Result<StoreCounts> Store::Counts() const {
  Database& db = *database_;
  StoreCounts counts;
  const std::pair<const char*, int64_t*> totals[] = {
      {"SELECT count(*) FROM articles", &counts.articles},
      {"SELECT count(*) FROM entities", &counts.entities},
      {"SELECT count(*) FROM aliases", &counts.aliases},
      {"SELECT count(*) FROM relations", &counts.relations},
  };
  for (const auto& [sql, out] : totals) {
    Result<Statement> statement = db.Prepare(sql);
    if (!statement.ok()) return statement.status();
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    *out = *row ? statement->ColumnInt(0) : 0;
  }

  Result<Statement> by_entity_type =
      db.Prepare("SELECT type, count(*) FROM entities GROUP BY type");
  if (!by_entity_type.ok()) return by_entity_type.status();
  while (true) {
    Result<bool> row = by_entity_type->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const std::string type = by_entity_type->ColumnText(0);
    const std::optional<graph::EntityType> parsed = graph::ParseEntityType(type);
    if (!parsed) return UnknownType(db, "entities", type);
    counts.entities_by_type[*parsed] = by_entity_type->ColumnInt(1);
  }

  Result<Statement> by_relation_type =
      db.Prepare("SELECT type, count(*) FROM relations GROUP BY type");
  if (!by_relation_type.ok()) return by_relation_type.status();
  while (true) {
    Result<bool> row = by_relation_type->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const std::string type = by_relation_type->ColumnText(0);
    const std::optional<graph::RelationType> parsed = graph::ParseRelationType(type);
    if (!parsed) return UnknownType(db, "relations", type);
    counts.relations_by_type[*parsed] = by_relation_type->ColumnInt(1);
  }
  return counts;
}

}  // namespace guanxi::store
