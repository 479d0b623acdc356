#include "graph/store/database.h"

namespace guanxi::store {

Status Statement::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

std::string MultiRowInsertSql(std::string_view head, int columns, int rows, std::string_view tail) {
  std::string sql(head);
  for (int r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ", (";
    for (int c = 0; c < columns; ++c) {
      sql += (c == 0 ? "?" : ", ?") + std::to_string(r * columns + c + 1);
    }
    sql += ")";
  }
  sql += tail;
  return sql;
}

std::string InsertReturningIdSql(Dialect dialect, std::string_view insert) {
  std::string sql(insert);
  if (dialect != Dialect::kSqlite) sql += " RETURNING id";
  return sql;
}

std::string_view AliasOrderColumn(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "rowid" : "seq";
}

std::string ContainsSql(Dialect dialect, std::string_view haystack, int parameter) {
  const std::string needle = "?" + std::to_string(parameter);
  // SQLite's instr compares characters unless both sides are BLOBs; a
  // PostgreSQL text (valid UTF-8 by the database's encoding) compares the
  // same bytes either way.
  if (dialect == Dialect::kSqlite) {
    return "instr(CAST(" + std::string(haystack) + " AS BLOB), CAST(" + needle + " AS BLOB)) > 0";
  }
  return "strpos(" + std::string(haystack) + ", " + needle + ") > 0";
}

namespace {

// Begins a transaction of `kind`. A beginning of several statements that
// fails part-way (PostgreSQL's wait for the writers' lock) is rolled back,
// so that the connection is not left in a failed transaction.
Status Begin(Database& database, Database::TransactionKind kind) {
  Status begun = database.Exec(database.BeginSql(kind));
  if (!begun.ok() && database.InTransaction()) (void)database.Exec("ROLLBACK");
  return begun;
}

}  // namespace

Result<Transaction> Transaction::Begin(Database& database) {
  GUANXI_RETURN_IF_ERROR(store::Begin(database, Database::TransactionKind::kWrite));
  return Transaction(&database);
}

Result<Transaction> Transaction::BeginRead(Database& database) {
  GUANXI_RETURN_IF_ERROR(store::Begin(database, Database::TransactionKind::kRead));
  return Transaction(&database);
}

Transaction::~Transaction() {
  // Nothing to report to: a failed rollback leaves SQLite to roll back the
  // journal on the next open, and PostgreSQL rolls back a lost connection's.
  if (database_ != nullptr) (void)database_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  Database* database = std::exchange(database_, nullptr);
  Status status = database->Exec("COMMIT");
  if (!status.ok()) (void)database->Exec("ROLLBACK");
  return status;
}

}  // namespace guanxi::store
