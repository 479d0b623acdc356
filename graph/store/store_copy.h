#pragma once

// Copying a guanxi graph between a SQLite file and a PostgreSQL database
// (`guanxi copy`): every row of every shared table, with its ids, so that the
// copy has the same identities, decisions and answers (docs/postgresql.md).

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace guanxi::store {

// True for "postgresql://..." and "postgres://...", the URIs a copy (and
// `--db`) takes for a PostgreSQL database instead of a file path.
bool IsPostgresUri(std::string_view text);
// `text` without a password ("postgresql://u:secret@h/db" -> "postgresql://u@h/db"),
// for messages; other text unchanged.
std::string RedactedUri(std::string_view text);

// What a copy wrote: rows per table, by table name.
struct CopyStats {
  std::map<std::string, int64_t> rows;
  int64_t Rows(const std::string& table) const {
    auto found = rows.find(table);
    return found == rows.end() ? 0 : found->second;
  }
};

// Copies the guanxi database file `from` (migrated first if it has an older
// schema, as Store::OpenReadOnly does) into the PostgreSQL database `to`
// ("postgresql://USER@HOST:PORT/DBNAME"), creating the schema there, in one
// transaction on each side: all or nothing. NotFound when `from` does not
// exist; Store::OpenReadOnly's status for a file that is not a guanxi
// database; PgConnection::Open's for a bad or unreachable URI; InvalidInput
// "URI: already holds a guanxi graph (...)" when `to` has items, entities or
// decisions.
Result<CopyStats> CopyToPostgres(const std::filesystem::path& from, std::string_view to);

// Copies the guanxi graph of the PostgreSQL database `from` into a new
// database file `to`, written beside it and renamed into place when whole,
// with its full-text index built. Read in one snapshot (REPEATABLE READ), so
// writers meanwhile do not tear it. InvalidInput when `to` exists;
// PgConnection::Open's status for a bad or unreachable URI; NotFound or
// Corrupt (CheckPgSchema) when `from` holds no guanxi graph of this version.
Result<CopyStats> CopyFromPostgres(std::string_view from, const std::filesystem::path& to);

}  // namespace guanxi::store
