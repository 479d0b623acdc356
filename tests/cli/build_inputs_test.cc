// What `guanxi build` and `guanxi extract` accept as input, end to end with
// the real binary: pages named *.TXT, *.text, *.html in folders; symbolic-link
// loops, FIFOs and broken links skipped with a warning naming each; a folder
// without pages or a missing path named, the rest built; the per-file report;
// pages in GB18030, UTF-16 and HTML giving the items of their UTF-8 text;
// --encoding obeyed.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli/cli_test_util.h"

namespace guanxi::testing {
namespace {

namespace fs = std::filesystem;

// A sample page as HTML: the headline in <h1>, each further line a
// paragraph, inside a site's navigation, scripts and footer.
std::string AsHtml(const std::string& text) {
  std::string body;
  size_t start = 0;
  bool first = true;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    body += first ? "<h1>" + line + "</h1>\n" : "<p>" + line + "</p>\n";
    first = false;
  }
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>新闻_某某网</title>\n"
         "<script>var n = 1 < 2; document.write('<p>脚本</p>');</script></head>\n"
         "<body><nav><ul><li>首页</li><li>要闻</li></ul></nav>\n<div class=\"content\">\n" +
         body + "</div>\n<footer>版权所有 某某网</footer></body></html>\n";
}

// `text` (UTF-8) in `encoding`, by iconv.
std::string Iconv(const fs::path& dir, const std::string& text, const std::string& encoding) {
  const fs::path in = dir / "iconv-in.txt";
  const fs::path out = dir / "iconv-out.txt";
  WriteFile(in, text);
  const CommandResult result = RunShell("iconv -f UTF-8 -t " + encoding + " " +
                                        ShellQuote(in.string()) + " > " + ShellQuote(out.string()));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return ReadFile(out);
}

class BuildInputsTest : public ::testing::Test {
 protected:
  std::string Sample(const std::string& name) const { return ReadFile(SamplesDir() / name); }

  CommandResult Build(const std::string& paths, const std::string& db,
                      const std::string& options = "") const {
    return RunGuanxi("build " + paths + " --db " + ShellQuote((dir_ / db).string()) + " " +
                     options);
  }

  static std::string Q(const fs::path& path) { return ShellQuote(path.string()); }

  // "DB: N items, M entities, K relations", the summary's last line, without the name.
  static std::string Counts(const CommandResult& result) {
    const size_t line = result.out.rfind(": ", result.out.size() - 2);
    return line == std::string::npos ? "" : result.out.substr(line);
  }

  TempDir dir_;
};

TEST_F(BuildInputsTest, FolderOfUpperCaseTextHtmlAndALinkLoopBuildsThePagesAndNamesTheLoop) {
  const fs::path pages = dir_ / "pages";
  fs::create_directories(pages / "deeper");
  WriteFile(pages / "SIGNING.TXT", Sample("page1_signing.txt"));
  WriteFile(pages / "deeper" / "delegation.html", AsHtml(Sample("page2_delegation.txt")));
  WriteFile(pages / "investment.text", Sample("page3_investment.txt"));
  WriteFile(pages / "picture.jpg", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10));
  fs::create_symlink("loop-b", pages / "loop-a");
  fs::create_symlink("loop-a", pages / "loop-b");
  fs::create_symlink("..", pages / "deeper" / "up");  // a link to a folder: not followed
  fs::create_symlink("nowhere.txt", pages / "broken.txt");
  ASSERT_EQ(::mkfifo((pages / "pipe.txt").c_str(), 0600), 0);

  const CommandResult build = Build(Q(pages), "guanxi.db", "--report");
  ASSERT_EQ(build.exit_code, 0) << build.err << build.out;
  EXPECT_NE(build.out.find("3 files read (0 failed)"), std::string::npos) << build.out;
  for (const char* skipped : {"loop-a: skipped (a symbolic link loop)",
                              "loop-b: skipped (a symbolic link loop)",
                              "deeper/up: skipped (a symbolic link to a folder; not followed)",
                              "broken.txt: skipped (a broken symbolic link)",
                              "pipe.txt: skipped (a FIFO)"}) {
    EXPECT_NE(build.err.find("guanxi: warning: " + (pages / skipped).string()), std::string::npos)
        << skipped << "\n"
        << build.err;
  }
  EXPECT_EQ(build.err.find("picture.jpg"), std::string::npos) << build.err;

  // One report line per page, and the same database as the pages built one by one.
  EXPECT_NE(build.out.find((pages / "SIGNING.TXT").string() + ": 3 items (3 new), "),
            std::string::npos)
      << build.out;
  EXPECT_NE(build.out.find((pages / "deeper" / "delegation.html").string() + ": 2 items (2 new), "),
            std::string::npos)
      << build.out;
  EXPECT_NE(build.out.find((pages / "investment.text").string() + ": 2 items"), std::string::npos)
      << build.out;
  const CommandResult plain = Build(Q(SamplesDir() / "page1_signing.txt") + " " +
                                        Q(SamplesDir() / "page2_delegation.txt") + " " +
                                        Q(SamplesDir() / "page3_investment.txt"),
                                    "plain.db");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(Counts(build), Counts(plain)) << build.out << plain.out;
}

TEST_F(BuildInputsTest, FolderWithoutPagesIsAnErrorAndTheDatabaseIsUntouched) {
  const fs::path photos = dir_ / "photos";
  fs::create_directories(photos);
  WriteFile(photos / "a.jpg", "\xFF\xD8\xFF\xE0");
  WriteFile(photos / "b.JPG", "\xFF\xD8\xFF\xE0");

  const CommandResult fresh = Build(Q(photos), "fresh.db");
  EXPECT_EQ(fresh.exit_code, 1);
  EXPECT_NE(fresh.err.find(photos.string() + ": no pages (*.txt, *.text, *.html) found"),
            std::string::npos)
      << fresh.err;
  EXPECT_FALSE(fs::exists(dir_ / "fresh.db"));

  ASSERT_EQ(Build(Q(SamplesDir()), "kept.db").exit_code, 0);
  const std::string before = ReadFile(dir_ / "kept.db");
  const CommandResult again = Build(Q(photos), "kept.db");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(ReadFile(dir_ / "kept.db"), before);
}

TEST_F(BuildInputsTest, MissingPathAmongGoodOnesIsNamedAndTheRestBuilt) {
  const fs::path missing = dir_ / "no-such-page.txt";
  const CommandResult build =
      Build(Q(SamplesDir() / "page1_signing.txt") + " " + Q(missing) + " " +
                Q(SamplesDir() / "page4_culture.txt"),
            "guanxi.db");
  EXPECT_EQ(build.exit_code, 1);
  EXPECT_NE(build.err.find(missing.string() + ": no such file or folder"), std::string::npos)
      << build.err;
  EXPECT_NE(build.out.find("2 files read (0 failed)"), std::string::npos) << build.out;
  const CommandResult both = Build(Q(SamplesDir() / "page1_signing.txt") + " " +
                                       Q(SamplesDir() / "page4_culture.txt"),
                                   "both.db");
  ASSERT_EQ(both.exit_code, 0) << both.err;
  EXPECT_EQ(Counts(build), Counts(both));
}

TEST_F(BuildInputsTest, HtmlPageGivesTheEntitiesAndRelationsOfItsText) {
  for (const char* name : {"page1_signing.txt", "page2_delegation.txt", "page4_culture.txt"}) {
    const fs::path text = dir_ / name;
    const fs::path html = dir_ / (std::string(name) + ".html");
    WriteFile(text, Sample(name));
    WriteFile(html, AsHtml(Sample(name)));
    const CommandResult from_text = RunGuanxi("extract --json " + Q(text));
    const CommandResult from_html = RunGuanxi("extract --json " + Q(html));
    ASSERT_EQ(from_text.exit_code, 0) << from_text.err;
    ASSERT_EQ(from_html.exit_code, 0) << from_html.err;
    const nlohmann::json a = nlohmann::json::parse(from_text.out);
    const nlohmann::json b = nlohmann::json::parse(from_html.out);
    ASSERT_FALSE(a["articles"].empty()) << name;
    EXPECT_EQ(b["articles"], a["articles"]) << name;

    // Built, the same counts.
    const CommandResult built_text = Build(Q(text), std::string(name) + ".db");
    const CommandResult built_html = Build(Q(html), std::string(name) + ".html.db");
    ASSERT_EQ(built_html.exit_code, 0) << built_html.err;
    EXPECT_EQ(Counts(built_html), Counts(built_text));
  }
}

TEST_F(BuildInputsTest, PagesInGb18030AndUtf16BuildAsTheirUtf8Text) {
  const fs::path pages = dir_ / "encoded";
  fs::create_directories(pages);
  const std::string signing = Sample("page1_signing.txt");
  WriteFile(pages / "gb.txt", Iconv(dir_.path(), signing, "GB18030"));
  WriteFile(pages / "wide.txt", "\xFF\xFE" + Iconv(dir_.path(), Sample("page2_delegation.txt"), "UTF-16LE"));
  const CommandResult encoded = Build(Q(pages), "encoded.db");
  ASSERT_EQ(encoded.exit_code, 0) << encoded.err;
  const CommandResult plain =
      Build(Q(SamplesDir() / "page1_signing.txt") + " " + Q(SamplesDir() / "page2_delegation.txt"),
            "plain.db");
  EXPECT_EQ(Counts(encoded), Counts(plain)) << encoded.out << plain.out;

  const CommandResult extracted = RunGuanxi("extract " + Q(pages / "gb.txt"));
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  EXPECT_EQ(extracted.out.rfind("(read as GB18030)\n", 0), 0u) << extracted.out;
  const CommandResult json = RunGuanxi("extract --json " + Q(pages / "gb.txt"));
  const CommandResult json_utf8 = RunGuanxi("extract --json " + Q(SamplesDir() / "page1_signing.txt"));
  EXPECT_EQ(nlohmann::json::parse(json.out)["articles"],
            nlohmann::json::parse(json_utf8.out)["articles"]);
}

TEST_F(BuildInputsTest, EncodingOptionOverridesDetection) {
  // Eight characters in GB18030: too few for ICU to tell.
  const fs::path headline = dir_ / "headline.txt";
  WriteFile(headline, Iconv(dir_.path(), "县委书记出席会议\n", "GB18030"));
  const CommandResult detected = RunGuanxi("extract " + Q(headline));
  EXPECT_EQ(detected.exit_code, 1);
  EXPECT_NE(detected.err.find(headline.string() + ": not UTF-8 at byte 0"), std::string::npos)
      << detected.err;
  EXPECT_NE(detected.err.find("best guesses"), std::string::npos) << detected.err;
  EXPECT_NE(detected.err.find("--encoding NAME"), std::string::npos) << detected.err;
  const CommandResult built = Build(Q(headline), "guanxi.db");
  EXPECT_EQ(built.exit_code, 1);
  EXPECT_NE(built.err.find("headline.txt"), std::string::npos) << built.err;

  const CommandResult forced = RunGuanxi("extract --encoding gbk " + Q(headline));
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  const CommandResult forced_build = Build(Q(headline), "guanxi.db", "--encoding GB2312");
  EXPECT_EQ(forced_build.exit_code, 0) << forced_build.err;
  EXPECT_NE(forced_build.err.find(headline.string() + ": no news items found"), std::string::npos)
      << forced_build.err;

  // A UTF-8 page forced to be Latin-1 is read as Latin-1: other text.
  const CommandResult latin = RunGuanxi("extract --json --encoding latin1 " +
                                        Q(SamplesDir() / "page1_signing.txt"));
  EXPECT_EQ(latin.exit_code, 0) << latin.err;
  EXPECT_EQ(latin.out.find("青溪区"), std::string::npos);

  const CommandResult unknown = RunGuanxi("extract --encoding klingon-8 " + Q(headline));
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("--encoding: unknown encoding \"klingon-8\""), std::string::npos)
      << unknown.err;
  const CommandResult unknown_build = Build(Q(headline), "new.db", "--encoding klingon-8");
  EXPECT_EQ(unknown_build.exit_code, 1);
  EXPECT_FALSE(fs::exists(dir_ / "new.db"));
}

TEST_F(BuildInputsTest, BinaryPageIsNamedAndTheOthersBuilt) {
  const fs::path pages = dir_ / "pages";
  fs::create_directories(pages);
  WriteFile(pages / "page.txt", Sample("page1_signing.txt"));
  // A picture saved under a page's name: a PNG header and compressed data,
  // NUL and control bytes throughout (a stray NUL alone would be text).
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  for (int i = 0; i < 512; ++i) png += static_cast<char>((i * 37) % 256);
  WriteFile(pages / "saved-as-text.txt", png);
  const CommandResult build = Build(Q(pages), "guanxi.db");
  EXPECT_EQ(build.exit_code, 1);
  EXPECT_NE(build.err.find((pages / "saved-as-text.txt").string() +
                           ": not text (binary data at byte 6)"),
            std::string::npos)
      << build.err;
  EXPECT_NE(build.out.find("2 files read (1 failed)"), std::string::npos) << build.out;
}

TEST_F(BuildInputsTest, UnreadableEntriesAreSkippedWithAWarning) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  const fs::path pages = dir_ / "pages";
  fs::create_directories(pages / "closed");
  WriteFile(pages / "page.txt", Sample("page1_signing.txt"));
  WriteFile(pages / "secret.txt", Sample("page2_delegation.txt"));
  fs::permissions(pages / "secret.txt", fs::perms::none);
  fs::permissions(pages / "closed", fs::perms::none);
  const CommandResult build = Build(Q(pages), "guanxi.db");
  fs::permissions(pages / "closed", fs::perms::owner_all);
  EXPECT_EQ(build.exit_code, 1);
  EXPECT_NE(build.err.find((pages / "secret.txt").string() + ": skipped (not readable"),
            std::string::npos)
      << build.err;
  EXPECT_NE(build.err.find((pages / "closed").string() + ": skipped (folder not readable"),
            std::string::npos)
      << build.err;
  EXPECT_NE(build.out.find("1 files read (0 failed)"), std::string::npos) << build.out;
}

}  // namespace
}  // namespace guanxi::testing
