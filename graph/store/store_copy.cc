#include "graph/store/store_copy.h"

#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "graph/store/evidence_index.h"
#include "graph/store/pg_db.h"
#include "graph/store/pg_schema.h"
#include "graph/store/sqlite_db.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::store {
namespace {

namespace fs = std::filesystem;

// Rows per INSERT into PostgreSQL: one round trip each, and well under the
// protocol's 65,535 parameters for the widest table (13 columns).
constexpr int kRowsPerInsert = 500;
// Rows per FETCH from PostgreSQL: the memory a copy holds at once.
constexpr int kRowsPerFetch = 5000;

std::string ColumnList(const TableSpec& table) {
  std::string list;
  for (const ColumnSpec& column : table.columns) {
    if (!list.empty()) list += ", ";
    list += column.name;
  }
  return list;
}

// A double as the shortest text that reads back as the same double.
std::string DoubleText(double value) {
  char buffer[32];
  const std::to_chars_result written = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, written.ptr);
}

// The current row of a SQLite SELECT of `table`'s columns as parameters.
void AppendRow(const Statement& row, const TableSpec& table, std::vector<PgParam>& params) {
  for (int i = 0; i < std::ssize(table.columns); ++i) {
    if (row.ColumnIsNull(i)) {
      params.push_back(PgParam::Null());
      continue;
    }
    switch (table.columns[i].kind) {
      case ColumnKind::kInteger:
        params.push_back(PgParam::Text(std::to_string(row.ColumnInt(i))));
        break;
      case ColumnKind::kReal:
        params.push_back(PgParam::Text(DoubleText(row.ColumnDouble(i))));
        break;
      case ColumnKind::kText:
        params.push_back(PgParam::Text(row.ColumnText(i)));
        break;
      case ColumnKind::kBlob:
        params.push_back(PgParam::Bytes(row.ColumnBlob(i)));
        break;
    }
  }
}

// "INSERT INTO t (cols) VALUES ($1, ..), ($n+1, ..)" for `rows` rows.
std::string PgInsert(const TableSpec& table, int rows) {
  std::string sql =
      std::string("INSERT INTO ") + table.name + " (" + ColumnList(table) + ") VALUES ";
  const int columns = static_cast<int>(table.columns.size());
  for (int r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ", (";
    for (int c = 0; c < columns; ++c) {
      if (c > 0) sql += ", ";
      sql += "$" + std::to_string(r * columns + c + 1);
    }
    sql += ")";
  }
  return sql;
}

Status CopyTableToPostgres(Database& sqlite, PgConnection& pg, const TableSpec& table,
                           int64_t& copied) {
  Result<Statement> select = sqlite.Prepare("SELECT " + ColumnList(table) + " FROM " + table.name +
                                            " ORDER BY " + table.sqlite_order);
  if (!select.ok()) return select.status();
  std::vector<PgParam> params;
  int rows = 0;
  const std::string doing = std::string("copying ") + table.name;
  auto flush = [&]() -> Status {
    if (rows == 0) return Status::Ok();
    Result<PgResult> inserted = pg.Query(PgInsert(table, rows), params, doing);
    if (!inserted.ok()) return inserted.status();
    copied += rows;
    params.clear();
    rows = 0;
    return Status::Ok();
  };
  while (true) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    AppendRow(*select, table, params);
    if (++rows == kRowsPerInsert) GUANXI_RETURN_IF_ERROR(flush());
  }
  return flush();
}

Status BindValue(Statement& insert, int index, const PgResult& rows, int row, int column,
                 ColumnKind kind) {
  if (rows.IsNull(row, column)) return insert.BindNull(index);
  switch (kind) {
    case ColumnKind::kInteger:
      return insert.Bind(index, static_cast<int64_t>(rows.Int(row, column)));
    case ColumnKind::kReal:
      return insert.BindDouble(index,
                               std::strtod(std::string(rows.Text(row, column)).c_str(), nullptr));
    case ColumnKind::kText:
      return insert.Bind(index, rows.Text(row, column));
    case ColumnKind::kBlob:
      return insert.BindBlob(index, rows.Bytes(row, column));
  }
  return Status::Ok();
}

Status CopyTableFromPostgres(PgConnection& pg, Database& sqlite, const TableSpec& table,
                             int64_t& copied) {
  std::string placeholders;
  for (std::size_t i = 1; i <= table.columns.size(); ++i) {
    placeholders += (i == 1 ? "?" : ", ?") + std::to_string(i);
  }
  Result<Statement> insert = sqlite.Prepare(std::string("INSERT INTO ") + table.name + " (" +
                                            ColumnList(table) + ") VALUES (" + placeholders + ")");
  if (!insert.ok()) return insert.status();
  GUANXI_RETURN_IF_ERROR(pg.Exec("DECLARE guanxi_copy NO SCROLL CURSOR FOR SELECT " +
                                 ColumnList(table) + " FROM " + table.name + " ORDER BY " +
                                 table.pg_order));
  const std::string fetch = "FETCH " + std::to_string(kRowsPerFetch) + " FROM guanxi_copy";
  const std::string doing = std::string("copying ") + table.name;
  while (true) {
    Result<PgResult> rows = pg.Query(fetch, {}, doing);
    if (!rows.ok()) return rows.status();
    if (rows->rows() == 0) break;
    for (int r = 0; r < rows->rows(); ++r) {
      for (int c = 0; c < std::ssize(table.columns); ++c) {
        GUANXI_RETURN_IF_ERROR(BindValue(*insert, c + 1, *rows, r, c, table.columns[c].kind));
      }
      GUANXI_RETURN_IF_ERROR(insert->Run());
      insert->Reset();
      ++copied;
    }
  }
  return pg.Exec("CLOSE guanxi_copy");
}

// Refuses a target that holds a graph: a copy is whole, never merged into
// another graph's ids.
Status CheckEmpty(PgConnection& pg) {
  Result<PgResult> counts = pg.Query(
      "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM entities), "
      "(SELECT count(*) FROM decisions)",
      {}, "counting rows");
  if (!counts.ok()) return counts.status();
  if (counts->Int(0, 0) + counts->Int(0, 1) + counts->Int(0, 2) == 0) return Status::Ok();
  return Status::InvalidInput(pg.name(), "already holds a guanxi graph (" +
                                             std::to_string(counts->Int(0, 0)) + " items, " +
                                             std::to_string(counts->Int(0, 1)) +
                                             " entities); copy writes into an empty database");
}

// Every row of `sqlite` into `pg`, which must hold no graph, in one
// transaction on each side. The writing one is a writer's
// (PgDatabase::BeginSql): a second copy, or a build, into the same database
// waits, then finds this one's graph.
Result<CopyStats> WriteAll(Database& sqlite, PgDatabase& pg) {
  Result<Transaction> reading = Transaction::BeginRead(sqlite);
  if (!reading.ok()) return reading.status();
  Result<Transaction> writing = Transaction::Begin(pg);
  if (!writing.ok()) return writing.status();
  GUANXI_RETURN_IF_ERROR(CheckEmpty(pg.connection()));
  CopyStats stats;
  for (const TableSpec& table : SharedTables()) {
    GUANXI_RETURN_IF_ERROR(
        CopyTableToPostgres(sqlite, pg.connection(), table, stats.rows[table.name]));
  }
  GUANXI_RETURN_IF_ERROR(ResetPgSequences(pg.connection()));
  GUANXI_RETURN_IF_ERROR(writing->Commit());
  return stats;
}

}  // namespace

Result<CopyStats> CopyToPostgres(const fs::path& from, std::string_view to) {
  std::error_code error;
  if (!fs::exists(from, error)) return Status::NotFound(from.string(), "no such database");
  {
    // Checks the file and migrates an older schema, as every reader does.
    Result<Store> checked = Store::OpenReadOnly(from);
    if (!checked.ok()) return checked.status();
  }
  Result<std::unique_ptr<Database>> sqlite = SqliteDatabase::OpenReadOnly(from);
  if (!sqlite.ok()) return sqlite.status();
  Result<std::unique_ptr<PgDatabase>> pg = PgDatabase::Open(to);
  if (!pg.ok()) return pg.status();
  GUANXI_RETURN_IF_ERROR(PreparePgSchema((*pg)->connection()));
  return WriteAll(**sqlite, **pg);
}

Result<CopyStats> CopyFromPostgres(std::string_view from, const fs::path& to) {
  std::error_code error;
  if (fs::exists(to, error)) {
    return Status::InvalidInput(to.string(), "exists; copy writes a new database file");
  }
  Result<std::unique_ptr<PgConnection>> pg = PgConnection::Open(from);
  if (!pg.ok()) return pg.status();
  GUANXI_RETURN_IF_ERROR((*pg)->Exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
  Status status = CheckPgSchema(**pg);
  if (!status.ok()) return status;

  // Written beside `to` and renamed into place once whole.
  const fs::path temporary = to.string() + ".copy-" + std::to_string(::getpid());
  struct Remover {
    fs::path path;
    bool keep = false;
    ~Remover() {
      if (keep) return;
      std::error_code ignored;
      for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
        fs::remove(path.string() + suffix, ignored);
      }
    }
  } remover{temporary};
  {
    Result<Store> created = Store::Open(temporary);  // the schema, empty
    if (!created.ok()) return created.status();
  }
  CopyStats stats;
  {
    Result<std::unique_ptr<Database>> sqlite = SqliteDatabase::Open(temporary);
    if (!sqlite.ok()) return sqlite.status();
    // Rows come in key order, not in reference order (an entity merged into
    // a later one): every reference is in the copy once it is whole.
    GUANXI_RETURN_IF_ERROR((*sqlite)->Exec("PRAGMA foreign_keys = OFF"));
    Result<Transaction> writing = Transaction::Begin(**sqlite);
    if (!writing.ok()) return writing.status();
    for (const TableSpec& table : SharedTables()) {
      GUANXI_RETURN_IF_ERROR(CopyTableFromPostgres(**pg, **sqlite, table, stats.rows[table.name]));
    }
    GUANXI_RETURN_IF_ERROR(IndexNewEvidence(**sqlite));
    GUANXI_RETURN_IF_ERROR(writing->Commit());
  }
  (void)(*pg)->Exec("COMMIT");
  fs::rename(temporary, to, error);
  if (error) return Status::IoError(to.string(), "cannot write (" + error.message() + ")");
  remover.keep = true;
  return stats;
}

}  // namespace guanxi::store
