#pragma once

// The guanxi SQLite schema (documented in graph/README.md) and its version
// check. Internal to guanxi_store.

#include <cstdint>

#include "graph/status.h"
#include "graph/store/database.h"

namespace guanxi::store {

// PRAGMA user_version of a database with the current schema.
inline constexpr int64_t kSchemaVersion = 8;

// A relation's evidence sentence in a query over `relations r JOIN articles a
// ON a.id = r.article_id`. From version 6 a sentence that is its item's text
// between the relation's offsets (code points, as SQLite's substr counts) is
// stored as '' and read from the text: the evidence is no longer kept twice.
inline constexpr const char* kEvidenceSentence =
    "CASE WHEN r.sentence = '' THEN substr(a.text, CAST(r.char_begin + 1 AS INTEGER), "
    "CAST(r.char_end - r.char_begin AS INTEGER)) ELSE r.sentence END";

// Creates the schema in an empty database, migrates one of an older version
// (Migration in schema.cc; graph/README.md) in one transaction, with
// foreign keys still off, or checks that an existing one has version kSchemaVersion.
// Corrupt "PATH: not a guanxi database (...)" for a file that is not SQLite,
// a SQLite file with other tables and no version, or an unknown (newer)
// version; the adapter's status for other SQLite failures (a read-only
// version-1 file cannot be migrated: IoError).
// A store without them is also given back the indexes a bulk load defers
// (an interrupted one, below).
Status PrepareSchema(Database& database);

// What a database opened for reading holds, without changing it.
enum class SchemaState {
  kCurrent,  // version kSchemaVersion
  kOlder,    // an older version, which PrepareSchema migrates
};
// kCurrent or kOlder; Corrupt "PATH: not a guanxi database (an empty file)"
// for an empty file or SQLite database, and as PrepareSchema for a file
// that is not SQLite, foreign tables or an unknown version.
Result<SchemaState> ReadSchemaState(Database& database);

// The indexes no write of a bulk load reads: the covering indexes of
// relations that graph/index reads, and the entities by name, aliases by
// alias, sources by article and mentions by entity. A bulk load into an empty
// store drops them and creates them at its end, one sort each instead of an
// insert at a random place per row; queries meanwhile scan. A writer that
// needs mentions by entity meanwhile (ArticleWriter) creates that one again.
Status DropBulkLoadIndexes(Database& database);
Status CreateBulkLoadIndexes(Database& database);  // those missing

}  // namespace guanxi::store
