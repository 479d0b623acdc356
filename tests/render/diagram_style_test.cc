#include "render/diagram_style.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

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
  EXPECT_EQ(EdgeLabel(relation, nullptr), "holds_position\n市长");
}

TEST(EdgeLabelTest, AttendedShowsTheArticleDate) {
  graph::RelationRecord relation;
  relation.type = graph::RelationType::kAttended;
  const graph::ArticleRecord article{1, "a.txt", "标题", "7月16日"};
  EXPECT_EQ(EdgeLabel(relation, &article), "attended\n7月16日");
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

}  // namespace
}  // namespace guanxi::render
