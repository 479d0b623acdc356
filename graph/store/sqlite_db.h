#pragma once

// The SQLite adapter (database.h): the only code that calls the sqlite3 C API. It owns the
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
#include "graph/store/database.h"

struct sqlite3;

namespace guanxi::store {

// An open SQLite connection. One thread at a time: the connection takes no
// lock of its own (SQLITE_OPEN_NOMUTEX).
class SqliteDatabase final : public Database {
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
  ~SqliteDatabase() override;

  Status Exec(std::string_view sql) override;
  Result<Statement> Prepare(std::string_view sql) override;
  int64_t Changes() const override;
  Result<int64_t> InsertReturningId(Statement& insert) override;
  bool InTransaction() const override;
  // True when the connection cannot write the file: opened read-only, or
  // opened read-write where only reading is allowed (SQLite falls back).
  bool ReadOnly() const override;
  std::string_view BeginSql(TransactionKind kind) const override;

  // Converts a SQLite result code into a Status: context is the database
  // path, detail is "`doing`: sqlite3_errmsg". NOTADB and CORRUPT become
  // Corrupt; CANTOPEN, IOERR, FULL, READONLY, PERM and BUSY become IoError;
  // anything else Internal. Ok for SQLITE_OK, SQLITE_ROW and SQLITE_DONE.
  Status ToStatus(int rc, std::string_view doing) const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  SqliteDatabase(std::filesystem::path path, sqlite3* db)
      : Database(std::move(path), Dialect::kSqlite), db_(db) {}

  std::unique_ptr<sqlite3, Closer> db_;
};

}  // namespace guanxi::store
