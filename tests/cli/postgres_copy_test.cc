// guanxi on a real PostgreSQL server (tests/postgres/postgres_server.h):
// the graph, its decisions and its answers survive SQLite -> PostgreSQL ->
// SQLite byte for byte; reading commands answer from a URI as from the file;
// concurrent builds into one PostgreSQL database store what one sequential
// build stores.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <future>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"
#include "tests/postgres/postgres_server.h"

namespace guanxi::testing {
namespace {

namespace fs = std::filesystem;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// `text` with every `path` written as DB (stats names its database).
std::string WithoutPath(std::string text, const fs::path& path) {
  const std::string name = path.string();
  for (std::size_t at; (at = text.find(name)) != std::string::npos;)
    text.replace(at, name.size(), "DB");
  return text;
}

class PostgresCopyTest : public PostgresTest {
 protected:
  void SetUp() override {
    PostgresTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const CommandResult built =
        Guanxi(database_file_, "build " + ShellQuote(SamplesDir().string()));
    ASSERT_EQ(built.exit_code, 0) << built.err;
  }

  static CommandResult Guanxi(const fs::path& database, const std::string& arguments) {
    return RunGuanxi(arguments + " --db " + ShellQuote(database.string()));
  }
  static CommandResult Copy(const std::string& from, const std::string& to) {
    return RunGuanxi("copy --from " + ShellQuote(from) + " --to " + ShellQuote(to));
  }

  TempDir dir_;
  fs::path database_file_ = dir_ / "samples.db";
};

TEST_F(PostgresCopyTest, SqliteToPostgresToSqliteGivesByteIdenticalGraphml) {
  // Curation travels too: a rename and a rejected entity.
  ASSERT_EQ(Guanxi(database_file_, "rename 柏嘉禾 柏嘉禾（改） --reason 测试").exit_code, 0);
  ASSERT_EQ(Guanxi(database_file_, "reject 庞可欣 --reason 测试").exit_code, 0);
  const fs::path before = dir_ / "before.graphml";
  ASSERT_EQ(Guanxi(database_file_, "export -o " + ShellQuote(before.string())).exit_code, 0);

  const CommandResult to = Copy(database_file_.string(), uri_);
  ASSERT_EQ(to.exit_code, 0) << to.err;
  EXPECT_TRUE(Contains(to.out, "copied ")) << to.out;
  const fs::path back = dir_ / "back.db";
  const CommandResult from = Copy(uri_, back.string());
  ASSERT_EQ(from.exit_code, 0) << from.err;

  const fs::path after = dir_ / "after.graphml";
  ASSERT_EQ(Guanxi(back, "export -o " + ShellQuote(after.string())).exit_code, 0);
  const std::string graphml = ReadFile(before);
  ASSERT_TRUE(Contains(graphml, "柏嘉禾（改）"));
  EXPECT_FALSE(Contains(graphml, "<data key=\"key0\">庞可欣</data>"));
  EXPECT_EQ(ReadFile(after), graphml);

  // The same log of decisions, the same counts, and the evidence index
  // rebuilt: the copy answers as the original.
  for (const std::string command : {"decisions --json", "stats", "grep 钱若溪", "candidates"}) {
    const CommandResult original = Guanxi(database_file_, command);
    const CommandResult copied = Guanxi(back, command);
    ASSERT_EQ(original.exit_code, 0) << command << ": " << original.err;
    EXPECT_EQ(copied.exit_code, 0) << command << ": " << copied.err;
    EXPECT_EQ(WithoutPath(copied.out, back), WithoutPath(original.out, database_file_)) << command;
  }
  // The rows are PostgreSQL's to query, with the same ids.
  bool ok = false;
  const std::string renamed =
      Server().Psql(database_, "SELECT count(*) FROM entities WHERE name = '柏嘉禾（改）'", &ok);
  ASSERT_TRUE(ok) << Server().error();
  EXPECT_EQ(renamed, "1\n");
}

TEST_F(PostgresCopyTest, ReadingCommandsAnswerFromAPostgresUriAsFromTheFile) {
  ASSERT_EQ(Guanxi(database_file_, "rename 柏嘉禾 柏嘉禾（改） --reason 测试").exit_code, 0);
  ASSERT_EQ(Copy(database_file_.string(), uri_).exit_code, 0);
  for (const std::string command :
       {"show 柏嘉禾（改）", "path 阿米尔·哈桑 庞可欣", "neighbors 钱若溪 --depth 2 --json",
        "search 钱", "grep 钱若溪", "timeline 钱若溪", "holders 青溪区委", "candidates",
        "decisions --json", "export --format json -o -"}) {
    const CommandResult from_file = Guanxi(database_file_, command);
    // Snapshots go to TMPDIR, here the test's folder.
    const CommandResult from_server =
        RunShell("TMPDIR=" + ShellQuote(dir_.path().string()) + " " + ShellQuote(GUANXI_BINARY) +
                 " " + command + " --db " + ShellQuote(uri_));
    ASSERT_EQ(from_file.exit_code, 0) << command << ": " << from_file.err;
    EXPECT_EQ(from_server.exit_code, 0) << command << ": " << from_server.err;
    EXPECT_EQ(from_server.out, from_file.out) << command;
  }
  // stats names the database it reads, without a password.
  const std::string with_password =
      "postgresql://postgres:secret@127.0.0.1:" + std::to_string(Server().port()) + "/" + database_;
  const CommandResult stats = RunGuanxi("stats --db " + ShellQuote(with_password));
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(stats.out, WithoutPath(Guanxi(database_file_, "stats").out, database_file_)
                           .replace(0, 2, uri_));
  // No snapshot is left behind.
  const CommandResult snapshots = RunShell("ls -d " + ShellQuote(dir_.path().string()) +
                                           "/guanxi-snapshot-* 2>/dev/null | wc -l");
  EXPECT_EQ(snapshots.out, "0\n");
}

TEST_F(PostgresCopyTest, WritingCommandsRefuseAPostgresUriNamingIt) {
  ASSERT_EQ(Copy(database_file_.string(), uri_).exit_code, 0);
  for (const std::string command : {"rename 钱若溪 钱某", "reject 钱若溪", "merge 钱若溪 庞可欣"}) {
    const CommandResult refused = RunGuanxi(command + " --db " + ShellQuote(uri_));
    EXPECT_EQ(refused.exit_code, 1) << command;
    EXPECT_TRUE(Contains(refused.err, "guanxi: " + uri_ + ": writing to a PostgreSQL graph"))
        << command << ": " << refused.err;
  }
  EXPECT_EQ(
      RunGuanxi("stats --db " + ShellQuote("postgresql://postgres@127.0.0.1:1/guanxi")).exit_code,
      1);
}

// The rows of `table` in the database file `database`, through the binary's
// own copy of SQLite: `guanxi` has none, so python3's sqlite3 module.
int64_t Rows(const fs::path& database, const std::string& table) {
  const CommandResult counted =
      RunShell(std::string(kPython) + " -c " +
               ShellQuote("import sqlite3, sys\n"
                          "print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM ' + "
                          "sys.argv[2]).fetchone()[0])") +
               " " + ShellQuote(database.string()) + " " + table);
  EXPECT_EQ(counted.exit_code, 0) << counted.err;
  return std::stoll("0" + counted.out);
}

TEST_F(PostgresCopyTest, FourConcurrentBuildsGiveTheCountsOfOneSequentialBuild) {
  const fs::path corpus = GenerateArchive(dir_ / "corpus", "0.8", 5);
  std::vector<std::string> files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(corpus)) {
    // The pages a build of the folder reads (not generated.json).
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 8u);
  // Quarters; build i reads quarters i and i + 1 (mod 4): overlapping halves
  // that together cover the corpus, every file read by two builds.
  std::vector<std::string> quarters(4);
  for (std::size_t i = 0; i < files.size(); ++i) {
    quarters[i * 4 / files.size()] += " " + ShellQuote(files[i]);
  }
  const fs::path sequential = dir_ / "sequential.db";
  const CommandResult one = RunGuanxi("build " + ShellQuote(corpus.string()) + " --db " +
                                      ShellQuote(sequential.string()));
  ASSERT_EQ(one.exit_code, 0) << one.err;

  std::vector<std::future<CommandResult>> builds;
  for (int i = 0; i < 4; ++i) {
    const std::string arguments = "build" + quarters[i] + quarters[(i + 1) % 4] +
                                  " --batch-items 50 --db " + ShellQuote(uri_);
    builds.push_back(std::async(std::launch::async, [arguments] { return RunGuanxi(arguments); }));
  }
  for (std::future<CommandResult>& build : builds) {
    const CommandResult built = build.get();
    EXPECT_EQ(built.exit_code, 0) << built.err;
    EXPECT_TRUE(Contains(built.out, uri_ + ": ")) << built.out;
  }
  const fs::path together = dir_ / "together.db";
  ASSERT_EQ(Copy(uri_, together.string()).exit_code, 0);
  for (const char* table : {"files", "articles", "sources", "entities", "relations", "mentions",
                            "aliases", "candidates"}) {
    EXPECT_EQ(Rows(together, table), Rows(sequential, table)) << table;
  }
  EXPECT_GT(Rows(together, "relations"), 100);
  // A fifth build of everything adds nothing: idempotent by content hash.
  const CommandResult again =
      RunGuanxi("build " + ShellQuote(corpus.string()) + " --db " + ShellQuote(uri_));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again.out, " 0 items added")) << again.out;
}

TEST_F(PostgresCopyTest, CopyIntoADatabaseThatHoldsAGraphIsRefused) {
  ASSERT_EQ(Copy(database_file_.string(), uri_).exit_code, 0);
  const CommandResult again = Copy(database_file_.string(), uri_);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_TRUE(Contains(again.err, "guanxi: " + uri_ + ": already holds a guanxi graph"))
      << again.err;
}

TEST_F(PostgresCopyTest, CopyOntoAnExistingFileOrFromAnEmptyDatabaseIsRefused) {
  const CommandResult onto = Copy(uri_, database_file_.string());
  EXPECT_EQ(onto.exit_code, 1);
  EXPECT_TRUE(Contains(onto.err, database_file_.string() + ": exists")) << onto.err;
  const CommandResult empty = Copy(uri_, (dir_ / "new.db").string());
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_TRUE(Contains(empty.err, uri_ + ": no guanxi graph here")) << empty.err;
  EXPECT_FALSE(fs::exists(dir_ / "new.db"));
}

TEST_F(PostgresCopyTest, UnreachableServerAndBadUriAreErrorsNamingThem) {
  // Port 1 on loopback: nothing listens there.
  const std::string unreachable = "postgresql://postgres@127.0.0.1:1/guanxi";
  const CommandResult refused = Copy(database_file_.string(), unreachable);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(Contains(refused.err, "guanxi: " + unreachable + ": cannot connect")) << refused.err;

  const std::string bad = "postgresql://postgres@127.0.0.1:notaport/guanxi";
  const CommandResult malformed = Copy(database_file_.string(), bad);
  EXPECT_EQ(malformed.exit_code, 1);
  EXPECT_TRUE(Contains(malformed.err, "guanxi: " + bad + ":")) << malformed.err;

  const CommandResult secret =
      Copy(database_file_.string(), "postgresql://postgres:hunter2@127.0.0.1:1/guanxi");
  EXPECT_EQ(secret.exit_code, 1);
  EXPECT_FALSE(Contains(secret.err, "hunter2")) << secret.err;

  const CommandResult two_files = Copy(database_file_.string(), (dir_ / "other.db").string());
  EXPECT_EQ(two_files.exit_code, 1);
  EXPECT_TRUE(Contains(two_files.err, "between a database file and a postgresql://"))
      << two_files.err;
}

}  // namespace
}  // namespace guanxi::testing
