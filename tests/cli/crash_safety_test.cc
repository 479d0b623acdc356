// `guanxi build` killed at random moments (SIGKILL: no destructor, no
// rollback of ours) over a generated archive: each time the database passes
// SQLite's integrity check, and running the build again ends with exactly
// the database an uninterrupted build makes (the same export, byte for byte).

#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "tests/cli/cli_test_util.h"
#include "tests/cli/sqlite_test_util.h"

extern char** environ;

namespace guanxi::testing {
namespace {

// Starts `guanxi build CORPUS --db DATABASE` with small batches, output
// discarded; returns its pid.
pid_t StartBuild(const std::filesystem::path& corpus, const std::filesystem::path& database) {
  const std::string binary = GUANXI_BINARY;
  const std::string corpus_arg = corpus.string();
  const std::string database_arg = database.string();
  char* argv[] = {const_cast<char*>(binary.c_str()), const_cast<char*>("build"),
                  const_cast<char*>(corpus_arg.c_str()), const_cast<char*>("--db"),
                  const_cast<char*>(database_arg.c_str()), const_cast<char*>("--batch-items"),
                  const_cast<char*>("40"), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  EXPECT_EQ(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv, environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

std::string ExportOf(const TempDir& dir, const std::filesystem::path& database) {
  const std::filesystem::path out = dir / "export.json";
  const CommandResult exported = RunGuanxi("export --format json -o " + ShellQuote(out.string()) +
                                           " --db " + ShellQuote(database.string()));
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  return ReadFile(out);
}

TEST(CrashSafetyTest, KilledBuildsLeaveASoundDatabaseThatARerunCompletes) {
  TempDir dir;
  const std::filesystem::path corpus = GenerateArchive(dir / "corpus", "0.5", 3);
  if (HasFailure()) return;

  const std::filesystem::path reference = dir / "reference.db";
  const auto started = std::chrono::steady_clock::now();
  const CommandResult whole = RunGuanxi("build " + ShellQuote(corpus.string()) + " --db " +
                                        ShellQuote(reference.string()) + " --batch-items 40");
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  const auto build_time = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  const std::string expected = ExportOf(dir, reference);
  ASSERT_NE(expected.find("\"edges\""), std::string::npos);

  std::mt19937 random(20261130);
  std::uniform_int_distribution<int64_t> moment(0, build_time.count());
  int interrupted = 0;
  for (int round = 0; round < 20; ++round) {
    const std::filesystem::path database = dir / ("killed" + std::to_string(round) + ".db");
    const pid_t build = StartBuild(corpus, database);
    ASSERT_GT(build, 0);
    std::this_thread::sleep_for(std::chrono::microseconds(moment(random)));
    kill(build, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(build, &status, 0), build);
    if (WIFSIGNALED(status)) ++interrupted;

    if (std::filesystem::exists(database)) {
      EXPECT_EQ(IntegrityOf(database), "ok") << "round " << round;
    }
    const CommandResult rerun = RunGuanxi("build " + ShellQuote(corpus.string()) + " --db " +
                                          ShellQuote(database.string()));
    ASSERT_EQ(rerun.exit_code, 0) << "round " << round << ": " << rerun.err;
    EXPECT_EQ(ExportOf(dir, database), expected) << "round " << round;
    std::filesystem::remove(database);
  }
  // Most kills landed during the build (not before it started or after it ended).
  EXPECT_GE(interrupted, 10);
}

}  // namespace
}  // namespace guanxi::testing
