#include "render/diagram_style.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <utility>

#include "render/xml_text.h"

namespace guanxi::render {
namespace {

// Colours from the "category20" light row: readable under black text.
constexpr std::array<std::pair<graph::EntityType, NodeStyle>, 6> kNodeStyles = {{
    {graph::EntityType::kPerson, {"ellipse", "#aec7e8", "人物 person"}},
    {graph::EntityType::kInstitution, {"box", "#ffbb78", "机构 institution"}},
    {graph::EntityType::kProject, {"hexagon", "#98df8a", "项目 project"}},
    {graph::EntityType::kCountry, {"doubleoctagon", "#ff9896", "国家 country"}},
    {graph::EntityType::kEvent, {"note", "#c5b0d5", "活动 event"}},
    {graph::EntityType::kPlace, {"house", "#c49c94", "地点 place"}},
}};

constexpr std::array<std::pair<graph::RelationType, const char*>, 6> kEdgeColors = {{
    {graph::RelationType::kAttended, "#1f77b4"},
    {graph::RelationType::kChaired, "#9467bd"},
    {graph::RelationType::kSignedWith, "#ff7f0e"},
    {graph::RelationType::kHoldsPosition, "#2ca02c"},
    {graph::RelationType::kHeldAt, "#8c564b"},
    {graph::RelationType::kMentionedIn, "#7f7f7f"},
}};

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

void AppendLine(std::string& text, std::string_view line) {
  if (line.empty()) return;
  if (!text.empty()) text += '\n';
  text += line;
}

}  // namespace

NodeStyle StyleFor(graph::EntityType type) {
  for (const auto& [candidate, style] : kNodeStyles) {
    if (candidate == type) return style;
  }
  return {"ellipse", "#ffffff", "其他 other"};
}

const char* ColorFor(graph::RelationType type) {
  for (const auto& [candidate, color] : kEdgeColors) {
    if (candidate == type) return color;
  }
  return "#000000";
}

bool IsDashed(graph::RelationType type) { return type == graph::RelationType::kMentionedIn; }

std::unordered_map<int64_t, std::size_t> Degrees(const graph::GraphData& data) {
  std::unordered_map<int64_t, std::size_t> degrees;
  for (const graph::RelationRecord& relation : data.relations) {
    ++degrees[relation.source_id];
    ++degrees[relation.target_id];
  }
  return degrees;
}

std::vector<int> EdgeMinLengths(const graph::GraphData& data) {
  std::unordered_map<int64_t, std::size_t> in_degree;
  std::unordered_map<int64_t, std::size_t> out_degree;
  for (const graph::RelationRecord& relation : data.relations) {
    if (relation.source_id == relation.target_id) continue;
    ++out_degree[relation.source_id];
    ++in_degree[relation.target_id];
  }
  // Stagger level of each source (no incoming) and each sink (no outgoing)
  // entity, cycling 1..levels in data order.
  std::unordered_map<int64_t, int> source_level;
  std::unordered_map<int64_t, int> sink_level;
  std::size_t sources = 0;
  std::size_t sinks = 0;
  for (const graph::EntityRecord& entity : data.entities) {
    const bool has_in = in_degree.count(entity.id) > 0;
    const bool has_out = out_degree.count(entity.id) > 0;
    if (has_out && !has_in) source_level[entity.id] = static_cast<int>(sources++);
    if (has_in && !has_out) sink_level[entity.id] = static_cast<int>(sinks++);
  }
  auto levels = [](std::size_t count) {
    const std::size_t wanted = (count + kStaggerRankSize - 1) / kStaggerRankSize;
    return static_cast<int>(std::clamp<std::size_t>(wanted, 1, kMaxStagger));
  };
  const int source_levels = levels(sources);
  const int sink_levels = levels(sinks);
  std::vector<int> min_lengths;
  min_lengths.reserve(data.relations.size());
  for (const graph::RelationRecord& relation : data.relations) {
    int min_length = 1;
    if (auto found = source_level.find(relation.source_id); found != source_level.end()) {
      min_length = 1 + found->second % source_levels;
    } else if (auto sink = sink_level.find(relation.target_id); sink != sink_level.end()) {
      min_length = 1 + sink->second % sink_levels;
    }
    min_lengths.push_back(min_length);
  }
  return min_lengths;
}

int NodeFontSize(std::size_t degree) {
  // 3 points per doubling: degree 2 -> 15, 4 -> 18, 8 -> 21, 16 -> 24, 64 -> 30.
  constexpr double kPointsPerDoubling = 3.0;
  if (degree <= 1) return kMinNodeFontSize;
  const double size =
      kMinNodeFontSize + kPointsPerDoubling * std::log2(static_cast<double>(degree));
  return std::min(kMaxNodeFontSize, static_cast<int>(std::lround(size)));
}

std::string EscapeLabel(std::string_view raw) {
  // Graphviz copies labels and tooltips into SVG, which is XML.
  const std::string text = XmlSafe(raw);
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    if (c == '\\') {
      escaped += "\\\\";
    } else if (c == '&') {
      escaped += "&amp;";
    } else if (c == '\n') {
      escaped += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
      escaped += kReplacementCharacter;
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string NodeTooltip(const graph::EntityRecord& entity) {
  std::string tooltip(graph::ToString(entity.type));
  if (!entity.aliases.empty()) AppendLine(tooltip, "aliases: " + Join(entity.aliases, "、"));
  return tooltip;
}

std::string EdgeLabel(const graph::RelationRecord& relation, const graph::ArticleRecord* article) {
  std::string label(graph::Verb(relation.type));
  switch (relation.type) {
    case graph::RelationType::kHoldsPosition:
      AppendLine(label, relation.title);
      break;
    case graph::RelationType::kAttended:
    case graph::RelationType::kChaired:
      if (article != nullptr) AppendLine(label, article->date);
      break;
    default:
      break;
  }
  return label;
}

std::string EdgeTooltip(const graph::RelationRecord& relation,
                        const graph::ArticleRecord* article) {
  std::string tooltip = relation.evidence.sentence;
  if (article == nullptr) return tooltip;
  std::string source = "《" + article->title + "》";
  if (!article->date.empty()) source += " " + article->date;
  AppendLine(tooltip, source);
  return tooltip;
}

std::vector<EdgeBundle> BundleRelations(const graph::GraphData& data) {
  struct Key {
    int64_t from, to;
    graph::RelationType type;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const {
      return std::hash<int64_t>()(key.from) * 31 + std::hash<int64_t>()(key.to) * 7 +
             static_cast<std::size_t>(key.type);
    }
  };
  std::unordered_map<Key, std::size_t, KeyHash> bundle_of;
  std::vector<EdgeBundle> bundles;
  for (std::size_t i = 0; i < data.relations.size(); ++i) {
    const graph::RelationRecord& relation = data.relations[i];
    Key key{relation.source_id, relation.target_id, relation.type};
    if (graph::IsSymmetric(relation.type) && key.to < key.from) std::swap(key.from, key.to);
    auto [found, inserted] = bundle_of.try_emplace(key, bundles.size());
    if (inserted) bundles.emplace_back();
    bundles[found->second].relations.push_back(i);
  }
  return bundles;
}

namespace {

const graph::ArticleRecord* ArticleOf(const ArticleIndex& articles,
                                      const graph::RelationRecord& relation) {
  auto found = articles.find(relation.article_id);
  return found == articles.end() ? nullptr : found->second;
}

// What tells the relations of a bundle apart on its label: the post title,
// or the date of an event attended or chaired.
std::string Detail(const graph::RelationRecord& relation, const graph::ArticleRecord* article) {
  switch (relation.type) {
    case graph::RelationType::kHoldsPosition:
      return relation.title;
    case graph::RelationType::kAttended:
    case graph::RelationType::kChaired:
      return article == nullptr ? "" : article->date;
    default:
      return "";
  }
}

}  // namespace

std::string BundleLabel(const graph::GraphData& data, const EdgeBundle& bundle,
                        const ArticleIndex& articles) {
  const graph::RelationRecord& first = data.relations[bundle.relations.front()];
  if (bundle.relations.size() == 1) return EdgeLabel(first, ArticleOf(articles, first));
  std::string label =
      std::string(graph::Verb(first.type)) + " ×" + std::to_string(bundle.relations.size());
  std::vector<std::string> details;
  bool more = false;
  for (std::size_t index : bundle.relations) {
    const graph::RelationRecord& relation = data.relations[index];
    std::string detail = Detail(relation, ArticleOf(articles, relation));
    if (detail.empty() || std::find(details.begin(), details.end(), detail) != details.end()) {
      continue;
    }
    if (details.size() == kBundleDetails) {
      more = true;
      break;
    }
    details.push_back(std::move(detail));
  }
  AppendLine(label, Join(details, "、") + (more ? "…" : ""));
  return label;
}

std::string BundleTooltip(const graph::GraphData& data, const EdgeBundle& bundle,
                          const ArticleIndex& articles) {
  std::string tooltip;
  for (std::size_t index : bundle.relations) {
    const graph::RelationRecord& relation = data.relations[index];
    AppendLine(tooltip, EdgeTooltip(relation, ArticleOf(articles, relation)));
  }
  return tooltip;
}

std::string HeadingLabel(std::string_view title, const std::vector<graph::EntityType>& entity_types,
                         const std::vector<graph::RelationType>& relation_types) {
  std::string rows;
  if (!title.empty()) {
    std::string text = XmlEscape(title);
    for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) {
      text.replace(at, 1, "<BR/>");
    }
    rows += "<TR><TD><FONT POINT-SIZE=\"18\">" + text + "</FONT></TD></TR>";
  }
  if (!entity_types.empty() || !relation_types.empty()) {
    std::string cells = "<TD>图例 legend</TD>";
    for (graph::EntityType type : entity_types) {
      const NodeStyle style = StyleFor(type);
      cells += "<TD BORDER=\"1\" BGCOLOR=\"" + std::string(style.fillcolor) + "\" ID=\"legend_" +
               std::string(graph::ToString(type)) + "\">" + style.legend + "</TD>";
    }
    for (graph::RelationType type : relation_types) {
      cells += "<TD ID=\"legend_" + std::string(graph::ToString(type)) + "\"><FONT COLOR=\"" +
               ColorFor(type) + "\">—" + std::string(graph::Verb(type)) + "→</FONT></TD>";
    }
    rows += "<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"3\"><TR>" + cells +
            "</TR></TABLE></TD></TR>";
  }
  if (rows.empty()) return "";
  return "<TABLE BORDER=\"0\" CELLBORDER=\"0\">" + rows + "</TABLE>";
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += separator;
    joined += parts[i];
  }
  return joined;
}

}  // namespace guanxi::render
