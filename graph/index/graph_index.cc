#include "graph/index/graph_index.h"

#include <algorithm>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "graph/store/pg_db.h"
#include "graph/store/pg_schema.h"
#include "graph/store/sqlite_db.h"

namespace guanxi::index {
namespace {

using store::Database;
using store::SqliteDatabase;
using store::Statement;

// SQLite's page cache for one query, in KiB: a query reads a few thousand
// pages scattered over the file, some of them again (a hub's index pages).
// Read calls, not a memory map: the kernel maps 16 pages around each page
// touched through a map, and resident memory grew tenfold
// (graph/index/README.md has the measurement).
constexpr int64_t kPageCacheKib = 64 * 1024;

constexpr const char* kLive = "merged_into IS NULL AND rejected = 0";

Status UnknownType(const Database& db, const char* table, const std::string& name) {
  return Status::Corrupt(db.path().string(),
                         std::string(table) + ": unknown type \"" + name + "\"");
}

// Steps `statement` (bound already) and calls `each` on every row.
template <typename Each>
Status ForEachRow(Statement& statement, Each each) {
  while (true) {
    Result<bool> row = statement.Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    GUANXI_RETURN_IF_ERROR(each(statement));
  }
}

Result<int64_t> ReadInteger(Database& db, const char* sql) {
  Result<Statement> statement = db.Prepare(sql);
  if (!statement.ok()) return statement.status();
  Result<bool> row = statement->Step();
  if (!row.ok()) return row.status();
  return *row ? statement->ColumnInt(0) : 0;
}

}  // namespace

// Prepared once, reset before each use.
struct GraphIndex::Statements {
  Statement hops_out;
  Statement hops_in;
  Statement type_of;
  Statement entity;
  Statement aliases;
  Statement mentions;
  Statement decisions;
  Statement relation;
  Statement article;
  Statement sources;
  Statement ids_by_name;
  Statement degree_out;
  Statement degree_in;
  Statement entries_out;
  Statement entries_in;
};

GraphIndex::GraphIndex(std::filesystem::path path, std::unique_ptr<Database> database)
    : path_(std::move(path)), database_(std::move(database)) {}
GraphIndex::GraphIndex(GraphIndex&&) noexcept = default;
GraphIndex& GraphIndex::operator=(GraphIndex&&) noexcept = default;
GraphIndex::~GraphIndex() = default;

Result<GraphIndex> GraphIndex::Open(const std::filesystem::path& path) {
  if (store::IsPostgresUri(path.string())) return OpenPostgres(path.string());
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return Status::NotFound(path.string(), "no such database");
  }
  Result<std::unique_ptr<Database>> opened = SqliteDatabase::OpenReadOnly(path);
  if (!opened.ok()) return opened.status();
  GraphIndex index(path, std::move(*opened));
  Database& db = *index.database_;
  // A writer (guanxi build) holds its lock for a moment per batch.
  GUANXI_RETURN_IF_ERROR(db.Exec("PRAGMA busy_timeout = 5000"));
  GUANXI_RETURN_IF_ERROR(db.Exec("PRAGMA cache_size = -" + std::to_string(kPageCacheKib)));
  // One read transaction for the index's life: every query of a command sees
  // the same committed state, whatever a build commits meanwhile (in WAL
  // mode, without making it wait). Closing the connection ends it.
  GUANXI_RETURN_IF_ERROR(db.Exec(db.BeginSql(Database::TransactionKind::kRead)));
  Result<int64_t> version = ReadInteger(db, "PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version < kSchemaVersion) {
    return Status::InvalidInput(path.string(), "schema version " + std::to_string(*version) +
                                                   " needs migrating (store::Store::Open)");
  }
  if (*version > kSchemaVersion) {
    return Status::Corrupt(path.string(), "not a guanxi database (unknown schema version " +
                                              std::to_string(*version) + ")");
  }
  GUANXI_RETURN_IF_ERROR(index.Prepare());
  return index;
}

Result<GraphIndex> GraphIndex::OpenPostgres(const std::string& uri) {
  Result<std::unique_ptr<store::PgDatabase>> opened = store::PgDatabase::Open(uri);
  if (!opened.ok()) return opened.status();
  GUANXI_RETURN_IF_ERROR(store::CheckPgSchema((*opened)->connection()));
  const std::filesystem::path name = (*opened)->path();
  GraphIndex index(name, std::move(*opened));
  Database& db = *index.database_;
  // One REPEATABLE READ transaction for the index's life: one snapshot, as
  // on SQLite, whatever builds commit meanwhile.
  GUANXI_RETURN_IF_ERROR(db.Exec(db.BeginSql(Database::TransactionKind::kRead)));
  GUANXI_RETURN_IF_ERROR(index.Prepare());
  return index;
}

Status GraphIndex::Prepare() {
  Database& db = *database_;
  const std::string alias_order(store::AliasOrderColumn(db.dialect()));
  const std::string live(kLive);
  // In the order of Statements' members.
  const std::string sql[] = {
      // The two covering partial indexes: no table row is read.
      "SELECT target_id, type, article_id, id FROM relations "
      "WHERE source_id = ?1 AND rejected = 0",
      "SELECT source_id, type, article_id, id FROM relations "
      "WHERE target_id = ?1 AND rejected = 0 AND source_id != ?1",
      "SELECT type FROM entities WHERE id = ?1 AND " + live,
      "SELECT type, name, coalesce(article_id, 0) FROM entities WHERE id = ?1 AND " + live,
      "SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY " + alias_order,
      "SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?1 ORDER BY article_id",
      "SELECT d.id, d.kind, d.reason FROM entity_decisions e "
      "JOIN decisions d ON d.id = e.decision_id "
      "WHERE e.entity_id = ?1 AND d.undone_by IS NULL ORDER BY d.id",
      std::string("SELECT r.type, r.source_id, r.target_id, r.title, r.article_id, ") +
          store::kEvidenceSentence +
          ", r.char_begin, r.char_end FROM relations r JOIN articles a ON a.id = r.article_id "
          "WHERE r.id = ?1 AND r.rejected = 0",
      "SELECT path, title, date, full_date, outlet, place FROM articles WHERE id = ?1",
      "SELECT path, item_index, outlet, title, similarity FROM sources "
      "WHERE article_id = ?1 ORDER BY id",
      "SELECT id FROM entities WHERE name = ?1 AND " + live +
          " UNION SELECT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id "
          "WHERE a.alias = ?1 AND e.merged_into IS NULL AND e.rejected = 0 ORDER BY 1",
      "SELECT count(*) FROM relations WHERE source_id = ?1 AND rejected = 0",
      "SELECT count(*) FROM relations WHERE target_id = ?1 AND rejected = 0 AND source_id != ?1",
      "SELECT count(*) FROM (SELECT 1 FROM relations WHERE source_id = ?1 AND rejected = 0 "
      "LIMIT ?2) AS entries",
      "SELECT count(*) FROM (SELECT 1 FROM relations WHERE target_id = ?1 AND rejected = 0 "
      "LIMIT ?2) AS entries",
  };
  // Statements has no default constructor (Statement has none): build it
  // from the prepared statements in declaration order.
  std::vector<Statement> prepared;
  for (const std::string& text : sql) {
    Result<Statement> statement = db.Prepare(text);
    if (!statement.ok()) return statement.status();
    prepared.push_back(std::move(*statement));
  }
  statements_ = std::make_unique<Statements>(
      Statements{std::move(prepared[0]), std::move(prepared[1]), std::move(prepared[2]),
                 std::move(prepared[3]), std::move(prepared[4]), std::move(prepared[5]),
                 std::move(prepared[6]), std::move(prepared[7]), std::move(prepared[8]),
                 std::move(prepared[9]), std::move(prepared[10]), std::move(prepared[11]),
                 std::move(prepared[12]), std::move(prepared[13]), std::move(prepared[14])});

  // Every rejected entity has its reject decision noted in entity_decisions
  // (store/curation.cc ApplyReject), a small table: CROSS JOIN keeps SQLite
  // from scanning entities instead (PostgreSQL plans the join itself).
  const std::string join = db.dialect() == store::Dialect::kSqlite ? "CROSS JOIN" : "JOIN";
  Result<Statement> rejected = db.Prepare("SELECT DISTINCT e.id FROM entity_decisions d " + join +
                                          " entities e ON e.id = d.entity_id "
                                          "WHERE e.rejected = 1");
  if (!rejected.ok()) return rejected.status();
  return ForEachRow(*rejected, [&](Statement& row) {
    rejected_.insert(row.ColumnInt(0));
    return Status::Ok();
  });
}

Status GraphIndex::AppendHops(int64_t entity_id, std::vector<Hop>& hops) {
  for (Statement* statement : {&statements_->hops_out, &statements_->hops_in}) {
    const bool outgoing = statement == &statements_->hops_out;
    statement->Reset();
    GUANXI_RETURN_IF_ERROR(statement->Bind(1, entity_id));
    GUANXI_RETURN_IF_ERROR(ForEachRow(*statement, [&](Statement& row) -> Status {
      const int64_t other = row.ColumnInt(0);
      if (!rejected_.empty() && rejected_.count(other) != 0) return Status::Ok();
      // A view, not a copy: this loop runs for every index entry a query reads.
      const std::optional<graph::RelationType> parsed =
          graph::ParseRelationType(row.ColumnTextView(1));
      if (!parsed) return UnknownType(*database_, "relations", std::string(row.ColumnTextView(1)));
      hops.push_back({other, row.ColumnInt(3), row.ColumnInt(2), *parsed, outgoing});
      return Status::Ok();
    }));
  }
  return Status::Ok();
}

Result<size_t> GraphIndex::Degree(int64_t entity_id) {
  if (!rejected_.empty()) {
    std::vector<Hop> hops;
    GUANXI_RETURN_IF_ERROR(AppendHops(entity_id, hops));
    return hops.size();
  }
  // Counting index entries decodes no column: several times faster for hubs.
  size_t degree = 0;
  for (Statement* statement : {&statements_->degree_out, &statements_->degree_in}) {
    statement->Reset();
    GUANXI_RETURN_IF_ERROR(statement->Bind(1, entity_id));
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (*row) degree += static_cast<size_t>(statement->ColumnInt(0));
  }
  return degree;
}

Result<size_t> GraphIndex::EntriesAtMost(int64_t entity_id, int64_t cap) {
  size_t entries = 0;
  for (Statement* statement : {&statements_->entries_out, &statements_->entries_in}) {
    statement->Reset();
    GUANXI_RETURN_IF_ERROR(statement->Bind(1, entity_id));
    GUANXI_RETURN_IF_ERROR(statement->Bind(2, cap));
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (*row) entries += static_cast<size_t>(statement->ColumnInt(0));
  }
  return entries;
}

Result<std::optional<graph::EntityType>> GraphIndex::TypeOf(int64_t id) {
  Statement& statement = statements_->type_of;
  statement.Reset();
  GUANXI_RETURN_IF_ERROR(statement.Bind(1, id));
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<graph::EntityType>();
  const std::string type = statement.ColumnText(0);
  const std::optional<graph::EntityType> parsed = graph::ParseEntityType(type);
  if (!parsed) return UnknownType(*database_, "entities", type);
  return parsed;
}

Result<std::vector<int64_t>> GraphIndex::IdsByName(std::string_view name) {
  Statement& statement = statements_->ids_by_name;
  statement.Reset();
  GUANXI_RETURN_IF_ERROR(statement.Bind(1, name));
  std::vector<int64_t> ids;
  GUANXI_RETURN_IF_ERROR(ForEachRow(statement, [&](Statement& row) {
    ids.push_back(row.ColumnInt(0));
    return Status::Ok();
  }));
  return ids;
}

Result<std::vector<int64_t>> GraphIndex::IdsByNamePart(const std::vector<std::string>& parts) {
  std::vector<int64_t> ids;
  if (parts.empty()) return ids;
  // Byte containment, as std::string::find.
  auto any_part = [&](const char* column) {
    std::string condition;
    for (size_t i = 0; i < parts.size(); ++i) {
      condition += (i ? " OR " : "") +
                   store::ContainsSql(database_->dialect(), column, static_cast<int>(i + 1));
    }
    return "(" + condition + ")";
  };
  const std::string sql = "SELECT id FROM entities WHERE " + std::string(kLive) + " AND " +
                          any_part("name") +
                          " UNION SELECT a.entity_id FROM aliases a JOIN entities e ON e.id = "
                          "a.entity_id WHERE e.merged_into IS NULL AND e.rejected = 0 AND " +
                          any_part("a.alias") + " ORDER BY 1";
  Result<Statement> statement = database_->Prepare(sql);
  if (!statement.ok()) return statement.status();
  for (size_t i = 0; i < parts.size(); ++i) {
    GUANXI_RETURN_IF_ERROR(statement->BindBlob(static_cast<int>(i + 1), parts[i]));
  }
  GUANXI_RETURN_IF_ERROR(ForEachRow(*statement, [&](Statement& row) {
    ids.push_back(row.ColumnInt(0));
    return Status::Ok();
  }));
  return ids;
}

Status GraphIndex::ForEachName(const std::function<Status(int64_t, const std::string&)>& each) {
  Result<Statement> names = database_->Prepare("SELECT id, name FROM entities WHERE " +
                                               std::string(kLive) + " ORDER BY id");
  if (!names.ok()) return names.status();
  Result<Statement> aliases =
      database_->Prepare("SELECT entity_id, alias FROM aliases ORDER BY entity_id, " +
                         std::string(store::AliasOrderColumn(database_->dialect())));
  if (!aliases.ok()) return aliases.status();
  // A merge of the two id-ordered streams.
  Result<bool> alias_row = aliases->Step();
  if (!alias_row.ok()) return alias_row.status();
  return ForEachRow(*names, [&](Statement& row) -> Status {
    const int64_t id = row.ColumnInt(0);
    GUANXI_RETURN_IF_ERROR(each(id, row.ColumnText(1)));
    while (*alias_row && aliases->ColumnInt(0) <= id) {
      if (aliases->ColumnInt(0) == id) GUANXI_RETURN_IF_ERROR(each(id, aliases->ColumnText(1)));
      alias_row = aliases->Step();
      if (!alias_row.ok()) return alias_row.status();
    }
    return Status::Ok();
  });
}

Result<std::vector<graph::EntityRecord>> GraphIndex::Entities(const std::vector<int64_t>& ids,
                                                              EntityDetail detail) {
  std::vector<graph::EntityRecord> records;
  records.reserve(ids.size());
  Statements& s = *statements_;
  for (int64_t id : ids) {
    s.entity.Reset();
    GUANXI_RETURN_IF_ERROR(s.entity.Bind(1, id));
    Result<bool> row = s.entity.Step();
    if (!row.ok()) return row.status();
    if (!*row) continue;
    graph::EntityRecord record;
    record.id = id;
    const std::string type = s.entity.ColumnText(0);
    const std::optional<graph::EntityType> parsed = graph::ParseEntityType(type);
    if (!parsed) return UnknownType(*database_, "entities", type);
    record.type = *parsed;
    record.item_id = s.entity.ColumnInt(2);
    record.unresolved = record.item_id != 0 && record.type != graph::EntityType::kEvent;
    if (detail != EntityDetail::kType) {
      record.name = s.entity.ColumnText(1);
      s.aliases.Reset();
      GUANXI_RETURN_IF_ERROR(s.aliases.Bind(1, id));
      GUANXI_RETURN_IF_ERROR(ForEachRow(s.aliases, [&](Statement& alias) {
        record.aliases.push_back(alias.ColumnText(0));
        return Status::Ok();
      }));
      s.decisions.Reset();
      GUANXI_RETURN_IF_ERROR(s.decisions.Bind(1, id));
      GUANXI_RETURN_IF_ERROR(ForEachRow(s.decisions, [&](Statement& decision) {
        record.decisions.push_back(
            {decision.ColumnInt(0), decision.ColumnText(1), decision.ColumnText(2)});
        return Status::Ok();
      }));
    }
    if (detail == EntityDetail::kFull) {
      s.mentions.Reset();
      GUANXI_RETURN_IF_ERROR(s.mentions.Bind(1, id));
      GUANXI_RETURN_IF_ERROR(ForEachRow(s.mentions, [&](Statement& mention) {
        record.article_ids.push_back(mention.ColumnInt(0));
        return Status::Ok();
      }));
    }
    records.push_back(std::move(record));
  }
  return records;
}

Result<std::vector<graph::RelationRecord>> GraphIndex::Relations(const std::vector<int64_t>& ids) {
  std::vector<graph::RelationRecord> records;
  records.reserve(ids.size());
  Statement& statement = statements_->relation;
  for (int64_t id : ids) {
    statement.Reset();
    GUANXI_RETURN_IF_ERROR(statement.Bind(1, id));
    Result<bool> row = statement.Step();
    if (!row.ok()) return row.status();
    if (!*row) continue;
    graph::RelationRecord record;
    record.id = id;
    const std::string type = statement.ColumnText(0);
    const std::optional<graph::RelationType> parsed = graph::ParseRelationType(type);
    if (!parsed) return UnknownType(*database_, "relations", type);
    record.type = *parsed;
    record.source_id = statement.ColumnInt(1);
    record.target_id = statement.ColumnInt(2);
    // Relations of rejected entities are hidden with them.
    if (rejected_.count(record.source_id) != 0 || rejected_.count(record.target_id) != 0) {
      continue;
    }
    record.title = statement.ColumnText(3);
    record.article_id = statement.ColumnInt(4);
    record.evidence.sentence = statement.ColumnText(5);
    record.evidence.char_begin = statement.ColumnInt(6);
    record.evidence.char_end = statement.ColumnInt(7);
    records.push_back(std::move(record));
  }
  return records;
}

Result<std::vector<graph::ArticleRecord>> GraphIndex::Articles(const std::vector<int64_t>& ids,
                                                               bool with_sources) {
  std::vector<graph::ArticleRecord> records;
  records.reserve(ids.size());
  Statements& s = *statements_;
  for (int64_t id : ids) {
    s.article.Reset();
    GUANXI_RETURN_IF_ERROR(s.article.Bind(1, id));
    Result<bool> row = s.article.Step();
    if (!row.ok()) return row.status();
    if (!*row) continue;
    graph::ArticleRecord record{.id = id,
                                .path = s.article.ColumnText(0),
                                .title = s.article.ColumnText(1),
                                .date = s.article.ColumnText(2),
                                .full_date = s.article.ColumnText(3),
                                .outlet = s.article.ColumnText(4),
                                .place = s.article.ColumnText(5)};
    if (with_sources) {
      s.sources.Reset();
      GUANXI_RETURN_IF_ERROR(s.sources.Bind(1, id));
      GUANXI_RETURN_IF_ERROR(ForEachRow(s.sources, [&](Statement& source) {
        record.sources.push_back({.path = source.ColumnText(0),
                                  .item_index = source.ColumnInt(1),
                                  .outlet = source.ColumnText(2),
                                  .title = source.ColumnText(3),
                                  .similarity = source.ColumnDouble(4)});
        return Status::Ok();
      }));
    }
    records.push_back(std::move(record));
  }
  return records;
}

Status GraphIndex::Complete(graph::GraphData& data, EntityDetail detail) {
  const auto ids_of = [](const auto& records) {
    std::vector<int64_t> ids;
    ids.reserve(records.size());
    for (const auto& record : records) ids.push_back(record.id);
    return ids;
  };
  Result<std::vector<graph::EntityRecord>> entities = Entities(ids_of(data.entities), detail);
  if (!entities.ok()) return entities.status();
  Result<std::vector<graph::RelationRecord>> relations = Relations(ids_of(data.relations));
  if (!relations.ok()) return relations.status();
  Result<std::vector<graph::ArticleRecord>> articles = Articles(ids_of(data.articles), true);
  if (!articles.ok()) return articles.status();
  data.entities = std::move(*entities);
  data.relations = std::move(*relations);
  data.articles = std::move(*articles);
  return Status::Ok();
}

Result<std::optional<graph::PartialDate>> GraphIndex::ItemDate(int64_t article_id) {
  Statement& statement = statements_->article;
  statement.Reset();
  GUANXI_RETURN_IF_ERROR(statement.Bind(1, article_id));
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<graph::PartialDate>();
  return graph::ItemDate(statement.ColumnText(2), statement.ColumnText(3));
}

}  // namespace guanxi::index
