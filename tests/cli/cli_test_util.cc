#include "tests/cli/cli_test_util.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace guanxi::testing {

CommandResult RunShell(const std::string& command) {
  TempDir scratch;
  std::filesystem::path err_path = scratch / "stderr";
  std::string full = command + " 2>" + ShellQuote(err_path.string()) + " </dev/null";
  CommandResult result;
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = ReadFile(err_path);
  return result;
}

CommandResult RunGuanxi(const std::string& arguments) {
  return RunShell(ShellQuote(GUANXI_BINARY) + " " + arguments);
}

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("guanxi-test-" + std::to_string(getpid()) + "-" + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::filesystem::path SourceDir() { return GUANXI_SOURCE_DIR; }
std::filesystem::path SamplesDir() { return SourceDir() / "samples"; }

std::filesystem::path GenerateArchive(const std::filesystem::path& folder, const std::string& mb,
                                      int seed) {
  const CommandResult generated =
      RunShell(std::string(kPython) + " " +
               ShellQuote((SourceDir() / "bench/generate_archive.py").string()) + " --out " +
               ShellQuote(folder.string()) + " --mb " + mb + " --seed " + std::to_string(seed));
  EXPECT_EQ(generated.exit_code, 0) << generated.err;
  return folder;
}

void SamplesDatabaseTest::SetUp() {
  const CommandResult build =
      RunGuanxi("build " + ShellQuote(SamplesDir().string()) + " --db " + Db());
  ASSERT_EQ(build.exit_code, 0) << build.err;
}

std::string SamplesDatabaseTest::Db() const { return ShellQuote((dir_ / "guanxi.db").string()); }

CommandResult SamplesDatabaseTest::Guanxi(const std::string& arguments) const {
  return RunGuanxi(arguments + " --db " + Db());
}

nlohmann::json SamplesDatabaseTest::GuanxiJson(const std::string& arguments) const {
  const CommandResult result = Guanxi(arguments + " --json");
  EXPECT_EQ(result.exit_code, 0) << arguments << ": " << result.err;
  return nlohmann::json::parse(result.out);
}

ServeProcess::ServeProcess(const std::string& database) {
  int out[2];
  if (pipe(out) != 0) return;
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    execl(GUANXI_BINARY, GUANXI_BINARY, "serve", "--port", "0", "--db", database.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  // The first line names the port: "serving DB on http://127.0.0.1:PORT/ ...".
  FILE* stream = fdopen(out[0], "r");
  char line[4096] = {};
  if (stream && fgets(line, sizeof line, stream)) first_line_ = line;
  if (stream) fclose(stream);
  const std::string marker = "http://127.0.0.1:";
  const std::size_t at = first_line_.find(marker);
  if (at != std::string::npos) port_ = std::stoi(first_line_.substr(at + marker.size()));
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
}

}  // namespace guanxi::testing
