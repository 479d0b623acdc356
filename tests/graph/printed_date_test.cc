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

TEST(FullDateTest, ReadsDatesWithTheirYear) {
  EXPECT_EQ(ParseFullDate("发布时间:2020-04-08 08:47:07"), (FullDate{2020, 4, 8}));
  EXPECT_EQ(ParseFullDate("2019/11/5"), (FullDate{2019, 11, 5}));
  EXPECT_EQ(ParseFullDate("2019.11.05"), (FullDate{2019, 11, 5}));
  EXPECT_EQ(ParseFullDate("新华社北京2023年3月10日电"), (FullDate{2023, 3, 10}));
  EXPECT_EQ(ParseFullDate("2024-02-29"), (FullDate{2024, 2, 29}));
  EXPECT_EQ(ParseFullDate("2023-02-29"), std::nullopt);
  EXPECT_EQ(ParseFullDate("3月10日"), std::nullopt);
  EXPECT_EQ(ParseFullDate("12023-01-01"), std::nullopt);
  EXPECT_EQ(ParseFullDate("2022年项目"), std::nullopt);
  EXPECT_EQ(ToIso(FullDate{2024, 1, 2}), "2024-01-02");
  EXPECT_EQ(AddDays(FullDate{2024, 3, 1}, -1), (FullDate{2024, 2, 29}));
  EXPECT_EQ(AddDays(FullDate{2023, 12, 31}, 1), (FullDate{2024, 1, 1}));
}

TEST(ResolvePrintedDateTest, MonthAndDayTakeThePagesYear) {
  const FullDate page{2024, 3, 12};
  EXPECT_EQ(ResolvePrintedDate("3月10日", page), (FullDate{2024, 3, 10}));
  EXPECT_EQ(ResolvePrintedDate("12月11日至12日", page), (FullDate{2023, 12, 11}));
  EXPECT_EQ(ResolvePrintedDate("3月10日", std::nullopt), std::nullopt);
}

TEST(ResolvePrintedDateTest, DecemberOnAJanuaryPageIsThePreviousYear) {
  EXPECT_EQ(ResolvePrintedDate("12月30日", FullDate{2024, 1, 2}), (FullDate{2023, 12, 30}));
  EXPECT_EQ(ResolvePrintedDate("1月2日", FullDate{2023, 12, 30}), (FullDate{2024, 1, 2}));
}

TEST(ResolvePrintedDateTest, PrintedYearWins) {
  EXPECT_EQ(ResolvePrintedDate("2017年3月24日", FullDate{2024, 1, 1}), (FullDate{2017, 3, 24}));
  EXPECT_EQ(ResolvePrintedDate("2017年3月24日", std::nullopt), (FullDate{2017, 3, 24}));
}

TEST(ResolvePrintedDateTest, BareDayTakesTheNearestMonth) {
  EXPECT_EQ(ResolvePrintedDate("19日", FullDate{2024, 11, 20}), (FullDate{2024, 11, 19}));
  EXPECT_EQ(ResolvePrintedDate("30日", FullDate{2024, 12, 1}), (FullDate{2024, 11, 30}));
  EXPECT_EQ(ResolvePrintedDate("31日", FullDate{2025, 1, 2}), (FullDate{2024, 12, 31}));
  EXPECT_EQ(ResolvePrintedDate("19日", std::nullopt), std::nullopt);
}

TEST(ResolvePrintedDateTest, RelativeWords) {
  const FullDate page{2024, 3, 1};
  EXPECT_EQ(ResolvePrintedDate("昨天", page), (FullDate{2024, 2, 29}));
  EXPECT_EQ(ResolvePrintedDate("昨日", page), (FullDate{2024, 2, 29}));
  EXPECT_EQ(ResolvePrintedDate("前天", page), (FullDate{2024, 2, 28}));
  EXPECT_EQ(ResolvePrintedDate("今天", page), page);
  EXPECT_EQ(ResolvePrintedDate("近日", page), page);
  EXPECT_EQ(ResolvePrintedDate("日前", page), page);
  EXPECT_EQ(ResolvePrintedDate("是日", page), std::nullopt);
  EXPECT_EQ(ResolvePrintedDate("当天", page), std::nullopt);
  EXPECT_EQ(ResolvePrintedDate("", page), std::nullopt);
  EXPECT_EQ(ResolvePrintedDate("昨天", std::nullopt), std::nullopt);
}

TEST(DateBoundTest, TypedBoundsWithAndWithoutYear) {
  EXPECT_EQ(ParseDateBound("2024-01-01"), PartialDate(FullDate{2024, 1, 1}));
  EXPECT_EQ(ParseDateBound("2024年1月1日"), PartialDate(FullDate{2024, 1, 1}));
  EXPECT_EQ(ParseDateBound("7-16"), PartialDate(MonthDay{7, 16}));
  EXPECT_EQ(ParseDateBound("7月16日"), PartialDate(MonthDay{7, 16}));
  EXPECT_EQ(ParseDateBound("yesterday"), std::nullopt);
  EXPECT_EQ(ParseDateBound("2024-02-30"), std::nullopt);
}

TEST(DateBoundTest, YearsAreComparedOnlyWhenBothHaveOne) {
  const PartialDate since_2024 = FullDate{2024, 1, 1};
  EXPECT_TRUE(NotAfter(since_2024, FullDate{2024, 1, 1}));
  EXPECT_FALSE(NotAfter(since_2024, FullDate{2023, 12, 30}));
  EXPECT_TRUE(NotAfter(since_2024, FullDate{2025, 1, 1}));
  EXPECT_TRUE(NotAfter(since_2024, MonthDay{3, 5}));  // an item without a year
  EXPECT_TRUE(NotAfter(MonthDay{7, 1}, FullDate{2019, 7, 16}));
  EXPECT_FALSE(NotAfter(MonthDay{8, 1}, FullDate{2019, 7, 16}));
  EXPECT_EQ(ItemDate("7月16日", "2019-07-16"), PartialDate(FullDate{2019, 7, 16}));
  EXPECT_EQ(ItemDate("7月16日", ""), PartialDate(MonthDay{7, 16}));
  EXPECT_EQ(ItemDate("近日", ""), std::nullopt);
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

// Two meetings on the same month and day, a year apart, and one in between.
TEST(DateRangeTest, FullDateBoundsCompareYears) {
  GraphData data;
  data.articles = {{1, "a.txt", "去年", "7月16日", "2023-07-16"},
                   {2, "b.txt", "今年", "7月16日", "2024-07-16"},
                   {3, "c.txt", "无年份", "7月16日", ""}};
  for (int64_t id : {1, 2}) data.entities.push_back({id, EntityType::kPerson, "p", {}});
  for (int64_t id : {20, 21, 22}) data.entities.push_back({id, EntityType::kEvent, "e", {}});
  for (int64_t a : {1, 2, 3}) {
    for (int64_t person : {1, 2}) {
      RelationRecord relation;
      relation.id = a * 10 + person;
      relation.source_id = person;
      relation.target_id = 19 + a;
      relation.article_id = a;
      data.relations.push_back(relation);
    }
  }
  KnowledgeGraph graph(std::move(data));
  auto relations_in = [&](const PathFilter& filter) {
    std::vector<int64_t> ids;
    for (const RelationRecord& relation : graph.Neighbourhood(1, 2, filter).relations) {
      ids.push_back(relation.id);
    }
    return ids;
  };
  PathFilter since_2024;
  since_2024.since = *ParseDateBound("2024-01-01");
  EXPECT_EQ(relations_in(since_2024), (std::vector<int64_t>{21, 22, 31, 32}));
  PathFilter in_2023;
  in_2023.since = *ParseDateBound("2023-01-01");
  in_2023.until = *ParseDateBound("2023-12-31");
  EXPECT_EQ(relations_in(in_2023), (std::vector<int64_t>{11, 12, 31, 32}));
  PathFilter july;
  july.since = MonthDay{7, 1};
  july.until = MonthDay{7, 31};
  EXPECT_EQ(relations_in(july), (std::vector<int64_t>{11, 12, 21, 22, 31, 32}));
}

}  // namespace
}  // namespace guanxi::graph
