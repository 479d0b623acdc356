#include "graph/store/sqlite_store.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/identity/reprint.h"
#include "graph/store/pg_db.h"
#include "graph/store/pg_schema.h"
#include "graph/store/schema.h"
#include "graph/store/sqlite_db.h"

namespace guanxi::store {
namespace {

Status UnknownType(const Database& database, const char* table, const std::string& name) {
  return Status::Corrupt(database.path().string(),
                         std::string(table) + ": unknown type \"" + name + "\"");
}

// Items stored before version 3 get their reprint signature, so that their
// reprints are found too. A no-op (one indexed query) once all are signed.
Status SignOlderArticles(Database& db) {
  Result<Statement> unsigned_articles =
      db.Prepare("SELECT id, text FROM articles WHERE signature IS NULL ORDER BY id");
  if (!unsigned_articles.ok()) return unsigned_articles.status();
  std::vector<std::pair<int64_t, identity::ReprintSignature>> signatures;
  while (true) {
    Result<bool> row = unsigned_articles->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    signatures.emplace_back(unsigned_articles->ColumnInt(0),
                            identity::SignatureOf(unsigned_articles->ColumnText(1)));
  }
  if (signatures.empty()) return Status::Ok();
  Result<Transaction> transaction = Transaction::Begin(db);
  if (!transaction.ok()) return transaction.status();
  Result<Statement> sign = db.Prepare("UPDATE articles SET signature = ?2 WHERE id = ?1");
  if (!sign.ok()) return sign.status();
  Result<Statement> band = db.Prepare(
      "INSERT INTO article_bands (band_key, article_id) VALUES (?1, ?2) "
      "ON CONFLICT DO NOTHING");
  if (!band.ok()) return band.status();
  for (const auto& [id, signature] : signatures) {
    sign->Reset();
    GUANXI_RETURN_IF_ERROR(sign->Bind(1, id));
    GUANXI_RETURN_IF_ERROR(sign->BindBlob(2, identity::ToBytes(signature)));
    GUANXI_RETURN_IF_ERROR(sign->Run());
    for (int64_t key : identity::BandKeys(signature)) {
      band->Reset();
      GUANXI_RETURN_IF_ERROR(band->Bind(1, key));
      GUANXI_RETURN_IF_ERROR(band->Bind(2, id));
      GUANXI_RETURN_IF_ERROR(band->Run());
    }
  }
  return transaction->Commit();
}

// Runs `sql` (no parameters) and calls `each` with the statement on every row.
template <typename Each>
Status ForEachRow(Database& db, const char* sql, Each each) {
  Result<Statement> statement = db.Prepare(sql);
  if (!statement.ok()) return statement.status();
  while (true) {
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    GUANXI_RETURN_IF_ERROR(each(*statement));
  }
}

}  // namespace

Store::Store(std::filesystem::path path, std::unique_ptr<Database> database)
    : path_(std::move(path)), database_(std::move(database)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const std::filesystem::path& Store::path() const { return path_; }

Result<Store> Store::OpenPostgres(std::string_view uri, bool write) {
  Result<std::unique_ptr<PgDatabase>> database = PgDatabase::Open(uri);
  if (!database.ok()) return database.status();
  PgConnection& connection = (*database)->connection();
  GUANXI_RETURN_IF_ERROR(write ? PreparePgSchema(connection) : CheckPgSchema(connection));
  const std::filesystem::path name = (*database)->path();  // the URI without its password
  return Store(name, std::move(*database));
}

Result<Store> Store::Open(const std::filesystem::path& path) {
  if (IsPostgresUri(path.string())) return OpenPostgres(path.string(), /*write=*/true);
  Result<std::unique_ptr<Database>> database = SqliteDatabase::Open(path);
  if (!database.ok()) return database.status();
  Database& db = **database;
  // SQLite opens a file it may not write for reading, and says so only at
  // the first write: refused here, before any work.
  if (db.ReadOnly()) {
    return Status::IoError(path.string(),
                           "read-only (no permission to write the database, its folder or its "
                           "file system)");
  }
  // The pragma does not read the file, so it cannot fail on a foreign file.
  GUANXI_RETURN_IF_ERROR(db.Exec("PRAGMA busy_timeout = 5000"));
  // Migrations run before foreign keys are on: one rebuilds a table.
  GUANXI_RETURN_IF_ERROR(PrepareSchema(db));
  // Write-ahead logging: readers answer from the last commit while a build
  // writes, and neither waits for the other. Kept in the file once set; where
  // it cannot be set (another connection mid-transaction, a file system
  // without shared memory) the rollback journal stays, which is also safe.
  (void)db.Exec("PRAGMA journal_mode = WAL");
  GUANXI_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON"));
  GUANXI_RETURN_IF_ERROR(SignOlderArticles(db));
  return Store(path, std::move(*database));
}

Result<Store> Store::OpenReadOnly(const std::filesystem::path& path) {
  if (IsPostgresUri(path.string())) return OpenPostgres(path.string(), /*write=*/false);
  for (int attempt = 0;; ++attempt) {
    Result<std::unique_ptr<Database>> database = SqliteDatabase::OpenReadOnly(path);
    if (!database.ok()) return database.status();
    Database& db = **database;
    GUANXI_RETURN_IF_ERROR(db.Exec("PRAGMA busy_timeout = 5000"));
    Result<SchemaState> state = ReadSchemaState(db);
    if (!state.ok()) return state.status();
    if (*state == SchemaState::kCurrent || attempt > 0) {
      return Store(path, std::move(*database));
    }
    // An older schema is migrated once, by a writing connection; nothing
    // stored is lost (graph/README.md).
    database->reset();
    Result<Store> migrated = Open(path);
    if (!migrated.ok()) return migrated.status();
  }
}

Result<graph::GraphData> Store::LoadGraph() const { return Load(/*structure_only=*/false); }

Result<graph::GraphData> Store::LoadStructure() const { return Load(/*structure_only=*/true); }

Result<graph::GraphData> Store::Load(bool structure_only) const {
  Database& db = *database_;
  graph::GraphData data;
  std::optional<Transaction> read;
  if (!db.InTransaction()) {
    Result<Transaction> begun = Transaction::BeginRead(db);
    if (!begun.ok()) return begun.status();
    read.emplace(std::move(*begun));
  }

  std::unordered_map<int64_t, size_t> entity_index;
  GUANXI_RETURN_IF_ERROR(ForEachRow(
      db,
      "SELECT id, type, name, coalesce(article_id, 0) FROM entities "
      "WHERE merged_into IS NULL AND rejected = 0 ORDER BY id",
      [&](Statement& row) -> Status {
        graph::EntityRecord record;
        record.id = row.ColumnInt(0);
        const std::string type = row.ColumnText(1);
        const std::optional<graph::EntityType> parsed = graph::ParseEntityType(type);
        if (!parsed) return UnknownType(db, "entities", type);
        record.type = *parsed;
        record.name = row.ColumnText(2);
        record.item_id = row.ColumnInt(3);
        record.unresolved = record.item_id != 0 && record.type != graph::EntityType::kEvent;
        entity_index.emplace(record.id, data.entities.size());
        data.entities.push_back(std::move(record));
        return Status::Ok();
      }));
  const auto entity_at = [&](int64_t id) -> graph::EntityRecord* {
    const auto found = entity_index.find(id);
    return found == entity_index.end() ? nullptr : &data.entities[found->second];
  };

  if (!structure_only) {
    const std::string aliases = "SELECT entity_id, alias FROM aliases ORDER BY entity_id, " +
                                std::string(AliasOrderColumn(db.dialect()));
    GUANXI_RETURN_IF_ERROR(ForEachRow(db, aliases.c_str(), [&](Statement& row) -> Status {
      graph::EntityRecord* entity = entity_at(row.ColumnInt(0));
      if (entity) entity->aliases.push_back(row.ColumnText(1));
      return Status::Ok();
    }));
    GUANXI_RETURN_IF_ERROR(ForEachRow(
        db, "SELECT DISTINCT entity_id, article_id FROM mentions ORDER BY entity_id, article_id",
        [&](Statement& row) -> Status {
          graph::EntityRecord* entity = entity_at(row.ColumnInt(0));
          if (entity) entity->article_ids.push_back(row.ColumnInt(1));
          return Status::Ok();
        }));
    GUANXI_RETURN_IF_ERROR(ForEachRow(
        db,
        "SELECT e.entity_id, d.id, d.kind, d.reason FROM entity_decisions e "
        "JOIN decisions d ON d.id = e.decision_id WHERE d.undone_by IS NULL "
        "ORDER BY e.entity_id, d.id",
        [&](Statement& row) -> Status {
          graph::EntityRecord* entity = entity_at(row.ColumnInt(0));
          if (entity) {
            entity->decisions.push_back({row.ColumnInt(1), row.ColumnText(2), row.ColumnText(3)});
          }
          return Status::Ok();
        }));

    std::unordered_map<int64_t, size_t> article_index;
    GUANXI_RETURN_IF_ERROR(ForEachRow(
        db, "SELECT id, path, title, date, full_date, outlet, place FROM articles ORDER BY id",
        [&](Statement& row) -> Status {
          article_index.emplace(row.ColumnInt(0), data.articles.size());
          data.articles.push_back({.id = row.ColumnInt(0),
                                   .path = row.ColumnText(1),
                                   .title = row.ColumnText(2),
                                   .date = row.ColumnText(3),
                                   .full_date = row.ColumnText(4),
                                   .outlet = row.ColumnText(5),
                                   .place = row.ColumnText(6)});
          return Status::Ok();
        }));
    GUANXI_RETURN_IF_ERROR(ForEachRow(
        db,
        "SELECT article_id, path, item_index, outlet, title, similarity FROM sources ORDER BY id",
        [&](Statement& row) -> Status {
          const auto found = article_index.find(row.ColumnInt(0));
          if (found == article_index.end()) return Status::Ok();
          data.articles[found->second].sources.push_back({.path = row.ColumnText(1),
                                                          .item_index = row.ColumnInt(2),
                                                          .outlet = row.ColumnText(3),
                                                          .title = row.ColumnText(4),
                                                          .similarity = row.ColumnDouble(5)});
          return Status::Ok();
        }));
  }

  const std::string relations =
      structure_only
          ? std::string(
                "SELECT id, type, source_id, target_id, '', article_id, '', 0, 0 "
                "FROM relations WHERE rejected = 0 ORDER BY id")
          : std::string("SELECT r.id, r.type, r.source_id, r.target_id, r.title, r.article_id, ") +
                kEvidenceSentence +
                ", r.char_begin, r.char_end FROM relations r "
                "JOIN articles a ON a.id = r.article_id WHERE r.rejected = 0 ORDER BY r.id";
  GUANXI_RETURN_IF_ERROR(ForEachRow(db, relations.c_str(), [&](Statement& row) -> Status {
    graph::RelationRecord record;
    record.id = row.ColumnInt(0);
    const std::string type = row.ColumnText(1);
    const std::optional<graph::RelationType> parsed = graph::ParseRelationType(type);
    if (!parsed) return UnknownType(db, "relations", type);
    record.type = *parsed;
    record.source_id = row.ColumnInt(2);
    record.target_id = row.ColumnInt(3);
    // Relations of rejected entities are hidden with them.
    if (!entity_at(record.source_id) || !entity_at(record.target_id)) return Status::Ok();
    record.title = row.ColumnText(4);
    record.article_id = row.ColumnInt(5);
    record.evidence.sentence = row.ColumnText(6);
    record.evidence.char_begin = row.ColumnInt(7);
    record.evidence.char_end = row.ColumnInt(8);
    data.relations.push_back(std::move(record));
    return Status::Ok();
  }));
  return data;
}

Result<std::vector<FileRecord>> Store::Files() const {
  std::vector<FileRecord> files;
  GUANXI_RETURN_IF_ERROR(ForEachRow(
      *database_, "SELECT path, size, mtime_ns, content_hash, items FROM files ORDER BY path",
      [&](Statement& row) -> Status {
        files.push_back({.path = row.ColumnText(0),
                         .size = row.ColumnInt(1),
                         .mtime_ns = row.ColumnInt(2),
                         .content_hash = row.ColumnText(3),
                         .items = row.ColumnInt(4)});
        return Status::Ok();
      }));
  // By path as bytes, whatever the database's collation orders text by.
  std::sort(files.begin(), files.end(),
            [](const FileRecord& a, const FileRecord& b) { return a.path < b.path; });
  return files;
}

Result<StoreCounts> Store::Counts(CountDetail detail) const {
  Database& db = *database_;
  StoreCounts counts;
  const std::pair<const char*, int64_t*> totals[] = {
      {"SELECT count(*) FROM articles", &counts.articles},
      {"SELECT count(*) FROM entities WHERE merged_into IS NULL AND rejected = 0",
       &counts.entities},
      {"SELECT count(*) FROM aliases", &counts.aliases},
      {"SELECT count(*) FROM relations WHERE rejected = 0", &counts.relations},
  };
  for (const auto& [sql, out] : totals) {
    Result<Statement> statement = db.Prepare(sql);
    if (!statement.ok()) return statement.status();
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    *out = *row ? statement->ColumnInt(0) : 0;
  }
  if (detail == CountDetail::kTotals) return counts;

  Result<Statement> by_entity_type = db.Prepare(
      "SELECT type, count(*) FROM entities WHERE merged_into IS NULL AND rejected = 0 "
      "GROUP BY type");
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
      db.Prepare("SELECT type, count(*) FROM relations WHERE rejected = 0 GROUP BY type");
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
