// The classes of error seen on real web news from many provinces, each pinned
// by sentences written for this test: bare name lists, posts after names,
// acting and former posts, bodies without the usual endings, left edges,
// generic mentions, projects that are phrases, and signings through
// representatives, in order and inside titles.

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

// People

TEST(NameListTest, BareNamesBeforeAGroupWordAreAllPeople) {
  graph::Article a = One("5月6日,县政协主席周立新以及孙海波、於建国、马和平等县领导参加活动。");
  for (const char* name : {"周立新", "孙海波", "於建国", "马和平"}) {
    EXPECT_TRUE(HasEntity(a, EntityType::kPerson, name)) << name;
    EXPECT_TRUE(FindRelation(a, RelationType::kAttended, name)) << name;
  }
}

TEST(NameListTest, BareNamesBeforeATriggerAttend) {
  graph::Article a = One("5月6日,市长会见了客人。汪国强、冯兆宇、吴青参加会见。");
  for (const char* name : {"汪国强", "冯兆宇", "吴青"}) {
    EXPECT_TRUE(FindRelation(a, RelationType::kAttended, name)) << name;
  }
}

TEST(NameListTest, ListOfCommonWordsNamesNoOne) {
  graph::Article a = One("5月6日,双方在文化、旅游、金融等领域深化合作。");
  EXPECT_EQ(CountEntities(a, EntityType::kPerson), 0);
}

TEST(NameListTest, EveryNameOfACommaListUnderOneTriggerAttends) {
  graph::Article a =
      One("5月6日,大会开幕。应邀出席大会的领导有:市委书记林志刚,副市长许文涛,秘书长韩雪等。");
  for (const char* name : {"林志刚", "许文涛", "韩雪"}) {
    EXPECT_TRUE(FindRelation(a, RelationType::kAttended, name)) << name;
  }
}

TEST(PersonTest, NameBeforeAFormOfAddress) {
  graph::Article a = One("5月6日,座谈会召开。陈建华主任介绍了情况。林国栋副主席作报告。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "陈建华"));
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "林国栋"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "林国栋"));
}

TEST(PersonTest, AdverbIsNoPartOfAName) {
  graph::Article a = One("5月6日,客人来访。市长郑立新和政协主席冯国庆分头陪同。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "冯国庆"));
  EXPECT_FALSE(HasEntity(a, EntityType::kPerson, "冯国庆分头"));
}

TEST(PersonTest, CommonWordsAreNoNames) {
  graph::Article a = One("5月6日,大家欢聚一堂。客人来渝考察。各级领导和单位参加。");
  EXPECT_EQ(CountEntities(a, EntityType::kPerson), 0);
}

TEST(PersonTest, LatinScriptNameAfterAPost) {
  graph::Article a = One("5月6日,美国格林公司总裁Tom Lee参加活动。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "Tom Lee"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "Tom Lee", "美国格林公司"));
}

TEST(PersonTest, PostOfARepresentativeIsNoPartOfTheName) {
  graph::Article a = One("5月6日,客人来访。赞比亚卢萨卡市市长代表彼得·班达出席。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "彼得·班达"));
}

TEST(PersonTest, DottedNamesOfThreePartsNeedNoPost) {
  graph::Article a =
      One("5月6日,哈萨克斯坦客人努尔兰·阿比舍维奇·卡里莫夫会见了市长。"
          "俄罗斯专家伊万·彼得罗夫表示,合作前景广阔。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "努尔兰·阿比舍维奇·卡里莫夫"));
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "伊万·彼得罗夫"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "努尔兰·阿比舍维奇·卡里莫夫"));
  // An expert serves no state.
  EXPECT_FALSE(FindRelation(a, RelationType::kHoldsPosition, "伊万·彼得罗夫"));
}

TEST(PersonTest, QuotedSloganWithAMiddleDotIsNoName) {
  graph::Article a = One("5月6日,全区推进“群团强基层·联动促治理”改革。");
  EXPECT_EQ(CountEntities(a, EntityType::kPerson), 0);
}

TEST(CountryTest, BareChinaBeforeAGrammarWord) {
  EXPECT_TRUE(HasEntity(One("5月6日,口岸是中国向西开放的门户。"), EntityType::kCountry, "中国"));
}

TEST(InstitutionGenericTest, AutonomousPrefectureByItsFullAndItsShortName) {
  graph::Article a = One("5月6日,凉山彝族自治州人民政府召开会议。州委副书记、州长俄木拉且主持。");
  EXPECT_EQ(CountEntities(a, EntityType::kInstitution), 2);  // 州委 and the government
}

TEST(CountryTest, APeopleIsNoState) {
  EXPECT_FALSE(HasEntity(One("5月6日,领导到檀营满族蒙古族乡调研。"), EntityType::kCountry, "蒙古"));
}

TEST(PostTest, FormerPostAfterTheBodyAndATermsCommittee) {
  graph::Article a =
      One("5月6日,永修县侨联成立大会召开。意大利永修同乡会会长涂小萍、县侨联原主席胡长根"
          "先后发言。县侨联第三届委员会主席袁佳通报了工作情况。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "涂小萍", "意大利永修同乡会"));
  EXPECT_FALSE(FindRelation(a, RelationType::kHoldsPosition, "胡长根"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "袁佳", "永修县侨联"));
}

TEST(SigningTest, SignersAreTheSidesWhenNoBodySigns) {
  graph::Article a =
      One("5月6日,沛县经济开发区管委会主任邓佳禾与江苏汉鼎智能装备有限公司董事长陆一鸣"
          "分别代表双方签约。");
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "沛县经济开发区管委会",
                           "江苏汉鼎智能装备有限公司"));
}

TEST(CountryTest, SyllableOfADottedNameIsNoCountry) {
  graph::Article a = One("5月6日,外宾努尔苏丹·卡里莫夫出席。");
  EXPECT_FALSE(HasEntity(a, EntityType::kCountry, "苏丹"));
}

TEST(PersonTest, TibetanNamesAfterPostsAndInLists) {
  graph::Article a =
      One("5月6日,州委副书记、州长索南才让在德令哈会见了客人。大会执行主席王建新、"
          "央金卓嘎、李志强、达瓦在主席台就座。");
  for (const char* name : {"索南才让", "王建新", "央金卓嘎", "李志强", "达瓦"}) {
    EXPECT_TRUE(HasEntity(a, EntityType::kPerson, name)) << name;
    EXPECT_TRUE(FindRelation(a, RelationType::kAttended, name)) << name;
  }
}

TEST(PersonTest, GivenNameMayStartWithTheEndOfAPost) {
  graph::Article a = One("5月6日,市委书记马长青出席并讲话。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "马长青"));
}

TEST(PersonTest, GroupWordAfterAListIntroducesNoOne) {
  graph::Article a = One("5月6日,市人大常委会主任张平等市领导应邀出席开幕会。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "张平"));
  EXPECT_EQ(CountEntities(a, EntityType::kPerson), 1);
}

TEST(PersonTest, HeInsideAGivenName) {
  graph::Article a =
      One("5月6日,州长田和生主持会议。公司董事长陈志和代表企业发言。"
          "党工委书记巴图孟和结合分管工作作交流发言。市长张三和李四出席。");
  for (const char* name : {"田和生", "陈志和", "巴图孟和", "张三", "李四"}) {
    EXPECT_TRUE(HasEntity(a, EntityType::kPerson, name)) << name;
  }
  EXPECT_FALSE(HasEntity(a, EntityType::kPerson, "张三和"));
}

TEST(PersonTest, MongolianAndYiNames) {
  graph::Article a =
      One("5月6日,盟委委员、行政公署副盟长宝力德巴特尔陪同调研。萨仁其其格、"
          "吉日木图等参加。州人大常委会主任阿苦日哈主持闭幕会。执行主席吉克木呷、"
          "海来阿依、沙马伍各在主席台就座。");
  for (const char* name :
       {"宝力德巴特尔", "萨仁其其格", "吉日木图", "阿苦日哈", "吉克木呷", "海来阿依", "沙马伍各"}) {
    EXPECT_TRUE(HasEntity(a, EntityType::kPerson, name)) << name;
  }
  EXPECT_TRUE(FindRelation(a, RelationType::kChaired, "阿苦日哈"));
}

TEST(PersonTest, ZhongInsideAGivenName) {
  graph::Article a =
      One("5月6日,县人大常委会主任贺中原主持会议。区委副书记、区长何中华介绍项目情况。"
          "西北农林科技大学校长纳中和一行来考察。");
  for (const char* name : {"贺中原", "何中华", "纳中和"}) {
    EXPECT_TRUE(HasEntity(a, EntityType::kPerson, name)) << name;
  }
  EXPECT_TRUE(FindRelation(a, RelationType::kChaired, "贺中原"));
}

TEST(PersonTest, JapaneseNameWithATwoCharacterSurname) {
  graph::Article a = One("5月6日,静冈市副市长田中一郎出席。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "田中一郎"));
}

// Posts

TEST(PostTest, ActingPostsCount) {
  graph::Article a = One("5月6日,代县长周海涛主持会议。缅甸代总统吴觉温会见了代表团。");
  const graph::Relation* r = FindRelation(a, RelationType::kHoldsPosition, "周海涛");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->title, "代县长");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "吴觉温", "缅甸"));
}

TEST(PostTest, FormerPostsAndEarlierTermsGiveNoRelation) {
  graph::Article a =
      One("5月6日,政协第十届委员会第三次会议开幕。十届区政协原主席孔德明,七届区政协主席韩立,"
          "区政协副主席冯涛等出席。");
  EXPECT_FALSE(FindRelation(a, RelationType::kHoldsPosition, "孔德明"));
  EXPECT_FALSE(FindRelation(a, RelationType::kHoldsPosition, "韩立"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "冯涛"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "韩立"));
}

TEST(PostTest, PostOfAStateWithoutABodyTargetsTheCountry) {
  graph::Article a = One("5月6日,越南驻沪总领事阮文海出席。中国驻日本大使王立出席。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "阮文海", "越南"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "王立", "中国"));
}

TEST(PostTest, ForeignCityGovernmentKeepsItsPlainForm) {
  graph::Article a = One("5月6日,市长会见了坦桑尼亚姆万扎市市长约翰·马古利。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "约翰·马古利", "姆万扎市政府"));
}

TEST(PostTest, DepartmentHeadShorthand) {
  graph::Article a = One("5月6日,市委常委、宣传部长孟凡出席。");
  const graph::Relation* r = FindRelation(a, RelationType::kHoldsPosition, "孟凡", "市委宣传部");
  EXPECT_NE(r, nullptr);
}

TEST(PostTest, ImpliedBodyTakesThePlaceOfThePreviousBody) {
  graph::Article a = One("5月6日,峡江县委书记、县长王海出席。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "王海", "峡江县委"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "王海", "峡江县人民政府"));
}

TEST(PostTest, RegionalChairHeadsTheRegionsGovernment) {
  graph::Article a = One("5月6日,南宁市举行活动。自治区副主席黄立出席。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "黄立", "广西壮族自治区人民政府"));
}

TEST(PostTest, PrefecturesAndRegionsPartyCommittees) {
  graph::Article a = One("5月6日,伊犁州召开会议。州党委副书记、州长叶尔肯·沙吾提出席。");
  const graph::Relation* r = FindRelation(a, RelationType::kHoldsPosition, "叶尔肯·沙吾提");
  ASSERT_NE(r, nullptr);
  EXPECT_NE(r->target.find("党委"), std::string::npos) << r->target;
}

TEST(PostTest, ConsulInAFourCharacterCityServesTheState) {
  graph::Article a =
      One("5月6日,州长会见了哈萨克斯坦驻乌鲁木齐总领事努尔兰·卡里莫夫。总领馆愿提供便利。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "努尔兰·卡里莫夫", "哈萨克斯坦"));
  EXPECT_EQ(CountEntities(a, EntityType::kInstitution), 1);  // 总领馆 alone
}

TEST(PostTest, AppointmentFromAFormerPost) {
  graph::Article a = One("5月6日,会议决定任命原县农业农村局局长葛长林为县人民政府办公室主任。");
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "任命原县农业农村局"));
  const graph::Relation* r = FindRelation(a, RelationType::kHoldsPosition, "葛长林");
  ASSERT_NE(r, nullptr);
  EXPECT_NE(r->target.find("办公室"), std::string::npos) << r->target;
}

TEST(PostTest, PostAfterAListMarkKeepsTheBody) {
  graph::Article a = One("5月6日,上海健康医学院党委书记范永康、副校长倪晓岚出席。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "倪晓岚", "上海健康医学院"));
}

TEST(PostTest, NewDistrictKeepsItsLevelBeforeItsCommittee) {
  graph::Article a = One("5月6日,滨海新区召开会议。区委副书记、区长韦振东出席。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "韦振东", "滨海新区区委"));
}

TEST(PostTest, PrefectureShorthandWhenTheEventIsElsewhere) {
  graph::Article a =
      One("4月18日,临夏州招商引资推介会在厦门举行。厦门市副市长林川出席。"
          "州委副书记、州长马青推介临夏。厦门市商务局参加。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "马青", "临夏州人民政府"));
}

TEST(PostTest, ResignationAndActingAppointment) {
  graph::Article a =
      One("5月6日,会议接受穆建军辞去县人民政府县长职务的请求,决定康中杰为县人民政府"
          "代理县长。康中杰、闫玉娥进行宪法宣誓。");
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "穆建军"));
  EXPECT_FALSE(FindRelation(a, RelationType::kHoldsPosition, "穆建军"));
  for (const auto& e : a.entities) {
    EXPECT_EQ(e.name.find("代理"), std::string::npos) << e.name;
  }
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "闫玉娥"));
}

TEST(PostTest, CourtsDeputiesHonorificsAndAdverbs) {
  graph::Article a =
      One("5月6日,市中院党组书记、院长慕容和平主持会议,副院长王中杰、李长河出席会议。"
          "检察长诸葛文斌依法列席会议。会议要求贯彻落实习近平主席关于国防动员工作的"
          "重要指示。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "市中级人民法院"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "王中杰", "市中级人民法院"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "李长河", "市中级人民法院"));
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "诸葛文斌"));
  EXPECT_TRUE(HasEntity(a, EntityType::kPerson, "习近平"));
  EXPECT_FALSE(FindRelation(a, RelationType::kAttended, "习近平"));
}

TEST(PostTest, ANoteOnHowThePostIsHeldBelongsToIt) {
  graph::Article a =
      One("5月6日,疏附县委副书记（挂职）郑和平出席。派出所教导员达娃央宗作交流发言。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "郑和平", "疏附县委"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "达娃央宗"));
}

TEST(PostTest, PresidiumIsNoPost) {
  graph::Article a = One("5月6日,大会开幕。领导在主席台前排就座。");
  EXPECT_EQ(CountEntities(a, EntityType::kPerson), 0);
}

// Institutions

TEST(InstitutionKindTest, BodiesWithoutTheUsualEndings) {
  graph::Article a =
      One("5月6日,华夏机械厂、东风农场、县府办、地区行政公署、世界卫生组织、"
          "北海市驻京联络处负责人参加座谈。");
  for (const char* name :
       {"华夏机械厂", "东风农场", "地区行政公署", "世界卫生组织", "北海市驻京联络处"}) {
    EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, name)) << name;
  }
}

TEST(InstitutionKindTest, NamesListedBeforeAKindOfBodyAreBodies) {
  graph::Article a =
      One("5月6日,北岭大学、星河互娱、云帆等4家单位代表发言。会议邀请了蓝鲸汽车和"
          "飞燕电动车等行业龙头企业。张伟、李强等企业负责人参加。");
  for (const char* name : {"北岭大学", "星河互娱", "云帆", "蓝鲸汽车", "飞燕电动车"}) {
    EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, name)) << name;
  }
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "张伟"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "李强"));
}

TEST(InstitutionKindTest, UnitsPrintedAfterTheirBody) {
  graph::Article a = One("5月6日,江西理工大学科技处、招生就业处负责人参加活动。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "江西理工大学科技处"));
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "江西理工大学招生就业处"));
}

TEST(InstitutionKindTest, AbbreviatedZoneInsideANameIsTheSameBody) {
  graph::Article a =
      One("5月6日,榆林高新技术产业开发区管委会主任常平出席。榆林高新区管委会与"
          "东方电气集团签约。");
  EXPECT_EQ(CountEntities(a, EntityType::kInstitution), 2);
  EXPECT_TRUE(
      FindRelation(a, RelationType::kSignedWith, "榆林高新技术产业开发区管委会", "东方电气集团"));
}

TEST(InstitutionKindTest, StudyGroupOfAPartyCommittee) {
  graph::Article a = One("5月6日,阜阳市委理论学习中心组举行集体学习。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "阜阳市委理论学习中心组"));
}

TEST(InstitutionEdgeTest, WordsEndingLikeABoundaryStayInTheName) {
  graph::Article a =
      One("5月6日,广河县人民政府与厦门鹭通供应链有限公司签约。浙江工业大学校地合作推进会举行。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "厦门鹭通供应链有限公司"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "浙江工业大学校"));
}

TEST(InstitutionGenericTest, ATermInsideACongresssNameIsTheCongress) {
  graph::Article a = One("5月6日,沂水县第十八届人大常委会举行会议。沂水县人大常委会主任王明主持。");
  EXPECT_EQ(CountEntities(a, EntityType::kInstitution), 1);
}

TEST(InstitutionKindTest, CompaniesByTheirShortNames) {
  graph::Article a =
      One("5月6日,副市长凌峰走访了黄桃深加工企业炎农果业,随后来到示范园和延红果业"
          "加工车间。在唐崖茶业生产车间,企业董事长黄德馨介绍了情况。全市现代农业"
          "发展良好。");
  for (const char* name : {"炎农果业", "延红果业", "唐崖茶业"}) {
    EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, name)) << name;
  }
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "现代农业"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "黄德馨", "唐崖茶业"));
}

TEST(InstitutionKindTest, VenueOfTheMeetingIsAPlace) {
  graph::Article a = One("5月6日,签约仪式在于都县行政中心举行。大会在榆林国际会展中心隆重开幕。");
  EXPECT_EQ(CountEntities(a, EntityType::kInstitution), 0);
}

TEST(InstitutionKindTest, BareCompanyIsTheCompanyJustNamed) {
  graph::Article a =
      One("5月6日,调研组来到宁夏西吉薯都农业科技有限公司。公司总经理苏文斌介绍,"
          "今年企业带动农户种植马铃薯。");
  EXPECT_TRUE(
      FindRelation(a, RelationType::kHoldsPosition, "苏文斌", "宁夏西吉薯都农业科技有限公司"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "苏文斌"));
}

TEST(InstitutionKindTest, OneCharacterCountyKeepsItsLevelBeforeItsCommittee) {
  graph::Article a = One("5月6日,临县召开会议。县委书记郝建军主持。副县长王海出席。");
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "郝建军", "临县县委"));
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "王海", "临县人民政府"));
}

TEST(InstitutionEdgeTest, LeftEdgeStopsAtWordsOfTheSentence) {
  graph::Article a =
      One("5月6日,应东江大学邀请,世界500强企业华远集团参加。就南宁市第三中学"
          "建设问题,双方交换意见。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "东江大学"));
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "南宁市第三中学"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "应东江大学"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "就南宁市第三中学"));
  EXPECT_FALSE(HasEntity(a, EntityType::kInstitution, "强企业华远集团"));
}

TEST(InstitutionEdgeTest, KnownNamesAreNotSplitAtPrepositions) {
  graph::Article a = One("5月6日,对外经济贸易大学、同方股份有限公司派员参加。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "对外经济贸易大学"));
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "同方股份有限公司"));
}

TEST(InstitutionGenericTest, DeterminersAndSessionsNameNoBody) {
  graph::Article a =
      One("5月6日,两地政协负责人参加。十五届人大三次会议召开。广大政协委员积极建言。");
  EXPECT_EQ(CountEntities(a, EntityType::kInstitution), 0);
}

TEST(InstitutionGenericTest, ATermCommitteeIsTheBody) {
  graph::Article a = One("5月6日,东江区文联第五届委员会第一次会议召开,东江区文联主席马力主持。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "东江区文联第五届委员会"));
  EXPECT_EQ(CountEntities(a, EntityType::kInstitution), 1);
}

TEST(InstitutionGenericTest, AFormalNameIsTheEverydayBody) {
  graph::Article a =
      One("5月6日,中国人民政治协商会议黔东南苗族侗族自治州第十届委员会第三次会议开幕。"
          "州政协主席王明主持。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution,
                        "中国人民政治协商会议黔东南苗族侗族自治州第十届委员会"));
  EXPECT_EQ(CountEntities(a, EntityType::kInstitution), 1);
  EXPECT_TRUE(FindRelation(a, RelationType::kHoldsPosition, "王明", "黔东南州政协"));
}

TEST(InstitutionGenericTest, ATermOfTheCppccIsTheCppcc) {
  graph::Article a = One("5月6日,政协林芝市第五届委员会第四次会议开幕。市政协主席王明主持。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "林芝市政协"));
  EXPECT_EQ(CountEntities(a, EntityType::kInstitution), 1);
}

TEST(InstitutionGenericTest, GovernmentOfTheItemsOwnUnlistedDistrict) {
  // 青溪区 is in no gazetteer, but the item is about it: its government is a
  // mainland 人民政府, not a foreign city's 政府.
  graph::Article a = One("5月6日,青溪区委书记柏林出席。青溪区政府与云岭大学签约。区长韦树出席。");
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "青溪区人民政府"));
  EXPECT_EQ(CountEntities(a, EntityType::kInstitution), 3);
}

TEST(CountryTest, ChinaCountsOnlyAsTheState) {
  EXPECT_FALSE(
      HasEntity(One("5月6日,中国(东江)自由贸易试验区揭牌。"), EntityType::kCountry, "中国"));
  EXPECT_TRUE(HasEntity(One("5月6日,新中国成立以来变化巨大。"), EntityType::kCountry, "中国"));
}

// Projects

TEST(ProjectPhraseTest, VerbAndDeterminerPhrasesAreNoProjects) {
  graph::Article a =
      One("5月6日,双方加快谋划合作项目落地,以实际行动支持东江企业参与"
          "城市更新项目建设,现场协调解决项目难题。");
  EXPECT_EQ(CountEntities(a, EntityType::kProject), 0);
}

TEST(ProjectPhraseTest, CompanyIsNeverAProject) {
  graph::Article a = One("5月6日,中国华东国际工程有限公司董事长出席。");
  EXPECT_EQ(CountEntities(a, EntityType::kProject), 0);
  EXPECT_TRUE(HasEntity(a, EntityType::kInstitution, "中国华东国际工程有限公司"));
}

TEST(ProjectPhraseTest, ActivitySeriesAndFestivalsAreEvents) {
  graph::Article a = One("5月6日,“对话东江”系列交流活动举行。双方办好“胞谊电影周”。");
  EXPECT_EQ(CountEntities(a, EntityType::kProject), 0);
}

TEST(ProjectPhraseTest, WhatIsBuiltTogetherIsAProject) {
  graph::Article a = One("5月6日,双方签约共建“高端锯床智能制造联合实验室”。");
  EXPECT_TRUE(HasEntity(a, EntityType::kProject, "高端锯床智能制造联合实验室"));
}

TEST(ProjectPhraseTest, PhasesPlansAndListsOfWhatIsBuilt) {
  graph::Article a =
      One("5月6日,在炎陵县竹木产业园二期项目现场,企业表示锂电池隔膜项目计划年内完成。"
          "双方将共建“苹果试验示范站”和“红枣科技小院”。此次集中开工项目共12个。");
  EXPECT_TRUE(HasEntity(a, EntityType::kProject, "炎陵县竹木产业园二期项目"));
  EXPECT_FALSE(HasEntity(a, EntityType::kProject, "锂电池隔膜项目计划"));
  EXPECT_TRUE(HasEntity(a, EntityType::kProject, "苹果试验示范站"));
  EXPECT_TRUE(HasEntity(a, EntityType::kProject, "红枣科技小院"));
  EXPECT_FALSE(HasEntity(a, EntityType::kProject, "此次集中开工项目"));
}

TEST(ProjectPhraseTest, TitleOfAWorkBeforeAHeadBelongsToTheName) {
  graph::Article a = One("5月6日,双方支持《江畔人家》大型实景演艺项目。");
  EXPECT_TRUE(HasEntity(a, EntityType::kProject, "江畔人家大型实景演艺项目"));
}

// Relations

TEST(SigningTest, RepresentativesSignForTheirBodies) {
  graph::Article a =
      One("5月6日,北岭大学副校长金晓东与东方电气集团副总经理周宁共同签署了合作备忘录。");
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "北岭大学", "东方电气集团"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "金晓东"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "周宁"));
}

TEST(SigningTest, SignersForBothSidesAddNoPair) {
  graph::Article a =
      One("5月6日,北岭大学与东方电气集团签署合作协议。北岭大学副校长金晓东与"
          "东方电气集团人事部部长周宁代表双方签署。");
  EXPECT_EQ(CountRelations(a, RelationType::kSignedWith), 1);
}

TEST(SigningTest, EachPartyWithThePartnerNamedInWhatItSigns) {
  graph::Article a =
      One("5月6日,甲公司、乙公司和丙公司分别与相关企业签订丁集团物流园项目、"
          "戊有限公司仓储项目和己集团冷链项目。");
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "甲公司", "丁集团"));
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "乙公司", "戊有限公司"));
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "丙公司", "己集团"));
  EXPECT_EQ(CountRelations(a, RelationType::kSignedWith), 3);
}

TEST(SigningTest, SubjectOfTheSentenceSignsInALaterClause) {
  graph::Article a =
      One("5月6日,北岭大学校长金晓东会见了东方电气集团董事长周宁一行,并与南江学院、"
          "西山学院分别签订合作协议。");
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "北岭大学", "南江学院"));
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "北岭大学", "西山学院"));
  EXPECT_FALSE(FindRelation(a, RelationType::kSignedWith, "东方电气集团", "南江学院"));
}

TEST(SigningTest, ThreePartiesSignWithTheOneAcrossTheJoiner) {
  graph::Article a = One("5月6日,甲公司、乙公司与丙大学三方签署合作协议。");
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "甲公司", "丙大学"));
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "乙公司", "丙大学"));
  EXPECT_FALSE(FindRelation(a, RelationType::kSignedWith, "甲公司", "乙公司"));
}

TEST(SigningTest, ThreePartyAgreementLinksEveryParty) {
  graph::Article a =
      One("5月6日,区卫生健康委、上海健康医学院与康越智能科技有限公司签署三方合作协议。");
  EXPECT_EQ(CountRelations(a, RelationType::kSignedWith), 3);
}

TEST(SigningTest, ListsOnBothSidesOfSeparatelyPairInOrder) {
  graph::Article a =
      One("5月6日,北岭大学农牧学院院长周长庚、生态学院院长王东分别与县农业农村局、"
          "县林业和草原局签订专项合作协议。");
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "北岭大学农牧学院", "县农业农村局"));
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "生态学院", "县林业和草原局"));
  EXPECT_EQ(CountRelations(a, RelationType::kSignedWith), 2);
}

TEST(SigningTest, PartiesNamedInsideTheTitle) {
  graph::Article a = One("5月6日,双方签署《北岭大学与东方电气集团战略合作协议》。");
  EXPECT_TRUE(FindRelation(a, RelationType::kSignedWith, "北岭大学", "东方电气集团"));
}

TEST(ChairTest, ChairsNamedByAppointmentAlsoAttendWhenSeated) {
  graph::Article a =
      One("5月6日,大会开幕。区政协副主席钱伟、宋立在主席台就座。"
          "开幕会的执行主席由钱伟、宋立担任。");
  for (const char* name : {"钱伟", "宋立"}) {
    EXPECT_TRUE(FindRelation(a, RelationType::kChaired, name)) << name;
    EXPECT_TRUE(FindRelation(a, RelationType::kAttended, name)) << name;
  }
}

TEST(ChairTest, ChairWhoSpeaksInTheSameSentenceOnlyChairs) {
  graph::Article a = One("5月6日,区委书记钱伟主持会议并讲话。");
  EXPECT_TRUE(FindRelation(a, RelationType::kChaired, "钱伟"));
  EXPECT_FALSE(FindRelation(a, RelationType::kAttended, "钱伟"));
}

TEST(AttendedTest, AdverbBeforeATriggerKeepsEveryoneBeforeIt) {
  graph::Article a = One("5月6日,市长马力率团参加。市委常委、副市长张远,副市长白云一同参加。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "张远"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "白云"));
}

TEST(AttendedTest, WhatSomeoneToldTheReporterIsNoAttendance) {
  graph::Article a =
      One("5月6日,招聘会举行。据东江电器有限公司人力资源总监黎敏介绍,公司计划招聘"
          "300人。公司总经理苏文介绍了企业情况。");
  EXPECT_FALSE(FindRelation(a, RelationType::kAttended, "黎敏"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "苏文"));
}

TEST(AttendedTest, EachOfAListSpeaksWhenSeparatelyComesEarlier) {
  graph::Article a =
      One("5月6日,会议召开。副县长滕云山、秦晓丹,县委常委朱永华分别就分管工作作了发言。");
  for (const char* name : {"滕云山", "秦晓丹", "朱永华"}) {
    EXPECT_TRUE(FindRelation(a, RelationType::kAttended, name)) << name;
  }
}

TEST(AttendedTest, WhoReadsOutOrPassesOnSpeaks) {
  graph::Article a =
      One("5月6日,会议召开。市委常委孙涛传达了省委会议精神。秘书长钱进宣读了表彰决定。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "孙涛"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "钱进"));
}

TEST(AttendedTest, DelegationIsNoVerbOfRepresenting) {
  graph::Article a = One("5月6日,市委副书记李鸣,市委常委陈芳等与代表团进行了联欢。");
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "李鸣"));
  EXPECT_TRUE(FindRelation(a, RelationType::kAttended, "陈芳"));
}

}  // namespace
}  // namespace guanxi::extract
