#include "graph/store/sqlite_db.h"

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

#include <cerrno>
#include <climits>
#include <cstring>

namespace guanxi::store {

// ---- Database ---------------------------------------------------------------

void SqliteDatabase::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

namespace {

// Before SQLite's first use: no count of allocated memory, which takes a
// global lock on every allocation (a third of a bulk load's locking). Too
// late when something else used SQLite first; it is only a speed-up.
void ConfigureSqliteOnce() {
  static const bool kConfigured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)kConfigured;
}

// Every connection is used by one thread at a time (a Database is not shared
// between threads), so it takes no lock of its own: SQLITE_OPEN_NOMUTEX.
Result<sqlite3*> OpenWithFlags(const std::filesystem::path& path, int flags) {
  ConfigureSqliteOnce();
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  // sqlite3_open_v2 hands back a handle even on failure; it must be closed.
  if (rc != SQLITE_OK) {
    std::string message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close_v2(raw);
    return Status::IoError(path.string(), "cannot open database: " + message);
  }
  sqlite3_extended_result_codes(raw, 1);
  return raw;
}

}  // namespace

Result<std::unique_ptr<Database>> SqliteDatabase::Open(const std::filesystem::path& path) {
  Result<sqlite3*> db = OpenWithFlags(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!db.ok()) return db.status();
  return std::unique_ptr<Database>(new SqliteDatabase(path, *db));
}

Result<std::unique_ptr<Database>> SqliteDatabase::OpenReadOnly(const std::filesystem::path& path,
                                                               int64_t mmap_bytes) {
  Result<sqlite3*> db = OpenWithFlags(path, SQLITE_OPEN_READONLY);
  if (!db.ok()) return db.status();
  std::unique_ptr<Database> database(new SqliteDatabase(path, *db));
  if (mmap_bytes > 0) {
    GUANXI_RETURN_IF_ERROR(database->Exec("PRAGMA mmap_size = " + std::to_string(mmap_bytes)));
  }
  return database;
}

SqliteDatabase::~SqliteDatabase() = default;

namespace {

// True when SQLite's extended code says a write to the file failed.
bool IsWriteFailure(int rc) {
  return rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE ||
         rc == SQLITE_IOERR_SHMSIZE || rc == SQLITE_IOERR_DIR_FSYNC;
}

// The problem a user can act on when a write failed: "disk full" (SQLite's
// FULL, a write refused with ENOSPC or, past the file size limit, EFBIG)
// or "read-only" (the file, its folder or its file system cannot be
// written); empty for anything else. SQLite's record of errno may come from
// a later system call than the failed write, so a failed write is also
// checked against the file size limit and the free space of `path`'s folder.
std::string WriteProblem(int rc, int system_errno, const std::filesystem::path& path) {
  const int primary = rc & 0xff;
  const bool io = primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN ||
                  primary == SQLITE_FULL || primary == SQLITE_READONLY;
  if (primary == SQLITE_FULL || (io && system_errno == ENOSPC)) {
    return "disk full (" + std::string(std::strerror(ENOSPC)) + ")";
  }
  rlimit limit{};
  const bool size_limited = ::getrlimit(RLIMIT_FSIZE, &limit) == 0 &&
                            limit.rlim_cur != RLIM_INFINITY;
  if ((io && system_errno == EFBIG) || (IsWriteFailure(rc) && size_limited)) {
    return "disk full (" + std::string(std::strerror(EFBIG)) + ": the file size limit of " +
           std::to_string(limit.rlim_cur) + " bytes)";
  }
  if (IsWriteFailure(rc)) {
    struct statvfs space {};
    const std::filesystem::path folder =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    if (::statvfs(folder.c_str(), &space) == 0 && space.f_bavail == 0) {
      return "disk full (" + std::string(std::strerror(ENOSPC)) + ")";
    }
  }
  if (primary == SQLITE_READONLY || (io && system_errno == EROFS)) {
    return "read-only (the database, its folder or its file system cannot be written)";
  }
  return {};
}

}  // namespace

Status SqliteDatabase::ToStatus(int rc, std::string_view doing) const {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return Status::Ok();
  std::string detail = WriteProblem(rc, db_ ? sqlite3_system_errno(db_.get()) : 0, path());
  if (!detail.empty()) detail += ": ";
  detail += doing;
  detail += ": ";
  detail += db_ ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(rc);
  switch (rc & 0xff) {  // the primary code of an extended result code
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::Corrupt(path().string(), std::move(detail));
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IoError(path().string(), std::move(detail));
    default:
      return Status::Internal(path().string(), std::move(detail));
  }
}

Status SqliteDatabase::Exec(std::string_view sql) {
  // sqlite3_exec needs a NUL-terminated string; its error text comes back
  // through sqlite3_errmsg as well, so the out-parameter is not used.
  const std::string text(sql);
  return ToStatus(sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr),
                  "executing " + text.substr(0, 60));
}

namespace {

// A statement of sqlite3_prepare_v2.
class SqliteStatement final : public StatementBackend {
 public:
  SqliteStatement(const SqliteDatabase* database, sqlite3_stmt* statement)
      : database_(database), statement_(statement) {}
  ~SqliteStatement() override { sqlite3_finalize(statement_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  Status Bind(int index, std::string_view text) override {
    if (text.size() > INT_MAX) return Check(SQLITE_TOOBIG, "binding text");
    // A NULL pointer would bind SQL NULL; an empty string must stay text.
    const char* data = text.data() != nullptr ? text.data() : "";
    return Check(
        sqlite3_bind_text(statement_, index, data, static_cast<int>(text.size()), SQLITE_TRANSIENT),
        "binding text to");
  }
  Status Bind(int index, int64_t number) override {
    return Check(sqlite3_bind_int64(statement_, index, number), "binding integer to");
  }
  Status BindDouble(int index, double number) override {
    return Check(sqlite3_bind_double(statement_, index, number), "binding a number to");
  }
  Status BindBlob(int index, std::string_view bytes) override {
    if (bytes.size() > INT_MAX) return Check(SQLITE_TOOBIG, "binding bytes");
    const char* data = bytes.data() != nullptr ? bytes.data() : "";
    return Check(sqlite3_bind_blob(statement_, index, data, static_cast<int>(bytes.size()),
                                   SQLITE_TRANSIENT),
                 "binding bytes to");
  }
  Status BindNull(int index) override {
    return Check(sqlite3_bind_null(statement_, index), "binding NULL to");
  }
  int ParameterCount() const override { return sqlite3_bind_parameter_count(statement_); }

  Result<bool> Step() override {
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Check(rc, "running");
  }
  void Reset() override {
    // sqlite3_reset repeats the last step's error, which Step already reported.
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }

  int64_t ColumnInt(int column) const override { return sqlite3_column_int64(statement_, column); }
  std::string_view ColumnTextView(int column) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (text == nullptr) return {};
    // Length in bytes, after the text conversion above: keeps embedded NULs.
    return {text, static_cast<size_t>(sqlite3_column_bytes(statement_, column))};
  }
  std::string ColumnBlob(int column) const override {
    const void* bytes = sqlite3_column_blob(statement_, column);
    if (bytes == nullptr) return {};
    return std::string(static_cast<const char*>(bytes),
                       static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
  }
  double ColumnDouble(int column) const override {
    return sqlite3_column_double(statement_, column);
  }
  bool ColumnIsNull(int column) const override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }

 private:
  Status Check(int rc, std::string_view doing) const {
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return Status::Ok();
    const char* sql = sqlite3_sql(statement_);
    std::string what(doing);
    if (sql != nullptr) what += " `" + std::string(sql).substr(0, 60) + "`";
    return database_->ToStatus(rc, what);
  }

  const SqliteDatabase* database_;  // not owned; outlives the statement
  sqlite3_stmt* statement_;         // owned
};

}  // namespace

Result<Statement> SqliteDatabase::Prepare(std::string_view sql) {
  if (sql.size() > INT_MAX) return Status::Internal(path().string(), "SQL text too long");
  sqlite3_stmt* raw = nullptr;
  const int rc =
      sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  Statement statement(std::make_unique<SqliteStatement>(this, raw));
  if (rc != SQLITE_OK) {
    return ToStatus(rc, "preparing " + std::string(sql.substr(0, 60)));
  }
  return statement;
}

bool SqliteDatabase::InTransaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }
bool SqliteDatabase::ReadOnly() const { return sqlite3_db_readonly(db_.get(), "main") == 1; }
int64_t SqliteDatabase::Changes() const { return sqlite3_changes64(db_.get()); }

Result<int64_t> SqliteDatabase::InsertReturningId(Statement& insert) {
  GUANXI_RETURN_IF_ERROR(insert.Run());
  if (Changes() != 1) return Status::Internal(path().string(), "INSERT: no row inserted");
  return sqlite3_last_insert_rowid(db_.get());
}

std::string_view SqliteDatabase::BeginSql(TransactionKind kind) const {
  return kind == TransactionKind::kWrite ? "BEGIN IMMEDIATE" : "BEGIN";
}

}  // namespace guanxi::store
