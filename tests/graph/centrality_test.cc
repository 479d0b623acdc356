#include "graph/centrality.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

#include "tests/graph/graph_builder.h"

namespace guanxi::graph {
namespace {

std::map<int64_t, double> BetweennessById(const GraphBuilder& builder) {
  std::map<int64_t, double> betweenness;
  for (const EntityCentrality& row : ComputeCentrality(builder.Build())) {
    betweenness[row.entity_id] = row.betweenness;
  }
  return betweenness;
}

TEST(CentralityTest, BetweennessOfStarCentreIsOneAndOfLeavesZero) {
  GraphBuilder star;
  star.Entity(1, EntityType::kInstitution);
  for (int64_t leaf = 2; leaf <= 6; ++leaf) star.Entity(leaf).Relation(10 + leaf, leaf, 1);
  const std::map<int64_t, double> betweenness = BetweennessById(star);
  EXPECT_DOUBLE_EQ(betweenness.at(1), 1.0);
  for (int64_t leaf = 2; leaf <= 6; ++leaf) EXPECT_DOUBLE_EQ(betweenness.at(leaf), 0.0) << leaf;
}

TEST(CentralityTest, BetweennessMatchesHandComputedPath) {
  GraphBuilder path;
  path.Entity(1).Entity(2).Entity(3).Relation(10, 1, 2).Relation(11, 2, 3);
  std::map<int64_t, double> betweenness = BetweennessById(path);
  EXPECT_DOUBLE_EQ(betweenness.at(1), 0.0);
  EXPECT_DOUBLE_EQ(betweenness.at(2), 1.0);
  EXPECT_DOUBLE_EQ(betweenness.at(3), 0.0);

  // 1-2-3-4: 2 lies on the paths 1-3 and 1-4, two of the three pairs without it.
  path.Entity(4).Relation(12, 3, 4);
  betweenness = BetweennessById(path);
  EXPECT_DOUBLE_EQ(betweenness.at(2), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(betweenness.at(3), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(betweenness.at(4), 0.0);
}

TEST(CentralityTest, ParallelRelationsAndSelfLoopsDoNotChangeBetweenness) {
  // The square 1-2-4-3-1: 2 is on one of the two shortest paths 1-4.
  GraphBuilder square;
  for (int64_t id = 1; id <= 4; ++id) square.Entity(id);
  square.Relation(10, 1, 2).Relation(11, 2, 4).Relation(12, 1, 3).Relation(13, 3, 4);
  const double expected = 2 * 0.5 / (3.0 * 2.0);  // (1,4) and (4,1), half each
  EXPECT_DOUBLE_EQ(BetweennessById(square).at(2), expected);

  square.Relation(14, 2, 1, RelationType::kChaired).Relation(15, 2, 2);
  const std::map<int64_t, double> betweenness = BetweennessById(square);
  EXPECT_DOUBLE_EQ(betweenness.at(2), expected);
  EXPECT_DOUBLE_EQ(betweenness.at(3), expected);
}

TEST(CentralityTest, DegreeCountsRelationsAndNeighboursCountsEntities) {
  GraphBuilder builder;
  builder.Entity(3).Entity(1).Entity(2).Entity(4);
  builder.Relation(10, 1, 2).Relation(11, 2, 1, RelationType::kChaired).Relation(12, 1, 1);
  builder.Relation(13, 1, 3);
  const std::vector<EntityCentrality> rows = ComputeCentrality(builder.Build());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].entity_id, 1);  // by id, whatever the input order
  EXPECT_EQ(rows[0].degree, 4u);
  EXPECT_EQ(rows[0].neighbours, 2u);
  EXPECT_EQ(rows[1].entity_id, 2);
  EXPECT_EQ(rows[1].degree, 2u);
  EXPECT_EQ(rows[1].neighbours, 1u);
  EXPECT_EQ(rows[3].entity_id, 4);
  EXPECT_EQ(rows[3].degree, 0u);
  EXPECT_EQ(rows[3].betweenness, 0.0);
}

TEST(CentralityTest, TwoEntitiesOrFewerHaveNoBetweenness) {
  GraphBuilder pair;
  pair.Entity(1).Entity(2).Relation(10, 1, 2);
  for (const EntityCentrality& row : ComputeCentrality(pair.Build())) {
    EXPECT_EQ(row.betweenness, 0.0);
  }
  EXPECT_TRUE(ComputeCentrality(GraphBuilder().Build()).empty());
}

std::map<int64_t, size_t> ContactsById(const GraphBuilder& builder) {
  std::map<int64_t, size_t> contacts;
  for (const EntityCentrality& row : ComputeCentrality(builder.Build())) {
    contacts[row.entity_id] = row.contacts;
  }
  return contacts;
}

TEST(CentralityTest, PeopleAtOneEventAreContactsAndTheEventIsNone) {
  // 1 and 2 attended event 10; 3 chaired it; 4 attended another event 11 alone.
  GraphBuilder builder;
  builder.Entity(1).Entity(2).Entity(3).Entity(4);
  builder.Entity(10, EntityType::kEvent).Entity(11, EntityType::kEvent);
  builder.Relation(20, 1, 10).Relation(21, 2, 10).Relation(22, 3, 10, RelationType::kChaired);
  builder.Relation(23, 4, 11);
  const std::map<int64_t, size_t> contacts = ContactsById(builder);
  EXPECT_EQ(contacts.at(1), 2u);  // 2 and 3, not the event
  EXPECT_EQ(contacts.at(3), 2u);
  EXPECT_EQ(contacts.at(4), 0u);
  EXPECT_EQ(contacts.at(10), 3u);  // an event's contacts are who it joins
  EXPECT_EQ(contacts.at(11), 1u);
}

TEST(CentralityTest, ABodyAndThePlaceOfAMeetingAreContacts) {
  // Person 1 holds a post in institution 5 and attended event 10, held at place 6.
  GraphBuilder builder;
  builder.Entity(1).Entity(5, EntityType::kInstitution).Entity(6, EntityType::kPlace);
  builder.Entity(10, EntityType::kEvent);
  builder.Relation(20, 1, 5, RelationType::kHoldsPosition).Relation(21, 1, 10);
  builder.Relation(22, 10, 6, RelationType::kHeldAt);
  const std::map<int64_t, size_t> contacts = ContactsById(builder);
  EXPECT_EQ(contacts.at(1), 2u);  // 5 directly, 6 through the meeting
  EXPECT_EQ(contacts.at(5), 1u);  // a body is not joined to its holder's meetings
  EXPECT_EQ(contacts.at(6), 1u);
}

TEST(CentralityTest, RepeatedMeetingsWithTheSamePeopleCountOnce) {
  // 1 meets 2 and 3 at five events (and holds two posts in 4, stated twice);
  // 5 meets 6, 7, 8 and 9 once each.
  GraphBuilder builder;
  for (int64_t id = 1; id <= 9; ++id) builder.Entity(id);
  int64_t relation = 100;
  for (int64_t event = 10; event < 15; ++event) {
    builder.Entity(event, EntityType::kEvent);
    for (int64_t person : {1, 2, 3}) builder.Relation(relation++, person, event);
  }
  builder.Relation(relation++, 1, 4, RelationType::kHoldsPosition);
  builder.Relation(relation++, 1, 4, RelationType::kHoldsPosition);
  for (int64_t other = 6; other <= 9; ++other) {
    builder.Entity(other + 20, EntityType::kEvent);
    builder.Relation(relation++, 5, other + 20);
    builder.Relation(relation++, other, other + 20);
  }
  const std::vector<EntityCentrality> rows = ComputeCentrality(builder.Build());
  const EntityCentrality& busy = rows[0];   // entity 1
  const EntityCentrality& broad = rows[4];  // entity 5
  ASSERT_EQ(busy.entity_id, 1);
  ASSERT_EQ(broad.entity_id, 5);
  EXPECT_EQ(busy.degree, 7u);
  EXPECT_EQ(busy.contacts, 3u);  // 2, 3 and 4
  EXPECT_EQ(broad.degree, 4u);
  EXPECT_EQ(broad.contacts, 4u);  // 6, 7, 8 and 9
}

TEST(CentralityTest, SelfRelationsAreNoContact) {
  GraphBuilder builder;
  builder.Entity(1).Entity(10, EntityType::kEvent);
  builder.Relation(20, 1, 1).Relation(21, 1, 10).Relation(22, 1, 10, RelationType::kChaired);
  EXPECT_EQ(ContactsById(builder).at(1), 0u);
}

// A ladder of `rungs` rungs: two rails joined at every step; middle rungs
// carry the most shortest paths.
GraphBuilder Ladder(int64_t rungs) {
  GraphBuilder ladder;
  int64_t relation = 1;
  for (int64_t i = 0; i < rungs; ++i) {
    ladder.Entity(2 * i + 1).Entity(2 * i + 2);
    ladder.Relation(relation++, 2 * i + 1, 2 * i + 2);
    if (i > 0) {
      ladder.Relation(relation++, 2 * i - 1, 2 * i + 1);
      ladder.Relation(relation++, 2 * i, 2 * i + 2);
    }
  }
  return ladder;
}

std::vector<double> Figures(const GraphBuilder& builder, const CentralityOptions& options) {
  std::vector<double> figures;
  for (const EntityCentrality& row : ComputeCentrality(builder.Build(), options)) {
    figures.push_back(row.betweenness);
  }
  return figures;
}

TEST(CentralityTest, SampledBetweennessFromEveryEntityIsExact) {
  const GraphBuilder ladder = Ladder(12);
  const std::vector<double> exact = Figures(ladder, {});
  const std::vector<double> sampled =
      Figures(ladder, {.betweenness = BetweennessMethod::kSampled, .pivots = 24, .seed = 7});
  ASSERT_EQ(sampled.size(), exact.size());
  for (size_t i = 0; i < exact.size(); ++i) EXPECT_NEAR(sampled[i], exact[i], 1e-12) << i;
}

TEST(CentralityTest, SampledBetweennessEstimatesAndRepeatsForOneSeed) {
  const GraphBuilder ladder = Ladder(100);
  const std::vector<double> exact = Figures(ladder, {});
  const CentralityOptions sample{.betweenness = BetweennessMethod::kSampled, .pivots = 60,
                                 .seed = 3};
  const std::vector<double> sampled = Figures(ladder, sample);
  EXPECT_EQ(Figures(ladder, sample), sampled);
  // The middle rung carries the most paths; 60 of 200 sources estimate it
  // within a fifth.
  const size_t middle = 100;
  EXPECT_NEAR(sampled[middle], exact[middle], 0.2 * exact[middle]);
  EXPECT_GT(sampled[middle], sampled[0]);
}

TEST(CentralityTest, SkippedBetweennessIsZeroAndContactsStay) {
  GraphBuilder star;
  star.Entity(1, EntityType::kInstitution);
  for (int64_t leaf = 2; leaf <= 6; ++leaf) star.Entity(leaf).Relation(10 + leaf, leaf, 1);
  for (const EntityCentrality& row :
       ComputeCentrality(star.Build(), {.betweenness = BetweennessMethod::kSkipped})) {
    EXPECT_EQ(row.betweenness, 0.0);
    EXPECT_EQ(row.contacts, row.entity_id == 1 ? 5u : 1u);
  }
}

}  // namespace
}  // namespace guanxi::graph
