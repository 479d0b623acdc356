#include "extract/extractor.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "extract/html_text.h"
#include "extract/text_util.h"
#include "test_util.h"

namespace guanxi::extract {
namespace {

using graph::EntityType;
using graph::RelationType;
using testing::FindRelation;
using testing::HasEntity;

std::filesystem::path TempFile(const std::string& name, const std::string& bytes) {
  std::filesystem::path p = std::filesystem::temp_directory_path() /
                            ("guanxi_extract_test_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream out(p, std::ios::binary);
  out << bytes;
  return p;
}

TEST(ExtractFileTest, NonUtf8FileNamesTheFileAndTheByte) {
  std::string bytes = "标题\n\n本报讯";  // 11 bytes of UTF-8, then a Latin-1 byte
  bytes += '\xE9';
  bytes += "abc";
  std::filesystem::path p = TempFile("latin1.txt", bytes);
  Result<graph::Page> page = ExtractFile(p);
  std::filesystem::remove(p);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(page.status().ToString().find(p.string()), std::string::npos);
  EXPECT_NE(page.status().ToString().find("not UTF-8 at byte 17"), std::string::npos)
      << page.status().ToString();
}

TEST(ExtractFileTest, MissingFileIsAnIoErrorNamingIt) {
  Result<graph::Page> page = ExtractFile("/nonexistent/guanxi/page.txt");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), Status::Code::kIoError);
  EXPECT_NE(page.status().ToString().find("/nonexistent/guanxi/page.txt"), std::string::npos);
}

TEST(ExtractFileTest, EmptyFileIsAPageWithoutItems) {
  std::filesystem::path p = TempFile("empty.txt", "");
  Result<graph::Page> page = ExtractFile(p);
  std::filesystem::remove(p);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_TRUE(page->articles.empty());
  EXPECT_EQ(page->path, p.string());
}

// The samples concatenated `copies` times: an archive of many items.
std::string SampleArchive(int copies) {
  std::string archive;
  for (int i = 0; i < copies; ++i) {
    for (const char* name : {"page1_signing.txt", "page2_delegation.txt", "page3_investment.txt",
                             "page4_culture.txt"}) {
      std::ifstream in(std::filesystem::path(GUANXI_SOURCE_DIR) / "samples" / name);
      archive.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      archive += "\n";
    }
  }
  return archive;
}

TEST(ExtractFileStreamingTest, SmallWindowsGiveTheItemsOfTheWholeFile) {
  std::filesystem::path p = TempFile("archive.txt", SampleArchive(3));
  Result<graph::Page> whole = ExtractFile(p);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  std::vector<graph::Article> streamed;
  constexpr size_t kSmallWindow = 2048;  // several windows per sample page
  Status status = ExtractFileStreaming(
      p, [&](graph::Article&& a) { streamed.push_back(std::move(a)); }, kSmallWindow);
  std::filesystem::remove(p);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_EQ(streamed.size(), whole->articles.size());
  for (size_t i = 0; i < streamed.size(); ++i) {
    EXPECT_EQ(streamed[i].title, whole->articles[i].title);
    EXPECT_EQ(streamed[i].text, whole->articles[i].text);
    EXPECT_EQ(streamed[i].relations.size(), whole->articles[i].relations.size()) << i;
  }
}

TEST(ExtractFileStreamingTest, BadByteLateInTheFileIsReportedBeforeAnyArticle) {
  std::string bytes = SampleArchive(2);
  const size_t bad_at = bytes.size();
  bytes += '\xFF';
  std::filesystem::path p = TempFile("late_bad_byte.txt", bytes);
  int delivered = 0;
  Status status = ExtractFileStreaming(
      p, [&](graph::Article&&) { ++delivered; }, size_t{1024});
  std::filesystem::remove(p);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_NE(status.ToString().find("not UTF-8 at byte " + std::to_string(bad_at)),
            std::string::npos)
      << status.ToString();
  EXPECT_EQ(delivered, 0);
}

TEST(ExtractTextTest, EvidenceOffsetsPointAtTheSentenceInCodePoints) {
  graph::Page page = testing::ExtractOrDie(
      "湖滨区召开会议\n\n本报讯(记者 甲乙)5月6日,湖滨区召开会议。"
      "区委书记钟山主持会议。区委副书记、区长罗文杰,区领导孟佳出席。\n");
  ASSERT_EQ(page.articles.size(), 1u);
  const graph::Article& a = page.articles[0];
  ASSERT_FALSE(a.relations.empty());
  std::u32string text = ToU32(a.text);
  for (const graph::Relation& r : a.relations) {
    ASSERT_LE(r.evidence.char_begin, r.evidence.char_end);
    ASSERT_LE(r.evidence.char_end, static_cast<int64_t>(text.size()));
    std::u32string sub =
        text.substr(static_cast<size_t>(r.evidence.char_begin),
                    static_cast<size_t>(r.evidence.char_end - r.evidence.char_begin));
    EXPECT_EQ(ToUtf8(sub), r.evidence.sentence);
    EXPECT_NE(r.evidence.sentence.find(r.source), std::string::npos)
        << r.source << " not in " << r.evidence.sentence;
  }
  EXPECT_EQ(FindRelation(a, RelationType::kChaired, "钟山")->evidence.sentence,
            "区委书记钟山主持会议。");
}

TEST(ExtractTextTest, EveryItemHasOneEventAndEventRelationsPointAtIt) {
  graph::Page page = testing::ExtractOrDie(
      "湖滨区召开会议\n\n本报讯(记者 甲乙)5月6日,会议召开。区委书记钟山出席。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_EQ(testing::CountEntities(a, EntityType::kEvent), 1);
  const graph::Relation* r = FindRelation(a, RelationType::kAttended, "钟山");
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(HasEntity(a, EntityType::kEvent, r->target));
}

TEST(ExtractTextTest, PeopleOfOtherItemsAreFoundOnlyWhereTheTextNamesThem) {
  graph::Page page = testing::ExtractOrDie(
      "会议召开\n\n本报讯(记者 甲乙)5月6日,会议召开。区领导宋文、沈金强参加。\n\n"
      "活动开幕\n\n本报讯(记者 甲乙)5月7日,活动开幕。沈金强宣布开幕。活动展示了宋文化遗产。\n");
  ASSERT_EQ(page.articles.size(), 2u);
  const graph::Article& second = page.articles[1];
  EXPECT_TRUE(HasEntity(second, EntityType::kPerson, "沈金强"));
  EXPECT_TRUE(FindRelation(second, RelationType::kAttended, "沈金强"));
  EXPECT_FALSE(HasEntity(second, EntityType::kPerson, "宋文"));
}

// The sample pages of samples/ (see samples/README.md) hold what they were
// written to hold.
class SamplesTest : public ::testing::Test {
 protected:
  static graph::Page Load(const std::string& name) {
    Result<graph::Page> page =
        ExtractFile(std::filesystem::path(GUANXI_SOURCE_DIR) / "samples" / name);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? page.value() : graph::Page{};
  }
};

TEST_F(SamplesTest, SigningPageHasThreeItemsAndItsRelations) {
  graph::Page page = Load("page1_signing.txt");
  ASSERT_EQ(page.articles.size(), 3u);
  const graph::Article& signing = page.articles[0];
  EXPECT_EQ(signing.date, "3月12日");
  EXPECT_TRUE(
      FindRelation(signing, RelationType::kSignedWith, "青溪区人民政府", "云岭职业技术学院"));
  EXPECT_TRUE(FindRelation(signing, RelationType::kHoldsPosition, "柏嘉禾", "青溪区委"));
  EXPECT_TRUE(FindRelation(signing, RelationType::kHoldsPosition, "柏嘉禾", "青溪区人民政府"));
  EXPECT_TRUE(FindRelation(signing, RelationType::kAttended, "柏嘉禾"));
  EXPECT_TRUE(FindRelation(signing, RelationType::kAttended, "施南乔"));
  EXPECT_TRUE(FindRelation(signing, RelationType::kHoldsPosition, "施南乔", "云岭职业技术学院"));
  EXPECT_TRUE(HasEntity(signing, EntityType::kProject, "智能制造实训基地项目"));
  const graph::Article& cppcc = page.articles[1];
  EXPECT_TRUE(FindRelation(cppcc, RelationType::kChaired, "闵云舒"));
  EXPECT_TRUE(FindRelation(cppcc, RelationType::kAttended, "葛春林"));
  const graph::Article& meeting = page.articles[2];
  EXPECT_TRUE(FindRelation(meeting, RelationType::kChaired, "柏嘉禾"));
  EXPECT_TRUE(FindRelation(meeting, RelationType::kAttended, "贺明远"));
  EXPECT_TRUE(FindRelation(meeting, RelationType::kAttended, "闵云舒"));
}

TEST_F(SamplesTest, DelegationPageHasTheForeignGuestAndHerCountry) {
  graph::Page page = Load("page2_delegation.txt");
  ASSERT_EQ(page.articles.size(), 2u);
  const graph::Article& visit = page.articles[0];
  EXPECT_TRUE(HasEntity(visit, EntityType::kPerson, "阿米尔·哈桑"));
  EXPECT_TRUE(HasEntity(visit, EntityType::kCountry, "马来西亚"));
  EXPECT_TRUE(FindRelation(visit, RelationType::kAttended, "阿米尔·哈桑"));
  EXPECT_TRUE(FindRelation(visit, RelationType::kAttended, "钱若溪"));
  EXPECT_TRUE(
      FindRelation(visit, RelationType::kSignedWith, "云岭职业技术学院", "马来西亚槟城理工学院"));
  EXPECT_TRUE(HasEntity(visit, EntityType::kProject, "丝路匠心工坊"));
  EXPECT_TRUE(FindRelation(page.articles[1], RelationType::kAttended, "沈立川"));
}

TEST_F(SamplesTest, InvestmentPageSignsOneWithManyButNotListWithList) {
  graph::Page page = Load("page3_investment.txt");
  ASSERT_EQ(page.articles.size(), 2u);
  const graph::Article& continued = page.articles[0];
  EXPECT_EQ(continued.title, "贺明远在全区招商引资工作会上强调");
  EXPECT_EQ(testing::CountRelations(continued, RelationType::kSignedWith), 3);
  const graph::Article& cluster = page.articles[1];
  EXPECT_TRUE(FindRelation(cluster, RelationType::kChaired, "卞思远"));
  EXPECT_TRUE(FindRelation(cluster, RelationType::kHoldsPosition, "卞思远", "青溪高新区党工委"));
  EXPECT_TRUE(FindRelation(cluster, RelationType::kHoldsPosition, "卞思远", "青溪高新区管委会"));
  EXPECT_TRUE(FindRelation(cluster, RelationType::kAttended, "滕一帆"));
  EXPECT_EQ(testing::CountRelations(cluster, RelationType::kSignedWith), 0);
}

TEST_F(SamplesTest, CulturePageLinksTheCityGuestAndTheNearDateItem) {
  graph::Page page = Load("page4_culture.txt");
  ASSERT_EQ(page.articles.size(), 2u);
  EXPECT_TRUE(FindRelation(page.articles[0], RelationType::kAttended, "庞可欣"));
  EXPECT_TRUE(FindRelation(page.articles[0], RelationType::kHoldsPosition, "庞可欣", "云岭市文联"));
  EXPECT_EQ(page.articles[1].date, "近日");
  EXPECT_TRUE(HasEntity(page.articles[1], EntityType::kProject, "青溪河绿道二期工程"));
}

// HTML pages (extract/html_text.h).

TEST(HtmlTextTest, BlocksEndLinesAndFurnitureIsDropped) {
  const std::string text = HtmlToText(
      "<html><head><title>站名_标题</title><style>p{}</style>"
      "<script>document.write('<p>脚本</p>')</script></head><body>"
      "<header><a href='/'>首页</a></header><nav><ul><li>要闻</li></ul></nav>"
      "<h1>标题</h1><div>第一段<br>第二段</div><p>第三段&nbsp;&amp;结尾</p>"
      "<ul><li>甲</li><li>乙</li></ul><table><tr><td>一</td><td>二</td></tr></table>"
      "<footer>版权所有</footer></body></html>");
  EXPECT_EQ(text, "标题\n第一段\n第二段\n第三段 &结尾\n甲\n乙\n一 二\n");
}

TEST(HtmlTextTest, WhiteSpaceCollapsesAndALineBreakBetweenChineseIsNone) {
  EXPECT_EQ(HtmlToText("<p>  区委书记\n   韩立峰 出席\n  会议。 Hello\n world </p>"),
            "区委书记韩立峰 出席会议。 Hello world\n");
  EXPECT_EQ(HtmlToText("<pre>甲\n  乙</pre>"), "甲\n  乙\n");
  EXPECT_EQ(HtmlToText("一<br><br><br><br>二"), "一\n\n二\n");
  EXPECT_EQ(HtmlToText(""), "");
}

TEST(HtmlTextTest, AnArticlesHeaderIsKeptAndTheSitesDropped) {
  EXPECT_EQ(HtmlToText("<header>网站</header><article><header><h1>标题</h1></header>"
                       "<p>正文</p></article><footer>版权</footer>"),
            "标题\n正文\n");
}

TEST(HtmlTextTest, BrokenMarkupIsReadAndPiecesGiveTheWhole) {
  const std::string html = "<p>甲<b>乙</p></div></span>&bogus; 丙<p>丁<tr><td>戊<";
  const std::string whole = HtmlToText(html);
  EXPECT_NE(whole.find("甲乙"), std::string::npos) << whole;
  EXPECT_NE(whole.find("丁"), std::string::npos) << whole;
  HtmlText pieces;
  std::string out;
  for (char c : html) pieces.Feed(std::string_view(&c, 1), out);
  pieces.Finish(out);
  EXPECT_EQ(out, whole);
}

TEST(HtmlTextTest, DeclaredCharsetAndHtmlNames) {
  EXPECT_EQ(DeclaredCharset("<html><head><meta charset=\"gb2312\">"), "gb2312");
  EXPECT_EQ(DeclaredCharset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; "
                            "charset=GBK\">"),
            "GBK");
  EXPECT_EQ(DeclaredCharset("<meta name=\"x\"><meta charset = 'big5' />"), "big5");
  EXPECT_EQ(DeclaredCharset("<p>charset=utf-8</p>"), "");
  EXPECT_TRUE(IsHtmlPath("a/page.HTML"));
  EXPECT_TRUE(IsHtmlPath("page.htm"));
  EXPECT_FALSE(IsHtmlPath("page.txt"));
  EXPECT_FALSE(IsHtmlPath("html.d/page"));
}

// A sample page as HTML: its headline in <h1>, each line a paragraph, with a
// site's furniture around it.
std::string AsHtml(const std::string& text, const std::string& charset) {
  std::string body;
  std::istringstream lines(text);
  std::string line;
  bool first = true;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    body += (first ? "<h1>" : "<p>") + line + (first ? "</h1>\n" : "</p>\n");
    first = false;
  }
  return "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" "
         "content=\"text/html; charset=" + charset + "\"><title>新闻_网站</title>"
         "<script>var a = 1 < 2;</script></head><body><nav><a>首页</a></nav>"
         "<div class=\"article\">\n" + body + "</div><footer>版权所有</footer></body></html>\n";
}

TEST(ExtractHtmlTest, HtmlPageGivesTheItemsOfItsText) {
  for (const char* name : {"page1_signing.txt", "page2_delegation.txt"}) {
    std::ifstream in(std::filesystem::path(GUANXI_SOURCE_DIR) / "samples" / name);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Result<graph::Page> want = ExtractText(text, name);
    ASSERT_TRUE(want.ok());
    ASSERT_FALSE(want->articles.empty());
    Result<graph::Page> got = ExtractText(AsHtml(text, "utf-8"), "page.html");
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ASSERT_EQ(got->articles.size(), want->articles.size()) << name;
    for (size_t i = 0; i < got->articles.size(); ++i) {
      const graph::Article& a = got->articles[i];
      const graph::Article& b = want->articles[i];
      EXPECT_EQ(a.title, b.title);
      ASSERT_EQ(a.entities.size(), b.entities.size()) << name << " " << i;
      for (size_t e = 0; e < a.entities.size(); ++e) EXPECT_EQ(a.entities[e].name, b.entities[e].name);
      ASSERT_EQ(a.relations.size(), b.relations.size()) << name << " " << i;
      for (size_t r = 0; r < a.relations.size(); ++r) {
        EXPECT_EQ(a.relations[r].source, b.relations[r].source);
        EXPECT_EQ(a.relations[r].target, b.relations[r].target);
        EXPECT_EQ(a.relations[r].type, b.relations[r].type);
      }
    }
    // The same page's bytes as text: markup and all, not the same items.
    ReadOptions as_text;
    as_text.format = ReadOptions::Format::kText;
    Result<graph::Page> raw = ExtractText(AsHtml(text, "utf-8"), "page.html", as_text);
    ASSERT_TRUE(raw.ok());
    EXPECT_NE(raw->articles.empty() ? "" : raw->articles[0].title, want->articles[0].title);
  }
}

TEST(ExtractHtmlTest, StreamedHtmlPageInItsDeclaredCharsetGivesTheWholeFilesItems) {
  std::string text;
  for (int i = 0; i < 3; ++i) text += SampleArchive(1);
  // GB18030 bytes under a declared gb2312: read as GB18030 whatever ICU's
  // detector would say.
  UErrorCode status = U_ZERO_ERROR;
  UConverter* gb = ucnv_open("GB18030", &status);
  const std::string html = AsHtml(text, "gb2312");
  std::string bytes(html.size() * 2, '\0');
  bytes.resize(static_cast<size_t>(ucnv_fromAlgorithmic(gb, UCNV_UTF8, bytes.data(),
                                                        static_cast<int32_t>(bytes.size()),
                                                        html.data(),
                                                        static_cast<int32_t>(html.size()), &status)));
  ucnv_close(gb);
  ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  std::filesystem::path p = TempFile("archive.HTM", bytes);
  Result<graph::Page> whole = ExtractFile(p);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  ASSERT_GE(whole->articles.size(), 8u);
  EXPECT_EQ(whole->articles[0].encoding, "GB18030");
  std::vector<graph::Article> streamed;
  Status streaming = ExtractFileStreaming(
      p, [&](graph::Article&& a) { streamed.push_back(std::move(a)); }, 2048);
  ASSERT_TRUE(streaming.ok()) << streaming.ToString();
  std::vector<graph::Article> one_window;
  streaming = ExtractFileStreaming(
      p, [&](graph::Article&& a) { one_window.push_back(std::move(a)); });
  std::filesystem::remove(p);
  ASSERT_TRUE(streaming.ok()) << streaming.ToString();
  ASSERT_EQ(streamed.size(), whole->articles.size());
  ASSERT_EQ(one_window.size(), whole->articles.size());
  for (size_t i = 0; i < streamed.size(); ++i) {
    EXPECT_EQ(streamed[i].title, whole->articles[i].title);
    EXPECT_EQ(streamed[i].relations.size(), whole->articles[i].relations.size()) << i;
    EXPECT_EQ(one_window[i].text, whole->articles[i].text) << i;
    EXPECT_EQ(one_window[i].relations.size(), whole->articles[i].relations.size()) << i;
  }
}

}  // namespace
}  // namespace guanxi::extract
