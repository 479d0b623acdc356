#pragma once

// How guanxi draws its graph: the look of each entity type and relation, and
// the text of labels and tooltips. Pure functions over the model, no
// Graphviz handles; dot_writer turns them into cgraph attributes. The
// conventions are described once, in render/README.md.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph_data.h"
#include "graph/model.h"

namespace guanxi::render {

// The node look of one entity type. Strings are static and never null.
struct NodeStyle {
  const char* shape;      // Graphviz shape name ("ellipse", "box", ...)
  const char* fillcolor;  // "#rrggbb"
  const char* legend;     // legend caption, Chinese then English ("人物 person")
};
NodeStyle StyleFor(graph::EntityType type);

// The line colour of one relation type ("#rrggbb") and whether it is drawn
// dashed (weak relations such as mentioned_in).
const char* ColorFor(graph::RelationType type);
bool IsDashed(graph::RelationType type);

// Relations touching each entity within `data` (in + out; a relation from an
// entity to itself counts twice), keyed by EntityRecord::id. Entities without
// relations are absent (degree 0).
std::unordered_map<int64_t, std::size_t> Degrees(const graph::GraphData& data);

// Label font size in points of a node with `degree` relations: the size of
// a node follows its label, so hubs are drawn larger. Grows with log2 of the
// degree, kMinNodeFontSize for degree 0 and 1, bounded by kMaxNodeFontSize so
// that one hub cannot swamp a whole-graph diagram.
inline constexpr int kMinNodeFontSize = 12;
inline constexpr int kMaxNodeFontSize = 30;
int NodeFontSize(std::size_t degree);

// dot's minimum rank distance ("minlen") of each relation, parallel to
// `data.relations`. dot puts every entity without incoming relations (most
// people) in the first rank and every one without outgoing relations
// (places) in the last, so a large selection becomes a strip one node wide
// and hundreds high. Like Graphviz's `unflatten`, this staggers those
// entities over up to kMaxStagger ranks (cycling through them in data
// order): each such entity's relations get minlen 1, 2, ... All 1 while no
// rank would hold more than kStaggerRankSize such entities.
inline constexpr std::size_t kStaggerRankSize = 16;
inline constexpr int kMaxStagger = 5;
std::vector<int> EdgeMinLengths(const graph::GraphData& data);

// Escapes plain text for a Graphviz escString attribute (label, tooltip):
// '\' becomes "\\" so that "\N", "\G", "\n" in a name stay literal; '&'
// becomes "&amp;" so that an entity-like name ("&lt;") is not decoded; a
// newline becomes "\n" (a centred line break); other control characters,
// which XML cannot carry, become U+FFFD. Quotes need nothing here: agwrite
// escapes them.
std::string EscapeLabel(std::string_view text);

// Plain (unescaped) texts; pass them through EscapeLabel before use.
// Node tooltip: the type, then the aliases if any ("person\naliases: a、b").
std::string NodeTooltip(const graph::EntityRecord& entity);
// Edge label: the relation's Chinese verb (graph::Verb: 出席, 任职, ...), then
// the post title for holds_position or the article date for attended and
// chaired, when not empty.
std::string EdgeLabel(const graph::RelationRecord& relation, const graph::ArticleRecord* article);
// Edge tooltip: the evidence sentence, then the article title and date.
// `article` may be null when the relation's article is not in the data.
std::string EdgeTooltip(const graph::RelationRecord& relation, const graph::ArticleRecord* article);

// Relations of one type between the same two entities (either way round for
// a symmetric type), drawn as one edge: five "任职" lines between a person
// and a body say less than one "任职 ×5".
struct EdgeBundle {
  std::vector<std::size_t> relations;  // indexes into GraphData::relations, in data order
};
// The bundles of `data`, in the order of their first relation.
std::vector<EdgeBundle> BundleRelations(const graph::GraphData& data);

// Plain texts of a bundle, as EdgeLabel and EdgeTooltip for one relation.
// `articles` maps ArticleRecord::id to the record (absent when not loaded).
// Label of several: "任职 ×4", then their distinct titles (holds_position)
// or dates (attended, chaired) in data order joined by "、", at most
// kBundleDetails and "…" for more. Tooltip: each relation's tooltip, one
// after the other.
inline constexpr std::size_t kBundleDetails = 3;
using ArticleIndex = std::unordered_map<int64_t, const graph::ArticleRecord*>;
std::string BundleLabel(const graph::GraphData& data, const EdgeBundle& bundle,
                        const ArticleIndex& articles);
std::string BundleTooltip(const graph::GraphData& data, const EdgeBundle& bundle,
                          const ArticleIndex& articles);

// The diagram's heading, a Graphviz HTML-like label (markup, not an
// escString) for the root graph, drawn above the layout and apart from it:
// the title (none when empty) on the first row; then the legend, one cell per
// entity type present filled with its colour and captioned (ID
// "legend_<type>"), and one per relation type present in its line colour
// with its verb (ID "legend_<relation>"). Names are XML-escaped; newlines in
// the title become <BR/>. Empty when there is neither title nor type.
std::string HeadingLabel(std::string_view title, const std::vector<graph::EntityType>& entity_types,
                         const std::vector<graph::RelationType>& relation_types);

// Joins `parts` with `separator` ("a|b").
std::string Join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace guanxi::render
