#pragma once

// Looking into a guanxi database with SQLite itself, from tests.

#include <cstdint>
#include <filesystem>
#include <string>

namespace guanxi::testing {

// The first row of `PRAGMA integrity_check` on `database`: "ok" for a sound
// file; "cannot open" or "no answer" when SQLite cannot tell.
std::string IntegrityOf(const std::filesystem::path& database);

// `SELECT count(*) FROM table` on `database`; -1 when the query fails.
int64_t CountRows(const std::filesystem::path& database, const std::string& table);

}  // namespace guanxi::testing
