// Builds and readers on one database at once, as a team uses it: readers in a
// loop during a build all answer from a committed state, and two builds into
// one file both succeed with the union of their pages.

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"
#include "tests/cli/sqlite_test_util.h"

namespace guanxi::testing {
namespace {

namespace fs = std::filesystem;

// A generated archive of `mb` megabytes (bench/generate_archive.py).
fs::path Generate(const TempDir& dir, const std::string& name, const std::string& mb) {
  return GenerateArchive(dir / name, mb, 5);
}

std::string Build(const fs::path& corpus, const fs::path& database) {
  return "build " + ShellQuote(corpus.string()) + " --db " + ShellQuote(database.string()) +
         " --batch-items 100";
}

TEST(ConcurrencyTest, ReadersDuringABuildAllAnswer) {
  TempDir dir;
  const fs::path first = Generate(dir, "first", "0.3");
  const fs::path corpus = Generate(dir, "corpus", "2");
  const fs::path database = dir / "guanxi.db";
  ASSERT_EQ(RunGuanxi(Build(first, database)).exit_code, 0);

  std::future<CommandResult> build =
      std::async(std::launch::async, [&] { return RunGuanxi(Build(corpus, database)); });
  const std::string db = " --db " + ShellQuote(database.string());
  const std::vector<std::string> readers = {"stats" + db, "search 县委" + db,
                                            "export --format json -o /dev/null" + db,
                                            "neighbors '#1' --depth 2" + db,
                                            "path '#1' '#7'" + db};
  int answered = 0;
  while (build.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
    const CommandResult read = RunGuanxi(readers[answered % readers.size()]);
    EXPECT_EQ(read.exit_code, 0) << readers[answered % readers.size()] << ": " << read.err;
    EXPECT_EQ(read.err.find("locked"), std::string::npos) << read.err;
    EXPECT_EQ(read.err.find("not in the graph data"), std::string::npos) << read.err;
    ++answered;
  }
  const CommandResult built = build.get();
  EXPECT_EQ(built.exit_code, 0) << built.err;
  EXPECT_GE(answered, 4) << "the build ended before the readers could run";
}

TEST(ConcurrencyTest, TwoBuildsIntoOneFileStoreTheUnion) {
  TempDir dir;
  const fs::path left = Generate(dir, "left", "0.6");
  // Another seed: other pages of the same world.
  const fs::path right = GenerateArchive(dir / "right", "0.6", 6);
  const fs::path sequential = dir / "sequential.db";
  ASSERT_EQ(RunGuanxi(Build(left, sequential)).exit_code, 0);
  ASSERT_EQ(RunGuanxi(Build(right, sequential)).exit_code, 0);

  const fs::path together = dir / "together.db";
  // Both start on no file: one creates the schema, the other waits for it.
  std::future<CommandResult> one =
      std::async(std::launch::async, [&] { return RunGuanxi(Build(left, together)); });
  std::future<CommandResult> other =
      std::async(std::launch::async, [&] { return RunGuanxi(Build(right, together)); });
  const CommandResult first = one.get();
  const CommandResult second = other.get();
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(second.exit_code, 0) << second.err;

  // Every page and every publication of each item, once.
  EXPECT_EQ(CountRows(together, "files"), CountRows(sequential, "files"));
  EXPECT_EQ(CountRows(together, "sources"), CountRows(sequential, "sources"));
  EXPECT_EQ(CountRows(together, "articles"), CountRows(sequential, "articles"));
  EXPECT_GT(CountRows(together, "relations"), 0);
}

}  // namespace
}  // namespace guanxi::testing
