#pragma once

// Running the real `guanxi` binary (and Debian's python3) from tests.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/shell_quote.h"

namespace guanxi::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `command` through /bin/sh, capturing stdout and stderr.
CommandResult RunShell(const std::string& command);

// Runs the guanxi binary under test with `arguments` (already shell-quoted).
CommandResult RunGuanxi(const std::string& arguments);

// A fresh empty directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& content);

// The repository root and the samples folder.
std::filesystem::path SourceDir();
std::filesystem::path SamplesDir();

// Debian's python3, which has networkx and igraph (the one on PATH may not).
inline constexpr char kPython[] = "/usr/bin/python3";

// Generates a corpus of about `mb` megabytes with bench/generate_archive.py
// and `seed` into `folder` (a failure is a test failure) and returns `folder`.
std::filesystem::path GenerateArchive(const std::filesystem::path& folder, const std::string& mb,
                                      int seed);

// `guanxi serve --port 0 --db DB` as a child process (DB a file or a
// postgresql:// URI), listening once constructed; stopped on destruction.
class ServeProcess {
 public:
  explicit ServeProcess(const std::string& database);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }  // 0 when it did not start
  const std::string& first_line() const { return first_line_; }

 private:
  int pid_ = -1;
  int port_ = 0;
  std::string first_line_;
};

// Each test gets a database of the samples, built by the real binary, and
// runs commands against it.
class SamplesDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override;

  // The database's path, shell-quoted.
  std::string Db() const;
  // `guanxi ARGUMENTS --db DB`.
  CommandResult Guanxi(const std::string& arguments) const;
  // The same with --json, which must succeed, parsed.
  nlohmann::json GuanxiJson(const std::string& arguments) const;

  TempDir dir_;
};

}  // namespace guanxi::testing
