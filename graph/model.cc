#include "graph/model.h"

#include <array>
#include <utility>

namespace guanxi::graph {
namespace {

constexpr std::array<std::pair<EntityType, std::string_view>, 6> kEntityNames = {{
    {EntityType::kPerson, "person"},
    {EntityType::kInstitution, "institution"},
    {EntityType::kProject, "project"},
    {EntityType::kCountry, "country"},
    {EntityType::kEvent, "event"},
    {EntityType::kPlace, "place"},
}};

constexpr std::array<std::pair<RelationType, std::string_view>, 6> kRelationNames = {{
    {RelationType::kAttended, "attended"},
    {RelationType::kChaired, "chaired"},
    {RelationType::kSignedWith, "signed_with"},
    {RelationType::kHoldsPosition, "holds_position"},
    {RelationType::kHeldAt, "held_at"},
    {RelationType::kMentionedIn, "mentioned_in"},
}};

template <typename Enum, std::size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                        Enum value) {
  for (const auto& [candidate, name] : table) {
    if (candidate == value) return name;
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                            std::string_view name) {
  for (const auto& [value, candidate] : table) {
    if (candidate == name) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(EntityType type) { return NameOf(kEntityNames, type); }
std::string_view ToString(RelationType type) { return NameOf(kRelationNames, type); }

std::optional<EntityType> ParseEntityType(std::string_view name) {
  return ValueOf(kEntityNames, name);
}
std::optional<RelationType> ParseRelationType(std::string_view name) {
  return ValueOf(kRelationNames, name);
}

bool IsSymmetric(RelationType type) { return type == RelationType::kSignedWith; }

std::string_view Verb(RelationType type) {
  switch (type) {
    case RelationType::kAttended: return "出席";
    case RelationType::kChaired: return "主持";
    case RelationType::kSignedWith: return "签约";
    case RelationType::kHoldsPosition: return "任职";
    case RelationType::kHeldAt: return "举办于";
    case RelationType::kMentionedIn: return "见于";
  }
  return "关联";
}

}  // namespace guanxi::graph
