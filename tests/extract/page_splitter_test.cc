#include "extract/page_splitter.h"

#include <gtest/gtest.h>

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

std::string U8(const std::u32string& s) { return ToUtf8(s); }

TEST(PageSplitterTest, SplitsItemsAtDatelinesWithTheirHeadlines) {
  const std::string page =
      "\n\n甲区召开年度工作会议\n\n王某某出席\n\n"
      "本报讯(记者 李 四)5月6日上午,甲区召开年度工作会议。会议总结了工作。\n\n"
      "乙县举行植树活动\n\n"
      "本报讯(记者 赵五)5月7日,乙县举行植树活动。\n";
  std::vector<RawItem> items = SplitPage(ToU32(page));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(U8(items[0].title), "甲区召开年度工作会议");
  ASSERT_EQ(items[0].subtitles.size(), 1u);
  EXPECT_EQ(U8(items[0].subtitles[0]), "王某某出席");
  EXPECT_EQ(U8(items[0].date), "5月6日");
  EXPECT_EQ(U8(items[1].title), "乙县举行植树活动");
  EXPECT_EQ(U8(items[1].date), "5月7日");
}

TEST(PageSplitterTest, BylineIsRemovedFromTheBody) {
  std::vector<RawItem> items =
      SplitPage(ToU32("会议召开\n\n本报讯(记者 张三 李四)5月6日,会议召开。\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].text), "5月6日,会议召开。");
}

TEST(PageSplitterTest, RejoinsSentencesBrokenAcrossBlankLines) {
  std::vector<RawItem> items = SplitPage(ToU32(
      "标题行\n\n本报讯(记者 甲乙)5月6日,区领导张三、李四\n\n参加。第二句话在这里断\n\n开了。\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].text), "5月6日,区领导张三、李四参加。第二句话在这里断开了。");
}

TEST(PageSplitterTest, DropsMarkersAndCaptionsAndRepairsTheSentenceAroundThem) {
  std::vector<RawItem> items =
      SplitPage(ToU32("标题行\n\n本报讯(记者 甲乙)5月6日,双方表示将打造合作品\n\n\n"
                      "5月6日,双方签约。图为签约现场。\n某某报记者 王五 摄\n\n"
                      "牌,共创未来。\n(下转4版)\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].text), "5月6日,双方表示将打造合作品牌,共创未来。");
}

TEST(PageSplitterTest, ContinuationIsAnItemWithTheTitleAboveIt) {
  std::vector<RawItem> items =
      SplitPage(ToU32("某某在会上强调\n\n(上接1版)\n\n是日上午,会议继续进行。\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].title), "某某在会上强调");
  EXPECT_EQ(U8(items[0].date), "是日");
  EXPECT_EQ(U8(items[0].text), "是日上午,会议继续进行。");
}

TEST(PageSplitterTest, ShortHeadlineFragmentsFormOneTitleAndNearDateLeads) {
  std::vector<RawItem> items =
      SplitPage(ToU32("城南大道\n\n跨江大桥\n\n全线通车\n\n近日,跨江大桥全线通车。\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].title), "城南大道跨江大桥全线通车");
  EXPECT_EQ(U8(items[0].date), "近日");
}

TEST(PageSplitterTest, DateRangeAndTimeOfDay) {
  EXPECT_EQ(U8(FindLeadDate(U"12月11日至12日,会议召开")), "12月11日至12日");
  EXPECT_EQ(U8(FindLeadDate(U"重庆日报讯(记者 张 璐)11月3日下午,会议召开")), "11月3日");
  EXPECT_EQ(U8(FindLeadDate(U"以职教为媒,推动合作。")), "");
}

TEST(PageSplitterTest, CaptionAndMarkerLines) {
  EXPECT_TRUE(IsCaptionLine(U"某某报记者 王五 摄"));
  EXPECT_TRUE(IsCaptionLine(U"重庆日报记者 谢智强 摄/视觉重庆"));
  EXPECT_TRUE(IsCaptionLine(U"图为活动现场。"));
  EXPECT_FALSE(IsCaptionLine(U"他拍摄了一部纪录片,反响很好。"));
  EXPECT_TRUE(IsMarkerLine(U"(下转4版)"));
  EXPECT_TRUE(IsMarkerLine(U"（上接1版）"));
  EXPECT_FALSE(IsMarkerLine(U"(以下简称“产改”)"));
}

TEST(PageSplitterTest, BylineWithoutBracketStartsAnItem) {
  std::vector<RawItem> items =
      SplitPage(ToU32("甲县召开会议\n\n本报讯(记者 张三)6月2日,会议召开。\n\n"
                      "县领导调研防汛\n\n本报讯 6月1日,县长率队调研。\n"));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(U8(items[1].title), "县领导调研防汛");
  EXPECT_EQ(U8(items[1].text), "6月1日,县长率队调研。");
}

TEST(PageSplitterTest, LongParagraphAfterHeadlinesStartsAnItemWithoutDateline) {
  std::vector<RawItem> items = SplitPage(ToU32(
      "甲区召开会议\n\n本报讯(记者 甲乙)5月6日,会议召开。\n\n"
      "乙县职业教育改革取得新进展\n\n"
      "记者从乙县教育局获悉,今年以来全县职业院校与企业共建实训基地十二个,培养技能人才三千余名,"
      "校企合作不断深化。\n"));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(U8(items[1].title), "乙县职业教育改革取得新进展");
  EXPECT_EQ(U8(items[1].date), "");
}

TEST(PageSplitterTest, LineBrokenMidSentenceIsNoHeadline) {
  std::vector<RawItem> items = SplitPage(ToU32(
      "甲区召开会议\n\n本报讯(记者 甲乙)5月6日,会议召开。\n\n会议选举了区文联第五届委员会主\n\n"
      "席,增选了主席团委员、副主席,听取并审议了区文联第五届委员会工作报告,部署了全年工作任务。\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(U8(items[0].text).find("委员会主席,增选了"), std::string::npos);
}

TEST(PageSplitterTest, PageWithoutDatelineIsOneItem) {
  std::vector<RawItem> items = SplitPage(ToU32("一篇评论\n\n这是正文的第一段。\n\n第二段。\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].title), "一篇评论");
  EXPECT_EQ(U8(items[0].text), "这是正文的第一段。\n第二段。");
}

TEST(PageSplitterTest, PageFurnitureIsNeitherHeadlineNorBody) {
  std::vector<RawItem> items =
      SplitPage(ToU32("2024年5月6日 星期一\n责任编辑 王五\n\n甲区召开会议\n\n"
                      "本报讯(记者 甲乙)5月6日,会议召开。\n\n■ 记者 李四 文/图\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].title), "甲区召开会议");
  EXPECT_TRUE(items[0].subtitles.empty());
  EXPECT_EQ(U8(items[0].text), "5月6日,会议召开。");
}

TEST(PageSplitterTest, PageWithoutLeadsHasNoItems) {
  EXPECT_TRUE(SplitPage(U"").empty());
  EXPECT_TRUE(SplitPage(U"只有一行字\n").empty());
}

}  // namespace
}  // namespace guanxi::extract
