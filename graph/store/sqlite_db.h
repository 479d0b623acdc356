#pragma once

// The SQLite adapter: the only code that calls the sqlite3 C API. It owns the
// connection and statement handles through std::unique_ptr and converts every
// SQLite result code into a guanxi::Status once, here. Internal to
// guanxi_store; the rest of guanxi sees only graph/store/sqlite_store.h.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "graph/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace guanxi::store {

class Database;

// One prepared statement (sqlite3_prepare_v2). Parameters are bound by
// 1-based index; data never enters the SQL text. Move-only.
class Statement {
 public:
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  ~Statement() = default;

  // Binds parameter `index` (1-based). Text is copied (SQLITE_TRANSIENT) and
  // may hold any bytes, including NUL. Internal status on a bad index.
  Status Bind(int index, std::string_view text);
  Status Bind(int index, int64_t number);
  Status BindDouble(int index, double number);
  Status BindBlob(int index, std::string_view bytes);  // as a BLOB, copied
  Status BindNull(int index);
  // The number of parameters of the statement (its largest ?N).
  int ParameterCount() const;

  // Advances one step: true when a row is available, false when done.
  // Converts the SQLite error (context: the database path).
  Result<bool> Step();
  // Steps until done; for statements that return no rows.
  Status Run();
  // Makes the statement ready to run again and clears its bindings.
  void Reset();

  // Column readers for the current row; `column` is 0-based.
  int64_t ColumnInt(int column) const;
  std::string ColumnText(int column) const;  // empty for NULL
  // The same without a copy: valid until the next Step, Reset or read of the
  // column as another type.
  std::string_view ColumnTextView(int column) const;
  std::string ColumnBlob(int column) const;  // the bytes of a BLOB; empty for NULL
  double ColumnDouble(int column) const;
  bool ColumnIsNull(int column) const;

 private:
  friend class Database;
  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const;
  };
  Statement(Database* database, sqlite3_stmt* statement)
      : database_(database), statement_(statement) {}
  Status Check(int rc, std::string_view doing) const;

  Database* database_;  // not owned; outlives the statement
  std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
};

// An open SQLite connection, held by unique_ptr (statements point to it, so
// it never moves). Closes on destruction. One thread at a time: the
// connection takes no lock of its own (SQLITE_OPEN_NOMUTEX).
class Database {
 public:
  // Opens `path` read-write, creating it if missing. IoError when SQLite
  // cannot open it (missing directory, a directory, no permission).
  static Result<std::unique_ptr<Database>> Open(const std::filesystem::path& path);
  // Opens an existing `path` for reading only (SQLITE_OPEN_READONLY): never
  // creates, migrates or writes it; a write through it fails with IoError.
  // `mmap_bytes` > 0 lets SQLite read up to that many bytes of the file
  // through a memory map (PRAGMA mmap_size) instead of one read call per
  // page. IoError when SQLite cannot open it.
  static Result<std::unique_ptr<Database>> OpenReadOnly(const std::filesystem::path& path,
                                                        int64_t mmap_bytes = 0);

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  const std::filesystem::path& path() const { return path_; }

  // Runs SQL without parameters (schema, PRAGMA, BEGIN/COMMIT). Never pass
  // data here: use Prepare and Bind.
  Status Exec(std::string_view sql);
  // Compiles one statement. The statement must not outlive the database.
  Result<Statement> Prepare(std::string_view sql);
  int64_t LastInsertRowid() const;
  // Rows changed by the last INSERT/UPDATE/DELETE.
  int64_t Changes() const;
  // True inside a transaction begun by BEGIN (not between statements).
  bool InTransaction() const;
  // True when the connection cannot write the file: opened read-only, or
  // opened read-write where only reading is allowed (SQLite falls back).
  bool ReadOnly() const;

  // Converts a SQLite result code into a Status: context is the database
  // path, detail is "`doing`: sqlite3_errmsg". NOTADB and CORRUPT become
  // Corrupt; CANTOPEN, IOERR, FULL, READONLY, PERM and BUSY become IoError;
  // anything else Internal. Ok for SQLITE_OK, SQLITE_ROW and SQLITE_DONE.
  Status ToStatus(int rc, std::string_view doing) const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Database(std::filesystem::path path, sqlite3* db) : path_(std::move(path)), db_(db) {}

  std::filesystem::path path_;
  std::unique_ptr<sqlite3, Closer> db_;
};

// A transaction that rolls back unless committed: BEGIN IMMEDIATE on Begin,
// ROLLBACK in the destructor if Commit was not reached. BeginRead opens a
// read transaction (BEGIN): every read until it ends sees one committed
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
