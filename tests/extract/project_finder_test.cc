#include "extract/project_finder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

std::vector<std::string> Projects(std::u32string_view text) {
  std::vector<std::string> out;
  for (const TextHit& h : FindProjects(text, Lexicon::Default())) out.push_back(ToUtf8(h.text));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ProjectFinderTest, QuotedNameFollowedByAProjectWord) {
  EXPECT_EQ(Projects(U"深入实施“青山绿水”工程,推进“一网通办”平台建设。"),
            (std::vector<std::string>{"“青山绿水”工程", "一网通办"}));
}

TEST(ProjectFinderTest, QuotedNameBeforeAProjectHeadJoinsIt) {
  EXPECT_EQ(Projects(U"共同实施“星火英才”联合培养计划,建设“东岭”氢能产业园。"),
            (std::vector<std::string>{"“东岭”氢能产业园", "“星火英才”联合培养计划"}));
}

TEST(ProjectFinderTest, AnEndingRightBeforeProjectIsPartOfTheName) {
  EXPECT_EQ(Projects(U"双方举行智能制造产业园项目签约仪式。"),
            std::vector<std::string>{"智能制造产业园项目"});
}

TEST(ProjectFinderTest, AScienceCityIsAProject) {
  EXPECT_EQ(Projects(U"深入推进中国（东川）科技城建设。"),
            std::vector<std::string>{"中国（东川）科技城"});
}

TEST(ProjectFinderTest, ASloganBeforeAGenericHeadMakesNoProject) {
  EXPECT_TRUE(Projects(U"坚持“两个毫不动摇”推进计划。").empty());
  EXPECT_TRUE(Projects(U"推动更多合作项目落地。").empty());
}

TEST(ProjectFinderTest, QuotedNameThatEndsLikeAnUndertaking) {
  EXPECT_EQ(Projects(U"双方共建“丝路工坊”。"), std::vector<std::string>{"丝路工坊"});
}

TEST(ProjectFinderTest, UnquotedNameWithProjectEnding) {
  EXPECT_EQ(Projects(U"双方正式签署城南智慧物流园项目。"),
            std::vector<std::string>{"城南智慧物流园项目"});
}

TEST(ProjectFinderTest, SlogansAndPolicyPhrasesYieldNothing) {
  EXPECT_TRUE(Projects(U"坚持“两个毫不动摇”,推动高质量发展。").empty());
  EXPECT_TRUE(Projects(U"按照“四最”要求,深化“产学研用”融合发展模式。").empty());
  EXPECT_TRUE(Projects(U"要坚持“一带一路”倡议,牢固树立“上游意识”。").empty());
  EXPECT_TRUE(Projects(U"学技能“到城南、到城北”,落实“1345”改革。").empty());
}

TEST(ProjectFinderTest, GenericProjectsYieldNothing) {
  EXPECT_TRUE(Projects(U"10个重点项目集中签约,这是民生工程,也是该项目的重要内容。").empty());
}

TEST(ProjectFinderTest, AVerbOrAdjectiveBeforeAGenericHeadMakesNoProject) {
  EXPECT_TRUE(Projects(U"要确保项目早日投产，落实具体项目和有关项目。").empty());
}

TEST(ProjectFinderTest, AnUnquotedWorkshopIsAVenue) {
  EXPECT_TRUE(Projects(U"一行走进陶艺工坊，观看非遗展示。").empty());
  EXPECT_EQ(Projects(U"双方共建“青岭工坊”，培养技术人才。"), std::vector<std::string>{"青岭工坊"});
}

TEST(ProjectFinderTest, AQuotedDemonstrationBaseIsAProject) {
  EXPECT_EQ(Projects(U"全力打造“西岭清洁能源示范基地”。"),
            std::vector<std::string>{"西岭清洁能源示范基地"});
  EXPECT_TRUE(Projects(U"参观了示范基地。").empty());
}

TEST(ProjectFinderTest, ACapacityAndThePlaceBeforeItArePartOfTheName) {
  EXPECT_EQ(Projects(U"加快推进东湖新区50兆瓦风电项目建设。"),
            std::vector<std::string>{"东湖新区50兆瓦风电项目"});
  EXPECT_EQ(Projects(U"建成北坡综合管廊工程和临江新区20兆瓦储能电站项目。"),
            (std::vector<std::string>{"临江新区20兆瓦储能电站项目", "北坡综合管廊工程"}));
}

TEST(ProjectFinderTest, AidProjectsAndABareEndingAfterAJoinerAreNoProjects) {
  EXPECT_TRUE(Projects(U"要统筹抓好企业生产和项目建设,落实援藏项目资金。").empty());
}

}  // namespace
}  // namespace guanxi::extract
