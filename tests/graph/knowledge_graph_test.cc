#include "graph/knowledge_graph.h"

#include <algorithm>
#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "graph/status.h"

namespace guanxi::graph {
namespace {

// A small hand graph:
//
//   张三(1) -attended-> 会议(2) <-attended- 李四(3) -holds_position-> 市政府(4)
//                        |                                           ^
//                     held_at                          王五(5) -holds_position
//                        v
//                     北京(7)                 孤立(6): no relations
//
// Relations 10, 11, 14 come from article 100; 12, 13 from article 101.
GraphData HandGraph() {
  GraphData data;
  data.entities = {
      {1, EntityType::kPerson, "张三", {"张书记"}},
      {2, EntityType::kEvent, "会议", {}},
      {3, EntityType::kPerson, "李四", {}},
      {4, EntityType::kInstitution, "市政府", {"政府"}},
      {5, EntityType::kPerson, "王五", {}},
      {6, EntityType::kPerson, "孤立", {}},
      {7, EntityType::kPlace, "北京", {}},
  };
  data.articles = {{100, "a.txt", "开会", "7月1日"}, {101, "b.txt", "任职", ""}};
  const auto relation = [](int64_t id, RelationType type, int64_t source, int64_t target,
                           int64_t article) {
    RelationRecord record;
    record.id = id;
    record.type = type;
    record.source_id = source;
    record.target_id = target;
    record.article_id = article;
    record.evidence.sentence = "句子" + std::to_string(id);
    return record;
  };
  data.relations = {
      relation(10, RelationType::kAttended, 1, 2, 100),
      relation(11, RelationType::kAttended, 3, 2, 100),
      relation(12, RelationType::kHoldsPosition, 3, 4, 101),
      relation(13, RelationType::kHoldsPosition, 5, 4, 101),
      relation(14, RelationType::kHeldAt, 2, 7, 100),
  };
  return data;
}

std::vector<int64_t> EntityIds(const GraphData& data) {
  std::vector<int64_t> ids;
  for (const EntityRecord& entity : data.entities) ids.push_back(entity.id);
  return ids;
}
std::vector<int64_t> RelationIds(const GraphData& data) {
  std::vector<int64_t> ids;
  for (const RelationRecord& relation : data.relations) ids.push_back(relation.id);
  return ids;
}
std::vector<int64_t> ArticleIds(const GraphData& data) {
  std::vector<int64_t> ids;
  for (const ArticleRecord& article : data.articles) ids.push_back(article.id);
  return ids;
}

using Ids = std::vector<int64_t>;

TEST(KnowledgeGraphTest, ShortestPathGoesThroughSharedEvent) {
  const KnowledgeGraph graph(HandGraph());
  const std::optional<ConnectionPath> path = graph.ShortestPath(1, 3);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->entity_ids, (Ids{1, 2, 3}));
  EXPECT_EQ(path->relation_ids, (Ids{10, 11}));
}

TEST(KnowledgeGraphTest, ShortestPathFollowsRelationsAgainstTheirDirection) {
  const KnowledgeGraph graph(HandGraph());
  const std::optional<ConnectionPath> path = graph.ShortestPath(5, 1);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->entity_ids, (Ids{5, 4, 3, 2, 1}));
  EXPECT_EQ(path->relation_ids, (Ids{13, 12, 11, 10}));
}

TEST(KnowledgeGraphTest, ShortestPathTakesFewestHops) {
  GraphData data = HandGraph();
  RelationRecord shortcut;
  shortcut.id = 15;
  shortcut.type = RelationType::kHoldsPosition;
  shortcut.source_id = 1;
  shortcut.target_id = 4;
  shortcut.article_id = 101;
  data.relations.push_back(shortcut);
  const KnowledgeGraph graph(std::move(data));
  const std::optional<ConnectionPath> path = graph.ShortestPath(1, 5);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->entity_ids, (Ids{1, 4, 5}));
  EXPECT_EQ(path->relation_ids, (Ids{15, 13}));
}

TEST(KnowledgeGraphTest, NoPathIsNullopt) {
  const KnowledgeGraph graph(HandGraph());
  EXPECT_FALSE(graph.ShortestPath(1, 6).has_value());
  EXPECT_FALSE(graph.ShortestPath(6, 1).has_value());
}

TEST(KnowledgeGraphTest, UnknownEntityHasNoPath) {
  const KnowledgeGraph graph(HandGraph());
  EXPECT_FALSE(graph.ShortestPath(1, 99).has_value());
  EXPECT_FALSE(graph.ShortestPath(99, 99).has_value());
}

TEST(KnowledgeGraphTest, PathFromEntityToItselfIsThatEntity) {
  const KnowledgeGraph graph(HandGraph());
  const std::optional<ConnectionPath> path = graph.ShortestPath(6, 6);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->entity_ids, (Ids{6}));
  EXPECT_TRUE(path->relation_ids.empty());
}

TEST(KnowledgeGraphTest, NeighbourhoodOfDepthOneHoldsDirectNeighbours) {
  const KnowledgeGraph graph(HandGraph());
  const GraphData near = graph.Neighbourhood(3, 1);
  EXPECT_EQ(EntityIds(near), (Ids{2, 3, 4}));
  EXPECT_EQ(RelationIds(near), (Ids{11, 12}));
  EXPECT_EQ(ArticleIds(near), (Ids{100, 101}));
}

TEST(KnowledgeGraphTest, NeighbourhoodOfDepthTwoReachesFurther) {
  const KnowledgeGraph graph(HandGraph());
  const GraphData near = graph.Neighbourhood(3, 2);
  EXPECT_EQ(EntityIds(near), (Ids{1, 2, 3, 4, 5, 7}));
  EXPECT_EQ(RelationIds(near), (Ids{10, 11, 12, 13, 14}));
}

TEST(KnowledgeGraphTest, NeighbourhoodKeepsOnlyRelationsInsideIt) {
  const KnowledgeGraph graph(HandGraph());
  // Depth 1 around 张三 reaches 会议 but not 李四, so relation 11 stays out.
  const GraphData near = graph.Neighbourhood(1, 1);
  EXPECT_EQ(EntityIds(near), (Ids{1, 2}));
  EXPECT_EQ(RelationIds(near), (Ids{10}));
  EXPECT_EQ(ArticleIds(near), (Ids{100}));
}

TEST(KnowledgeGraphTest, NeighbourhoodOfDepthZeroIsTheCenter) {
  const KnowledgeGraph graph(HandGraph());
  const GraphData near = graph.Neighbourhood(3, 0);
  EXPECT_EQ(EntityIds(near), (Ids{3}));
  EXPECT_TRUE(near.relations.empty());
  EXPECT_TRUE(near.articles.empty());
  EXPECT_TRUE(graph.Neighbourhood(99, 2).entities.empty());
}

TEST(KnowledgeGraphTest, FindByNameMatchesCanonicalNamesAndAliases) {
  GraphData data = HandGraph();
  data.entities.push_back({8, EntityType::kInstitution, "张三", {}});
  const KnowledgeGraph graph(std::move(data));
  EXPECT_EQ(graph.FindByName("张书记"), (Ids{1}));
  EXPECT_EQ(graph.FindByName("政府"), (Ids{4}));
  EXPECT_EQ(graph.FindByName("张三"), (Ids{1, 8}));
  EXPECT_TRUE(graph.FindByName("张").empty());
}

TEST(KnowledgeGraphTest, RelationsOfCountsBothDirections) {
  const KnowledgeGraph graph(HandGraph());
  std::vector<int64_t> ids;
  for (const RelationRecord* relation : graph.RelationsOf(2)) ids.push_back(relation->id);
  EXPECT_EQ(ids, (Ids{10, 11, 14}));
  EXPECT_EQ(graph.Degree(2), 3u);
  EXPECT_EQ(graph.Degree(4), 2u);
  EXPECT_EQ(graph.Degree(6), 0u);
  EXPECT_EQ(graph.Degree(99), 0u);
  EXPECT_TRUE(graph.RelationsOf(99).empty());
}

TEST(KnowledgeGraphTest, FindReturnsRecordsOrNull) {
  const KnowledgeGraph graph(HandGraph());
  ASSERT_NE(graph.FindEntity(4), nullptr);
  EXPECT_EQ(graph.FindEntity(4)->name, "市政府");
  ASSERT_NE(graph.FindRelation(12), nullptr);
  EXPECT_EQ(graph.FindRelation(12)->source_id, 3);
  ASSERT_NE(graph.FindArticle(101), nullptr);
  EXPECT_EQ(graph.FindArticle(101)->path, "b.txt");
  EXPECT_EQ(graph.FindEntity(99), nullptr);
  EXPECT_EQ(graph.FindRelation(99), nullptr);
  EXPECT_EQ(graph.FindArticle(99), nullptr);
}

TEST(KnowledgeGraphTest, SelectGivesPathRecordsInPathOrder) {
  const KnowledgeGraph graph(HandGraph());
  const std::optional<ConnectionPath> path = graph.ShortestPath(7, 5);
  ASSERT_TRUE(path.has_value());
  const GraphData selection = graph.Select(*path);
  EXPECT_EQ(EntityIds(selection), (Ids{7, 2, 3, 4, 5}));
  EXPECT_EQ(RelationIds(selection), (Ids{14, 11, 12, 13}));
  EXPECT_EQ(ArticleIds(selection), (Ids{100, 101}));
}

TEST(KnowledgeGraphTest, RelationWithUnknownEndpointJoinsNothing) {
  GraphData data = HandGraph();
  RelationRecord dangling;
  dangling.id = 16;
  dangling.source_id = 6;
  dangling.target_id = 42;  // no such entity
  dangling.article_id = 100;
  data.relations.push_back(dangling);
  const KnowledgeGraph graph(std::move(data));
  EXPECT_EQ(graph.Degree(6), 0u);
  EXPECT_NE(graph.FindRelation(16), nullptr);
  EXPECT_FALSE(graph.ShortestPath(6, 1).has_value());
}

TEST(KnowledgeGraphTest, MovedGraphKeepsAnsweringAndRecordPointers) {
  KnowledgeGraph original(HandGraph());
  const EntityRecord* entity = original.FindEntity(3);
  // The CLI returns graphs in a Result; that must not lose anything.
  Result<KnowledgeGraph> moved(std::move(original));
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->FindEntity(3), entity);
  const std::optional<ConnectionPath> path = moved->ShortestPath(1, 5);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->entity_ids, (Ids{1, 2, 3, 4, 5}));
}

}  // namespace
}  // namespace guanxi::graph
