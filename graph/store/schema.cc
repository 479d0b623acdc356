#include "graph/store/schema.h"

#include <iterator>
#include <string>

namespace guanxi::store {
namespace {

// Type names must match graph/model.cc (ToString); the CHECKs keep a foreign
// writer from storing a type LoadGraph cannot read back.
constexpr const char* kCreateSchema = R"sql(
CREATE TABLE articles (
  id           INTEGER PRIMARY KEY,
  path         TEXT    NOT NULL,
  item_index   INTEGER NOT NULL,
  content_hash TEXT    NOT NULL UNIQUE,
  title        TEXT    NOT NULL,
  date         TEXT    NOT NULL,
  text         TEXT    NOT NULL,
  full_date    TEXT    NOT NULL DEFAULT ''
);
CREATE TABLE subtitles (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  position   INTEGER NOT NULL,
  subtitle   TEXT    NOT NULL,
  PRIMARY KEY (article_id, position)
);
CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  type       TEXT    NOT NULL CHECK (type IN ('person', 'institution', 'project', 'country',
                                              'event', 'place')),
  name       TEXT    NOT NULL,
  article_id INTEGER REFERENCES articles (id),
  CHECK ((type = 'event') = (article_id IS NOT NULL))
);
CREATE UNIQUE INDEX entities_key ON entities (type, name, ifnull(article_id, 0));
CREATE TABLE aliases (
  entity_id INTEGER NOT NULL REFERENCES entities (id),
  alias     TEXT    NOT NULL,
  UNIQUE (entity_id, alias)
);
CREATE INDEX aliases_by_alias ON aliases (alias);
CREATE TABLE relations (
  id         INTEGER PRIMARY KEY,
  type       TEXT    NOT NULL CHECK (type IN ('attended', 'chaired', 'signed_with',
                                              'holds_position', 'held_at', 'mentioned_in')),
  source_id  INTEGER NOT NULL REFERENCES entities (id),
  target_id  INTEGER NOT NULL REFERENCES entities (id),
  title      TEXT    NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles (id),
  sentence   TEXT    NOT NULL,
  char_begin INTEGER NOT NULL,
  char_end   INTEGER NOT NULL,
  UNIQUE (type, source_id, target_id, title, article_id, sentence, char_begin, char_end)
);
CREATE INDEX relations_by_source ON relations (source_id);
CREATE INDEX relations_by_target ON relations (target_id);
CREATE INDEX relations_by_article ON relations (article_id);
PRAGMA user_version = 2;
)sql";

// The step from version N to N + 1 is kMigrations[N - 1]; each ends by
// setting the new version. A migration only adds: nothing stored is lost.
constexpr const char* kMigrations[] = {
    // 1 -> 2: the item's date with its year (Article::full_date).
    R"sql(
ALTER TABLE articles ADD COLUMN full_date TEXT NOT NULL DEFAULT '';
PRAGMA user_version = 2;
)sql",
};
static_assert(static_cast<int64_t>(std::size(kMigrations)) == kSchemaVersion - 1);

Status NotGuanxi(const Database& database, const std::string& why) {
  return Status::Corrupt(database.path().string(), "not a guanxi database (" + why + ")");
}

// Reads one integer from a parameterless query.
Result<int64_t> QueryInt(Database& database, const char* sql, const char* doing) {
  Result<Statement> statement = database.Prepare(sql);
  if (!statement.ok()) return statement.status();
  Result<bool> row = statement->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal(database.path().string(), std::string(doing) + ": no row");
  return statement->ColumnInt(0);
}

// A failure to read a file as SQLite at all means it is not ours.
Status AsNotGuanxi(const Database& database, const Status& status) {
  if (status.code() == Status::Code::kCorrupt) return NotGuanxi(database, status.detail());
  return status;
}

}  // namespace

Status PrepareSchema(Database& database) {
  Result<int64_t> version = QueryInt(database, "PRAGMA user_version", "reading the schema version");
  if (!version.ok()) return AsNotGuanxi(database, version.status());
  if (*version == kSchemaVersion) return Status::Ok();
  if (*version < 0 || *version > kSchemaVersion) {
    return NotGuanxi(database, "unknown schema version " + std::to_string(*version));
  }

  // Version 0: a new (empty) file, or someone else's SQLite database; an
  // older version: a database to migrate. The write lock makes a second
  // process doing the same wait, then see the current version below.
  Result<Transaction> transaction = Transaction::Begin(database);
  if (!transaction.ok()) return AsNotGuanxi(database, transaction.status());
  version = QueryInt(database, "PRAGMA user_version", "reading the schema version");
  if (!version.ok()) return version.status();
  if (*version == kSchemaVersion) return Status::Ok();  // created or migrated meanwhile
  if (*version < 0 || *version > kSchemaVersion) {
    return NotGuanxi(database, "unknown schema version " + std::to_string(*version));
  }
  if (*version > 0) {
    for (int64_t from = *version; from < kSchemaVersion; ++from) {
      GUANXI_RETURN_IF_ERROR(database.Exec(kMigrations[from - 1]));
    }
    return transaction->Commit();
  }
  Result<int64_t> tables =
      QueryInt(database, "SELECT count(*) FROM sqlite_master", "listing tables");
  if (!tables.ok()) return tables.status();
  if (*tables != 0) {
    return NotGuanxi(database, "no schema version and " + std::to_string(*tables) +
                                   " foreign tables or indexes");
  }
  GUANXI_RETURN_IF_ERROR(database.Exec(kCreateSchema));
  return transaction->Commit();
}

}  // namespace guanxi::store
