#pragma once

// A connection to the store's database, whichever server holds it: a SQLite
// file (sqlite_db.h) or a PostgreSQL database (pg_db.h). The store and the
// query index speak to both through this one interface, in SQL both accept
// (docs/postgresql.md lists the few places where the dialects differ and
// how the code asks which one it speaks). Internal to guanxi_store and
// guanxi_index; the rest of guanxi sees only graph/store/sqlite_store.h.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "graph/status.h"

namespace guanxi::store {

enum class Dialect { kSqlite, kPostgres };

// One prepared statement as a backend implements it (Statement's methods).
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual Status Bind(int index, std::string_view text) = 0;
  virtual Status Bind(int index, int64_t number) = 0;
  virtual Status BindDouble(int index, double number) = 0;
  virtual Status BindBlob(int index, std::string_view bytes) = 0;
  virtual Status BindNull(int index) = 0;
  virtual int ParameterCount() const = 0;
  virtual Result<bool> Step() = 0;
  virtual void Reset() = 0;
  virtual int64_t ColumnInt(int column) const = 0;
  virtual std::string_view ColumnTextView(int column) const = 0;
  virtual std::string ColumnBlob(int column) const = 0;
  virtual double ColumnDouble(int column) const = 0;
  virtual bool ColumnIsNull(int column) const = 0;
};

// One prepared statement. Parameters are ?1, ?2, ... in the SQL text and are
// bound by 1-based index; data never enters the SQL text. Move-only.
class Statement {
 public:
  explicit Statement(std::unique_ptr<StatementBackend> backend) : backend_(std::move(backend)) {}

  // Binds parameter `index` (1-based). Text is copied and may hold any
  // bytes. Internal status on a bad index.
  Status Bind(int index, std::string_view text) { return backend_->Bind(index, text); }
  Status Bind(int index, int64_t number) { return backend_->Bind(index, number); }
  Status BindDouble(int index, double number) { return backend_->BindDouble(index, number); }
  Status BindBlob(int index, std::string_view bytes) { return backend_->BindBlob(index, bytes); }
  Status BindNull(int index) { return backend_->BindNull(index); }
  // The number of parameters of the statement (its largest ?N).
  int ParameterCount() const { return backend_->ParameterCount(); }

  // Advances one step: true when a row is available, false when done. The
  // error names the database.
  Result<bool> Step() { return backend_->Step(); }
  // Steps until done; for statements that return no rows.
  Status Run();
  // Makes the statement ready to run again and clears its bindings.
  void Reset() { backend_->Reset(); }

  // Column readers for the current row; `column` is 0-based.
  int64_t ColumnInt(int column) const { return backend_->ColumnInt(column); }
  std::string ColumnText(int column) const {  // empty for NULL
    return std::string(backend_->ColumnTextView(column));
  }
  // The same without a copy: valid until the next Step, Reset or read of the
  // column as another type.
  std::string_view ColumnTextView(int column) const { return backend_->ColumnTextView(column); }
  std::string ColumnBlob(int column) const {  // the bytes; empty for NULL
    return backend_->ColumnBlob(column);
  }
  double ColumnDouble(int column) const { return backend_->ColumnDouble(column); }
  bool ColumnIsNull(int column) const { return backend_->ColumnIsNull(column); }

 private:
  std::unique_ptr<StatementBackend> backend_;
};

// An open connection, held by unique_ptr (statements point to it, so it never
// moves). Closes on destruction. One thread at a time.
class Database {
 public:
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  virtual ~Database() = default;

  // The file, or the PostgreSQL URI without its password: the context of
  // every Status.
  const std::filesystem::path& path() const { return path_; }
  Dialect dialect() const { return dialect_; }

  // Runs SQL without parameters (schema, settings, several statements).
  // Never pass data here: use Prepare and Bind.
  virtual Status Exec(std::string_view sql) = 0;
  // Compiles one statement. The statement must not outlive the database.
  virtual Result<Statement> Prepare(std::string_view sql) = 0;
  // Rows changed by the last INSERT/UPDATE/DELETE.
  virtual int64_t Changes() const = 0;
  // Runs `insert`, prepared from InsertReturningIdSql(dialect(), ...) and
  // bound already, to its end: the id of the one row it inserted.
  virtual Result<int64_t> InsertReturningId(Statement& insert) = 0;
  // True inside a transaction begun by Transaction (not between statements).
  virtual bool InTransaction() const = 0;
  // True when the connection cannot write.
  virtual bool ReadOnly() const = 0;

  enum class TransactionKind {
    kWrite,  // takes the write lock at once (SQLite's BEGIN IMMEDIATE)
    kRead,   // every read until it ends sees one committed state
  };
  // The statement that begins a transaction of `kind`.
  virtual std::string_view BeginSql(TransactionKind kind) const = 0;

 protected:
  Database(std::filesystem::path path, Dialect dialect)
      : path_(std::move(path)), dialect_(dialect) {}

 private:
  std::filesystem::path path_;
  Dialect dialect_;
};

// The SQL that differs between the dialects; everything else the store and
// the index say is SQL both accept.
//
// The column that orders an entity's aliases as first seen: SQLite's rowid,
// PostgreSQL's identity column seq.
std::string_view AliasOrderColumn(Dialect dialect);
// A condition: the text `haystack` contains the bytes bound to parameter
// `parameter` (as std::string::find).
std::string ContainsSql(Dialect dialect, std::string_view haystack, int parameter);

// `head`, then `rows` rows of `columns` parameters each, numbered row by row
// ("(?1, ?2), (?3, ?4)"), then `tail`: an INSERT of several rows in one
// statement (both dialects take it), for one statement's work in place of
// many.
std::string MultiRowInsertSql(std::string_view head, int columns, int rows, std::string_view tail);

// An INSERT of one row whose id Database::InsertReturningId reads back:
// PostgreSQL's with RETURNING id; SQLite's as it is, for its last inserted
// rowid (a RETURNING clause there gathers its rows in a temporary B-tree,
// opened and closed again for every row inserted).
std::string InsertReturningIdSql(Dialect dialect, std::string_view insert);

// A transaction that rolls back unless committed: Begin takes the write lock
// at once, ROLLBACK in the destructor if Commit was not reached. BeginRead
// opens a read transaction: every read until it ends sees one committed
// state, whatever a writer commits meanwhile.
class Transaction {
 public:
  static Result<Transaction> Begin(Database& database);
  static Result<Transaction> BeginRead(Database& database);
  Transaction(Transaction&& other) noexcept : database_(std::exchange(other.database_, nullptr)) {}
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Database* database) : database_(database) {}
  Database* database_;  // null once committed or rolled back
};

}  // namespace guanxi::store
