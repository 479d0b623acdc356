#include "graph/identity/identity.h"

#include <algorithm>

namespace guanxi::identity {
namespace {

using graph::EntityType;

template <typename T>
void AddNew(std::vector<T>& to, const T& value) {
  if (std::find(to.begin(), to.end(), value) == to.end()) to.push_back(value);
}

// The first body both hold posts in, or nullptr.
const std::string* SharedBody(const PersonEvidence& a, const PersonEvidence& b) {
  for (const std::string& body : a.bodies) {
    if (std::find(b.bodies.begin(), b.bodies.end(), body) != b.bodies.end()) return &body;
  }
  return nullptr;
}

// The first pair of nesting places, or nullopt.
std::optional<std::pair<std::string, std::string>> NestedPlaces(const PersonEvidence& a,
                                                                const PersonEvidence& b) {
  for (const std::string& x : a.place_codes) {
    for (const std::string& y : b.place_codes) {
      if (PlacesNest(x, y)) return std::pair(x, y);
    }
  }
  return std::nullopt;
}

std::string Joined(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& code : codes) out += (out.empty() ? "" : ",") + code;
  return out;
}

// Why two people of one name are not taken to be one.
std::string Disagreement(const PersonEvidence& mention, const PersonEvidence& known) {
  if (mention.place_codes.empty() && known.place_codes.empty()) {
    return "same name; no place known for either";
  }
  if (mention.place_codes.empty() || known.place_codes.empty()) {
    return "same name; a place known for only one";
  }
  return "same name; places " + Joined(known.place_codes) + " and " +
         Joined(mention.place_codes) + " apart";
}

}  // namespace

Scope ScopeOf(const graph::Entity& entity) {
  if (entity.type == EntityType::kEvent || entity.unresolved) return Scope::kItem;
  return Scope::kGraph;
}

bool LongEnoughForReprint(std::string_view text) {
  size_t code_points = 0;
  for (const char byte : text) {
    // Count lead bytes, not continuation bytes (10xxxxxx).
    code_points += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
  }
  return code_points >= kMinReprintCodePoints;
}

bool DatesAllowReprint(std::string_view full_date, std::string_view date,
                       std::string_view other_full_date, std::string_view other_date) {
  if (!full_date.empty() && !other_full_date.empty()) return full_date == other_full_date;
  if (!date.empty() && !other_date.empty()) return date == other_date;
  return true;
}

bool PlacesNest(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a.starts_with(kPlaceNamePrefix) || b.starts_with(kPlaceNamePrefix)) return a == b;
  return a.size() <= b.size() ? b.starts_with(a) : a.starts_with(b);
}

void PersonEvidence::Add(const PersonEvidence& other) {
  for (const std::string& code : other.place_codes) AddNew(place_codes, code);
  for (const std::string& body : other.bodies) AddNew(bodies, body);
}

PersonEvidence EvidenceOf(const graph::Article& article, std::string_view name) {
  PersonEvidence evidence;
  for (const graph::Entity& person : article.entities) {
    if (person.type == EntityType::kPerson && person.name == name &&
        person.place_code == graph::kNationalPlaceCode) {
      evidence.place_codes.push_back(person.place_code);
    }
  }
  for (const graph::Relation& relation : article.relations) {
    if (relation.type != graph::RelationType::kHoldsPosition || relation.source != name) continue;
    for (const graph::Entity& body : article.entities) {
      if (body.type != EntityType::kInstitution || body.name != relation.target) continue;
      if (body.unresolved) continue;
      AddNew(evidence.bodies, body.name);
      if (!body.place_code.empty()) AddNew(evidence.place_codes, body.place_code);
    }
  }
  // The item's place stands for a person only without a place of their own.
  if (evidence.place_codes.empty()) {
    if (!article.place_code.empty()) {
      evidence.place_codes.push_back(article.place_code);
    } else if (!article.place.empty()) {
      evidence.place_codes.push_back(kPlaceNamePrefix + article.place);
    }
  }
  return evidence;
}

PersonMatch MatchPerson(const PersonEvidence& mention, const std::vector<KnownPerson>& known) {
  PersonMatch match;
  const KnownPerson* by_place = nullptr;
  std::string place_reason;
  for (const KnownPerson& person : known) {
    if (const std::string* body = SharedBody(mention, person.evidence)) {
      match.same_as = person.id;
      match.reason = "shared body " + *body;
      break;
    }
    if (by_place != nullptr) continue;
    if (auto places = NestedPlaces(mention, person.evidence)) {
      by_place = &person;
      place_reason = places->first == places->second
                         ? "same place " + places->first
                         : "nested places " + places->first + " and " + places->second;
    }
  }
  if (!match.same_as && by_place != nullptr) {
    match.same_as = by_place->id;
    match.reason = place_reason;
  }
  if (match.same_as) return match;
  for (const KnownPerson& person : known) {
    match.candidates.push_back({person.id, Disagreement(mention, person.evidence)});
  }
  return match;
}

}  // namespace guanxi::identity
