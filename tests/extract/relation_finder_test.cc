#include "extract/relation_finder.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace guanxi::extract {
namespace {

using graph::RelationType;
using testing::CountRelations;
using testing::ExtractOrDie;
using testing::FindRelation;

graph::Article One(const std::string& body) { return testing::OneItem(body); }

TEST(SigningTest, TwoNamedPartiesSignWithEachOther) {
  graph::Article a = One("5月6日,湖滨区人民政府与北岭大学签署战略合作协议。");
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "湖滨区人民政府", "北岭大学"));
}

TEST(SigningTest, PlaceAsPartyStandsForItsGovernment) {
  graph::Article a = One("5月6日,湖滨区与泰国清迈大学签署合作备忘录。");
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "湖滨区人民政府", "泰国清迈大学"));
}

TEST(SigningTest, OnePartyWithAListSignsWithEveryMember) {
  graph::Article a =
      One("5月6日,城南高新区管委会与东岭机械集团有限公司、北岭大学分别签署投资协议。");
  EXPECT_EQ(CountRelations(a, RelationType::kSignedWith), 2);
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "城南高新区管委会", "北岭大学"));
}

TEST(SigningTest, ListWithListGivesNoInventedPairs) {
  graph::Article a =
      One("5月6日,北岭大学、东海理工学院等2所高校与东岭机械集团有限公司、"
          "南岭电子集团有限公司签订合作协议。");
  EXPECT_EQ(CountRelations(a, RelationType::kSignedWith), 0);
}

TEST(EventLinksTest, ChairIsNotAlsoAttendee) {
  graph::Article a = One("5月6日,会议召开。区委书记钟山主持会议并讲话。区委副书记蔡明出席。");
  EXPECT_TRUE(FindRelation(a, RelationType::kChaired, "钟山"));
  EXPECT_FALSE(FindRelation(a, RelationType::kAttended, "钟山"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "蔡明"));
}

TEST(EventLinksTest, PeopleBeforeEachTriggerTakeItsRelation) {
  graph::Article a =
      One("5月6日,会议召开。区人大常委会副主任罗强主持会议,区人大常委会副主任丁慧参会。");
  EXPECT_TRUE(FindRelation(a, RelationType::kChaired, "罗强"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "丁慧"));
  EXPECT_FALSE(FindRelation(a, RelationType::kChaired, "丁慧"));
}

TEST(EventLinksTest, DelegatorIsNotPresent) {
  graph::Article a = One("5月6日,仪式举行。受区委书记钟山委托,区委副书记蔡明代表区委致辞。");
  EXPECT_FALSE(FindRelation(a, RelationType::kAttended, "钟山"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "蔡明"));
}

TEST(EventLinksTest, MeetingLinksBothSides) {
  graph::Article a =
      One("5月6日,市委副书记、市长陈志远会见了德国汉堡港务集团副总裁汉斯·穆勒一行。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "陈志远"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "汉斯·穆勒"));
}

TEST(EventLinksTest, PeopleListedAfterTheTrigger) {
  graph::Article a = One("5月6日,会议召开。出席会议的还有区领导孟佳、石磊。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "孟佳"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "石磊"));
}

TEST(NothingToFindTest, PolicyProseYieldsNoEntitiesOrRelations) {
  graph::Article a =
      One("5月6日,会议指出,要坚持高质量发展,持续深化改革,不断提升群众获得感、幸福感、"
          "安全感。会议要求,各部门要强化责任担当,推动工作落地见效。");
  EXPECT_TRUE(a.relations.empty());
  for (const auto& e : a.entities) {
    EXPECT_EQ(e.type, graph::EntityType::kEvent) << e.name;
  }
}

}  // namespace
}  // namespace guanxi::extract
