#pragma once

// Running the real `guanxi` binary (and Debian's python3) from tests.

#include <filesystem>
#include <string>

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

// Single-quotes `text` for /bin/sh.
std::string ShellQuote(const std::string& text);

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

}  // namespace guanxi::testing
