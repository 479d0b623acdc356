#include "extract/place_codes.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace guanxi::extract {
namespace {

// True when one code is a prefix of the other: "50" and "500118" nest.
bool Nests(std::string_view a, std::string_view b) {
  return !a.empty() && !b.empty() && (a.starts_with(b) || b.starts_with(a));
}

// The number of `place`'s parents that are `where`'s city or province.
int ParentsOfLocality(const Place& place, const Locality& where, const Lexicon& lex) {
  int n = 0;
  for (const Place* a = lex.ParentOf(place); a != nullptr; a = lex.ParentOf(*a)) {
    n += (a->name == where.city || a->name == where.province) ? 1 : 0;
  }
  return n;
}

// The place of one of `levels` whose full name is `name`, the one with most
// parents in `where` (ties to the primary sense); nullptr when none is listed.
const Place* ListedSense(const std::u32string& name,
                         std::initializer_list<std::u32string_view> levels, const Locality& where,
                         const Lexicon& lex) {
  if (name.empty()) return nullptr;
  const Place* best = nullptr;
  int best_support = -1;
  for (uint32_t i : lex.PlaceSenses(name)) {
    const Place& p = lex.all_places[i];
    if (p.name != name || std::find(levels.begin(), levels.end(), p.level) == levels.end()) {
      continue;
    }
    const int support = ParentsOfLocality(p, where, lex);
    if (support > best_support) {
      best = &p;
      best_support = support;
    }
  }
  return best;
}

// Where the place of a body's name starts: after a formal prefix ("中共峡江县委"
// -> 2) unless the prefix is the whole name.
size_t PlaceStart(std::u32string_view name, const Lexicon& lex) {
  const size_t n = lex.body_places.formal_prefixes.LongestAt(name, 0);
  return n < name.size() ? n : 0;
}

// True when `place` lies in `area` (a parent's parent counts); a place is not
// within itself.
bool IsWithin(const Place& place, const Place& area, const Lexicon& lex) {
  for (const Place* a = lex.ParentOf(place); a != nullptr; a = lex.ParentOf(*a)) {
    if (a == &area) return true;
  }
  return false;
}

// The county code of the town `town` (a full name of town_names) that lies in
// the item's place; empty when none does.
std::string TownCountyCode(std::u32string_view town, std::string_view item_code,
                           const Lexicon& lex) {
  for (uint32_t i : lex.PlaceSenses(town)) {
    const Place& t = lex.all_places[i];
    if (t.level != U"town" || t.name != town || !Nests(t.code, item_code)) continue;
    if (const Place* up = lex.ParentOf(t)) return up->code;
  }
  return {};
}

}  // namespace

ItemPlace PlaceOfItem(const Locality& where, const Lexicon& lex) {
  const Place* p = ListedSense(where.district, {U"county"}, where, lex);
  if (p == nullptr) p = ListedSense(where.city, {U"prefecture", U"province"}, where, lex);
  if (p == nullptr) p = ListedSense(where.province, {U"province"}, where, lex);
  if (p != nullptr) return {p->name, p->code};
  // A place missing from the gazetteer (a new district, a made-up one) that
  // heads the item's local bodies still names where the item is: by name,
  // without a code.
  for (const std::u32string* name : {&where.district, &where.city, &where.province}) {
    if (!name->empty()) return {*name, ""};
  }
  return {};
}

std::string BodyPlaceCode(std::u32string_view name, std::string_view item_code,
                          const Lexicon& lex) {
  const size_t start = PlaceStart(name, lex);
  const size_t len = lex.PlaceMayStartAt(name, start) ? lex.place_names.LongestAt(name, start) : 0;
  // "中国人民银行", "俄罗斯…边区政府": a country's name, not a division.
  if (lex.countries.LongestAt(name, start) >= std::max<size_t>(len, 1)) return {};
  // "石排镇人民政府": a town, whose name may start with another place's.
  if (const size_t town = lex.town_names.LongestAt(name, start); town > len) {
    return TownCountyCode(name.substr(start, town), item_code, lex);
  }
  if (len == 0) return {};
  const std::u32string_view printed = name.substr(start, len);
  const Place* chosen = nullptr;
  for (uint32_t i : lex.PlaceSenses(printed)) {
    const Place& p = lex.all_places[i];
    if (p.level == U"town") continue;
    if (Nests(p.code, item_code)) {
      chosen = &p;
      break;
    }
    // A county's short form is weak evidence ("松山湖…" holds 松山): only in
    // the item's place.
    const bool weak = p.level == U"county" && p.name != printed;
    if (chosen == nullptr && !weak) chosen = &p;  // the primary sense
  }
  if (chosen == nullptr) return {};
  // "贵港市港北区人民政府": a division printed right after its parent is the
  // one the body belongs to.
  for (size_t at = start + len; at < name.size();) {
    const size_t n = lex.PlaceMayStartAt(name, at) ? lex.place_names.LongestAt(name, at) : 0;
    const Place* child = nullptr;
    for (uint32_t i : lex.PlaceSenses(name.substr(at, n))) {
      if (lex.all_places[i].level != U"town" && IsWithin(lex.all_places[i], *chosen, lex)) {
        child = &lex.all_places[i];
        break;
      }
    }
    if (child == nullptr) break;
    chosen = child;
    at += n;
  }
  return chosen->code;
}

bool IsUnresolvedBody(std::u32string_view name, const Lexicon& lex) {
  if (name.empty()) return false;
  const BodyPlaceRules& rules = lex.body_places;
  const std::u32string_view rest = name.substr(PlaceStart(name, lex));
  if ((lex.PlaceMayStartAt(rest, 0) && lex.place_names.LongestAt(rest, 0) > 0) ||
      lex.town_names.LongestAt(rest, 0) > 0 || lex.countries.LongestAt(rest, 0) > 0) {
    return false;
  }
  if (rules.not_shorthand.LongestAt(rest, 0) == 0 &&
      (rules.levels.LongestAt(rest, 0) > 0 || rules.deictics.LongestAt(rest, 0) > 0)) {
    return true;
  }
  return rules.generic_kinds.Contains(rest);
}

}  // namespace guanxi::extract
