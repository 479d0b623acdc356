#pragma once

// The guanxi SQLite schema (documented in graph/README.md) and its version
// check. Internal to guanxi_store.

#include <cstdint>

#include "graph/status.h"
#include "graph/store/sqlite_db.h"

namespace guanxi::store {

// PRAGMA user_version of a database with the current schema.
inline constexpr int64_t kSchemaVersion = 4;

// Creates the schema in an empty database, migrates one of an older version
// (Migration in schema.cc; graph/README.md) in one transaction, with
// foreign keys still off, or checks that an existing one has version kSchemaVersion.
// Corrupt "PATH: not a guanxi database (...)" for a file that is not SQLite,
// a SQLite file with other tables and no version, or an unknown (newer)
// version; the adapter's status for other SQLite failures (a read-only
// version-1 file cannot be migrated: IoError).
Status PrepareSchema(Database& database);

}  // namespace guanxi::store
