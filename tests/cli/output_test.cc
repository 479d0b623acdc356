// Outputs and inputs that never lie (issue 13), with the real binary:
// every output whole or an error naming it (standard output on /dev/full,
// files past the file size limit or on /dev/full, a closed pipe), XML
// outputs that parse whatever the names hold (xmllint, networkx), CSV cells
// that open as text, reading commands that never write, --db a path, and
// out of memory an internal error rather than a crash.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace guanxi::testing {
namespace {

namespace fs = std::filesystem;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Names of the entries of `folder`.
std::vector<std::string> Entries(const fs::path& folder) {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// guanxi with `arguments` under a file size limit of `bytes` (writes past
// it fail with EFBIG, as on a full disk with ENOSPC).
CommandResult RunGuanxiWithFileLimit(const std::string& arguments, uintmax_t bytes) {
  return RunShell("trap '' XFSZ; exec prlimit --fsize=" + std::to_string(bytes) + " " +
                  ShellQuote(GUANXI_BINARY) + " " + arguments);
}

class OutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const CommandResult built = Guanxi("build " + ShellQuote(SamplesDir().string()));
    ASSERT_EQ(built.exit_code, 0) << built.err;
  }

  // guanxi `arguments` --db the samples' database.
  CommandResult Guanxi(const std::string& arguments) {
    return RunGuanxi(arguments + " --db " + ShellQuote(database_.string()));
  }
  std::string Db() const { return " --db " + ShellQuote(database_.string()); }

  TempDir dir_;
  fs::path database_ = dir_ / "guanxi.db";
};

TEST_F(OutputTest, StandardOutputOnAFullDiskIsAnErrorNamingIt) {
  const std::string page = ShellQuote((SamplesDir() / "page2_delegation.txt").string());
  for (const std::string& command :
       {"stats" + Db(), "show 钱若溪" + Db(), "show 钱若溪 --json" + Db(), "search 钱若溪" + Db(),
        "path 钱若溪 阿米尔·哈桑" + Db(), "neighbors 钱若溪" + Db(), "candidates" + Db(),
        "decisions --json" + Db(), "export --format json -o -" + Db(),
        "render --around 钱若溪 --format dot -o -" + Db(), "extract --json " + page,
        "extract " + page}) {
    const CommandResult full = RunGuanxi(command + " >/dev/full");
    EXPECT_EQ(full.exit_code, 1) << command << ": " << full.err;
    EXPECT_TRUE(Contains(full.err, "guanxi: standard output: cannot write (No space left"))
        << command << ": " << full.err;
  }
}

TEST_F(OutputTest, FileOutputsOnAFullDeviceAreErrorsNamingTheFile) {
  // A private node of /dev/full's device (1, 7): a guanxi that renamed a
  // file over its output would replace this node, not the machine's.
  const fs::path full = dir_ / "full";
  if (::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0) {
    GTEST_SKIP() << "cannot make a device node here (not root?); standard output on /dev/full "
                    "is tested above";
  }
  for (const std::string command :
       {"export --format graphml -o ", "export --format json -o ", "render --all --format svg -o ",
        "render --all --format png -o ", "render --all --format dot -o ", "decisions --export "}) {
    const CommandResult result = Guanxi(command + ShellQuote(full.string()));
    EXPECT_EQ(result.exit_code, 1) << command << ": " << result.err;
    EXPECT_TRUE(Contains(result.err, "guanxi: " + full.string() + ": cannot write (No space left"))
        << command << ": " << result.err;
    struct stat device {};
    ASSERT_EQ(::stat(full.c_str(), &device), 0);
    ASSERT_TRUE(S_ISCHR(device.st_mode)) << command << ": the device is written, never replaced";
  }
}

TEST_F(OutputTest, FileOutputsPastTheFileSizeLimitLeaveNoPartialFile) {
  // Room for SQLite's shared-memory file (32 kB), not for the outputs.
  constexpr uintmax_t kLimit = 40000;
  const fs::path out = dir_ / "out";
  fs::create_directories(out);
  for (const std::string name : {"graph.svg", "graph.png", "graph.graphml", "graph.json"}) {
    const std::string extension = fs::path(name).extension().string().substr(1);
    const std::string command = extension == "svg" || extension == "png"
                                    ? "render --all -o "
                                    : "export --format " + extension + " -o ";
    const fs::path target = out / name;
    // Whole, the output is larger than the limit.
    ASSERT_EQ(Guanxi(command + ShellQuote(target.string())).exit_code, 0) << name;
    ASSERT_GT(fs::file_size(target), kLimit) << name;
    WriteFile(target, "the previous output");

    const CommandResult full =
        RunGuanxiWithFileLimit(command + ShellQuote(target.string()) + Db(), kLimit);
    EXPECT_EQ(full.exit_code, 1) << name << ": " << full.err;
    EXPECT_TRUE(Contains(full.err, "guanxi: " + target.string() + ": cannot write (File too large"))
        << name << ": " << full.err;
    EXPECT_EQ(ReadFile(target), "the previous output") << name;
    EXPECT_EQ(Entries(out), std::vector<std::string>{name}) << "no temporary file is left";
    fs::remove(target);
  }
}

// The database `guanxi build` makes of a generated corpus of `mb` megabytes
// (a failure is a test failure).
fs::path BuiltArchive(const TempDir& dir, const std::string& mb, int seed) {
  const fs::path corpus = GenerateArchive(dir / "corpus", mb, seed);
  const fs::path database = dir / "archive.db";
  const CommandResult build = RunGuanxi("build " + ShellQuote(corpus.string()) + " --db " +
                                        ShellQuote(database.string()));
  EXPECT_EQ(build.exit_code, 0) << build.err;
  return database;
}

TEST(OutputFileTest, CsvPastTheFileSizeLimitLeavesNoPartialTable) {
  TempDir dir;
  const fs::path database = BuiltArchive(dir, "0.2", 11);
  ASSERT_FALSE(HasFailure());
  const fs::path tables = dir / "tables";
  const CommandResult full = RunGuanxiWithFileLimit(
      "export --format csv -o " + ShellQuote(tables.string()) + " --db " +
          ShellQuote(database.string()),
      100000);
  EXPECT_EQ(full.exit_code, 1) << full.err;
  EXPECT_TRUE(Contains(full.err, "guanxi: " + (tables / "edges.csv").string() +
                                     ": cannot write (File too large"))
      << full.err;
  EXPECT_TRUE(Entries(tables).empty()) << "neither table is left";
}

TEST(OutputFileTest, ClosedPipeIsAnErrorNamingStandardOutput) {
  TempDir dir;
  // A page of the samples over and over: far more JSON than a pipe holds.
  std::string text;
  for (int i = 0; i < 40; ++i) {
    for (const fs::directory_entry& entry : fs::directory_iterator(SamplesDir())) {
      if (entry.path().extension() == ".txt") text += ReadFile(entry.path()) + "\n\n";
    }
  }
  const fs::path page = dir / "long.txt";
  WriteFile(page, text);
  const fs::path err = dir / "err";
  // A reader that stops after 10 bytes; pipefail gives guanxi's exit code.
  const std::string pipeline = "set -o pipefail; " + ShellQuote(GUANXI_BINARY) +
                               " extract --json " + ShellQuote(page.string()) + " 2>" +
                               ShellQuote(err.string()) + " | head -c 10 >/dev/null";
  const CommandResult closed = RunShell("bash -c " + ShellQuote(pipeline));
  EXPECT_EQ(closed.exit_code, 1) << ReadFile(err);
  EXPECT_TRUE(Contains(ReadFile(err), "guanxi: standard output: cannot write (Broken pipe)"))
      << ReadFile(err);
}

TEST_F(OutputTest, NamesWithCharactersXmlForbidsGiveGraphmlAndSvgThatParse) {
  // A name is data: rename puts characters XML 1.0 forbids into the graph.
  const std::string name = "钱\xEF\xBF\xBE若\xEF\xBF\xBF溪\x01\x1F";
  const CommandResult renamed = Guanxi("rename 钱若溪 " + ShellQuote(name));
  ASSERT_EQ(renamed.exit_code, 0) << renamed.err;
  const fs::path graphml = dir_ / "all.graphml";
  const fs::path svg = dir_ / "all.svg";
  ASSERT_EQ(Guanxi("export -o " + ShellQuote(graphml.string())).exit_code, 0);
  ASSERT_EQ(Guanxi("render --all -o " + ShellQuote(svg.string())).exit_code, 0);

  for (const fs::path& file : {graphml, svg}) {
    const CommandResult lint = RunShell("xmllint --noout " + ShellQuote(file.string()));
    EXPECT_EQ(lint.exit_code, 0) << file << ": " << lint.err;
  }
  const CommandResult read = RunShell(
      std::string(kPython) + " -c " +
      ShellQuote("import sys, networkx as nx\n"
                 "g = nx.read_graphml(sys.argv[1])\n"
                 "names = [d.get('name', '') for _, d in g.nodes(data=True)]\n"
                 "print(g.number_of_nodes(), sum('\\ufffd' in n for n in names))\n") +
      " " + ShellQuote(graphml.string()));
  ASSERT_EQ(read.exit_code, 0) << read.err;
  EXPECT_EQ(read.out, "48 1\n") << "every node read back, the renamed one with U+FFFD";
}

TEST_F(OutputTest, CsvCellStartingAFormulaOpensAsText) {
  const std::string formula = "=HYPERLINK(\"http://example.com\",\"钱若溪\")";
  ASSERT_EQ(Guanxi("rename 钱若溪 " + ShellQuote(formula)).exit_code, 0);
  ASSERT_EQ(Guanxi("rename 庞可欣 " + ShellQuote("-2+3")).exit_code, 0);
  const fs::path tables = dir_ / "tables";
  ASSERT_EQ(Guanxi("export --format csv -o " + ShellQuote(tables.string())).exit_code, 0);
  const CommandResult read = RunShell(
      std::string(kPython) + " -c " +
      ShellQuote("import csv, sys\n"
                 "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
                 "for row in rows:\n"
                 "    if row['name'][:1] in \"=+-@'\": print(row['name'])\n") +
      " " + ShellQuote((tables / "nodes.csv").string()));
  ASSERT_EQ(read.exit_code, 0) << read.err;
  EXPECT_EQ(read.out, "'" + formula + "\n'-2+3\n");
}

TEST(ReadingCommandsTest, StatsOnAnEmptyFileLeavesItEmpty) {
  TempDir dir;
  const fs::path empty = dir / "empty.db";
  WriteFile(empty, "");
  for (const std::string command : {"stats", "show 钱若溪", "export -o -", "candidates"}) {
    const CommandResult result =
        RunGuanxi(command + " --db " + ShellQuote(empty.string()) + " >/dev/null");
    EXPECT_EQ(result.exit_code, 1) << command << ": " << result.err;
    EXPECT_TRUE(Contains(result.err, "guanxi: " + empty.string() + ": not a guanxi database"))
        << command << ": " << result.err;
    EXPECT_EQ(fs::file_size(empty), 0u) << command;
  }
  EXPECT_EQ(Entries(dir.path()), std::vector<std::string>{"empty.db"});
}

TEST(ReadingCommandsTest, DatabaseIsAPathNeverAUriOrMemory) {
  TempDir dir;
  for (const std::string& database : std::vector<std::string>{
           ":memory:", "file:" + (dir / "x.db").string(), "file:x.db?mode=memory"}) {
    const CommandResult build =
        RunGuanxi("build " + ShellQuote(SamplesDir().string()) + " --db " + ShellQuote(database));
    EXPECT_EQ(build.exit_code, 1) << database << ": " << build.out;
    EXPECT_TRUE(Contains(build.err, "not a SQLite URI or :memory:")) << build.err;
    EXPECT_FALSE(Contains(build.out, "items added")) << build.out;
  }
  EXPECT_TRUE(Entries(dir.path()).empty());
}

TEST(BuildInputsAsUserTest, EachUnreadableInputIsNamedAndTheRestStored) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to run guanxi as another user (nobody)";
  if (RunShell("setpriv --reuid=nobody --regid=nogroup --clear-groups true").exit_code != 0) {
    GTEST_SKIP() << "setpriv cannot switch to nobody";
  }
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);  // nobody writes the database here
  const fs::path pages = dir / "pages";
  fs::create_directories(pages);
  fs::copy_file(SamplesDir() / "page2_delegation.txt", pages / "a.txt");
  fs::copy_file(SamplesDir() / "page4_culture.txt", pages / "b.txt");
  WriteFile(pages / "secret.txt", ReadFile(SamplesDir() / "page2_delegation.txt"));
  fs::permissions(pages / "secret.txt", fs::perms::owner_read | fs::perms::owner_write);
  fs::create_symlink("loop-b.txt", pages / "loop-a.txt");
  fs::create_symlink("loop-a.txt", pages / "loop-b.txt");
  const fs::path missing = dir / "missing.txt";
  const fs::path database = dir / "guanxi.db";

  const CommandResult built = RunShell(
      "setpriv --reuid=nobody --regid=nogroup --clear-groups " + ShellQuote(GUANXI_BINARY) +
      " build " + ShellQuote(pages.string()) + " " + ShellQuote(missing.string()) + " --db " +
      ShellQuote(database.string()));
  EXPECT_EQ(built.exit_code, 1) << built.err;
  EXPECT_TRUE(Contains(built.err, (pages / "secret.txt").string() + ": skipped (not readable"))
      << built.err;
  EXPECT_TRUE(Contains(built.err, (pages / "loop-a.txt").string() + ": skipped (a symbolic link loop"))
      << built.err;
  EXPECT_TRUE(Contains(built.err, "guanxi: " + missing.string() + ": no such file"))
      << built.err;
  EXPECT_TRUE(Contains(built.out, "2 files read (0 failed)")) << built.out;
  const CommandResult shown =
      RunGuanxi("show 钱若溪 --db " + ShellQuote(database.string()));
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_TRUE(Contains(shown.out, "from 2 items")) << shown.out;
}

TEST(MainTest, OutOfMemoryIsAnInternalErrorNotACrash) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer reserves more address space than any limit here allows";
#else
  TempDir dir;
  const fs::path database = BuiltArchive(dir, "0.5", 13);
  ASSERT_FALSE(HasFailure());
  // Address-space limits from roomy to tight: each run either answers or
  // says it ran out of memory; none aborts (134) or dies by a signal.
  int out_of_memory = 0;
  for (uintmax_t mb = 160; mb >= 30; mb -= 5) {
    const std::string limited =
        "prlimit --as=" + std::to_string(mb * 1000000) + " " + ShellQuote(GUANXI_BINARY);
    // Too tight to start at all: the shared libraries do not load (127), or
    // the allocator (jemalloc) cannot set itself up for their constructors'
    // first allocations, before guanxi's main runs (SIGSEGV, in a band a few
    // MB wide just above the loader's limit). Every command starts so.
    if (RunShell(limited + " --version >/dev/null").exit_code != 0) continue;
    const CommandResult run =
        RunShell(limited + " stats --db " + ShellQuote(database.string()) + " >/dev/null");
    if (run.exit_code == 0) continue;
    EXPECT_EQ(run.exit_code, 2) << mb << " MB: " << run.err;
    // From an allocation of guanxi's ("internal error: out of memory") or
    // one SQLite reports (naming the database).
    EXPECT_TRUE(run.err.rfind("guanxi: ", 0) == 0 && Contains(run.err, "out of memory"))
        << mb << " MB: " << run.err;
    ++out_of_memory;
  }
  if (out_of_memory == 0) GTEST_SKIP() << "no limit tried made an allocation fail";
#endif
}

}  // namespace
}  // namespace guanxi::testing
