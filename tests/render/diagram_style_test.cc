#include "render/diagram_style.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "tests/render/render_test_util.h"

namespace guanxi::render {
namespace {

TEST(EscapeLabelTest, BackslashesStayLiteralInsteadOfBecomingGraphvizEscapes) {
  EXPECT_EQ(EscapeLabel("a\\N\\G\\n"), "a\\\\N\\\\G\\\\n");
}

TEST(EscapeLabelTest, NewlineBecomesALineBreakEscape) {
  EXPECT_EQ(EscapeLabel("上\n下"), "上\\n下");
}

TEST(EscapeLabelTest, AmpersandIsEscapedSoEntitiesInNamesAreNotDecoded) {
  EXPECT_EQ(EscapeLabel("R&D &lt;"), "R&amp;D &amp;lt;");
}

TEST(EscapeLabelTest, QuotesAnglesAndChineseTextPassThrough) {
  EXPECT_EQ(EscapeLabel("\"关系\" <'x'>"), "\"关系\" <'x'>");
}

TEST(EscapeLabelTest, ControlCharactersBecomeReplacementCharacter) {
  EXPECT_EQ(EscapeLabel(std::string("a\x01"
                                    "b\tc",
                                    5)),
            "a\xEF\xBF\xBD"
            "b\tc");
}

TEST(StyleForTest, EveryEntityTypeHasItsOwnShapeAndColour) {
  std::set<std::string> shapes;
  std::set<std::string> colours;
  for (graph::EntityType type : graph::kAllEntityTypes) {
    shapes.insert(StyleFor(type).shape);
    colours.insert(StyleFor(type).fillcolor);
  }
  EXPECT_EQ(shapes.size(), std::size(graph::kAllEntityTypes));
  EXPECT_EQ(colours.size(), std::size(graph::kAllEntityTypes));
}

TEST(EdgeLabelTest, HoldsPositionShowsTheTitle) {
  graph::RelationRecord relation;
  relation.type = graph::RelationType::kHoldsPosition;
  relation.title = "市长";
  EXPECT_EQ(EdgeLabel(relation, nullptr), "任职\n市长");
}

TEST(EdgeLabelTest, AttendedShowsTheArticleDate) {
  graph::RelationRecord relation;
  relation.type = graph::RelationType::kAttended;
  const graph::ArticleRecord article{1, "a.txt", "标题", "7月16日"};
  EXPECT_EQ(EdgeLabel(relation, &article), "出席\n7月16日");
}

TEST(EdgeTooltipTest, NamesSentenceArticleTitleAndDate) {
  graph::RelationRecord relation;
  relation.evidence.sentence = "李强出席。";
  const graph::ArticleRecord article{1, "a.txt", "标题", "7月16日"};
  EXPECT_EQ(EdgeTooltip(relation, &article), "李强出席。\n《标题》 7月16日");
}

TEST(NodeTooltipTest, NamesTypeAndAliases) {
  const graph::EntityRecord entity{1, graph::EntityType::kPerson, "李强", {"李书记", "强"}};
  EXPECT_EQ(NodeTooltip(entity), "person\naliases: 李书记、强");
}

TEST(DegreesTest, CountsRelationsInAndOutWithinTheData) {
  const auto degrees = Degrees(testing::SampleGraph());
  EXPECT_EQ(degrees.at(testing::kLiQiang), 3u);
  EXPECT_EQ(degrees.at(testing::kSigning), 5u);
  EXPECT_EQ(degrees.at(testing::kExpoCentre), 1u);
}

TEST(NodeFontSizeTest, GrowsWithDegreeWithinBounds) {
  EXPECT_EQ(NodeFontSize(0), kMinNodeFontSize);
  EXPECT_EQ(NodeFontSize(1), kMinNodeFontSize);
  int previous = kMinNodeFontSize;
  for (std::size_t degree = 2; degree <= 4096; degree *= 2) {
    EXPECT_GE(NodeFontSize(degree), previous) << degree;
    previous = NodeFontSize(degree);
  }
  EXPECT_GT(NodeFontSize(8), NodeFontSize(2));
  EXPECT_EQ(NodeFontSize(100000), kMaxNodeFontSize);
}

TEST(EdgeMinLengthsTest, SmallSelectionKeepsEveryEdgeAtOneRank) {
  const graph::GraphData data = testing::SampleGraph();
  EXPECT_EQ(EdgeMinLengths(data), std::vector<int>(data.relations.size(), 1));
}

TEST(EdgeMinLengthsTest, ManySourceEntitiesAreStaggeredOverSeveralRanks) {
  // 40 people attending one event: 40 sources of the same rank.
  graph::GraphData data;
  data.entities.push_back({1000, graph::EntityType::kEvent, "会", {}});
  for (int i = 1; i <= 40; ++i) {
    data.entities.push_back({i, graph::EntityType::kPerson, "人" + std::to_string(i), {}});
    graph::RelationRecord relation;
    relation.id = i;
    relation.source_id = i;
    relation.target_id = 1000;
    data.relations.push_back(relation);
  }
  const std::vector<int> lengths = EdgeMinLengths(data);
  ASSERT_EQ(lengths.size(), 40u);
  const std::set<int> distinct(lengths.begin(), lengths.end());
  EXPECT_EQ(distinct, (std::set<int>{1, 2, 3}));  // ceil(40 / kStaggerRankSize)
  EXPECT_LE(*std::max_element(lengths.begin(), lengths.end()), kMaxStagger);
}

graph::RelationRecord Post(int64_t id, int64_t from, int64_t to, std::string title) {
  graph::RelationRecord relation;
  relation.id = id;
  relation.type = graph::RelationType::kHoldsPosition;
  relation.source_id = from;
  relation.target_id = to;
  relation.title = std::move(title);
  relation.evidence.sentence = "句" + std::to_string(id) + "。";
  return relation;
}

TEST(BundleRelationsTest, GroupsRelationsOfOneTypeBetweenTheSameEntities) {
  graph::GraphData data;
  data.relations = {Post(1, 10, 20, "书记"), Post(2, 10, 30, "主任"), Post(3, 10, 20, "副书记"),
                    Post(4, 20, 10, "反向")};
  data.relations.push_back(Post(5, 10, 20, ""));
  data.relations.back().type = graph::RelationType::kAttended;
  // signed_with is symmetric: either way round is one bundle.
  data.relations.push_back(Post(6, 40, 50, ""));
  data.relations.back().type = graph::RelationType::kSignedWith;
  data.relations.push_back(Post(7, 50, 40, ""));
  data.relations.back().type = graph::RelationType::kSignedWith;
  const std::vector<EdgeBundle> bundles = BundleRelations(data);
  std::vector<std::vector<std::size_t>> groups;
  for (const EdgeBundle& bundle : bundles) groups.push_back(bundle.relations);
  EXPECT_EQ(groups, (std::vector<std::vector<std::size_t>>{{0, 2}, {1}, {3}, {4}, {5, 6}}));
}

TEST(BundleLabelTest, CountsTheRelationsAndNamesTheirDistinctTitles) {
  graph::GraphData data;
  data.relations = {Post(1, 1, 2, "书记"), Post(2, 1, 2, "书记"), Post(3, 1, 2, "主任"),
                    Post(4, 1, 2, "常委"), Post(5, 1, 2, "组长")};
  const std::vector<EdgeBundle> bundles = BundleRelations(data);
  ASSERT_EQ(bundles.size(), 1u);
  EXPECT_EQ(BundleLabel(data, bundles[0], {}), "任职 ×5\n书记、主任、常委…");
  const std::string tooltip = BundleTooltip(data, bundles[0], {});
  for (int id = 1; id <= 5; ++id) {
    EXPECT_NE(tooltip.find("句" + std::to_string(id) + "。"), std::string::npos) << tooltip;
  }
  // One relation reads as before.
  data.relations.resize(1);
  EXPECT_EQ(BundleLabel(data, BundleRelations(data)[0], {}), "任职\n书记");
}

TEST(HeadingLabelTest, TitleIsEscapedMarkupAndLegendCellsAreNamed) {
  const std::string heading = HeadingLabel("a</TD>&\"b\"\nc", {graph::EntityType::kPerson},
                                           {graph::RelationType::kAttended});
  EXPECT_NE(heading.find("a&lt;/TD&gt;&amp;&quot;b&quot;<BR/>c"), std::string::npos) << heading;
  EXPECT_EQ(heading.find("</TD>&"), std::string::npos) << heading;
  EXPECT_NE(heading.find("ID=\"legend_person\""), std::string::npos);
  EXPECT_NE(heading.find("ID=\"legend_attended\""), std::string::npos);
  EXPECT_NE(heading.find("出席"), std::string::npos);
  EXPECT_EQ(HeadingLabel("", {}, {}), "");
}

}  // namespace
}  // namespace guanxi::render
