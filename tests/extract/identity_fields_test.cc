// The fields graph/identity reads: an item's outlet (来源 lines), its place and
// place code, and each institution's place code and unresolved flag
// (place_codes.h, body_places.txt). Sentences and outlets are made up for the
// tests.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "extract/extract_json.h"
#include "extract/page_furniture.h"
#include "extract/page_splitter.h"
#include "extract/place_codes.h"
#include "extract/text_util.h"
#include "tests/extract/test_util.h"

namespace guanxi::extract {
namespace {

using testing::ExtractOrDie;
using testing::OneItem;

const Lexicon& Lex() { return Lexicon::Default(); }

// The institution of `article` named `name`, or nullptr.
const graph::Entity* Institution(const graph::Article& article, std::string_view name) {
  for (const graph::Entity& e : article.entities) {
    if (e.type == graph::EntityType::kInstitution && e.name == name) return &e;
  }
  return nullptr;
}

std::string Code(std::u32string_view name, std::string_view item_code = "") {
  return BodyPlaceCode(name, item_code, Lex());
}

// --- outlet ---

TEST(OutletTest, ReadFromASourceLineWithoutItsFurniture) {
  struct Case {
    std::u32string_view line;
    std::string outlet;
  };
  for (const Case& c :
       {Case{U"来源：南岭晨报", "南岭晨报"}, Case{U"来源: 南岭晨报  作者:方小雨", "南岭晨报"},
        Case{U"稿件来源:南岭晨报", "南岭晨报"},
        Case{U"信息来源：南岭县融媒体中心　责任编辑：方小雨", "南岭县融媒体中心"},
        Case{U"发布时间：2026-11-20 09:30　来源：南岭新闻网　【字号 大 中 小】", "南岭新闻网"},
        Case{U"2026-11-20 09:30 来源:南岭新闻网", "南岭新闻网"},
        Case{U"来源：南岭晨报 | 作者：方小雨 | 2026-11-20 12:30", "南岭晨报"},
        Case{U"来源：南岭晨报作者：方小雨", "南岭晨报"}, Case{U"【来源】南岭晨报", "南岭晨报"}}) {
    EXPECT_EQ(ToUtf8(OutletOf(c.line)), c.outlet) << ToUtf8(c.line);
  }
  // No outlet: a body line, a photo's source, an empty label, another label.
  for (std::u32string_view line :
       {U"来源于群众的智慧。", U"图片来源：南岭晨报", U"来源：", U"责任编辑：方小雨"}) {
    EXPECT_EQ(ToUtf8(OutletOf(line)), "") << ToUtf8(line);
  }
}

TEST(OutletTest, AnItemsSourceLineGivesItsOutlet) {
  graph::Page page = ExtractOrDie(
      "南岭镇举办秋季农产品展销会\n\n"
      "发布时间：2026-11-20 09:30　来源：南岭晨报　作者：方小雨\n\n"
      "11月19日，南岭镇举办秋季农产品展销会，200余家农户参展。\n");
  ASSERT_EQ(page.articles.size(), 1u);
  EXPECT_EQ(page.articles[0].outlet, "南岭晨报");
}

TEST(OutletTest, ThePagesSourceLineServesItemsWithoutTheirOwn) {
  graph::Page page = ExtractOrDie(
      "来源：南岭晨报\n\n"
      "甲镇召开秋收工作会\n\n"
      "本报讯(记者 方小雨)11月19日，甲镇召开秋收工作会，部署秋收秋种工作。\n\n"
      "乙村举办丰收节\n\n"
      "本报讯(记者 方小雨)11月20日，乙村举办丰收节，村民载歌载舞庆丰收。\n\n"
      "稿件来源：东江通讯社\n");
  ASSERT_EQ(page.articles.size(), 2u);
  EXPECT_EQ(page.articles[0].outlet, "南岭晨报");
  EXPECT_EQ(page.articles[1].outlet, "东江通讯社");
}

TEST(OutletTest, EmptyWhenThePagePrintsNone) {
  EXPECT_EQ(OneItem("11月19日，甲镇召开秋收工作会。").outlet, "");
}

// --- the item's place ---

TEST(ItemPlaceTest, AnItemAboutACountyGetsItsCode) {
  graph::Article a = OneItem(
      "11月19日，峡江县召开冬季农田水利建设推进会。县委书记罗文清主持会议并讲话，"
      "县委副书记、县长邓海波作工作部署。");
  EXPECT_EQ(a.place, "峡江县");
  EXPECT_EQ(a.place_code, "360823");
}

TEST(ItemPlaceTest, AnItemAboutACityGetsTheCitysCode) {
  graph::Article a = OneItem("11月19日，贵阳市召开数字经济发展大会，贵阳市市长出席。");
  EXPECT_EQ(a.place, "贵阳市");
  EXPECT_EQ(a.place_code, "5201");
}

TEST(ItemPlaceTest, ANameOfSeveralPlacesTakesTheSenseOfItsParents) {
  ItemPlace place = PlaceOfItem(InferLocality(U"长春市朝阳区召开安全生产会议。", Lex()), Lex());
  EXPECT_EQ(ToUtf8(place.name), "朝阳区");
  EXPECT_EQ(place.code, "220104");
}

TEST(ItemPlaceTest, ATownIsNotThePlaceItsCountyIs) {
  ItemPlace place = PlaceOfItem(InferLocality(U"马埠镇举办农民运动会。", Lex()), Lex());
  EXPECT_EQ(ToUtf8(place.name), "峡江县");
  EXPECT_EQ(place.code, "360823");
}

TEST(ItemPlaceTest, EmptyWithoutAPlace) {
  graph::Article a = OneItem("11月19日，县委书记罗文清主持召开专题会议。");
  EXPECT_EQ(a.place, "");
  EXPECT_EQ(a.place_code, "");
}

// --- institutions ---

TEST(BodyPlaceTest, ShorthandResolvedByTheItemsPlaceGetsItsCode) {
  graph::Article a = OneItem(
      "11月19日，峡江县召开冬季农田水利建设推进会。县委书记罗文清主持会议并讲话，"
      "县委副书记、县长邓海波作工作部署。");
  const graph::Entity* committee = Institution(a, "峡江县委");
  ASSERT_NE(committee, nullptr);
  EXPECT_EQ(committee->place_code, "360823");
  EXPECT_FALSE(committee->unresolved);
  const graph::Entity* government = Institution(a, "峡江县人民政府");
  ASSERT_NE(government, nullptr);
  EXPECT_EQ(government->place_code, "360823");
  EXPECT_FALSE(government->unresolved);
}

TEST(BodyPlaceTest, ShorthandInAnItemWithoutAPlaceIsUnresolved) {
  graph::Article a = OneItem("11月19日，县委书记罗文清主持召开专题会议，研究冬季农田水利建设。");
  const graph::Entity* committee = Institution(a, "县委");
  ASSERT_NE(committee, nullptr);
  EXPECT_TRUE(committee->unresolved);
  EXPECT_EQ(committee->place_code, "");
}

TEST(BodyPlaceTest, ANationalMinistryIsNeitherUnresolvedNorPlaced) {
  graph::Article a = OneItem("11月19日，外交部副部长林思远会见来访的客人，双方就合作交换意见。");
  const graph::Entity* ministry = Institution(a, "外交部");
  ASSERT_NE(ministry, nullptr);
  EXPECT_FALSE(ministry->unresolved);
  EXPECT_EQ(ministry->place_code, "");
}

TEST(BodyPlaceTest, CodeOfThePlaceTheNameStartsWith) {
  EXPECT_EQ(Code(U"峡江县委"), "360823");
  EXPECT_EQ(Code(U"重庆文理学院"), "50");
  EXPECT_EQ(Code(U"黔东南州政协"), "5226");
  EXPECT_EQ(Code(U"中共峡江县委"), "360823");          // after a formal prefix
  EXPECT_EQ(Code(U"贵港市港北区人民政府"), "450802");  // the district printed after its city
}

TEST(BodyPlaceTest, ANameOfSeveralPlacesTakesTheSenseOfTheItemsPlace) {
  EXPECT_EQ(Code(U"朝阳区人民法院", "2201"), "220104");
  EXPECT_EQ(Code(U"朝阳区人民法院", "110105"), "110105");
  EXPECT_EQ(Code(U"朝阳区人民法院"), "110105");  // the primary sense
}

TEST(BodyPlaceTest, NoCodeForCountriesRegionsAndWeakShortForms) {
  EXPECT_EQ(Code(U"中国人民银行"), "");
  EXPECT_EQ(Code(U"俄罗斯联邦滨海边疆区政府"), "");
  EXPECT_EQ(Code(U"川渝合作示范区管委会"), "");  // a region without a code
  EXPECT_EQ(Code(U"外交部"), "");
  EXPECT_EQ(Code(U"大阪市政府"), "");
  // A county's short form counts only in the item's place.
  EXPECT_EQ(Code(U"峡江中学", "4419"), "");
  EXPECT_EQ(Code(U"峡江中学", "3608"), "360823");
}

TEST(BodyPlaceTest, ATownsBodyGetsItsCountysCodeInTheItemsPlace) {
  EXPECT_EQ(Code(U"马埠镇人民政府", "360823"), "360823");
  EXPECT_EQ(Code(U"马埠镇人民政府", "5001"), "");
}

TEST(UnresolvedTest, BareLevelsDeicticsAndGenericKinds) {
  for (std::u32string_view name :
       {U"县委",           U"县人民政府",   U"市政协",     U"自治区", U"区委统战部",
        U"自治州人民政府", U"镇党委",       U"街道党工委", U"村委会", U"中共县委",
        U"我校",           U"我县人民医院", U"本公司",     U"该公司", U"此单位",
        U"集团公司",       U"公司",         U"统战部",     U"组织部", U"宣传部",
        U"党委",           U"纪委",         U"办公室",     U"总工会", U"政协"}) {
    EXPECT_TRUE(IsUnresolvedBody(name, Lex())) << ToUtf8(name);
  }
}

TEST(UnresolvedTest, NationalBodiesAndNamesWithAPlaceAreResolved) {
  for (std::u32string_view name :
       {U"中共中央",       U"国务院",         U"全国人大常委会", U"全国政协",       U"外交部",
        U"商务部",         U"国家发展改革委", U"峡江县委",       U"中共峡江县委",   U"重庆文理学院",
        U"黔东南州政协",   U"市中区人民政府", U"本溪市人民政府", U"马埠镇人民政府", U"中国人民银行",
        U"美国驻华大使馆", U"市场监督管理局", U"区块链研究院",   U"我国驻外使馆",   U""}) {
    EXPECT_FALSE(IsUnresolvedBody(name, Lex())) << ToUtf8(name);
  }
}

// --- JSON ---

TEST(IdentityJsonTest, ArticlesAndInstitutionsCarryTheFields) {
  graph::Page page;
  page.path = "page.txt";
  graph::Article a;
  a.title = "标题";
  a.outlet = "南岭晨报";
  a.place = "峡江县";
  a.place_code = "360823";
  graph::Entity placed{graph::EntityType::kInstitution, "峡江县委", {}};
  placed.place_code = "360823";
  graph::Entity shorthand{graph::EntityType::kInstitution, "县委", {}};
  shorthand.unresolved = true;
  a.entities = {placed, shorthand};
  page.articles.push_back(a);
  std::ostringstream out;
  WriteExtractJson(page, out);
  nlohmann::json j = nlohmann::json::parse(out.str());
  const auto& art = j["articles"][0];
  EXPECT_EQ(art["outlet"], "南岭晨报");
  EXPECT_EQ(art["place"], "峡江县");
  EXPECT_EQ(art["place_code"], "360823");
  EXPECT_EQ(art["entities"][0]["place_code"], "360823");
  EXPECT_FALSE(art["entities"][0].contains("unresolved"));
  EXPECT_EQ(art["entities"][1]["unresolved"], true);
  EXPECT_FALSE(art["entities"][1].contains("place_code"));
}

TEST(IdentityJsonTest, EmptyFieldsOfAnArticleArePrintedEmpty) {
  graph::Page page;
  page.path = "page.txt";
  page.articles.push_back(graph::Article{});
  std::ostringstream out;
  WriteExtractJson(page, out);
  nlohmann::json j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["articles"][0]["outlet"], "");
  EXPECT_EQ(j["articles"][0]["place"], "");
  EXPECT_EQ(j["articles"][0]["place_code"], "");
}

// --- national leaders ---

const graph::Entity* Person(const graph::Article& article, std::string_view name) {
  for (const graph::Entity& e : article.entities) {
    if (e.type == graph::EntityType::kPerson && e.name == name) return &e;
  }
  return nullptr;
}

TEST(NationalTitleTest, ATitleOnlyANationalLeaderHoldsGivesTheNationalPlace) {
  const graph::Article article = OneItem(
      "11月20日，南岭县召开干部大会，传达学习张振华总书记重要讲话精神。"
      "县委书记李明远主持会议并讲话。");
  const graph::Entity* leader = Person(article, "张振华");
  ASSERT_NE(leader, nullptr);
  EXPECT_EQ(leader->place_code, graph::kNationalPlaceCode);
  const graph::Entity* local = Person(article, "李明远");
  ASSERT_NE(local, nullptr);
  EXPECT_EQ(local->place_code, "");
}

}  // namespace
}  // namespace guanxi::extract
