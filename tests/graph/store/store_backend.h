#pragma once

// The store's tests run against both of its servers with the same
// assertions: a SQLite file, and a database of a real PostgreSQL server
// (tests/postgres/postgres_server.h) started for the test program. A test
// suite takes the backend as its parameter (TEST_P) and asks NewStore for
// where its store lives.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>

#include "tests/postgres/postgres_server.h"

namespace guanxi::testing {

enum class Backend { kSqlite, kPostgres };

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgresql";
}

// Both backends, for INSTANTIATE_TEST_SUITE_P.
inline auto AllBackends() { return ::testing::Values(Backend::kSqlite, Backend::kPostgres); }

// Where a new, empty store of `backend` lives: `file` for SQLite, a new
// database of the shared PostgreSQL server otherwise. Sets `skip` (and
// leaves the result empty) when PostgreSQL is not installed; sets `error`
// when the server fails.
inline std::string NewStore(Backend backend, const std::filesystem::path& file, bool* skip,
                            std::string* error) {
  *skip = false;
  if (backend == Backend::kSqlite) return file.string();
  return NewPostgresDatabase(error, skip);
}

// A test's stores by name, each made at first use: a file of that name in
// the test's folder, or a PostgreSQL database of its own. The same name is
// the same store again (a reopening, another connection).
class StoreLocations {
 public:
  StoreLocations() = default;
  StoreLocations(Backend backend, std::filesystem::path dir)
      : backend_(backend), dir_(std::move(dir)) {}

  // True when the backend's server is not installed: the test skips.
  bool Missing() const {
    return backend_ == Backend::kPostgres && PostgresServer::BinDir().empty();
  }

  std::string operator()(const std::string& name) {
    auto [found, added] = made_.try_emplace(name);
    if (added) {
      bool skip = false;
      std::string error;
      found->second = NewStore(backend_, dir_ / name, &skip, &error);
      EXPECT_FALSE(found->second.empty()) << error;
    }
    return found->second;
  }

 private:
  Backend backend_ = Backend::kSqlite;
  std::filesystem::path dir_;
  std::map<std::string, std::string> made_;
};

}  // namespace guanxi::testing

// In a fixture's SetUp: `location` becomes a new store of `backend` (a
// file at `file` for SQLite), or the test skips or fails.
#define GUANXI_NEW_STORE(location, backend, file)                               \
  do {                                                                          \
    bool skip_ = false;                                                         \
    std::string error_;                                                         \
    location = ::guanxi::testing::NewStore((backend), (file), &skip_, &error_); \
    if (skip_) GTEST_SKIP() << error_;                                          \
    ASSERT_FALSE(std::string(location).empty()) << error_;                      \
  } while (false)
