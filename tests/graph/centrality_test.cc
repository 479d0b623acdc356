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

}  // namespace
}  // namespace guanxi::graph
