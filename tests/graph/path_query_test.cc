// KnowledgeGraph's filtered connection queries: ShortestPath with a
// PathFilter, AllShortestPaths, KShortestPaths, filtered Neighbourhood.

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/path_filter.h"
#include "tests/graph/graph_builder.h"

namespace guanxi::graph {
namespace {

using Ids = std::vector<int64_t>;
using RT = RelationType;
using ET = EntityType;

// Two people joined through a hub and, the long way, through two events:
//
//   1 (person) -holds_position 20-> 9 (institution) <-holds_position 21- 2 (person)
//   1 -attended 22-> 3 (event) <-attended 23- 4 (person) -attended 24-> 5 (event)
//   2 -attended 25-> 5
GraphBuilder HubGraph() {
  GraphBuilder builder;
  builder.Entity(1)
      .Entity(2)
      .Entity(9, ET::kInstitution)
      .Entity(3, ET::kEvent)
      .Entity(4)
      .Entity(5, ET::kEvent);
  builder.Relation(20, 1, 9, RT::kHoldsPosition)
      .Relation(21, 2, 9, RT::kHoldsPosition)
      .Relation(22, 1, 3)
      .Relation(23, 4, 3)
      .Relation(24, 4, 5)
      .Relation(25, 2, 5);
  return builder;
}

// 1 - {2, 3} - 4 - {5, 6} - 7: two diamonds in a row, four shortest paths.
GraphBuilder DoubleDiamond() {
  GraphBuilder builder;
  for (int64_t id = 1; id <= 7; ++id) builder.Entity(id);
  builder.Relation(10, 1, 2).Relation(11, 1, 3).Relation(12, 2, 4).Relation(13, 3, 4);
  builder.Relation(14, 4, 5).Relation(15, 4, 6).Relation(16, 5, 7).Relation(17, 6, 7);
  return builder;
}

std::vector<Ids> EntitySequences(const std::vector<ConnectionPath>& paths) {
  std::vector<Ids> sequences;
  for (const ConnectionPath& path : paths) sequences.push_back(path.entity_ids);
  return sequences;
}

Ids EntityIds(const GraphData& data) {
  Ids ids;
  for (const EntityRecord& entity : data.entities) ids.push_back(entity.id);
  return ids;
}
Ids RelationIds(const GraphData& data) {
  Ids ids;
  for (const RelationRecord& relation : data.relations) ids.push_back(relation.id);
  return ids;
}

// A simple path from `from` to `to` whose every relation joins its neighbours.
void ExpectValidPath(const KnowledgeGraph& graph, const ConnectionPath& path, int64_t from,
                     int64_t to) {
  ASSERT_FALSE(path.entity_ids.empty());
  EXPECT_EQ(path.entity_ids.front(), from);
  EXPECT_EQ(path.entity_ids.back(), to);
  ASSERT_EQ(path.relation_ids.size() + 1, path.entity_ids.size());
  EXPECT_EQ(std::set<int64_t>(path.entity_ids.begin(), path.entity_ids.end()).size(),
            path.entity_ids.size())
      << "an entity repeats";
  for (size_t i = 0; i < path.relation_ids.size(); ++i) {
    const RelationRecord* relation = graph.FindRelation(path.relation_ids[i]);
    ASSERT_NE(relation, nullptr);
    const std::set<int64_t> ends{relation->source_id, relation->target_id};
    EXPECT_EQ(ends, (std::set<int64_t>{path.entity_ids[i], path.entity_ids[i + 1]}))
        << "relation " << relation->id << " at hop " << i;
  }
}

// The lengths of every simple path from `from` to `to`, shortest first,
// found by brute force over the entity pairs the relations join.
std::vector<size_t> AllSimplePathLengths(const GraphData& data, int64_t from, int64_t to) {
  std::map<int64_t, std::set<int64_t>> neighbours;
  for (const RelationRecord& relation : data.relations) {
    if (relation.source_id == relation.target_id) continue;
    neighbours[relation.source_id].insert(relation.target_id);
    neighbours[relation.target_id].insert(relation.source_id);
  }
  std::vector<size_t> lengths;
  std::set<int64_t> on_path{from};
  const std::function<void(int64_t, size_t)> walk = [&](int64_t entity, size_t length) {
    if (entity == to) {
      lengths.push_back(length);
      return;
    }
    for (int64_t next : neighbours[entity]) {
      if (!on_path.insert(next).second) continue;
      walk(next, length + 1);
      on_path.erase(next);
    }
  };
  walk(from, 0);
  std::sort(lengths.begin(), lengths.end());
  return lengths;
}

TEST(PathFilterTest, DefaultFilterGivesTheUnfilteredShortestPath) {
  const KnowledgeGraph graph = HubGraph().Build();
  const std::optional<ConnectionPath> path = graph.ShortestPath(1, 2, PathFilter{});
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->entity_ids, (Ids{1, 9, 2}));
  EXPECT_EQ(path->relation_ids, (Ids{20, 21}));
  EXPECT_EQ(graph.ShortestPath(1, 2)->entity_ids, path->entity_ids);
}

TEST(PathFilterTest, ExcludingTheHubRemovesThePathThroughIt) {
  const KnowledgeGraph graph = HubGraph().Build();
  PathFilter filter;
  filter.excluded_ids = {9};
  const std::optional<ConnectionPath> path = graph.ShortestPath(1, 2, filter);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->entity_ids, (Ids{1, 3, 4, 5, 2}));
  EXPECT_EQ(path->relation_ids, (Ids{22, 23, 24, 25}));

  // With the long way cut too, nothing is left.
  filter.excluded_ids = {9, 4};
  EXPECT_FALSE(graph.ShortestPath(1, 2, filter).has_value());
}

TEST(PathFilterTest, ExcludedEntitiesMayStillBeEndpoints) {
  const KnowledgeGraph graph = HubGraph().Build();
  PathFilter filter;
  filter.excluded_ids = {9};
  const std::optional<ConnectionPath> path = graph.ShortestPath(9, 2, filter);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->entity_ids, (Ids{9, 2}));
  ASSERT_TRUE(graph.ShortestPath(4, 9, filter).has_value());
  EXPECT_EQ(graph.ShortestPath(4, 9, filter)->entity_ids, (Ids{4, 3, 1, 9}));
}

TEST(PathFilterTest, RelationTypeFilterKeepsOnlyThoseHops) {
  const KnowledgeGraph graph = HubGraph().Build();
  PathFilter filter;
  filter.relation_types = {RT::kAttended};
  const std::optional<ConnectionPath> path = graph.ShortestPath(1, 2, filter);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->entity_ids, (Ids{1, 3, 4, 5, 2}));
  for (int64_t id : path->relation_ids) EXPECT_EQ(graph.FindRelation(id)->type, RT::kAttended);

  filter.relation_types = {RT::kHoldsPosition};
  EXPECT_EQ(graph.ShortestPath(1, 2, filter)->entity_ids, (Ids{1, 9, 2}));
  filter.relation_types = {RT::kHeldAt};
  EXPECT_FALSE(graph.ShortestPath(1, 2, filter).has_value());
}

TEST(PathFilterTest, ViaTypesPersonAndEventOnly) {
  const KnowledgeGraph graph = HubGraph().Build();
  PathFilter filter;
  filter.via_types = {ET::kPerson, ET::kEvent};
  EXPECT_EQ(graph.ShortestPath(1, 2, filter)->entity_ids, (Ids{1, 3, 4, 5, 2}));
  // An institution is still allowed at either end.
  EXPECT_EQ(graph.ShortestPath(9, 4, filter)->entity_ids, (Ids{9, 1, 3, 4}));

  filter.via_types = {ET::kInstitution};
  EXPECT_EQ(graph.ShortestPath(1, 2, filter)->entity_ids, (Ids{1, 9, 2}));
  filter.via_types = {ET::kPlace};
  EXPECT_FALSE(graph.ShortestPath(1, 2, filter).has_value());
  // Neighbours need no intermediate at all.
  EXPECT_EQ(graph.ShortestPath(1, 3, filter)->entity_ids, (Ids{1, 3}));
}

TEST(PathFilterTest, MaxHopsCutsLongerPaths) {
  const KnowledgeGraph graph = HubGraph().Build();
  PathFilter filter;
  filter.max_hops = 1;
  EXPECT_FALSE(graph.ShortestPath(1, 2, filter).has_value());
  filter.max_hops = 2;
  EXPECT_TRUE(graph.ShortestPath(1, 2, filter).has_value());

  filter.excluded_ids = {9};
  filter.max_hops = 3;
  EXPECT_FALSE(graph.ShortestPath(1, 2, filter).has_value());
  EXPECT_TRUE(graph.AllShortestPaths(1, 2, filter).empty());
  EXPECT_TRUE(graph.KShortestPaths(1, 2, 5, filter).empty());
  filter.max_hops = 4;
  EXPECT_TRUE(graph.ShortestPath(1, 2, filter).has_value());

  filter.max_hops = 0;
  EXPECT_EQ(graph.ShortestPath(4, 4, filter)->entity_ids, (Ids{4}));
}

TEST(AllShortestPathsTest, AllShortestPathsCountsDiamond) {
  GraphBuilder builder;
  for (int64_t id = 1; id <= 4; ++id) builder.Entity(id);
  builder.Relation(10, 1, 2).Relation(11, 1, 3).Relation(12, 2, 4).Relation(13, 3, 4);
  const KnowledgeGraph graph = builder.Build();
  const std::vector<ConnectionPath> paths = graph.AllShortestPaths(1, 4, PathFilter{});
  EXPECT_EQ(EntitySequences(paths), (std::vector<Ids>{{1, 2, 4}, {1, 3, 4}}));
  EXPECT_EQ(paths[0].relation_ids, (Ids{10, 12}));
  EXPECT_EQ(paths[1].relation_ids, (Ids{11, 13}));
}

TEST(AllShortestPathsTest, AllShortestPathsCountsDoubleDiamond) {
  const KnowledgeGraph graph = DoubleDiamond().Build();
  const std::vector<ConnectionPath> paths = graph.AllShortestPaths(1, 7, PathFilter{});
  EXPECT_EQ(EntitySequences(paths), (std::vector<Ids>{
                                        {1, 2, 4, 5, 7},
                                        {1, 2, 4, 6, 7},
                                        {1, 3, 4, 5, 7},
                                        {1, 3, 4, 6, 7},
                                    }));
  for (const ConnectionPath& path : paths) ExpectValidPath(graph, path, 1, 7);
  // The other way round, the same four reversed.
  EXPECT_EQ(graph.AllShortestPaths(7, 1, PathFilter{}).size(), 4u);
}

TEST(AllShortestPathsTest, LimitKeepsTheFirstPathsById) {
  const KnowledgeGraph graph = DoubleDiamond().Build();
  const std::vector<ConnectionPath> paths = graph.AllShortestPaths(1, 7, PathFilter{}, 3);
  EXPECT_EQ(EntitySequences(paths),
            (std::vector<Ids>{{1, 2, 4, 5, 7}, {1, 2, 4, 6, 7}, {1, 3, 4, 5, 7}}));
  EXPECT_TRUE(graph.AllShortestPaths(1, 7, PathFilter{}, 0).empty());
}

TEST(AllShortestPathsTest, ParallelRelationsDoNotMultiplyPaths) {
  GraphBuilder builder = DoubleDiamond();
  // 1 attended and chaired 2; two articles state 4 - 5.
  builder.Relation(30, 1, 2, RT::kChaired).Relation(8, 2, 1, RT::kMentionedIn);
  builder.Relation(31, 5, 4);
  const KnowledgeGraph graph = builder.Build();
  const std::vector<ConnectionPath> paths = graph.AllShortestPaths(1, 7, PathFilter{});
  ASSERT_EQ(paths.size(), 4u);
  // Each hop names the lowest relation id joining its two entities.
  EXPECT_EQ(paths[0].relation_ids, (Ids{8, 12, 14, 16}));

  // ... the lowest among the relation types allowed.
  PathFilter filter;
  filter.relation_types = {RT::kAttended, RT::kChaired};
  const std::vector<ConnectionPath> filtered = graph.AllShortestPaths(1, 7, filter);
  ASSERT_EQ(filtered.size(), 4u);
  EXPECT_EQ(filtered[0].relation_ids, (Ids{10, 12, 14, 16}));
  EXPECT_EQ(graph.KShortestPaths(1, 7, 20, PathFilter{}).size(), 4u);
}

TEST(AllShortestPathsTest, FiltersApply) {
  const KnowledgeGraph graph = DoubleDiamond().Build();
  PathFilter filter;
  filter.excluded_ids = {2, 6};
  EXPECT_EQ(EntitySequences(graph.AllShortestPaths(1, 7, filter)),
            (std::vector<Ids>{{1, 3, 4, 5, 7}}));
  filter.excluded_ids = {4};
  EXPECT_TRUE(graph.AllShortestPaths(1, 7, filter).empty());
}

TEST(AllShortestPathsTest, SameOrUnknownEntity) {
  const KnowledgeGraph graph = DoubleDiamond().Build();
  EXPECT_EQ(EntitySequences(graph.AllShortestPaths(4, 4, PathFilter{})), (std::vector<Ids>{{4}}));
  EXPECT_TRUE(graph.AllShortestPaths(1, 99, PathFilter{}).empty());
  EXPECT_TRUE(graph.KShortestPaths(99, 1, 3, PathFilter{}).empty());
}

// A graph with simple paths of many lengths from 1 to 7, and a parallel relation.
GraphBuilder Ladder() {
  GraphBuilder builder;
  for (int64_t id = 1; id <= 8; ++id) builder.Entity(id);
  builder.Relation(10, 1, 2).Relation(11, 2, 3).Relation(12, 3, 7);
  builder.Relation(13, 1, 4).Relation(14, 4, 5).Relation(15, 5, 6).Relation(16, 6, 7);
  builder.Relation(17, 2, 5).Relation(18, 3, 6).Relation(19, 4, 8).Relation(20, 8, 6);
  builder.Relation(21, 3, 2);
  return builder;
}

TEST(KShortestPathsTest, KShortestPathsInLengthOrderAndSimple) {
  const GraphBuilder builder = Ladder();
  const KnowledgeGraph graph = builder.Build();
  const std::vector<size_t> expected = AllSimplePathLengths(builder.data(), 1, 7);
  ASSERT_GT(expected.size(), 6u);
  ASSERT_LT(expected.size(), 20u);

  const std::vector<ConnectionPath> paths = graph.KShortestPaths(1, 7, 20, PathFilter{});
  std::vector<size_t> lengths;
  for (const ConnectionPath& path : paths) {
    ExpectValidPath(graph, path, 1, 7);
    lengths.push_back(path.relation_ids.size());
  }
  EXPECT_EQ(lengths, expected);  // every simple path, in length order
  const std::vector<Ids> sequences = EntitySequences(paths);
  EXPECT_EQ(std::set<Ids>(sequences.begin(), sequences.end()).size(), paths.size())
      << "a path repeats";
  EXPECT_EQ(paths.front().entity_ids, (Ids{1, 2, 3, 7}));
  // Equal lengths come by entity ids.
  for (size_t i = 1; i < paths.size(); ++i) {
    if (lengths[i] == lengths[i - 1]) {
      EXPECT_LT(sequences[i - 1], sequences[i]);
    }
  }
}

TEST(KShortestPathsTest, KLimitsTheCountAndKeepsTheShortest) {
  const GraphBuilder builder = Ladder();
  const KnowledgeGraph graph = builder.Build();
  const std::vector<size_t> expected = AllSimplePathLengths(builder.data(), 1, 7);
  const std::vector<ConnectionPath> paths = graph.KShortestPaths(1, 7, 3, PathFilter{});
  ASSERT_EQ(paths.size(), 3u);
  for (size_t i = 0; i < paths.size(); ++i) EXPECT_EQ(paths[i].relation_ids.size(), expected[i]);
  EXPECT_TRUE(graph.KShortestPaths(1, 7, 0, PathFilter{}).empty());
}

TEST(KShortestPathsTest, FilterAppliesToEveryPath) {
  const GraphBuilder builder = Ladder();
  const KnowledgeGraph graph = builder.Build();
  PathFilter filter;
  filter.excluded_ids = {5};
  filter.max_hops = 5;
  const std::vector<ConnectionPath> paths = graph.KShortestPaths(1, 7, 20, filter);
  ASSERT_FALSE(paths.empty());
  for (const ConnectionPath& path : paths) {
    ExpectValidPath(graph, path, 1, 7);
    EXPECT_EQ(std::count(path.entity_ids.begin(), path.entity_ids.end(), 5), 0);
    EXPECT_LE(path.relation_ids.size(), 5u);
  }
  // By hand: every other way runs into 1 or the excluded 5.
  EXPECT_EQ(EntitySequences(paths), (std::vector<Ids>{
                                        {1, 2, 3, 7},
                                        {1, 2, 3, 6, 7},
                                        {1, 4, 8, 6, 7},
                                        {1, 4, 8, 6, 3, 7},
                                    }));
}

TEST(NeighbourhoodFilterTest, DefaultFilterReachesThroughTheHub) {
  const KnowledgeGraph graph = HubGraph().Build();
  const GraphData near = graph.Neighbourhood(1, 2, PathFilter{});
  EXPECT_EQ(EntityIds(near), (Ids{1, 2, 3, 4, 9}));
  EXPECT_EQ(RelationIds(near), (Ids{20, 21, 22, 23}));
}

TEST(NeighbourhoodFilterTest, ExcludedEntitiesAreLeftOut) {
  const KnowledgeGraph graph = HubGraph().Build();
  PathFilter filter;
  filter.excluded_ids = {9};
  const GraphData near = graph.Neighbourhood(1, 2, filter);
  EXPECT_EQ(EntityIds(near), (Ids{1, 3, 4}));
  EXPECT_EQ(RelationIds(near), (Ids{22, 23}));
  // ... except the center.
  EXPECT_EQ(EntityIds(graph.Neighbourhood(9, 1, filter)), (Ids{1, 2, 9}));
}

TEST(NeighbourhoodFilterTest, OtherViaTypesAreKeptButNotExpanded) {
  const KnowledgeGraph graph = HubGraph().Build();
  PathFilter filter;
  filter.via_types = {ET::kPerson};
  const GraphData near = graph.Neighbourhood(1, 3, filter);
  EXPECT_EQ(EntityIds(near), (Ids{1, 3, 9}));
  EXPECT_EQ(RelationIds(near), (Ids{20, 22}));
}

TEST(NeighbourhoodFilterTest, RelationTypesAndMaxHopsApply) {
  const KnowledgeGraph graph = HubGraph().Build();
  PathFilter filter;
  filter.relation_types = {RT::kHoldsPosition};
  GraphData near = graph.Neighbourhood(1, 2, filter);
  EXPECT_EQ(EntityIds(near), (Ids{1, 2, 9}));
  EXPECT_EQ(RelationIds(near), (Ids{20, 21}));

  filter = PathFilter{};
  filter.max_hops = 1;
  near = graph.Neighbourhood(1, 2, filter);
  EXPECT_EQ(EntityIds(near), (Ids{1, 3, 9}));
}

}  // namespace
}  // namespace guanxi::graph
