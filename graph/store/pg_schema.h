#pragma once

// The guanxi schema on PostgreSQL: the SQLite schema's tables, columns,
// keys and unique constraints (graph/README.md) in PostgreSQL's types, so that
// a graph copied between the two keeps every row and id. Described in
// docs/postgresql.md. Internal to guanxi_store.

#include <string_view>
#include <vector>

#include "graph/status.h"
#include "graph/store/pg_db.h"

namespace guanxi::store {

// How a column's values travel between SQLite and PostgreSQL.
enum class ColumnKind { kInteger, kReal, kText, kBlob };

struct ColumnSpec {
  const char* name;
  ColumnKind kind;
};

// A table both stores share, with its columns in order and the order its
// rows are copied in, on each side.
struct TableSpec {
  const char* name;
  std::vector<ColumnSpec> columns;
  const char* sqlite_order;
  const char* pg_order;
  bool id_sequence;  // `id` takes its values from a sequence on PostgreSQL
};

// Every table of the shared schema, in an order where each table comes after
// those it references (the SQLite full-text index, evidence_fts, is rebuilt
// from relations rather than copied).
const std::vector<TableSpec>& SharedTables();

// Creates the schema in an empty database (in one transaction, under an
// advisory lock, so that concurrent callers create it once), or checks an
// existing one: Corrupt "URI: not a guanxi database (...)" for a database
// with a guanxi_meta of another schema version. Returns the adapter's status
// on a server failure.
Status PreparePgSchema(PgConnection& connection);

// Checks, without writing, that the database holds the guanxi schema of
// version kSchemaVersion: NotFound "URI: no guanxi graph here (...)" when it
// has no guanxi_meta table, Corrupt for another version.
Status CheckPgSchema(PgConnection& connection);

// Sets each id sequence past the largest id stored (after rows were copied
// with their ids).
Status ResetPgSequences(PgConnection& connection);

}  // namespace guanxi::store
