#include "render/diagram_style.h"

#include <array>
#include <utility>

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

std::string EscapeLabel(std::string_view text) {
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
  std::string label(graph::ToString(relation.type));
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

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += separator;
    joined += parts[i];
  }
  return joined;
}

}  // namespace guanxi::render
