#include "extract/page_splitter.h"

#include <gtest/gtest.h>

#include "extract/page_furniture.h"
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

// A web page as users paste it: credits, share buttons, navigation around
// one item without a dateline.
TEST(PageSplitterTest, WebPageFurnitureIsDroppedAndGivesThePageDate) {
  const std::string page =
      "丙市召开科技创新大会\n\n"
      "发布时间:2023-06-09 10:15:00 来源:丙市日报\n"
      "作者:钱七  分享到:\n\n"
      "6月8日,丙市召开科技创新大会。市长周某某出席会议并讲话。\n\n"
      "会议表彰了一批创新团队。\n\n"
      "........................................\n"
      "编辑︱孙八\n责任编辑︱吴九\n一审:郑十\n二审:冯一\n三审:陈二\n监制︱褚三\n总监制︱卫四\n"
      "详情请关注本台播出的《丙市新闻》。\n"
      "打开丙市发布客户端,查看更多精彩内容\n"
      "返回顶部\n·end·\n"
      "推荐阅读\n丙市举行招聘会\n丁县开展植树活动\n";
  std::vector<RawItem> items = SplitPage(ToU32(page));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].title), "丙市召开科技创新大会");
  EXPECT_TRUE(items[0].subtitles.empty());
  EXPECT_EQ(U8(items[0].date), "6月8日");
  EXPECT_EQ(items[0].full_date, "2023-06-08");
  EXPECT_EQ(U8(items[0].text),
            "6月8日,丙市召开科技创新大会。市长周某某出席会议并讲话。\n会议表彰了一批创新团队。");
}

TEST(PageSplitterTest, FurnitureLinesOfEachKind) {
  for (const char32_t* line : {U"来源: 某某日报  作者:王某",
                               U"稿件来源:某某日报",
                               U"责编:赵某",
                               U"审核 钱某",
                               U"关键词:城市,合作责任编辑:孙某",
                               U"分享:",
                               U"分享到",
                               U"上一篇:某县召开会议",
                               U"下一篇",
                               U"图片",
                               U"返回顶部",
                               U"- END -",
                               U"——————————",
                               U"打开某某新闻客户端",
                               U"详情请关注本台新闻节目。",
                               U"http://www.example.cn/a/1.html",
                               U"政务   2023-11-20 10:06   某省",
                               U"2023年5月6日 星期六",
                               U"2019-11-05 17:00:00",
                               U"某某报·某某客户端记者 王某某 李某 实习生 赵某 通讯员 钱某某"}) {
    EXPECT_TRUE(IsFurnitureLine(line)) << U8(line);
  }
  for (const char32_t* line :
       {U"来源于群众的智慧", U"编辑部召开会议", U"2023年5月6日全市召开大会", U"某县召开会议(图)",
        U"记者走访新区建设工地", U"分享经济发展论坛开幕", U"打开发展新局面",
        U"某某同志在会上讲话时强调,要做好校对工作。"}) {
    EXPECT_FALSE(IsFurnitureLine(line)) << U8(line);
  }
}

TEST(PageSplitterTest, LinkIntroductionAndUrlsAreDropped) {
  std::vector<RawItem> items = SplitPage(
      ToU32("某州政协会议开幕(图)\n"
            "上午9时,某州政协会议开幕。副主席王某某作工作报告。\n"
            "报告全文链接:\nhttp://www.example.cn/1.html\nhttps://www.example.cn/2.html\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].title), "某州政协会议开幕(图)");
  EXPECT_EQ(U8(items[0].text), "上午9时,某州政协会议开幕。副主席王某某作工作报告。");
  EXPECT_EQ(items[0].full_date, "");
}

TEST(PageSplitterTest, OriginalTitleTitlesAnItemWithoutHeadline) {
  std::vector<RawItem> items =
      SplitPage(ToU32("原标题:边境两地交流合作 座谈会举行\n"
                      "10月2日下午,边境两地交流合作座谈会在某市召开。州委常委李某某出席。\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].title), "边境两地交流合作 座谈会举行");
  EXPECT_EQ(U8(items[0].date), "10月2日");
  EXPECT_EQ(U8(items[0].text),
            "10月2日下午,边境两地交流合作座谈会在某市召开。州委常委李某某出席。");
}

TEST(PageSplitterTest, OriginalTitleGivesWayToThePrintedHeadline) {
  std::vector<RawItem> items =
      SplitPage(ToU32("某市与某大学签约\n\n原标题:校地合作再上新台阶\n\n"
                      "3月12日,某市与某大学签署战略合作协议。\n\n原标题:校地合作再上新台阶\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].title), "某市与某大学签约");
  EXPECT_TRUE(items[0].subtitles.empty());
  EXPECT_EQ(U8(items[0].text), "3月12日,某市与某大学签署战略合作协议。");
}

TEST(PageSplitterTest, NewsFlashHeadlineAndReportDatelineGiveAnItem) {
  std::vector<RawItem> items =
      SplitPage(ToU32("【快讯】某县长督导项目建设\n\n"
                      "某县融媒报道(全媒体记者:王某)2月12日,县长周某某到产业园督导项目建设。\n\n"
                      "编辑︱李某\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].title), "【快讯】某县长督导项目建设");
  EXPECT_EQ(U8(items[0].date), "2月12日");
  EXPECT_EQ(U8(items[0].text), "2月12日,县长周某某到产业园督导项目建设。");
}

TEST(PageSplitterTest, NewsDatelineWithPlaceAndRecentEvent) {
  std::vector<RawItem> items = SplitPage(
      ToU32("某乡代表团到某省参访\n\n"
            "  某某网5月25日某市消息 日前,某乡乡长王某某率代表团赴某省参访,进行经贸交流。\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].date), "日前");
  EXPECT_EQ(U8(items[0].text), "日前,某乡乡长王某某率代表团赴某省参访,进行经贸交流。");
}

TEST(PageSplitterTest, BareDayAndChannelLineResolveAgainstThePageDate) {
  std::vector<RawItem> items =
      SplitPage(ToU32("省长会见外国客人\n\n要闻   2023-12-01 09:30   某省\n\n"
                      "30日晚,省长王某某会见来访的外国客人。\n\n编辑:李某\n一审:赵某\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].title), "省长会见外国客人");
  EXPECT_TRUE(items[0].subtitles.empty());
  EXPECT_EQ(U8(items[0].date), "30日");
  EXPECT_EQ(items[0].full_date, "2023-11-30");
}

TEST(PageSplitterTest, PrintedYearIsPartOfTheDate) {
  std::vector<RawItem> items =
      SplitPage(ToU32("某办主任与某区委书记座谈\n\n      "
                      "2016年3月24日,某办主任王某某与来访的某区委书记李某某座谈。\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(U8(items[0].date), "2016年3月24日");
  EXPECT_EQ(items[0].full_date, "2016-03-24");
}

TEST(PageSplitterTest, DatelineDateWithYearIsTheItemsReference) {
  std::vector<RawItem> items =
      SplitPage(ToU32("2024年1月3日 星期三\n\n某省召开年终总结会\n\n"
                      "新华社某市2024年1月2日电(记者 王某)12月30日,某省召开年终总结会。\n\n"
                      "某县举行迎新活动\n\n本报讯(记者 李某)昨天,某县举行迎新活动。\n"));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].full_date, "2023-12-30");
  EXPECT_EQ(U8(items[1].date), "昨天");
  EXPECT_EQ(items[1].full_date, "2024-01-02");
}

TEST(PageSplitterTest, RepeatedCaptionsInTheBodyAreDropped) {
  std::vector<RawItem> items =
      SplitPage(ToU32("两县领导到某县考察\n\n2016-03-24 17:02 来源:某某网\n\n"
                      "  某某网讯(记者 王某)3月22日,两县领导到某县考察。\n\n"
                      "两县领导到某县考察\n\n两县领导到某县考察\n\n某县城区\n\n某县城区\n\n"
                      "  考察团参观了新区建设。\n\n责编:李某\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(items[0].subtitles.empty());
  EXPECT_EQ(U8(items[0].text), "3月22日,两县领导到某县考察。\n考察团参观了新区建设。");
  EXPECT_EQ(items[0].full_date, "2016-03-22");
}

TEST(PageSplitterTest, PageWithoutLeadsHasNoItems) {
  EXPECT_TRUE(SplitPage(U"").empty());
  EXPECT_TRUE(SplitPage(U"只有一行字\n").empty());
}

}  // namespace
}  // namespace guanxi::extract
