// Rules that make the extractor work on other regions' pages: minority and
// Cantonese surnames, speakers and 列席 as attendees, people who sign for
// their side, bodies cut at a person, courts' full names.

#include <gtest/gtest.h>

#include "test_util.h"

namespace guanxi::extract {
namespace {

using graph::EntityType;
using graph::RelationType;
using testing::CountEntities;
using testing::CountRelations;
using testing::ExtractOrDie;
using testing::FindRelation;
using testing::HasEntity;

graph::Article One(const std::string& body) { return testing::OneItem(body); }

TEST(SurnameTest, DaiAndCantoneseSurnamesStartNames) {
  graph::Article a = One("5月6日,县委书记刀明远,副县长岩温出席。市委书记区志强主持会议。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "刀明远"));
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "岩温"));
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "区志强"));
}

TEST(SurnameTest, CantoneseSurnameDoesNotTurnDistrictBodiesIntoPeople) {
  graph::Article a = One("5月6日,区委常委会召开会议。区政府指出,要抓好落实。区长表示支持。");
  EXPECT_EQ(testing::CountEntities(a, EntityType::kPerson), 0);
}

TEST(AttendedTest, AttendingWithoutVoteCounts) {
  graph::Article a = One("5月6日,会议召开。副市长王海东,市人民检察院检察长李明列席会议。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "王海东"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "李明"));
}

TEST(AttendedTest, EverySpeakerOfAListSpeaks) {
  graph::Article a = One("5月6日,座谈会召开。会上,市政协委员张丽华、刘建、陈小红先后发言。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "张丽华"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "刘建"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "陈小红"));
}

TEST(AttendedTest, ListAfterTheSubjectNeedsAJoiner) {
  // 李强 is only mentioned as the one spoken of, not a co-speaker.
  graph::Article a = One("5月6日,座谈会召开。市长张丽华对局长李强的工作作了报告。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "张丽华"));
  EXPECT_FALSE(FindRelation(a, RelationType::kAttended, "李强"));
}

TEST(AttendedTest, SignersForBothSidesAttend) {
  graph::Article a = One("5月6日,签约仪式举行。市长黄立新与北岭大学校长卢家明代表双方签约。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "黄立新"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "卢家明"));
}

TEST(AttendedTest, ReportingAtTheMeetingAttends) {
  graph::Article a = One("5月6日,会议召开。副市长程国明到会通报有关情况。局长杜文作了回应。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "程国明"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "杜文"));
}

TEST(InstitutionBoundaryTest, APersonBeforeTheJoinerEndsTheBody) {
  graph::Article a = One("5月6日,市委副书记、市长黄立新与北岭大学校长卢家明签约。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "北岭大学"));
  for (const auto& e : a.entities) {
    if (e.type == EntityType::kInstitution) {
      EXPECT_EQ(e.name.find("黄立新"), std::string::npos);
    }
  }
}

TEST(InstitutionBoundaryTest, AttractingIsNoPartOfACompany) {
  graph::Article a = One("5月6日,招聘会举行,共吸引东岭家电股份有限公司等企业参会。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "东岭家电股份有限公司"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "共吸引东岭家电股份有限公司"));
  graph::Article b = One("5月6日,活动举行,吸纳青山职业技术学院毕业生300余人。");
  EXPECT_TRUE(HasEntity(b, EntityType::kInstitution, "青山职业技术学院"));
}

TEST(InstitutionBoundaryTest, ShortCourtNamesResolveToTheFullNames) {
  graph::Article a = One("3月13日,佛山市委常委会召开会议。市法院、市检察院主要负责同志列席会议。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "佛山市中级人民法院"));
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "佛山市人民检察院"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "佛山市法院"));
}

TEST(AppointmentTest, NamesAfterAnAppointmentWordArePeople) {
  graph::Article a =
      One("3月26日,会议表决通过人事任免事项。决定任命林志远为东川市财政局局长;"
          "免去周立的东川市财政局局长职务。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "林志远"));
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "周立"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "林志远", "东川市财政局"));
  EXPECT_FALSE(FindRelation(a, RelationType::kHoldsPosition, "周立"));
}

TEST(AppointmentTest, AnAppointmentWordWithoutANameGivesNoOne) {
  graph::Article a = One("3月26日,会议决定任命有关同志,免去有关职务。");
  EXPECT_EQ(testing::CountEntities(a, EntityType::kPerson), 0);
}

TEST(InstitutionNameTest, TermNumberAndBareStandingCommitteeNameTheSameBody) {
  graph::Article a =
      One("3月26日,绵阳市九届人大常委会第二十一次会议举行。市人大常委会主任何宗明主持会议。"
          "常委会组成人员要依法履职。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "绵阳市人大常委会"));
  EXPECT_EQ(testing::CountEntities(a, EntityType::kInstitution), 1);
}

TEST(InstitutionNameTest, ForeignAffairsOfficeIsABody) {
  graph::Article a = One("5月6日,市长会见外宾。哈尔滨市外事办负责同志参加。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "哈尔滨市外事办"));
  graph::Article b = One("4月20日,南宁市长会见外宾。市外办负责同志参加。学校开展对外办学交流。");
  EXPECT_TRUE(HasEntity(b, EntityType::kInstitution, "南宁市外办"));
  EXPECT_EQ(testing::CountEntities(b, EntityType::kInstitution), 1);
}

TEST(InstitutionNameTest, MeetingsAndVenuesAreNoBodies) {
  graph::Article a = One("4月10日,市政协召开“推动文旅融合”专题协商会,签约仪式在市民中心举行。");
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "“推动文旅融合”专题协商会"));
  for (const auto& e : a.entities) {
    if (e.type == EntityType::kInstitution) {
      EXPECT_EQ(e.name.find("市民中心"), std::string::npos);
    }
  }
}

TEST(PostChainTest, WordsAfterACompanyNameBelongToThePost) {
  graph::Article a =
      One("3月14日,招聘会举行。据东岭家电股份有限公司人力资源总监黎明介绍,企业将扩招。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "黎明", "东岭家电股份有限公司"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "东岭家电股份有限公司人力资源"));
}

TEST(PostChainTest, ADepartmentOfABodyStaysWhole) {
  graph::Article a = One("5月6日,座谈会召开。泰国清迈大学人文学院政治学系主任林达出席。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "泰国清迈大学人文学院政治学系"));
}

TEST(PostChainTest, AnOfficeAfterACommitteeIsThatCommitteesOffice) {
  graph::Article a = One("3月18日,县委书记刀明远调研企业。勐海县委常委、办公室主任李静陪同。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "李静", "勐海县委办公室"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "勐海县办公室"));
}

TEST(PostChainTest, HigherEducationIsPartOfADivisionName) {
  graph::Article a = One("4月8日,揭牌仪式举行。江苏省教育厅高等教育处处长许文参加。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "许文", "江苏省教育厅高等教育处"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "教育处"));
}

TEST(SigningPartyTest, ASignersAffiliationIsNoExtraParty) {
  graph::Article a =
      One("3月12日,东川市人民政府与北岭大学签署合作协议。市委副书记、市长黄立新与北岭大学校长"
          "卢家明代表双方签约。");
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "东川市人民政府", "北岭大学"));
  EXPECT_EQ(CountRelations(a, RelationType::kSignedWith), 1);
}

TEST(InstitutionBoundaryTest, SocialSecurityIsPartOfABureauName) {
  graph::Article a = One("3月14日,顺德区招聘会举行。本次招聘会由区人力资源和社会保障局主办。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "顺德区人力资源和社会保障局"));
}

TEST(PostChainTest, APostAfterAListOfTheSameBodyInheritsTheBody) {
  graph::Article a =
      One("3月26日,会议举行。东川市人大常委会副主任杨立、谢正荣,秘书长蒲俊出席会议。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "蒲俊", "东川市人大常委会"));
}

TEST(PostChainTest, APostAfterASentenceBreakInheritsNothing) {
  graph::Article a = One("3月26日,东川市人大常委会副主任杨立出席会议。秘书长蒲俊主持。");
  EXPECT_FALSE(FindRelation(a, RelationType::kHoldsPosition, "蒲俊"));
}

TEST(LocalityTest, PrefectureCityShorthandResolves) {
  graph::Article a = One("5月8日,湛江市召开会议。市委书记刘晓东主持会议。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "刘晓东", "湛江市委"));
}

TEST(LocalityTest, CityGovernmentWithoutAPlaceIsOneBody) {
  graph::Article a = One("9月3日,市长陈国庆会见客商。陈国庆代表市委、市政府表示欢迎。");
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "市政府") &&
               !HasEntity(a, EntityType::kInstitution, "市人民政府"));
  int governments = 0;
  for (const auto& e : a.entities) governments += e.name.find("政府") != std::string::npos;
  EXPECT_EQ(governments, 1);
}

TEST(AttendedTest, SpeakingAtTheMeetingAttends) {
  graph::Article a = One("5月6日,会议召开。市委常委、宣传部部长黄海在讲话中要求做好宣传。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "黄海"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "黄海", "市委宣传部"));
}

TEST(PostChainTest, AMayorOfAnUnlistedCityHoldsAPostInItsGovernment) {
  graph::Article a = One("7月2日,推进会召开。鹤山市市长冯嘉欣作表态发言。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "冯嘉欣", "鹤山市人民政府"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "冯嘉欣"));
}

TEST(InstitutionBoundaryTest, NoBodyStartsInsideBrackets) {
  graph::Article a = One("7月2日,推进会召开。各县(市、区)党委、政府主要负责同志参加会议。");
  EXPECT_EQ(testing::CountEntities(a, EntityType::kInstitution), 0);
}

TEST(InstitutionBoundaryTest, ConstructionInsideACompanyNameIsNoVerb) {
  graph::Article a = One("10月9日,省政府与中国电力建设集团有限公司举行会谈。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "中国电力建设集团有限公司"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "集团有限公司"));
}

TEST(AppointmentTest, ElectedMembersArePeople) {
  graph::Article a = One("11月5日,县政协常委会议召开。会议决定,增补卢永红为县政协委员。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "卢永红"));
}

TEST(PersonTest, AnInvitedAttendeeIsFound) {
  graph::Article a = One("11月5日,县政协常委会议召开。县委常委、统战部部长蒙志刚应邀列席会议。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "蒙志刚"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "蒙志刚"));
}

TEST(InstitutionBoundaryTest, ShortIntermediateCourtResolvesToItsFullName) {
  graph::Article a = One("3月13日,佛山市委常委会召开会议。市中级法院主要负责同志列席会议。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "佛山市中级人民法院"));
}

TEST(AttendedTest, GivingALectureOrReportAttends) {
  graph::Article a =
      One("12月2日,专题学习会举行。北岭大学教授刀小平作专题辅导报告。"
          "市发展改革委主任林涛汇报了有关工作。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "刀小平"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "林涛"));
}

TEST(AliasTest, ANameWithoutItsBracketedPlaceIsAnAlias) {
  graph::Article a = One("3月26日,会议指出,深入推进中国（东川）科技城建设,加快建设中国科技城。");
  EXPECT_TRUE(HasEntity(a, EntityType::kProject, "中国（东川）科技城"));
  EXPECT_EQ(testing::CountEntities(a, EntityType::kProject), 1);
}

TEST(InstitutionNameTest, SubdistrictOfficeIsABody) {
  graph::Article a = One("6月6日,推进会召开。观湖街道办事处负责人作交流发言。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "观湖街道办事处"));
}

TEST(AttendedTest, GivingTheWorkPlanAttends) {
  graph::Article a = One("6月6日,推进会召开。区委副书记、区长雷卫华作工作部署。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "雷卫华"));
}

TEST(PersonTest, ANameBeforeDeAccompaniedIsFound) {
  graph::Article a =
      One("3月3日,调研组来我市调研。在赣州市委副书记、市长李克坚的陪同下,调研组来到开发区。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "李克坚"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "李克坚"));
}

TEST(AttendedTest, StudyingASpeechIsNotAttending) {
  graph::Article a =
      One("5月6日,市委常委会召开会议。会议传达学习了省委书记王建军在全省大会上的讲话精神。");
  EXPECT_FALSE(FindRelation(a, RelationType::kAttended, "王建军"));
}

TEST(LocalityTest, AForeignCountryHoldsNoChinesePlace) {
  // "越南山水" holds the short form of a district elsewhere; the item is 南宁's.
  graph::Article a =
      One("3月10日,南宁市召开座谈会。中国和越南山水相连。"
          "市委常委、秘书长张明,副市长李红出席会议。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "张明", "南宁市委"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "李红", "南宁市人民政府"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "深圳市委"));
}

TEST(LocalityTest, AnUnlistedDistrictEndingLikeAnUrbanAreaResolves) {
  graph::Article a = One("3月18日,青城区委副书记、区长王明辉调研。副区长李红陪同调研。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "李红", "青城区人民政府"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "区人民政府"));
}

TEST(LocalityTest, AnUrbanAreaWithoutABodyIsNoDistrict) {
  graph::Article a = One("3月18日,老城区改造工作推进会召开。副区长李红出席会议。");
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "老城区人民政府"));
}

TEST(BannerTest, BannerBodiesResolveToTheBanner) {
  graph::Article a =
      One("3月6日,达拉特旗2026年旗委工作会议召开。旗委书记王刚主持会议,"
          "旗委副书记、旗长李强,旗政协主席赵明,副旗长刘丽出席会议。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "王刚", "达拉特旗委"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "李强", "达拉特旗人民政府"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "赵明", "达拉特旗政协"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "刘丽", "达拉特旗人民政府"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "年旗委"));
}

TEST(BannerTest, AFlagIsNoBanner) {
  graph::Article a = One("3月6日,升国旗仪式举行。区委书记王刚出席。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "王刚", "区委"));
}

TEST(PersonTest, NamesWithoutAKnownSurnameAfterAPost) {
  graph::Article a =
      One("3月10日,会见举行。越南驻南宁总领事馆总领事黎氏红梅,"
          "旗政协主席苏德毕力格参加会见。公司董事长巴图作为企业代表发言。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "黎氏红梅"));
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "苏德毕力格"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "苏德毕力格"));
}

TEST(PersonTest, AVerbAfterAPostIsNoName) {
  graph::Article a = One("3月10日,会议召开。主任介绍,项目进展顺利。书记指出,要抓落实。");
  EXPECT_EQ(CountEntities(a, EntityType::kPerson), 0);
}

TEST(ProjectTest, ACapacityIsPartOfTheProjectAndAJoinerSplitsTwo) {
  graph::Article a =
      One("3月20日,签约活动举行。签约项目为年产3万吨电池隔膜项目、"
          "“绿色港口”岸电项目和智慧冷链物流园区项目。");
  EXPECT_TRUE(HasEntity(a, EntityType::kProject, "年产3万吨电池隔膜项目"));
  EXPECT_TRUE(HasEntity(a, EntityType::kProject, "“绿色港口”岸电项目"));
  EXPECT_TRUE(HasEntity(a, EntityType::kProject, "智慧冷链物流园区项目"));
  EXPECT_EQ(CountEntities(a, EntityType::kProject), 3);
}

TEST(ProjectTest, ACountIsNoCapacity) {
  graph::Article a = One("3月20日,会议召开。确保5个重点项目按期开工。");
  EXPECT_EQ(CountEntities(a, EntityType::kProject), 0);
}

}  // namespace
}  // namespace guanxi::extract
