#include "graph/identity/identity.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace guanxi::identity {
namespace {

using graph::Article;
using graph::EntityType;
using graph::Relation;
using graph::RelationType;

Relation Post(const std::string& person, const std::string& body) {
  Relation relation;
  relation.type = RelationType::kHoldsPosition;
  relation.source = person;
  relation.target = body;
  relation.title = "书记";
  return relation;
}

TEST(PlacesNestTest, CodesNestByPrefix) {
  EXPECT_TRUE(PlacesNest("50", "500118"));
  EXPECT_TRUE(PlacesNest("500118", "50"));
  EXPECT_TRUE(PlacesNest("500118", "500118"));
  EXPECT_FALSE(PlacesNest("500118", "500151"));
  EXPECT_FALSE(PlacesNest("36", "522625"));
  EXPECT_FALSE(PlacesNest("", "50"));
  EXPECT_FALSE(PlacesNest("", ""));
  // A national leader's code nests only with itself.
  EXPECT_TRUE(PlacesNest(graph::kNationalPlaceCode, graph::kNationalPlaceCode));
  EXPECT_FALSE(PlacesNest(graph::kNationalPlaceCode, "50"));
  // Places the gazetteer lacks nest by their whole name.
  EXPECT_TRUE(PlacesNest("@青溪区", "@青溪区"));
  EXPECT_FALSE(PlacesNest("@青溪", "@青溪区"));
  EXPECT_FALSE(PlacesNest("@青溪区", "50"));
}

TEST(EvidenceTest, APlaceMissingFromTheGazetteerCountsByName) {
  Article article;
  article.place = "青溪区";
  article.entities = {{EntityType::kPerson, "戴书远", {}}};
  EXPECT_EQ(EvidenceOf(article, "戴书远").place_codes, std::vector<std::string>{"@青溪区"});
}

TEST(ScopeTest, EventsAndUnresolvedShorthandBelongToTheirItem) {
  EXPECT_EQ(ScopeOf({EntityType::kEvent, "会议", {}}), Scope::kItem);
  EXPECT_EQ(ScopeOf({EntityType::kInstitution, "县委", {}, "", true}), Scope::kItem);
  EXPECT_EQ(ScopeOf({EntityType::kInstitution, "峡江县委", {}, "360823", false}), Scope::kGraph);
  EXPECT_EQ(ScopeOf({EntityType::kPerson, "罗勇", {}}), Scope::kGraph);
}

TEST(EvidenceTest, BodiesGiveThePlaceElseTheItem) {
  Article article;
  article.place_code = "500118";
  article.entities = {{EntityType::kPerson, "罗勇", {}},
                      {EntityType::kPerson, "王芳", {}},
                      {EntityType::kInstitution, "峡江县委", {}, "360823", false},
                      {EntityType::kInstitution, "县委", {}, "", true}};
  article.relations = {Post("罗勇", "峡江县委"), Post("王芳", "县委")};
  const PersonEvidence visitor = EvidenceOf(article, "罗勇");
  EXPECT_EQ(visitor.place_codes, std::vector<std::string>{"360823"});
  EXPECT_EQ(visitor.bodies, std::vector<std::string>{"峡江县委"});
  // Unresolved shorthand is no body to share; the item's place stands in.
  const PersonEvidence host = EvidenceOf(article, "王芳");
  EXPECT_EQ(host.place_codes, std::vector<std::string>{"500118"});
  EXPECT_TRUE(host.bodies.empty());
}

TEST(EvidenceTest, ANationalLeaderHasTheNationalPlace) {
  Article article;
  article.place_code = "500118";
  article.entities = {{EntityType::kPerson, "某某", {}, graph::kNationalPlaceCode, false}};
  EXPECT_EQ(EvidenceOf(article, "某某").place_codes,
            std::vector<std::string>{graph::kNationalPlaceCode});
}

TEST(MatchPersonTest, SharedBodyBeatsPlace) {
  const std::vector<KnownPerson> known = {{1, {{"500118"}, {}}}, {2, {{"3608"}, {"峡江县委"}}}};
  const PersonMatch match = MatchPerson({{"50"}, {"峡江县委"}}, known);
  EXPECT_EQ(match.same_as, 2);
  EXPECT_NE(match.reason.find("峡江县委"), std::string::npos);
  EXPECT_TRUE(match.candidates.empty());
}

TEST(MatchPersonTest, NestedPlacesJoinTheOldest) {
  const std::vector<KnownPerson> known = {{1, {{"500118"}, {}}}, {2, {{"500151"}, {}}}};
  EXPECT_EQ(MatchPerson({{"50"}, {}}, known).same_as, 1);
  EXPECT_EQ(MatchPerson({{"500151"}, {}}, known).same_as, 2);
}

TEST(MatchPersonTest, PlacesApartOrUnknownGiveCandidates) {
  const std::vector<KnownPerson> known = {{1, {{"360823"}, {}}}, {2, {{}, {}}}};
  const PersonMatch match = MatchPerson({{"522625"}, {}}, known);
  EXPECT_FALSE(match.same_as.has_value());
  ASSERT_EQ(match.candidates.size(), 2u);
  EXPECT_EQ(match.candidates[0].id, 1);
  EXPECT_NE(match.candidates[0].reason.find("apart"), std::string::npos);
  EXPECT_NE(match.candidates[1].reason.find("only one"), std::string::npos);
  // No evidence on either side is no agreement.
  const PersonMatch blind = MatchPerson({}, {{3, {}}});
  EXPECT_FALSE(blind.same_as.has_value());
  EXPECT_NE(blind.candidates.at(0).reason.find("no place known"), std::string::npos);
}

TEST(ReprintDateTest, ItemsOfOtherDatesAreNoReprints) {
  EXPECT_TRUE(DatesAllowReprint("2026-03-02", "3月2日", "2026-03-02", "3月2日"));
  EXPECT_FALSE(DatesAllowReprint("2026-03-02", "3月2日", "2026-03-09", "3月9日"));
  EXPECT_FALSE(DatesAllowReprint("", "3月2日", "", "3月9日"));
  // Unknown on one side: the text decides.
  EXPECT_TRUE(DatesAllowReprint("", "", "2026-03-09", "3月9日"));
  EXPECT_TRUE(DatesAllowReprint("2026-03-02", "3月2日", "", ""));
}

TEST(ReprintLengthTest, ShortItemsAreNeverCompared) {
  EXPECT_FALSE(LongEnoughForReprint("开会：张三出席会议。"));
  EXPECT_TRUE(LongEnoughForReprint(std::string(kMinReprintCodePoints, 'a')));
  std::string chinese;
  for (size_t i = 0; i < kMinReprintCodePoints - 1; ++i) chinese += "会";
  EXPECT_FALSE(LongEnoughForReprint(chinese));
  EXPECT_TRUE(LongEnoughForReprint(chinese + "议"));
}

}  // namespace
}  // namespace guanxi::identity
