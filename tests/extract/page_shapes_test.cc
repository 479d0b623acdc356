// Pages of other shapes than the samples' layout: saved without line breaks
// (the whole page on one line), run on with spaces, very long lines.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>

#include "extract/article_builder.h"
#include "extract/extract_json.h"
#include "extract/extractor.h"
#include "extract/icu_sentences.h"
#include "extract/institution_finder.h"
#include "extract/lexicon.h"
#include "extract/page_splitter.h"
#include "extract/person_finder.h"
#include "extract/text_util.h"
#include "graph/model.h"

namespace guanxi::extract {
namespace {

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::filesystem::path(GUANXI_SOURCE_DIR) / "samples" / name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// `page` with every line break removed, or replaced by `joiner`.
std::string WithoutLineBreaks(const std::string& page, const std::string& joiner = "") {
  std::string out;
  for (char c : page) {
    if (c == '\n' || c == '\r') {
      out += joiner;
    } else {
      out += c;
    }
  }
  return out;
}

struct Extracted {
  size_t articles = 0;
  std::set<std::pair<std::string, std::string>> entities;                 // (type, name)
  std::set<std::tuple<std::string, std::string, std::string>> relations;  // (type, source, target)
};

Extracted Extract(const std::string& page) {
  Result<graph::Page> result = ExtractText(page, "page.txt");
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  Extracted out;
  if (!result.ok()) return out;
  out.articles = result.value().articles.size();
  for (const graph::Article& a : result.value().articles) {
    for (const graph::Entity& e : a.entities) {
      out.entities.emplace(std::string(graph::ToString(e.type)), e.name);
    }
    for (const graph::Relation& r : a.relations) {
      out.relations.emplace(std::string(graph::ToString(r.type)), r.source, r.target);
    }
  }
  return out;
}

void ExpectSameExtraction(const std::string& original, const std::string& reshaped) {
  Extracted a = Extract(original);
  Extracted b = Extract(reshaped);
  ASSERT_GT(a.articles, 1u);
  EXPECT_EQ(a.articles, b.articles);
  EXPECT_EQ(a.entities, b.entities);
  EXPECT_EQ(a.relations, b.relations);
}

TEST(PageShapesTest, SamplePagesWithoutLineBreaksGiveTheSameEntitiesAndRelations) {
  for (const char* name : {"page1_signing.txt", "page2_delegation.txt", "page4_culture.txt"}) {
    SCOPED_TRACE(name);
    const std::string page = ReadSample(name);
    ASSERT_FALSE(page.empty());
    ExpectSameExtraction(page, WithoutLineBreaks(page));
  }
}

TEST(PageShapesTest, SamplePagesWithSpacesForLineBreaksGiveTheSameEntitiesAndRelations) {
  for (const char* name : {"page1_signing.txt", "page2_delegation.txt"}) {
    SCOPED_TRACE(name);
    const std::string page = ReadSample(name);
    ExpectSameExtraction(page, WithoutLineBreaks(page, " "));
  }
}

TEST(PageShapesTest, OneLinePageIsSplitAtItsDatelinesWithTitlesAndSubtitles) {
  const std::string page =
      "石岭县召开秋冬季森林防火工作会议"
      "林晓东出席"
      "本报讯(记者 周 岚)10月8日,石岭县召开秋冬季森林防火工作会议。"
      "县委副书记、县长林晓东出席会议并讲话。"
      "会议要求,要压实各级责任,确保森林资源安全。"
      "青溪日报记者 苏 禾 摄"
      "石岭县与云岭农业大学签署合作协议"
      "本报讯(记者 苏 禾)10月9日,石岭县人民政府与云岭农业大学签署校地合作协议。"
      "云岭农业大学校长韩立新出席签约仪式。"
      "(下转4版)";
  std::vector<RawItem> items = SplitPage(ToU32(page));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(ToUtf8(items[0].title), "石岭县召开秋冬季森林防火工作会议");
  ASSERT_EQ(items[0].subtitles.size(), 1u);
  EXPECT_EQ(ToUtf8(items[0].subtitles[0]), "林晓东出席");
  EXPECT_EQ(ToUtf8(items[0].date), "10月8日");
  EXPECT_EQ(ToUtf8(items[0].text),
            "10月8日,石岭县召开秋冬季森林防火工作会议。县委副书记、县长林晓东出席会议并讲话。"
            "会议要求,要压实各级责任,确保森林资源安全。");
  EXPECT_EQ(ToUtf8(items[1].title), "石岭县与云岭农业大学签署合作协议");
  EXPECT_EQ(ToUtf8(items[1].date), "10月9日");
  // The marker is dropped, the second item ends with its last sentence.
  EXPECT_TRUE(ToUtf8(items[1].text).ends_with("出席签约仪式。"));
  // The second item starts where its headline starts in the page.
  EXPECT_EQ(ToUtf8(ToU32(page).substr(items[1].page_offset, 4)), "石岭县与");
}

TEST(PageShapesTest, AnOutletNamedAfterAPlaceStartsItsDateline) {
  const std::string page =
      "全市招商引资大会召开以更实举措稳增长重庆日报讯(记者 林 夏)3月2日,全市招商引资大会召开。"
      "市长柏嘉禾出席。";
  std::vector<RawItem> items = SplitPage(ToU32(page));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(ToUtf8(items[0].title), "全市招商引资大会召开以更实举措稳增长");
  EXPECT_EQ(ToUtf8(items[0].date), "3月2日");
  EXPECT_EQ(ToUtf8(items[0].text), "3月2日,全市招商引资大会召开。市长柏嘉禾出席。");
}

TEST(PageShapesTest, OneLinePageWithFurnitureAndADateLead) {
  const std::string page =
      "青溪区与远帆物流座谈交流发布时间:2024-05-06 09:30 来源:青溪融媒"
      "5月6日,青溪区与远帆智能物流有限公司举行座谈。区委书记贺明远出席。"
      "责任编辑:林夏";
  std::vector<RawItem> items = SplitPage(ToU32(page));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(ToUtf8(items[0].title), "青溪区与远帆物流座谈交流");
  EXPECT_EQ(ToUtf8(items[0].date), "5月6日");
  EXPECT_EQ(items[0].full_date, "2024-05-06");
  EXPECT_EQ(ToUtf8(items[0].outlet), "青溪融媒");
  EXPECT_EQ(ToUtf8(items[0].text),
            "5月6日,青溪区与远帆智能物流有限公司举行座谈。区委书记贺明远出席。");
}

TEST(PageShapesTest, LongParagraphsOfALaidOutPageAreLeftAsTheyAre) {
  // A paragraph long enough to be read as run-on text keeps its sentences
  // together; a short line with a date inside stays one line.
  std::string paragraph = "本报讯(记者 林 夏)3月2日,青溪区召开工作会议。";
  for (int i = 0; i < 40; ++i) paragraph += "会议强调,要扎实推进各项工作,确保取得实效。";
  const std::string page =
      "青溪区召开工作会议\n\n" + paragraph + "\n\n截至3月1日,全区完成投资5亿元。\n";
  std::vector<RawItem> items = SplitPage(ToU32(page));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(ToUtf8(items[0].title), "青溪区召开工作会议");
  EXPECT_EQ(std::count(items[0].text.begin(), items[0].text.end(), U'\n'), 1);
}

// True when `s` holds no character that IsDroppedControl names.
bool Clean(const std::string& s) {
  for (char32_t c : ToU32(s)) {
    if (IsDroppedControl(c)) return false;
  }
  return true;
}

// A page with controls in its title and body (NUL, U+0007, DEL, U+FFFE).
std::string PageWithControls(bool nul) {
  std::string page =
      "青溪区与云岭\x07职业技术学院签约\xEF\xBF\xBE共建实训基地项目\n\n"
      "柏嘉禾出席签约仪式\n\n"
      "本报讯(青溪日报记者 林 夏)3月12日,青溪区人民政府与云岭职业技术学院签署合作协议。"
      "区委副书记、区长柏";
  if (nul) page += '\0';
  page += "嘉禾出席签约仪式。\x7F云岭职业技术学院党委书记俞景澄参加。Tom";
  page += nul ? '\0' : '\x01';
  page += "Lee也参加了签约。\n";
  return page;
}

void ExpectClean(const graph::Article& a) {
  EXPECT_EQ(a.title, "青溪区与云岭职业技术学院签约共建实训基地项目");
  EXPECT_TRUE(Clean(a.text));
  EXPECT_NE(a.text.find("Tom Lee也参加了签约"), std::string::npos);
  std::set<std::string> people;
  for (const graph::Entity& e : a.entities) {
    EXPECT_TRUE(Clean(e.name)) << e.name;
    if (e.type == graph::EntityType::kPerson) people.insert(e.name);
  }
  EXPECT_EQ(people, (std::set<std::string>{"柏嘉禾", "俞景澄"}));
  const std::u32string text = ToU32(a.text);
  ASSERT_FALSE(a.relations.empty());
  for (const graph::Relation& r : a.relations) {
    EXPECT_TRUE(Clean(r.evidence.sentence));
    // Evidence offsets index the stored text.
    EXPECT_EQ(ToUtf8(text.substr(static_cast<size_t>(r.evidence.char_begin),
                                 static_cast<size_t>(r.evidence.char_end - r.evidence.char_begin))),
              r.evidence.sentence);
  }
}

// The splitter and the builder, as the extractor runs them on a page.
TEST(PageShapesTest, NulAndControlsNeverReachTitlesNamesOrSentences) {
  const Lexicon& lex = Lexicon::Default();
  std::vector<RawItem> items = SplitPage(ToU32(PageWithControls(true)));
  ASSERT_EQ(items.size(), 1u);
  PageContext context;
  Result<graph::Article> article =
      BuildArticle(items[0], FindPeople(items[0].text, lex), context, lex);
  ASSERT_TRUE(article.ok());
  ExpectClean(article.value());
}

TEST(PageShapesTest, ControlsNeverReachTheJson) {
  Result<graph::Page> result = ExtractText(PageWithControls(false), "controls.txt");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result.value().articles.size(), 1u);
  ExpectClean(result.value().articles[0]);
  std::ostringstream json;
  WriteExtractJson(result.value(), json);
  EXPECT_EQ(json.str().find("\\u0001"), std::string::npos);
  EXPECT_EQ(json.str().find("\\u0007"), std::string::npos);
  EXPECT_EQ(json.str().find("\\u007f"), std::string::npos);
}

// A file with a stray NUL in its title is text: the encoding check lets it
// through and the splitter drops it, as the page showed.
TEST(PageShapesTest, StrayNulInAFileNeverReachesTheJson) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("guanxi_nul_" + std::to_string(::getpid()) + ".txt");
  std::ofstream(path, std::ios::binary) << PageWithControls(true);
  Result<graph::Page> result = ExtractFile(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result.value().articles.size(), 1u);
  ExpectClean(result.value().articles[0]);
  std::ostringstream json;
  WriteExtractJson(result.value(), json);
  EXPECT_EQ(json.str().find("\\u0000"), std::string::npos);
}

TEST(PageShapesTest, ControlsBetweenLatinWordsBecomeASpace) {
  EXPECT_EQ(ToUtf8(WithoutControls(std::u32string(U"Tom\u0000Lee", 7))), "Tom Lee");
  EXPECT_EQ(ToUtf8(WithoutControls(std::u32string(U"王\u0000明\uFFFF\u0007", 5))), "王明");
  std::vector<std::pair<size_t, size_t>> edits;
  EXPECT_EQ(ToUtf8(WithoutControls(U"甲\u0001\u0002乙丙\u007F丁", &edits)), "甲乙丙丁");
  EXPECT_EQ(edits, (std::vector<std::pair<size_t, size_t>>{{1, 3}, {3, 6}}));
  EXPECT_TRUE(IsDroppedControl(U'\U0010FFFF'));
  EXPECT_TRUE(IsDroppedControl(U'\uFDD0'));
  EXPECT_FALSE(IsDroppedControl(U'\t'));
  EXPECT_FALSE(IsDroppedControl(U'\n'));
  EXPECT_FALSE(IsDroppedControl(U'\uFFFD'));
}

// A NUL in a run-on page: the items' offsets still count the page's code points.
TEST(PageShapesTest, ItemOffsetsCountThePagesCodePointsAfterEdits) {
  std::string page = "甲区召开工作会议\x07本报讯(记者 林 夏)5月6日,甲区召开工作会议。";
  page += '\0';
  page += "乙县举行植树活动本报讯(记者 周 岚)5月7日,乙县举行植树活动。";
  const std::u32string text = ToU32(page);
  std::vector<RawItem> items = SplitPage(text);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(ToUtf8(items[1].title), "乙县举行植树活动");
  EXPECT_EQ(ToUtf8(text.substr(items[1].page_offset, 4)), "乙县举行");
  EXPECT_EQ(ToUtf8(items[0].title), "甲区召开工作会议");
}

// The indexes that keep a long item's cost linear answer as a scan of every
// span would.
TEST(PageShapesTest, SpanIndexAnswersAsAScanOfEverySpan) {
  std::mt19937 rng(7);
  std::vector<Span> spans;
  for (int i = 0; i < 300; ++i) {
    int64_t begin = rng() % 1000;
    spans.push_back({begin, begin + static_cast<int64_t>(rng() % 12)});
  }
  const SpanIndex index(spans);
  for (int64_t pos = -2; pos < 1015; ++pos) {
    bool held = false;
    for (const Span& s : spans) held = held || (pos >= s.begin && pos < s.end);
    ASSERT_EQ(index.Holds(pos), held) << pos;
    const Span range{pos, pos + 3};
    bool overlaps = false;
    for (const Span& s : spans) overlaps = overlaps || (s.begin < range.end && range.begin < s.end);
    ASSERT_EQ(index.Overlaps(range), overlaps) << pos;
  }
}

TEST(PageShapesTest, KeepLongestKeepsWhatAScanOfTheKeptHitsKeeps) {
  std::mt19937 rng(11);
  std::vector<TextHit> hits;
  for (int i = 0; i < 400; ++i) {
    int64_t begin = rng() % 2000;
    hits.push_back({U"甲", {begin, begin + 1 + static_cast<int64_t>(rng() % 15)}});
  }
  // The rule as stated: longest first (stable), each kept unless it overlaps a kept one.
  std::vector<TextHit> sorted = hits;
  std::stable_sort(sorted.begin(), sorted.end(), [](const TextHit& a, const TextHit& b) {
    return a.span.end - a.span.begin > b.span.end - b.span.begin;
  });
  std::vector<Span> expected;
  for (const TextHit& h : sorted) {
    bool overlaps = false;
    for (const Span& k : expected) {
      overlaps = overlaps || (h.span.begin < k.end && k.begin < h.span.end);
    }
    if (!overlaps) expected.push_back(h.span);
  }
  std::sort(expected.begin(), expected.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<TextHit> kept = KeepLongest(hits);
  ASSERT_EQ(kept.size(), expected.size());
  for (size_t i = 0; i < kept.size(); ++i) {
    EXPECT_EQ(kept[i].span.begin, expected[i].begin);
    EXPECT_EQ(kept[i].span.end, expected[i].end);
  }
}

// A long item of many paragraphs reads each paragraph as the paragraph alone
// would: the people of every meeting attend, wherever it sits in the item.
TEST(PageShapesTest, LongItemLinksThePeopleOfEveryParagraph) {
  std::string page =
      "青溪区召开年度工作会议\n\n本报讯(记者 林 夏)3月2日,青溪区召开年度工作会议。\n\n";
  const std::string surnames = "柏贺沈闵葛邬钱韦戴俞";
  const std::string given = "嘉明立云春海若书景文";
  std::set<std::string> people;
  for (int i = 0; i < 300; ++i) {
    // Three-byte characters: the i-th name of the page.
    std::string name = surnames.substr(3 * (i % 10), 3) + given.substr(3 * (i / 10 % 10), 3) +
                       given.substr(3 * (i / 100 % 10), 3);
    people.insert(name);
    page += "会上,区委常委、副区长" + name + "出席并讲话。他强调,要扎实推进各项工作。\n\n";
  }
  Result<graph::Page> result = ExtractText(page, "long.txt");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.value().articles.size(), 1u);
  std::set<std::string> attended;
  for (const graph::Relation& r : result.value().articles[0].relations) {
    if (r.type == graph::RelationType::kAttended) attended.insert(r.source);
  }
  EXPECT_EQ(attended, people);
}

}  // namespace
}  // namespace guanxi::extract
