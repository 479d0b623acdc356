#include "tests/cli/sqlite_test_util.h"

#include <sqlite3.h>

namespace guanxi::testing {

std::string IntegrityOf(const std::filesystem::path& database) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(database.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    return "cannot open";
  }
  std::string result = "no answer";
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(raw, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    result = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  }
  sqlite3_finalize(statement);
  sqlite3_close(raw);
  return result;
}

int64_t CountRows(const std::filesystem::path& database, const std::string& table) {
  sqlite3* raw = nullptr;
  int64_t count = -1;
  if (sqlite3_open_v2(database.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    const std::string sql = "SELECT count(*) FROM " + table;
    if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      count = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(raw);
  return count;
}

}  // namespace guanxi::testing
