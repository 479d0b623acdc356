// The writing commands (build, merge, split, rename, reject) on a full disk
// and on a database they may not write: a clear error naming the database
// and the problem, exit 1, and nothing lost. A full disk is made with a file
// size limit (RLIMIT_FSIZE through prlimit, SIGXFSZ ignored so that writes
// fail with EFBIG) and, where this machine lets the test mount one, with a
// small tmpfs; a read-only database by running guanxi as `nobody` (root
// writes whatever the permission bits say).

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include "tests/cli/cli_test_util.h"
#include "tests/cli/sqlite_test_util.h"

namespace guanxi::testing {
namespace {

namespace fs = std::filesystem;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// guanxi with `arguments` under a file size limit of `bytes`: a write past
// it fails with EFBIG, as a write to a full disk fails with ENOSPC.
CommandResult RunGuanxiWithFileLimit(const std::string& arguments, uintmax_t bytes) {
  return RunShell("trap '' XFSZ; exec prlimit --fsize=" + std::to_string(bytes) + " " +
                  ShellQuote(GUANXI_BINARY) + " " + arguments);
}

fs::path Corpus(const TempDir& dir) { return GenerateArchive(dir / "corpus", "0.5", 7); }

std::string Build(const fs::path& corpus, const fs::path& database) {
  return "build " + ShellQuote(corpus.string()) + " --db " + ShellQuote(database.string()) +
         " --batch-items 40";
}

std::string ExportOf(const TempDir& dir, const fs::path& database) {
  const fs::path out = dir / "export.json";
  const CommandResult exported = RunGuanxi("export --format json -o " + ShellQuote(out.string()) +
                                           " --db " + ShellQuote(database.string()));
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  return ReadFile(out);
}

TEST(WriteFailureTest, BuildPastTheFileSizeLimitStopsClearlyAndARerunCompletes) {
  TempDir dir;
  const fs::path corpus = Corpus(dir);
  const fs::path reference = dir / "reference.db";
  const CommandResult whole = RunGuanxi(Build(corpus, reference));
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  const std::string expected = ExportOf(dir, reference);
  ASSERT_TRUE(Contains(expected, "\"edges\""));

  // Room for a third of the database: the first batches commit, a later one
  // cannot be written.
  const fs::path database = dir / "full.db";
  const uintmax_t limit = fs::file_size(reference) / 3;
  const CommandResult full = RunGuanxiWithFileLimit(Build(corpus, database), limit);
  EXPECT_EQ(full.exit_code, 1) << full.err;
  EXPECT_TRUE(Contains(full.err, "guanxi: " + database.string() + ": disk full")) << full.err;
  EXPECT_FALSE(Contains(full.err, "internal error")) << full.err;

  EXPECT_EQ(IntegrityOf(database), "ok");
  const int64_t kept = CountRows(database, "articles");
  EXPECT_GT(kept, 0) << "the batches committed before the disk filled are kept";
  EXPECT_LT(kept, CountRows(reference, "articles"));

  const CommandResult rerun = RunGuanxi(Build(corpus, database));
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(ExportOf(dir, database), expected);
}

// A tmpfs mounted for the test, unmounted on destruction.
class SmallFileSystem {
 public:
  SmallFileSystem(const fs::path& where, const std::string& size) : where_(where) {
    fs::create_directories(where_);
    const std::string options = "size=" + size + ",mode=0755";
    if (::mount("tmpfs", where_.c_str(), "tmpfs", 0, options.c_str()) == 0) {
      mounted_ = true;
    } else {
      error_ = std::strerror(errno);
    }
  }
  ~SmallFileSystem() {
    if (mounted_) ::umount2(where_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }
  bool Resize(const std::string& size) {
    const std::string options = "size=" + size;
    return ::mount("tmpfs", where_.c_str(), "tmpfs", MS_REMOUNT, options.c_str()) == 0;
  }

 private:
  fs::path where_;
  bool mounted_ = false;
  std::string error_;
};

TEST(WriteFailureTest, BuildOnAFullFileSystemStopsClearlyAndCompletesOnceSpaceIsFreed) {
  TempDir dir;
  SmallFileSystem small(dir / "small", "256k");
  if (!small.mounted()) {
    GTEST_SKIP() << "cannot mount a tmpfs here (" << small.error()
                 << "); the file size limit test covers a full disk";
  }
  const fs::path corpus = Corpus(dir);
  const fs::path reference = dir / "reference.db";
  ASSERT_EQ(RunGuanxi(Build(corpus, reference)).exit_code, 0);
  const std::string expected = ExportOf(dir, reference);

  const fs::path database = dir / "small" / "guanxi.db";
  const CommandResult full = RunGuanxi(Build(corpus, database));
  EXPECT_EQ(full.exit_code, 1) << full.err;
  EXPECT_TRUE(Contains(full.err, "guanxi: " + database.string() + ": disk full")) << full.err;
  EXPECT_FALSE(Contains(full.err, "internal error")) << full.err;
  EXPECT_EQ(IntegrityOf(database), "ok");

  ASSERT_TRUE(small.Resize("64m"));
  const CommandResult rerun = RunGuanxi(Build(corpus, database));
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(ExportOf(dir, database), expected);
}

// Samples built into a database that `nobody` may read but not write.
class ReadOnlyDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) GTEST_SKIP() << "needs root to run guanxi as another user (nobody)";
    const CommandResult probe =
        RunShell("setpriv --reuid=nobody --regid=nogroup --clear-groups true");
    if (probe.exit_code != 0) GTEST_SKIP() << "setpriv cannot switch to nobody: " << probe.err;
    // The test's folder is private to root; nobody needs to reach the file.
    fs::permissions(dir_.path(), fs::perms::owner_all | fs::perms::group_read |
                                     fs::perms::group_exec | fs::perms::others_read |
                                     fs::perms::others_exec);
    const CommandResult built = RunGuanxi("build " + ShellQuote(SamplesDir().string()) + " --db " +
                                          ShellQuote(database_.string()));
    ASSERT_EQ(built.exit_code, 0) << built.err;
    before_ = ReadFile(database_);
  }

  CommandResult AsNobody(const std::string& arguments) {
    return RunShell("setpriv --reuid=nobody --regid=nogroup --clear-groups " +
                    ShellQuote(GUANXI_BINARY) + " " + arguments + " --db " +
                    ShellQuote(database_.string()));
  }

  void ExpectRefusedAndUnchanged(const CommandResult& result) {
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_TRUE(Contains(result.err, "guanxi: " + database_.string() + ": read-only"))
        << result.err;
    EXPECT_EQ(ReadFile(database_), before_);
  }

  TempDir dir_;
  fs::path database_ = dir_ / "guanxi.db";
  std::string before_;
};

TEST_F(ReadOnlyDatabaseTest, BuildIsRefusedNamingTheFile) {
  ExpectRefusedAndUnchanged(AsNobody("build " + ShellQuote(SamplesDir().string())));
}

TEST_F(ReadOnlyDatabaseTest, DecisionsAreRefusedNamingTheFile) {
  ExpectRefusedAndUnchanged(AsNobody("merge 钱若溪 庞可欣"));
  ExpectRefusedAndUnchanged(AsNobody("rename 钱若溪 钱某"));
  ExpectRefusedAndUnchanged(AsNobody("reject 钱若溪"));
  ExpectRefusedAndUnchanged(AsNobody("split 钱若溪 --article 4"));
}

TEST(WriteFailureTest, DecisionPastTheFileSizeLimitChangesNothing) {
  TempDir dir;
  const fs::path database = dir / "guanxi.db";
  ASSERT_EQ(RunGuanxi("build " + ShellQuote(SamplesDir().string()) + " --db " +
                      ShellQuote(database.string()))
                .exit_code,
            0);
  const int64_t decisions = CountRows(database, "decisions");
  // Not even the write-ahead log's first page fits.
  const CommandResult merge =
      RunGuanxiWithFileLimit("merge 钱若溪 庞可欣 --db " + ShellQuote(database.string()), 1024);
  EXPECT_EQ(merge.exit_code, 1) << merge.err;
  EXPECT_TRUE(Contains(merge.err, "guanxi: " + database.string() + ": disk full")) << merge.err;
  EXPECT_EQ(IntegrityOf(database), "ok");
  EXPECT_EQ(CountRows(database, "decisions"), decisions);
  const CommandResult merged =
      RunGuanxi("merge 钱若溪 庞可欣 --db " + ShellQuote(database.string()));
  EXPECT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(CountRows(database, "decisions"), decisions + 1);
}

}  // namespace
}  // namespace guanxi::testing
