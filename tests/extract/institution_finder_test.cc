#include "extract/institution_finder.h"

#include <gtest/gtest.h>

#include "extract/locality.h"
#include "extract/text_util.h"
#include "test_util.h"

namespace guanxi::extract {
namespace {

using graph::EntityType;
using testing::ExtractOrDie;
using testing::HasEntity;

const Lexicon& Lex() { return Lexicon::Default(); }

std::vector<std::string> Names(std::u32string_view text) {
  std::vector<std::string> out;
  for (const TextHit& h : FindInstitutions(text, Lex(), {})) out.push_back(ToUtf8(h.text));
  return out;
}

TEST(InstitutionFinderTest, StopsAtVerbsAndFunctionWords) {
  EXPECT_EQ(Names(U"记者从市教委获悉,计划已完成。"), std::vector<std::string>{"市教委"});
  EXPECT_EQ(Names(U"代表团前往东海理工学院考察。"), std::vector<std::string>{"东海理工学院"});
}

TEST(InstitutionFinderTest, KeepsJoinersInsideANameAndSplitsPartiesAtThem) {
  EXPECT_EQ(Names(U"湖滨区人民政府与北岭大学签署协议。"),
            (std::vector<std::string>{"湖滨区人民政府", "北岭大学"}));
  EXPECT_EQ(Names(U"双方与印度尼西亚教育与文化部签署备忘录。"),
            std::vector<std::string>{"印度尼西亚教育与文化部"});
}

TEST(InstitutionFinderTest, OrdinaryWordsWithInstitutionEndingsAreNotInstitutions) {
  EXPECT_TRUE(Names(U"受委托,各部门要全面部署,干部要带头。").empty());
  EXPECT_TRUE(Names(U"科技创新中心和人才高地建设取得进展。").empty());
}

TEST(InstitutionFinderTest, LongestNameWinsOverNestedOnes) {
  EXPECT_EQ(Names(U"会议在南岭市人大常委会举行。"), std::vector<std::string>{"南岭市人大常委会"});
}

TEST(LocalityTest, ShorthandResolvesToTheItemsPlace) {
  Locality where = InferLocality(U"永川区召开会议,永川区委部署工作。", Lex());
  EXPECT_EQ(ToUtf8(where.district), "永川区");
  EXPECT_EQ(ToUtf8(where.city), "重庆市");
  EXPECT_EQ(ToUtf8(ResolveInstitution(U"区委", where, Lex())), "永川区委");
  EXPECT_EQ(ToUtf8(ResolveInstitution(U"市商务委", where, Lex())), "重庆市商务委");
  EXPECT_EQ(ToUtf8(ResolveInstitution(U"区政府", where, Lex())), "永川区人民政府");
  EXPECT_EQ(ToUtf8(ResolveInstitution(U"永川人大常委会", where, Lex())), "永川区人大常委会");
}

TEST(LocalityTest, UnlistedDistrictIsLearntFromItsBodies) {
  Locality where = InferLocality(U"石门区委召开会议,石门区政协参加。", Lex());
  EXPECT_EQ(ToUtf8(where.district), "石门区");
  EXPECT_EQ(ToUtf8(ResolveInstitution(U"区政协", where, Lex())), "石门区政协");
}

TEST(InstitutionEntitiesTest, ShortFormsBecomeAliasesOfOneEntity) {
  graph::Page page = ExtractOrDie(
      "会议召开\n\n本报讯(记者 甲乙)5月6日,石门区委召开会议。区委书记钟山出席。"
      "东海理工学院参会。会议指出,理工学院要发挥作用。\n");
  const graph::Article& a = page.articles.at(0);
  int count = 0;
  for (const auto& e : a.entities) {
    if (e.type != EntityType::kInstitution) continue;
    ++count;
    if (e.name == "石门区委") {
      EXPECT_NE(std::find(e.aliases.begin(), e.aliases.end(), "区委"), e.aliases.end());
    }
  }
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "石门区委"));
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "理工学院"));
  EXPECT_EQ(count, 2);
}

TEST(InstitutionEntitiesTest, NestedDepartmentAfterAPartyCommitteePost) {
  graph::Page page = ExtractOrDie(
      "会议召开\n\n本报讯(记者 甲乙)5月6日,会议召开。石门区委常委、宣传部部长严冬出席。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(testing::FindRelation(a, graph::RelationType::kHoldsPosition, "严冬", "石门区委"));
  // The department is the 区委's own (GOLD_FORMAT: the longest name meant).
  EXPECT_TRUE(
      testing::FindRelation(a, graph::RelationType::kHoldsPosition, "严冬", "石门区委宣传部"));
}

TEST(InstitutionFinderTest, SupportVerbsBeforeANameAreNoPartOfIt) {
  EXPECT_EQ(Names(U"部省将支持北岭大学建设一流学科。"), std::vector<std::string>{"北岭大学"});
  EXPECT_EQ(Names(U"积极帮助东海理工学院引进人才。"), std::vector<std::string>{"东海理工学院"});
  // A protected word: "就业指导中心" keeps its 指导.
  EXPECT_EQ(Names(U"永川区就业指导中心开展服务。"), std::vector<std::string>{"永川区就业指导中心"});
}

TEST(InstitutionFinderTest, UnitsOfSomeBodyAreGenericMentions) {
  EXPECT_EQ(Names(U"教育部有关司局负责同志参加。"), std::vector<std::string>{"教育部"});
  EXPECT_TRUE(Names(U"有关部门和相关单位负责同志参加。").empty());
}

TEST(InstitutionFinderTest, AGovernmentsOwnOfficeIsOneBody) {
  EXPECT_EQ(Names(U"区政府办公室负责同志陪同。"), std::vector<std::string>{"区政府办公室"});
  Locality where = InferLocality(U"永川区召开会议,永川区委部署工作。", Lex());
  EXPECT_EQ(ToUtf8(ResolveInstitution(U"区政府办公室", where, Lex())), "永川区人民政府办公室");
}

TEST(InstitutionFinderTest, ANameNeverStartsInsideAWordOrAfterAVerb) {
  EXPECT_EQ(Names(U"会议传达学习省委全会精神。"), std::vector<std::string>{"省委"});
  EXPECT_EQ(Names(U"他在江苏省对口支援西藏工作前方指挥部工作。"),
            std::vector<std::string>{"江苏省对口支援西藏工作前方指挥部"});
  EXPECT_TRUE(Names(U"双方对口协作,学习经验。").empty());
}

TEST(InstitutionFinderTest, AClauseInitialPersonBeforeAJoinerIsNoPartOfTheBody) {
  EXPECT_EQ(Names(U"会谈结束。周海燕与东河州文化局局长交换意见。"),
            std::vector<std::string>{"东河州文化局"});
  EXPECT_EQ(Names(U"会上，区发展和改革局作汇报。"), std::vector<std::string>{"区发展和改革局"});
}

TEST(InstitutionFinderTest, AForeignRegionsGovernmentKeepsItsName) {
  Locality where;
  where.district = U"永川区";
  EXPECT_EQ(ToUtf8(ResolveInstitution(U"日本北海道区政府", where, Lex())), "日本北海道区政府");
  EXPECT_EQ(ToUtf8(ResolveInstitution(U"区政府", where, Lex())), "永川区人民政府");
}

}  // namespace
}  // namespace guanxi::extract
