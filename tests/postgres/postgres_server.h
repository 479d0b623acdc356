#pragma once

// A real PostgreSQL server for tests: Debian's `postgresql` binaries
// (/usr/lib/postgresql/*/bin) run in a temporary data directory, listening on
// 127.0.0.1 at a free port with trust authentication, as the `postgres` user
// when the tests run as root (initdb refuses root). Tests that need one skip
// with a message naming what is missing when the binaries are absent.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

namespace guanxi::testing {

class PostgresServer {
 public:
  // Starts a server: initdb, then pg_ctl start (waiting until it accepts
  // connections). On failure, `error()` says why and `running()` is false;
  // the data directory is removed either way on destruction.
  PostgresServer();
  ~PostgresServer();  // pg_ctl stop -m immediate, then removes the directory
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  bool running() const { return running_; }
  const std::string& error() const { return error_; }
  int port() const { return port_; }

  // Creates database `name` (createdb); false with `error()` set on failure.
  bool CreateDatabase(const std::string& name);
  // "postgresql://postgres@127.0.0.1:PORT/NAME".
  std::string Uri(const std::string& name) const;
  // Runs one SQL command through psql on database `name` (unaligned, tuples
  // only): its output. `ok`, if given, says whether psql succeeded; on
  // failure `error()` holds psql's message.
  std::string Psql(const std::string& name, const std::string& sql, bool* ok = nullptr);

  // The folder of initdb, pg_ctl, createdb and psql; empty when Debian's
  // postgresql is not installed.
  static std::filesystem::path BinDir();

 private:
  // Runs `command` (a shell command line) as the server's user.
  int RunAsServerUser(const std::string& command, std::string* output);

  std::filesystem::path bin_;
  std::filesystem::path dir_;  // data directory and socket directory below it
  int port_ = 0;
  bool running_ = false;
  std::string error_;
};

// The server every test of this program shares: started by the first caller,
// stopped when the program ends.
PostgresServer& SharedPostgresServer();

// A new, empty database on the shared server, for one test: its URI. Empty,
// with `why` set, when the binaries are absent or the server or createdb
// fails (`skip` is set when the binaries are absent: the test should skip).
std::string NewPostgresDatabase(std::string* why, bool* skip);

// One server for every test of the suite that uses it, started by the first
// test that asks and stopped when the test program ends. Each test gets a
// database of its own.
class PostgresTest : public ::testing::Test {
 protected:
  // Skips the test when the binaries are absent; fails it when the server
  // does not start. Creates a fresh database and sets `uri_` to it.
  void SetUp() override;
  static PostgresServer& Server();

  std::string uri_;
  std::string database_;
};

}  // namespace guanxi::testing
