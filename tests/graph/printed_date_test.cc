// Dates as printed in news items, and the date range of a PathFilter.

#include "graph/printed_date.h"

#include <gtest/gtest.h>

#include "graph/knowledge_graph.h"
#include "graph/path_filter.h"

namespace guanxi::graph {
namespace {

TEST(ParseMonthDayTest, ReadsPrintedAndTypedDates) {
  EXPECT_EQ(ParseMonthDay("7月16日"), (MonthDay{7, 16}));
  EXPECT_EQ(ParseMonthDay("11月3日下午"), (MonthDay{11, 3}));
  EXPECT_EQ(ParseMonthDay("12月11日至12日"), (MonthDay{12, 11}));
  EXPECT_EQ(ParseMonthDay("2025年4月18日"), (MonthDay{4, 18}));
  EXPECT_EQ(ParseMonthDay("7-16"), (MonthDay{7, 16}));
  EXPECT_EQ(ParseMonthDay("2025-07-06"), (MonthDay{7, 6}));
}

TEST(ParseMonthDayTest, DatesWithoutMonthAndDayGiveNothing) {
  EXPECT_EQ(ParseMonthDay("近日"), std::nullopt);
  EXPECT_EQ(ParseMonthDay("是日"), std::nullopt);
  EXPECT_EQ(ParseMonthDay(""), std::nullopt);
  EXPECT_EQ(ParseMonthDay("13月1日"), std::nullopt);
  EXPECT_EQ(ParseMonthDay("7-32"), std::nullopt);
  EXPECT_EQ(ParseMonthDay("2025年"), std::nullopt);
}

// Person 1 and person 2 meet at a March event and, the long way round
// (through person 3), at two July events; a third route goes through an
// undated item.
//   1 -r10(Mar)-> 20 <-r11(Mar)- 2
//   1 -r12(Jul)-> 21 <-r13(Jul)- 3 -r14(Jul)-> 22 <-r15(Jul)- 2
//   1 -r16(近日)-> 23 <-r17(近日)- 2
KnowledgeGraph Meetings() {
  GraphData data;
  data.articles = {{1, "a.txt", "三月", "3月5日"}, {2, "b.txt", "七月", "7月16日下午"},
                   {3, "c.txt", "近日", "近日"}};
  for (int64_t id : {1, 2, 3}) data.entities.push_back({id, EntityType::kPerson, "p", {}});
  for (int64_t id : {20, 21, 22, 23}) data.entities.push_back({id, EntityType::kEvent, "e", {}});
  auto attended = [&](int64_t id, int64_t person, int64_t event, int64_t article) {
    RelationRecord relation;
    relation.id = id;
    relation.source_id = person;
    relation.target_id = event;
    relation.article_id = article;
    data.relations.push_back(relation);
  };
  attended(10, 1, 20, 1);
  attended(11, 2, 20, 1);
  attended(12, 1, 21, 2);
  attended(13, 3, 21, 2);
  attended(14, 3, 22, 2);
  attended(15, 2, 22, 2);
  attended(16, 1, 23, 3);
  attended(17, 2, 23, 3);
  return KnowledgeGraph(std::move(data));
}

TEST(DateRangeTest, OnlyItemsWithinTheRangeJoinPeople) {
  KnowledgeGraph graph = Meetings();
  PathFilter july;
  july.since = MonthDay{7, 1};
  july.until = MonthDay{7, 31};
  std::optional<ConnectionPath> path = graph.ShortestPath(1, 2, july);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->relation_ids, (std::vector<int64_t>{12, 13, 14, 15}));

  std::optional<ConnectionPath> any = graph.ShortestPath(1, 2);
  ASSERT_TRUE(any.has_value());
  EXPECT_EQ(any->relation_ids.size(), 2u);
}

TEST(DateRangeTest, OpenEndsAndEmptyRanges) {
  KnowledgeGraph graph = Meetings();
  PathFilter until_march;
  until_march.until = MonthDay{3, 31};
  ASSERT_TRUE(graph.ShortestPath(1, 2, until_march).has_value());
  EXPECT_EQ(graph.ShortestPath(1, 2, until_march)->relation_ids,
            (std::vector<int64_t>{10, 11}));

  PathFilter august;
  august.since = MonthDay{8, 1};
  EXPECT_FALSE(graph.ShortestPath(1, 2, august).has_value());
  EXPECT_EQ(graph.Neighbourhood(1, 2, august).relations.size(), 0u);
}

TEST(DateRangeTest, NeighbourhoodKeepsOnlyRelationsInRange) {
  KnowledgeGraph graph = Meetings();
  PathFilter march;
  march.since = MonthDay{3, 1};
  march.until = MonthDay{3, 31};
  GraphData around = graph.Neighbourhood(1, 2, march);
  std::vector<int64_t> relations;
  for (const RelationRecord& relation : around.relations) relations.push_back(relation.id);
  EXPECT_EQ(relations, (std::vector<int64_t>{10, 11}));
}

}  // namespace
}  // namespace guanxi::graph
