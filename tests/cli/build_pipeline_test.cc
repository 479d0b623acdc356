// `guanxi build` as a pipeline, end to end: the same database whatever the
// number of threads and wherever batches end; unchanged files skipped on
// re-ingest; a changed file adds only its new items; a bad file named and
// left out. Pages are the golden inputs, copied into a temporary folder.

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace guanxi::testing {
namespace {

namespace fs = std::filesystem;

// Every table of a database, every row in key order: two databases are the
// same when their dumps are.
constexpr char kDumpScript[] = R"py(import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
    # The full-text index's segments depend on how many inserts built it;
    # its rows (evidence_fts) are compared.
    if name in ('evidence_fts_data', 'evidence_fts_idx'):
        continue
    info = db.execute("PRAGMA table_info(%s)" % name).fetchall()
    key = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] or ['rowid']
    print('==', name)
    for row in db.execute('SELECT * FROM %s ORDER BY %s' % (name, ', '.join(key))):
        print(repr(row))
)py";

class BuildPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Ten pages in two folders, so that files are ordered across folders.
    pages_ = dir_ / "pages";
    int n = 0;
    for (const auto& entry : fs::directory_iterator(SourceDir() / "tests" / "golden")) {
      if (fs::exists(entry.path() / "input.txt")) golden_.push_back(entry.path() / "input.txt");
    }
    std::sort(golden_.begin(), golden_.end());
    golden_.resize(11);  // ten in the folder, one to add later
    for (size_t i = 0; i < 10; ++i) {
      const fs::path& input = golden_[i];
      const fs::path folder = pages_ / (n < 5 ? "a" : "b");
      fs::create_directories(folder);
      fs::copy_file(input, folder / (input.parent_path().filename().string() + ".txt"));
      ++n;
    }
    WriteFile(dir_ / "dump.py", kDumpScript);
  }

  CommandResult Build(const std::string& db, const std::string& options = "") const {
    return RunGuanxi("build " + ShellQuote(pages_.string()) + " --db " +
                     ShellQuote((dir_ / db).string()) + " " + options);
  }

  std::string Dump(const std::string& db) const {
    CommandResult dump = RunShell(std::string(kPython) + " " + ShellQuote((dir_ / "dump.py").string()) +
                                  " " + ShellQuote((dir_ / db).string()));
    EXPECT_EQ(dump.exit_code, 0) << dump.err;
    return dump.out;
  }

  static bool Contains(const CommandResult& result, const std::string& text) {
    return result.out.find(text) != std::string::npos;
  }

  // N of the summary's "N items added".
  static int ItemsAdded(const CommandResult& result) {
    const size_t end = result.out.find(" items added");
    if (end == std::string::npos) return -1;
    const size_t begin = result.out.rfind(' ', end - 1) + 1;
    return std::stoi(result.out.substr(begin, end - begin));
  }

  fs::path File(const std::string& folder, size_t golden_index) const {
    return pages_ / folder / (golden_[golden_index].parent_path().filename().string() + ".txt");
  }

  TempDir dir_;
  fs::path pages_;
  std::vector<fs::path> golden_;
};

TEST_F(BuildPipelineTest, ThreadsAndBatchesDoNotChangeTheDatabase) {
  const CommandResult one = Build("one.db", "--jobs 1");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_TRUE(Contains(one, "10 files read (0 failed)")) << one.out;
  EXPECT_TRUE(Contains(one, "0 files unchanged (skipped)")) << one.out;
  const CommandResult two = Build("two.db", "--jobs 2");
  ASSERT_EQ(two.exit_code, 0) << two.err;
  // Batches of one item end at every file: a commit between any two files.
  const CommandResult batches = Build("batches.db", "--jobs 3 --batch-items 1");
  ASSERT_EQ(batches.exit_code, 0) << batches.err;

  const std::string expected = Dump("one.db");
  EXPECT_NE(expected.find("== relations"), std::string::npos);
  EXPECT_EQ(Dump("two.db"), expected);
  EXPECT_EQ(Dump("batches.db"), expected);
  // The summaries agree too, but for the database's name.
  EXPECT_EQ(two.out.substr(0, two.out.find("two.db")), one.out.substr(0, one.out.find("one.db")));
}

TEST_F(BuildPipelineTest, RebuildSkipsUnchangedFiles) {
  ASSERT_EQ(Build("guanxi.db").exit_code, 0);
  const std::string built = Dump("guanxi.db");

  const CommandResult again = Build("guanxi.db");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again, "10 files unchanged (skipped)")) << again.out;
  EXPECT_TRUE(Contains(again, " 0 items added, 0 already stored")) << again.out;
  EXPECT_EQ(Dump("guanxi.db"), built);
}

TEST_F(BuildPipelineTest, TouchedFileIsReadAgainAndAddsNothing) {
  ASSERT_EQ(Build("guanxi.db").exit_code, 0);
  const fs::path touched = File("a", 0);
  fs::last_write_time(touched, fs::last_write_time(touched) + std::chrono::hours(1));

  const CommandResult again = Build("guanxi.db");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again, "10 files unchanged (skipped)")) << again.out;
  EXPECT_TRUE(Contains(again, " 0 items added, 0 already stored")) << again.out;

  // Its new time was recorded: the next build does not read it. New bytes of
  // the same size under the recorded time go unnoticed, which proves it.
  const std::string original = ReadFile(touched);
  std::string changed = original;
  changed.replace(changed.find("。"), std::string("。").size(), "，");  // 3 bytes each
  struct stat before {};
  ASSERT_EQ(::stat(touched.c_str(), &before), 0);
  WriteFile(touched, changed);
  const struct timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, touched.c_str(), times, 0), 0);
  const CommandResult unread = Build("guanxi.db");
  ASSERT_EQ(unread.exit_code, 0) << unread.err;
  EXPECT_TRUE(Contains(unread, "10 files unchanged (skipped)")) << unread.out;
  EXPECT_TRUE(Contains(unread, " 0 items added")) << unread.out;
}

TEST_F(BuildPipelineTest, ChangedFileAddsOnlyItsNewItems) {
  ASSERT_EQ(Build("guanxi.db").exit_code, 0);
  // How many items each page gives, each built alone.
  const fs::path changed = File("b", 5);
  const CommandResult own = RunGuanxi("build " + ShellQuote(changed.string()) + " --db " +
                                      ShellQuote((dir_ / "own.db").string()));
  const CommandResult extra = RunGuanxi("build " + ShellQuote(golden_[10].string()) + " --db " +
                                        ShellQuote((dir_ / "extra.db").string()));
  ASSERT_EQ(own.exit_code, 0) << own.err;
  ASSERT_EQ(extra.exit_code, 0) << extra.err;

  // One page gets the items of a page not in the folder after its own.
  WriteFile(changed, ReadFile(changed) + "\n\n" + ReadFile(golden_[10]));
  const CommandResult again = Build("guanxi.db");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again, "9 files unchanged (skipped)")) << again.out;
  EXPECT_TRUE(Contains(again, " " + std::to_string(ItemsAdded(extra)) + " items added, " +
                                  std::to_string(ItemsAdded(own)) + " already stored"))
      << again.out << own.out << extra.out;
}

TEST_F(BuildPipelineTest, BadFileIsNamedLeftOutAndReadAgainNextTime) {
  const fs::path bad = pages_ / "a" / "gbk-page.txt";
  WriteFile(bad, "\xd3\xc0\xb4\xa8\xc7\xf8\xce\xaf\n");  // GBK, not UTF-8
  const CommandResult build = Build("guanxi.db", "--batch-items 1");
  EXPECT_EQ(build.exit_code, 1);
  EXPECT_NE(build.err.find("gbk-page.txt"), std::string::npos) << build.err;
  EXPECT_NE(build.err.find("UTF-8"), std::string::npos) << build.err;
  EXPECT_TRUE(Contains(build, "11 files read (1 failed)")) << build.out;

  // The others are stored and recorded; the bad one is not, so it is named again.
  const CommandResult again = Build("guanxi.db");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("gbk-page.txt"), std::string::npos) << again.err;
  EXPECT_TRUE(Contains(again, "10 files unchanged (skipped)")) << again.out;
}

TEST_F(BuildPipelineTest, ReportGivesEachFilesShareOfTheTotals) {
  const CommandResult build = Build("guanxi.db", "--report --batch-items 3");
  ASSERT_EQ(build.exit_code, 0) << build.err;
  // "PATH: N items (M new), E entities and R relations added", a line per file.
  int files = 0;
  int64_t items = 0, entities = 0, relations = 0;
  std::istringstream lines(build.out);
  std::string line;
  while (std::getline(lines, line)) {
    const size_t at = line.find(": ");
    if (at == std::string::npos || line.find(" relations added") == std::string::npos ||
        line.find(pages_.string()) != 0) {
      continue;
    }
    int64_t n = 0, added = 0, e = 0, r = 0;
    ASSERT_EQ(std::sscanf(line.c_str() + at + 2, "%ld %*s (%ld new), %ld entities and %ld",
                          &n, &added, &e, &r),
              4)
        << line;
    EXPECT_EQ(n, added) << line;
    EXPECT_GT(n, 0) << line;
    ++files;
    items += added;
    entities += e;
    relations += r;
  }
  EXPECT_EQ(files, 10) << build.out;
  EXPECT_NE(build.out.find(" " + std::to_string(items) + " items added, 0 already stored; " +
                           std::to_string(entities) + " entities and " +
                           std::to_string(relations) + " relations added"),
            std::string::npos)
      << build.out;

  // Built again: every file unchanged.
  const CommandResult again = Build("guanxi.db", "--report");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find(File("a", 0).string() + ": unchanged (skipped)"), std::string::npos)
      << again.out;
}

TEST_F(BuildPipelineTest, FileWithoutItemsIsNamedInAWarning) {
  WriteFile(pages_ / "a" / "notice.txt", "返回顶部\n");  // page furniture only
  const CommandResult build = Build("guanxi.db");
  EXPECT_EQ(build.exit_code, 0) << build.err;
  EXPECT_NE(build.err.find("guanxi: warning: " + (pages_ / "a" / "notice.txt").string() +
                           ": no news items found"),
            std::string::npos)
      << build.err;
  EXPECT_EQ(build.err.find("input.txt: no news items"), std::string::npos) << build.err;
}

}  // namespace
}  // namespace guanxi::testing
