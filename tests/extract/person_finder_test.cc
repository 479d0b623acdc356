#include "extract/person_finder.h"

#include <gtest/gtest.h>

#include "extract/text_util.h"
#include "test_util.h"

namespace guanxi::extract {
namespace {

using graph::EntityType;
using graph::RelationType;
using testing::CountEntities;
using testing::ExtractOrDie;
using testing::FindRelation;
using testing::HasEntity;

const Lexicon& Lex() { return Lexicon::Default(); }

TEST(PersonFinderTest, NameAfterPostIsFoundWithoutThePost) {
  std::vector<PersonHit> hits = FindPeople(U"区委书记胡志远出席会议。", Lex());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(ToUtf8(hits[0].name), "胡志远");
  ASSERT_EQ(hits[0].posts.size(), 1u);
  EXPECT_EQ(ToUtf8(hits[0].posts[0].body), "区委");
  EXPECT_EQ(ToUtf8(hits[0].posts[0].title), "书记");
}

TEST(PersonFinderTest, TwoCharacterNameBeforeTwoCharacterVerb) {
  EXPECT_EQ(ChineseNameAt(U"蔡林陪同调研", 0, Lex()), 2u);
  EXPECT_EQ(ChineseNameAt(U"蔡林森出席", 0, Lex()), 3u);
  EXPECT_EQ(ChineseNameAt(U"周强在会上说", 0, Lex()), 2u);
  EXPECT_EQ(ChineseNameAt(U"会议指出", 0, Lex()), 0u);
}

TEST(PersonFinderTest, ForeignNameKeepsItsMiddleDot) {
  EXPECT_EQ(ForeignNameAt(U"法丽达·阿齐兹感谢主办方", 0, Lex()), 7u);
  EXPECT_EQ(ForeignNameAt(U"没有圆点的名字", 0, Lex()), 0u);
}

TEST(PersonFinderTest, SeveralPostsOfOnePersonGiveOneRelationPerBody) {
  graph::Page page = ExtractOrDie(
      "湖滨区召开会议\n\n本报讯(记者 甲乙)5月6日,湖滨区召开会议。"
      "区委副书记、区长罗文杰,区人大常委会副主任、区总工会主席邹敏出席会议。\n");
  ASSERT_EQ(page.articles.size(), 1u);
  const graph::Article& a = page.articles[0];
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "罗文杰", "湖滨区委"));
  const graph::Relation* mayor =
      FindRelation(a, RelationType::kHoldsPosition, "罗文杰", "湖滨区人民政府");
  ASSERT_NE(mayor, nullptr);
  EXPECT_EQ(mayor->title, "区长");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "邹敏", "湖滨区人大常委会"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "邹敏", "湖滨区总工会"));
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "区政府") ||
              HasEntity(a, EntityType::kInstitution, "湖滨区人民政府"));
}

TEST(PersonFinderTest, PostWithoutBodyJoinsThePreviousTitle) {
  graph::Page page = ExtractOrDie(
      "学院举行典礼\n\n本报讯(记者 甲乙)5月6日,典礼举行。"
      "东海理工学院党委副书记、校长韩立新出席。\n");
  ASSERT_EQ(page.articles.size(), 1u);
  const graph::Relation* r =
      FindRelation(page.articles[0], RelationType::kHoldsPosition, "韩立新", "东海理工学院");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->title, "党委副书记、校长");
}

TEST(PersonFinderTest, GroupWordListsNameEveryoneButGiveNoPost) {
  graph::Page page = ExtractOrDie(
      "会议召开\n\n本报讯(记者 甲乙)5月6日,会议召开。区领导孟佳、石磊和吴晓东参加。\n");
  ASSERT_EQ(page.articles.size(), 1u);
  const graph::Article& a = page.articles[0];
  for (const char* name : {"孟佳", "石磊", "吴晓东"}) {
    EXPECT_TRUE(HasEntity(a, EntityType::kPerson, name)) << name;
    EXPECT_TRUE(FindRelation(a, RelationType::kAttended, name)) << name;
  }
  EXPECT_EQ(testing::CountRelations(a, RelationType::kHoldsPosition), 0);
}

TEST(PersonFinderTest, ListAfterPostSharesThePost) {
  graph::Page page =
      ExtractOrDie("会议召开\n\n本报讯(记者 甲乙)5月6日,会议召开。区政协副主席林涛、曹丽出席。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "林涛"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "曹丽"));
}

TEST(PersonFinderTest, ForeignGuestWithPostAndCountry) {
  graph::Page page =
      ExtractOrDie("代表团来访\n\n本报讯(记者 甲乙)5月6日,泰国清迈大学副校长颂猜·通萨率团来访。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "颂猜·通萨"));
  EXPECT_TRUE(HasEntity(a, EntityType::kCountry, "泰国"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "颂猜·通萨", "泰国清迈大学"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "颂猜·通萨"));
}

TEST(PersonFinderTest, PostGivenAfterTheNameByAnAppointmentVerb) {
  graph::Page page = ExtractOrDie(
      "大会召开\n\n本报讯(记者 甲乙)5月6日,大会召开。石门区委常委、宣传部部长严冬当选为"
      "石门区文联主席,代表主席团作工作报告。\n");
  const graph::Article& a = page.articles.at(0);
  const graph::Relation* r = FindRelation(a, RelationType::kHoldsPosition, "严冬", "石门区文联");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->title, "主席");
  // The subject of the sentence carries over to "代表…作工作报告".
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "严冬"));
}

TEST(PersonFinderTest, ListBeforeAnAppointmentSharesThePost) {
  graph::Page page = ExtractOrDie(
      "仪式举行\n\n本报讯(记者 甲乙)5月6日,东海大学教授林晓、北岭大学院长颂猜·通萨等"
      "受聘为“丝路”专家委员会专家。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "林晓", "“丝路”专家委员会"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "颂猜·通萨", "“丝路”专家委员会"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "颂猜·通萨", "北岭大学"));
}

TEST(PersonFinderTest, WordsThatLookLikeNamesBeforeSpeechVerbsAreNotPeople) {
  graph::Page page = ExtractOrDie(
      "会议召开\n\n本报讯(记者 甲乙)5月6日,会议召开。文件指出,要加强领导。方案要求,"
      "要向全体同志传达会议精神。同时强调,要抓好落实。\n");
  EXPECT_EQ(CountEntities(page.articles.at(0), EntityType::kPerson), 0);
}

TEST(PersonFinderTest, EnvoyWithoutMissionNameServesTheState) {
  graph::Page page = ExtractOrDie(
      "大使来访\n\n本报讯(记者 甲乙)9月11日,巴基斯坦驻华大使哈利勒·哈什米在云岭会见"
      "市委副书记、市长金海涛。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "哈利勒·哈什米"));
  EXPECT_TRUE(HasEntity(a, EntityType::kCountry, "巴基斯坦"));
  // No 大使馆 is invented; the post is the state's (GOLD_FORMAT: 中国驻缅甸大使).
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "哈利勒·哈什米", "巴基斯坦"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "巴基斯坦驻华大使馆"));
  const graph::Relation* r = FindRelation(a, RelationType::kHoldsPosition, "金海涛");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->target.find("会见"), std::string::npos) << r->target;
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "哈利勒·哈什米"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "金海涛"));
}

TEST(PersonFinderTest, ReportersAndPhotographersAreNotPeople) {
  graph::Page page = ExtractOrDie(
      "会议召开\n\n本报讯(某某报记者 沈一鸣 冯小雨)5月6日,会议召开。\n\n"
      "图为会议现场。\n某某报记者 袁小山 摄\n");
  ASSERT_EQ(page.articles.size(), 1u);
  EXPECT_EQ(CountEntities(page.articles[0], EntityType::kPerson), 0);
}

TEST(PersonFinderTest, HonorificNamesAPersonWhoIsNotPresent) {
  graph::Page page = ExtractOrDie(
      "会议召开\n\n本报讯(记者 甲乙)5月6日,会议学习了习近平总书记重要讲话精神。"
      "区委书记黎明出席会议并讲话。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "习近平"));
  EXPECT_FALSE(FindRelation(a, RelationType::kAttended, "习近平"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "黎明"));
}

TEST(PersonFinderTest, AVerbAfterAPostIsNoName) {
  // 强 is a surname, but "强调" is a verb: the post names no one here.
  EXPECT_TRUE(FindPeople(U"区委副书记、区长强调，要抓好安全生产。", Lex()).empty());
  EXPECT_TRUE(FindPeople(U"会上，市长表示支持，副市长主持讨论。", Lex()).empty());
  EXPECT_EQ(ChineseNameAt(U"强调，", 0, Lex()), 0u);
}

TEST(PersonFinderTest, AGivenNameIsNeverACommonVerb) {
  std::vector<PersonHit> hits = FindPeople(U"副区长韩强调研了园区。", Lex());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(ToUtf8(hits[0].name), "韩强");
}

TEST(PersonFinderTest, TownAndVillageBodiesAndASendingUnit) {
  graph::Page page = ExtractOrDie(
      "工作推进会召开\n\n本报讯(记者 甲乙)3月2日,垫江县石桥镇召开工作推进会。"
      "镇党委书记韩立军主持会议,镇党委副书记、镇长吴海峰出席。"
      "东江市农业农村局驻石桥镇红岭村第一书记宋志刚和青石村党支部书记许德林发言。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "韩立军", "石桥镇党委"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "吴海峰", "石桥镇党委"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "吴海峰", "石桥镇人民政府"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "宋志刚", "东江市农业农村局"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "许德林", "青石村党支部"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "镇"));
}

TEST(PersonFinderTest, AStationedOfficeIsNotCutAtItsStationWord) {
  graph::Page page = ExtractOrDie(
      "座谈会召开\n\n本报讯(记者 甲乙)3月2日,座谈会召开。"
      "文化部驻西安办事处主任马立新出席。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "马立新", "文化部驻西安办事处"));
}

TEST(PersonFinderTest, LongDottedNamesAreNotCutAtACueSyllable) {
  graph::Page page = ExtractOrDie(
      "座谈会召开\n\n本报讯(记者 甲乙)3月2日,座谈会召开。"
      "县委书记吐尔洪·阿不都克里木主持会议。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "吐尔洪·阿不都克里木"));
  EXPECT_FALSE(HasEntity(a, EntityType::kPerson, "吐尔洪·阿不"));
  EXPECT_TRUE(FindRelation(a, RelationType::kChaired, "吐尔洪·阿不都克里木"));
}

TEST(PersonFinderTest, AnAdverbAfterADottedNameStillEndsIt) {
  graph::Page page = ExtractOrDie(
      "座谈会召开\n\n本报讯(记者 甲乙)3月2日,座谈会召开。"
      "县长艾山·买买提都参加。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "艾山·买买提"));
}

TEST(PersonFinderTest, AHeadquartersCommanderIsAPost) {
  graph::Page page = ExtractOrDie(
      "座谈会召开\n\n本报讯(记者 甲乙)3月2日,座谈会召开。"
      "江苏省援藏前方指挥部指挥长邓建华参加会议。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "邓建华", "江苏省援藏前方指挥部"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "邓建华"));
}

TEST(PersonFinderTest, AnUnlistedPrefecturesShorthandBodies) {
  graph::Page page = ExtractOrDie(
      "常务会议召开\n\n本报讯(记者 甲乙)3月2日,临山州2026年第一次常务会议召开。"
      "州委副书记、州长金志远主持会议。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "金志远", "临山州委"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "金志远", "临山州人民政府"));
}

TEST(PersonFinderTest, APrefectureIsNoneWithoutAYearOrABodyAfterIt) {
  graph::Page page = ExtractOrDie(
      "常务会议召开\n\n本报讯(记者 甲乙)3月2日,常务会议召开。"
      "州长金志远主持会议，来自临山州的客商参加。\n");
  const graph::Article& a = page.articles.at(0);
  EXPECT_FALSE(FindRelation(a, RelationType::kHoldsPosition, "金志远", "临山州人民政府"));
}

}  // namespace
}  // namespace guanxi::extract
