#include "graph/store/schema.h"

#include <array>
#include <string>
#include <string_view>

#include "graph/store/evidence_index.h"

namespace guanxi::store {
namespace {

// Type names must match graph/model.cc (ToString); the CHECKs keep a foreign
// writer from storing a type LoadGraph cannot read back.
constexpr const char* kArticleTables = R"sql(
CREATE TABLE articles (
  id           INTEGER PRIMARY KEY,
  path         TEXT    NOT NULL,
  item_index   INTEGER NOT NULL,
  content_hash TEXT    NOT NULL UNIQUE,
  title        TEXT    NOT NULL,
  date         TEXT    NOT NULL,
  text         TEXT    NOT NULL,
  full_date    TEXT    NOT NULL DEFAULT '',
  outlet       TEXT    NOT NULL DEFAULT '',
  place        TEXT    NOT NULL DEFAULT '',
  place_code   TEXT    NOT NULL DEFAULT '',
  signature    BLOB,
  encoding     TEXT    NOT NULL DEFAULT ''
);
CREATE TABLE subtitles (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  position   INTEGER NOT NULL,
  subtitle   TEXT    NOT NULL,
  PRIMARY KEY (article_id, position)
);
)sql";

// The entities table of version 3 under `name` (the migration builds it
// beside the old one, then renames it).
std::string EntitiesTable(std::string_view name) {
  return "CREATE TABLE " + std::string(name) + R"sql( (
  id          INTEGER PRIMARY KEY,
  type        TEXT    NOT NULL CHECK (type IN ('person', 'institution', 'project', 'country',
                                               'event', 'place')),
  name        TEXT    NOT NULL,
  key         TEXT    NOT NULL,
  article_id  INTEGER REFERENCES articles (id),
  merged_into INTEGER REFERENCES entities (id),
  rejected    INTEGER NOT NULL DEFAULT 0,
  CHECK (type != 'event' OR article_id IS NOT NULL)
);
)sql";
}

constexpr const char* kRelationTables = R"sql(
CREATE INDEX entities_by_key ON entities (type, key, article_id);
CREATE TABLE aliases (
  entity_id  INTEGER NOT NULL REFERENCES entities (id),
  alias      TEXT    NOT NULL,
  article_id INTEGER REFERENCES articles (id),
  UNIQUE (entity_id, alias)
);
CREATE INDEX aliases_by_alias ON aliases (alias);
)sql";

// The relations table of version 5 under `name` (the migration builds it
// beside the old one, then renames it) and its indexes. One relation per
// item, type, ends, sentence and post: the sentence is the item's text
// between the offsets, so the unique index leaves it out, and it starts with
// the item, so that an item's relations are written at its end (a bulk load
// appends instead of searching) and found together.
std::string RelationsTable(std::string_view name) {
  return "CREATE TABLE " + std::string(name) + R"sql( (
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
  rejected   INTEGER NOT NULL DEFAULT 0
);
)sql";
}

// From version 4, what a query reads without loading the graph
// (graph/index/): a relation's neighbours from these two covering indexes
// alone. A bulk load may drop them and build them again at its end
// (DropBulkLoadIndexes).
constexpr const char* kQueryIndexes = R"sql(
CREATE INDEX IF NOT EXISTS relations_out ON relations (source_id, target_id, type, article_id, id)
  WHERE rejected = 0;
CREATE INDEX IF NOT EXISTS relations_in ON relations (target_id, source_id, type, article_id, id)
  WHERE rejected = 0;
)sql";

// The indexes that no write of a bulk load reads (DropBulkLoadIndexes): the
// query's, and those by name, by alias, by article and by entity, as
// created above. Kept in step with kBulkLoadIndexNames.
const std::string kBulkLoadIndexes = std::string(kQueryIndexes) + R"sql(
CREATE INDEX IF NOT EXISTS entities_by_name ON entities (name);
CREATE INDEX IF NOT EXISTS aliases_by_alias ON aliases (alias);
CREATE INDEX IF NOT EXISTS sources_by_article ON sources (article_id);
CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions (entity_id);
)sql";
constexpr std::array kBulkLoadIndexNames = {"relations_out",      "relations_in",
                                            "entities_by_name",   "aliases_by_alias",
                                            "sources_by_article", "mentions_by_entity"};

// Version 5's relation indexes: the unique key above and the query's.
const std::string kRelationIndexes = std::string(R"sql(
CREATE UNIQUE INDEX relations_unique
  ON relations (article_id, type, source_id, target_id, char_begin, char_end, title);
)sql") + kQueryIndexes;

// Version 4: names for the query index (graph/index/), and what re-ingest
// checks before extracting a file again.
constexpr const char* kScaleTables = R"sql(
CREATE INDEX entities_by_name ON entities (name);
CREATE TABLE files (
  path         TEXT    PRIMARY KEY,
  size         INTEGER NOT NULL,
  mtime_ns     INTEGER NOT NULL,
  content_hash TEXT    NOT NULL,
  items        INTEGER NOT NULL
);
)sql";

// The mentions table of version 8 under `name` (the migration builds it
// beside the old one, then renames it). Keyed by its primary key alone
// (WITHOUT ROWID): with a rowid, the key was a second B-tree nearly as large
// as the table, written once more for every mention. Nothing reads a
// mention's rowid; the index by entity holds the key instead.
std::string MentionsTable(std::string_view name) {
  return "CREATE TABLE " + std::string(name) + R"sql( (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  entity_id  INTEGER NOT NULL REFERENCES entities (id),
  type       TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  places     TEXT    NOT NULL DEFAULT '',
  bodies     TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (article_id, type, name)
) WITHOUT ROWID;
)sql";
}

constexpr const char* kMentionIndexes =
    "CREATE INDEX mentions_by_entity ON mentions (entity_id);\n";

// The tables version 3 added (kIdentityTables): every source of an article
// and its band keys, each item's mentions (in their version-8 form),
// candidates and the decision log.
constexpr const char* kSourceTables = R"sql(
CREATE TABLE sources (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles (id),
  path         TEXT    NOT NULL,
  item_index   INTEGER NOT NULL,
  outlet       TEXT    NOT NULL,
  title        TEXT    NOT NULL,
  content_hash TEXT    NOT NULL UNIQUE,
  similarity   REAL    NOT NULL
);
CREATE INDEX sources_by_article ON sources (article_id);
CREATE TABLE article_bands (
  band_key   INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles (id),
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
)sql";
constexpr const char* kDecisionTables = R"sql(
CREATE TABLE candidates (
  entity_a INTEGER NOT NULL REFERENCES entities (id),
  entity_b INTEGER NOT NULL REFERENCES entities (id),
  reason   TEXT    NOT NULL,
  PRIMARY KEY (entity_a, entity_b)
) WITHOUT ROWID;
CREATE TABLE decisions (
  id        INTEGER PRIMARY KEY,
  at        TEXT    NOT NULL,
  kind      TEXT    NOT NULL CHECK (kind IN ('merge', 'split', 'rename', 'reject')),
  subject   TEXT    NOT NULL,
  reason    TEXT    NOT NULL,
  undone_by INTEGER REFERENCES decisions (id)
);
CREATE TABLE entity_decisions (
  entity_id   INTEGER NOT NULL REFERENCES entities (id),
  decision_id INTEGER NOT NULL REFERENCES decisions (id),
  PRIMARY KEY (entity_id, decision_id)
) WITHOUT ROWID;
)sql";
const std::string kIdentityTables =
    kSourceTables + MentionsTable("mentions") + kMentionIndexes + kDecisionTables;

std::string CreateSchema() {
  return kArticleTables + EntitiesTable("entities") + kRelationTables +
         RelationsTable("relations") + kRelationIndexes + kIdentityTables + kScaleTables +
         kEvidenceTables + "PRAGMA user_version = 8;\n";
}

// The step from version N to N + 1; each ends by setting the new version. A
// migration only adds: nothing stored is lost. They run with foreign keys off
// (Store::Open enables them afterwards), so a table can be rebuilt as
// SQLite's ALTER TABLE documentation describes.
std::string Migration(int64_t from) {
  if (from == 5) {
    // 5 -> 6: a sentence that is its item's text between the offsets may be
    // stored as '' (kEvidenceSentence). Those stored so far stay as they are
    // and read the same.
    return "PRAGMA user_version = 6;\n";
  }
  if (from == 7) {
    // 7 -> 8: mentions without a rowid (MentionsTable), every row copied in
    // key order; the index by entity again, on the new table.
    return MentionsTable("mentions_v8") + R"sql(
INSERT INTO mentions_v8 (article_id, entity_id, type, name, places, bodies)
  SELECT article_id, entity_id, type, name, places, bodies FROM mentions
  ORDER BY article_id, type, name;
DROP TABLE mentions;
ALTER TABLE mentions_v8 RENAME TO mentions;
)sql" + kMentionIndexes +
           "PRAGMA user_version = 8;\n";
  }
  if (from == 6) {
    // 6 -> 7: full-text search of the evidence (evidence_index.h), filled
    // from every relation stored so far.
    return std::string(kEvidenceTables) + IndexNewEvidenceSql() + "PRAGMA user_version = 7;\n";
  }
  if (from == 4) {
    // 4 -> 5: relations unique by item first and without the sentence (a
    // rebuilt table: SQLite cannot drop a table's UNIQUE), which makes a bulk
    // load append; each item's encoding, unknown ('') for those stored so far.
    return RelationsTable("relations_v5") + R"sql(
INSERT OR IGNORE INTO relations_v5 (id, type, source_id, target_id, title, article_id, sentence,
                                    char_begin, char_end, rejected)
  SELECT id, type, source_id, target_id, title, article_id, sentence, char_begin, char_end,
         rejected FROM relations ORDER BY id;
DROP TABLE relations;
ALTER TABLE relations_v5 RENAME TO relations;
)sql" + kRelationIndexes +
           R"sql(
ALTER TABLE articles ADD COLUMN encoding TEXT NOT NULL DEFAULT '';
PRAGMA user_version = 5;
)sql";
  }
  if (from == 3) {
    // 3 -> 4: the query index's covering indexes (replacing the plain ones
    // by source and target) and the files already ingested, empty: the first
    // re-ingest reads every file once more and fills it.
    return std::string(R"sql(
DROP INDEX relations_by_source;
DROP INDEX relations_by_target;
)sql") + kQueryIndexes + kScaleTables + "PRAGMA user_version = 4;\n";
  }
  if (from == 1) {
    // The item's date with its year (Article::full_date).
    return R"sql(
ALTER TABLE articles ADD COLUMN full_date TEXT NOT NULL DEFAULT '';
PRAGMA user_version = 2;
)sql";
  }
  // 2 -> 3: identity. Articles get their outlet, place and reprint signature
  // (filled in by Store::Open for the items stored so far) and their sources;
  // entities a key apart from their name, a scope for unresolved names,
  // merges and rejections (a rebuilt table: a CHECK changes); the mentions of
  // each item, rebuilt from the relations and events stored so far;
  // candidates and the decision log.
  return R"sql(
ALTER TABLE articles ADD COLUMN outlet TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN place_code TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN signature BLOB;
)sql" + EntitiesTable("entities_v3") +
         R"sql(
INSERT INTO entities_v3 (id, type, name, key, article_id)
  SELECT id, type, name, name, article_id FROM entities;
DROP TABLE entities;
ALTER TABLE entities_v3 RENAME TO entities;
CREATE INDEX entities_by_key ON entities (type, key, article_id);
ALTER TABLE aliases ADD COLUMN article_id INTEGER REFERENCES articles (id);
ALTER TABLE relations ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;
)sql" + kIdentityTables +
         R"sql(
INSERT INTO sources (article_id, path, item_index, outlet, title, content_hash, similarity)
  SELECT id, path, item_index, '', title, content_hash, 1 FROM articles ORDER BY id;
INSERT OR IGNORE INTO mentions (article_id, entity_id, type, name)
  SELECT article_id, id, type, name FROM entities WHERE article_id IS NOT NULL;
INSERT OR IGNORE INTO mentions (article_id, entity_id, type, name)
  SELECT r.article_id, e.id, e.type, e.name FROM relations r
  JOIN entities e ON e.id = r.source_id OR e.id = r.target_id ORDER BY r.id;
PRAGMA user_version = 3;
)sql";
}

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

Result<SchemaState> ReadSchemaState(Database& database) {
  Result<int64_t> version = QueryInt(database, "PRAGMA user_version", "reading the schema version");
  if (!version.ok()) return AsNotGuanxi(database, version.status());
  if (*version == kSchemaVersion) return SchemaState::kCurrent;
  if (*version < 0 || *version > kSchemaVersion) {
    return NotGuanxi(database, "unknown schema version " + std::to_string(*version));
  }
  if (*version > 0) return SchemaState::kOlder;
  Result<int64_t> tables =
      QueryInt(database, "SELECT count(*) FROM sqlite_master", "listing tables");
  if (!tables.ok()) return AsNotGuanxi(database, tables.status());
  if (*tables == 0) return NotGuanxi(database, "an empty file");
  return NotGuanxi(database, "no schema version and " + std::to_string(*tables) +
                                 " foreign tables or indexes");
}

Status DropBulkLoadIndexes(Database& database) {
  // PostgreSQL keeps every index through a load: its writers share the
  // database, and none of them owns a bulk load.
  if (database.dialect() != Dialect::kSqlite) return Status::Ok();
  std::string sql;
  for (const char* name : kBulkLoadIndexNames) sql += "DROP INDEX IF EXISTS " + std::string(name) + ";\n";
  return database.Exec(sql);
}

Status CreateBulkLoadIndexes(Database& database) {
  if (database.dialect() != Dialect::kSqlite) return Status::Ok();
  return database.Exec(kBulkLoadIndexes);
}

Status PrepareSchema(Database& database) {
  Result<int64_t> version = QueryInt(database, "PRAGMA user_version", "reading the schema version");
  if (!version.ok()) return AsNotGuanxi(database, version.status());
  if (*version == kSchemaVersion) {
    // A bulk load that was interrupted left its store without them.
    std::string names;
    for (const char* name : kBulkLoadIndexNames) {
      names += std::string(names.empty() ? "'" : ", '") + name + "'";
    }
    const std::string count =
        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN (" + names + ")";
    Result<int64_t> present = QueryInt(database, count.c_str(), "listing the bulk load's indexes");
    if (!present.ok()) return present.status();
    return *present == std::ssize(kBulkLoadIndexNames) ? Status::Ok()
                                                        : CreateBulkLoadIndexes(database);
  }
  if (*version < 0 || *version > kSchemaVersion) {
    return NotGuanxi(database, "unknown schema version " + std::to_string(*version));
  }

  // Pages of 16 KiB rather than SQLite's 4 KiB: a build writes a quarter as
  // many pages (and WAL frames, each checksummed) and B-trees a level less
  // deep; at 50 MB the writer's CPU fell by a tenth, while a query's
  // memory grew by a few MB. Only a file without pages takes it (it is set
  // before the transaction that creates the first table); any other keeps
  // its own.
  GUANXI_RETURN_IF_ERROR(database.Exec("PRAGMA page_size = 16384"));

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
      GUANXI_RETURN_IF_ERROR(database.Exec(Migration(from)));
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
  GUANXI_RETURN_IF_ERROR(database.Exec(CreateSchema()));
  return transaction->Commit();
}

}  // namespace guanxi::store
