#include "extract/locality.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

// Bodies that follow a bare place name in local usage: "永川人大常委会".
constexpr std::u32string_view kBodiesAfterShortPlace[] = {U"人大", U"政协", U"人民政府",
                                                          U"政府", U"委",   U"纪委"};

// Counts per place, in order of first appearance (ties go to the first). A
// listed place is keyed by its index in Lexicon::all_places (朝阳区 is two
// places), an unlisted one by its name.
class Tally {
 public:
  static constexpr uint32_t kUnlisted = UINT32_MAX;
  static constexpr size_t kNew = SIZE_MAX;

  void Add(uint32_t place, const std::u32string& name, int n) {
    size_t& slot = place == kUnlisted ? by_name_.try_emplace(name, kNew).first->second
                                      : by_place_.try_emplace(place, kNew).first->second;
    if (slot == kNew) {
      slot = entries_.size();
      entries_.push_back({place, name, n});
    } else {
      entries_[slot].count += n;
    }
  }
  void AddListed(uint32_t place, const Lexicon& lex, int n) {
    Add(place, lex.all_places[place].name, n);
  }
  void AddUnlisted(const std::u32string& name, int n) { Add(kUnlisted, name, n); }

  struct Entry {
    uint32_t place;  // kUnlisted for a name missing from the gazetteer
    std::u32string name;
    int count;
  };
  // The most frequent entry that `keep` accepts; nullptr if none.
  template <typename Keep>
  const Entry* Best(Keep&& keep) const {
    const Entry* best = nullptr;
    for (const Entry& e : entries_) {
      if (keep(e) && (!best || e.count > best->count)) best = &e;
    }
    return best;
  }
  const Entry* Best() const {
    return Best([](const Entry&) { return true; });
  }
  int CountOf(uint32_t place) const {
    auto it = by_place_.find(place);
    return it == by_place_.end() ? 0 : entries_[it->second].count;
  }

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::u32string, size_t> by_name_;
  std::unordered_map<uint32_t, size_t> by_place_;
};

// Places missing from the gazetteer still show in local bodies: "青溪区委",
// "白沙县人民政府", "云岭市政协". Two Han characters before the level count.
void CountUnlistedPlaces(std::u32string_view text, const Lexicon& lex, Tally& districts,
                         Tally& cities) {
  for (size_t k = 2; k + 1 < text.size(); ++k) {
    char32_t level = text[k];
    if (level != U'区' && level != U'县' && level != U'市') continue;
    std::u32string name(text.substr(k - 2, 3));
    if (!IsHan(name[0]) || !IsHan(name[1]) || lex.places.count(name)) continue;
    // "观山湖区": the end of a listed name holds no other place.
    if (lex.place_names.LongestEndingAt(text, k + 1) > 3) continue;
    if (lex.name_stop_chars.count(name[0]) || lex.name_stop_chars.count(name[1])) continue;
    if (lex.boundary_words.LongestEndingAt(text, k) > 0) continue;
    // "俄罗斯堪察加边区政府": the end of a foreign place is no Chinese one.
    bool foreign = false;
    constexpr size_t kMaxForeignPlaceLead = 6;
    for (size_t j = k - 2;
         !foreign && j > 0 && k - 2 - j <= kMaxForeignPlaceLead && IsHan(text[j - 1]); --j) {
      foreign = lex.countries.LongestEndingAt(text, j) > 0;
    }
    if (foreign) continue;
    // A local body after the name ("青溪区委") counts twice; the name on its
    // own after punctuation or a function word ("来到青溪区") once.
    bool local_body = false;
    for (std::u32string_view b : kBodiesAfterShortPlace)
      local_body = local_body || HasAt(text, k + 1, b);
    bool body = local_body || lex.institution_suffixes.LongestAt(text, k + 1) > 0;
    bool free = k < 3 || !IsHan(text[k - 3]) || lex.boundary_words.LongestEndingAt(text, k - 2) > 0;
    // "城区", "社区" name no place, but a free-standing name that only ends
    // like one and heads a local body does: "，望城区委".
    size_t not_place = lex.not_places.LongestEndingAt(text, k + 1);
    if (not_place > 0 && (not_place >= 3 || !free || !local_body)) continue;
    if (!body && !free) continue;
    if (level == U'市') {
      cities.AddUnlisted(name, body ? 2 : 1);
    } else {
      districts.AddUnlisted(name, body ? 2 : 1);
    }
  }
}

// Banners (旗) missing from places.txt: "，伊金霍洛旗旗长", "达拉特旗委". Their
// names run 2–4 Han characters from a free start to 旗 and head a local body,
// or stand after punctuation.
void CountUnlistedBanners(std::u32string_view text, const Lexicon& lex, Tally& districts) {
  constexpr size_t kMaxBannerName = 4;
  for (size_t k = 2; k + 1 < text.size(); ++k) {
    if (text[k] != U'旗') continue;
    // Flags are no banners: 红旗, 国旗, 党旗, 团旗, 彩旗, 锦旗, 军旗, 队旗.
    if (std::u32string_view(U"红国党团彩锦军队").find(text[k - 1]) != std::u32string_view::npos) {
      continue;
    }
    bool body = HasAt(text, k + 1, U"旗") || lex.institution_suffixes.LongestAt(text, k + 1) > 0;
    for (std::u32string_view b : kBodiesAfterShortPlace) body = body || HasAt(text, k + 1, b);
    size_t from = k;
    while (from > 0 && k - from < kMaxBannerName && IsHan(text[from - 1]) &&
           !lex.name_stop_chars.count(text[from - 1]) &&
           lex.boundary_words.LongestEndingAt(text, from) == 0) {
      --from;
    }
    if (k - from < 2 || lex.places.count(std::u32string(text.substr(from, k + 1 - from)))) continue;
    bool after_punct = from == 0 || !IsHan(text[from - 1]);
    if (!after_punct && lex.boundary_words.LongestEndingAt(text, from) == 0) continue;
    // Without a body after it, a name of three or more characters right after
    // punctuation ("，伊金霍洛旗2026年…") counts once.
    if (!body && (!after_punct || k - from < 3)) continue;
    districts.AddUnlisted(std::u32string(text.substr(from, k + 1 - from)), body ? 2 : 1);
  }
}

// Autonomous prefectures (州) missing from places.txt: "，延边州2026年…",
// "延边州委": two Han characters from a free start, then a year or a local body.
void CountUnlistedPrefectures(std::u32string_view text, const Lexicon& lex, Tally& prefectures) {
  for (size_t k = 2; k + 1 < text.size(); ++k) {
    if (text[k] != U'州') continue;
    if (!IsHan(text[k - 1]) || !IsHan(text[k - 2])) continue;
    if (k >= 3 && IsHan(text[k - 3]) && lex.boundary_words.LongestEndingAt(text, k - 2) == 0) {
      continue;
    }
    if (lex.name_stop_chars.count(text[k - 2]) || lex.name_stop_chars.count(text[k - 1])) continue;
    std::u32string name(text.substr(k - 2, 3));
    if (lex.places.count(name) || lex.place_names.LongestAt(text, k - 2) > 0) continue;
    bool year = text[k + 1] >= U'0' && text[k + 1] <= U'9';
    bool body = false;
    for (std::u32string_view b : kBodiesAfterShortPlace) body = body || HasAt(text, k + 1, b);
    if (year || body) prefectures.AddUnlisted(name, 1);
  }
}

// A place name printed in the text.
struct Hit {
  size_t pos;
  size_t len;
};

// The place names of `text`, left to right; a country's name is skipped
// ("越南山水" holds no 南山). Towns are looked up only where a town's name can
// end (镇, 乡, 街道, 苏木): their word set is large, and so a probe costs more.
std::vector<Hit> FindPlaceNames(std::u32string_view text, const Lexicon& lex) {
  std::vector<Hit> hits;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t c = text[pos];
    if (c == U'镇' || c == U'乡' || c == U'道' || c == U'木') {
      if (size_t len = lex.town_names.LongestEndingAt(text, pos + 1); len > 0) {
        const size_t begin = pos + 1 - len;
        // "石柱镇": the town replaces the county short form 石柱 read inside it.
        while (!hits.empty() && hits.back().pos >= begin) hits.pop_back();
        hits.push_back({begin, len});
        ++pos;
        continue;
      }
    }
    if (size_t country = lex.countries.LongestAt(text, pos); country > 0) {
      pos += country;
      continue;
    }
    if (size_t len = lex.PlaceMayStartAt(text, pos) ? lex.place_names.LongestAt(text, pos) : 0;
        len > 0) {
      hits.push_back({pos, len});
      pos += len;
      continue;
    }
    ++pos;
  }
  return hits;
}

// True when `place` (or one of its short forms) is among `printed`.
bool IsPrinted(const Place& place, const std::unordered_set<std::u32string_view>& printed) {
  if (printed.count(place.name)) return true;
  for (const std::u32string& s : place.short_forms) {
    if (printed.count(s)) return true;
  }
  return false;
}

// The sense of `name` whose parents are printed most (朝阳区 with 长春 is
// Changchun's); ties go to the primary sense. Towns by full name only.
uint32_t ChooseSense(const std::u32string& name,
                     const std::unordered_set<std::u32string_view>& printed, const Lexicon& lex) {
  const std::vector<uint32_t>& senses = lex.PlaceSenses(name);
  uint32_t best = Tally::kUnlisted;
  int best_support = -1;
  for (uint32_t i : senses) {
    const Place& p = lex.all_places[i];
    if (p.level == U"town" && p.name != name) continue;
    int support = 0;
    if (senses.size() > 1) {
      for (const Place* a = lex.ParentOf(p); a != nullptr; a = lex.ParentOf(*a)) {
        support += IsPrinted(*a, printed) ? 1 : 0;
      }
    }
    if (support > best_support) best = i, best_support = support;
  }
  return best;
}

// The province-level place above `place` (itself for a province); nullptr if none.
const Place* ProvinceOf(const Place& place, const Lexicon& lex) {
  const Place* p = &place;
  while (p != nullptr && p->level != U"province") p = lex.ParentOf(*p);
  return p;
}

// The 州 form of an autonomous prefecture (黔东南苗族侗族自治州 -> 黔东南州).
std::u32string PrefectureForm(const Place& place) {
  if (!place.name.ends_with(U"自治州")) return {};
  for (const std::u32string& s : place.short_forms) {
    if (s.ends_with(U"州")) return s;
  }
  return {};
}

// A county's short form is weak evidence ("双城经济圈", "惠民政策"): it counts
// when the item prints the county's full name or one of its parents
// (IsSupported, once per name), or a local body or a dateline follows it
// ("峡江人大常委会", "峡江讯").
bool IsSupported(std::u32string_view name, const Place& place,
                 const std::unordered_set<std::u32string_view>& printed, const Lexicon& lex) {
  if (place.level != U"county" || name == place.name) return true;
  if (printed.count(place.name)) return true;
  for (const Place* a = lex.ParentOf(place); a != nullptr; a = lex.ParentOf(*a)) {
    if (IsPrinted(*a, printed)) return true;
  }
  return false;
}

// A local body or a dateline ("黄梅讯", "黄梅报道") after a short form at `pos`.
bool BodyFollows(std::u32string_view text, size_t pos) {
  for (std::u32string_view b : kBodiesAfterShortPlace) {
    if (HasAt(text, pos, b)) return true;
  }
  return HasAt(text, pos, U"讯") || HasAt(text, pos, U"报道");
}

}  // namespace

Locality InferLocality(std::u32string_view text, const Lexicon& lex) {
  const std::vector<Hit> hits = FindPlaceNames(text, lex);
  std::unordered_set<std::u32string_view> printed;  // views into `text`
  for (const Hit& h : hits) printed.insert(text.substr(h.pos, h.len));
  Tally provinces, prefectures, counties, towns;
  struct Sense {
    uint32_t place = Tally::kUnlisted;
    bool supported = false;
  };
  std::unordered_map<std::u32string_view, Sense> chosen;  // decided once per name
  for (const Hit& h : hits) {
    const std::u32string_view name = text.substr(h.pos, h.len);
    auto [it, inserted] = chosen.try_emplace(name);
    if (inserted) {
      it->second.place = ChooseSense(std::u32string(name), printed, lex);
      if (it->second.place != Tally::kUnlisted) {
        it->second.supported = IsSupported(name, lex.all_places[it->second.place], printed, lex);
      }
    }
    if (it->second.place == Tally::kUnlisted) continue;
    if (!it->second.supported && !BodyFollows(text, h.pos + h.len)) continue;
    const Place& place = lex.all_places[it->second.place];
    const int weight = name == place.name ? 2 : 1;
    if (place.level == U"county") {
      counties.AddListed(it->second.place, lex, weight);
      // "正安县凤仪镇": a town printed right after its county, even when the
      // gazetteer lists it elsewhere only.
      size_t t = h.pos + h.len;
      if (t + 2 < text.size() && IsHan(text[t]) && IsHan(text[t + 1]) &&
          (text[t + 2] == U'镇' || text[t + 2] == U'乡')) {
        towns.AddUnlisted(std::u32string(text.substr(t, 3)), 1);
      }
    } else if (place.level == U"prefecture") {
      prefectures.AddListed(it->second.place, lex, weight);
    } else if (place.level == U"province") {
      provinces.AddListed(it->second.place, lex, weight);
      // A municipality is its own prefecture: "重庆市商务委".
      if (place.name.ends_with(U"市")) prefectures.AddListed(it->second.place, lex, weight);
    } else if (place.level == U"town") {
      towns.AddListed(it->second.place, lex, weight);
    }
  }
  Tally unlisted_cities;
  CountUnlistedPlaces(text, lex, counties, unlisted_cities);
  CountUnlistedBanners(text, lex, counties);
  Tally unlisted_prefectures;
  CountUnlistedPrefectures(text, lex, unlisted_prefectures);

  auto place_of = [&](const Tally::Entry* e) -> const Place* {
    return e == nullptr || e->place == Tally::kUnlisted ? nullptr : &lex.all_places[e->place];
  };
  // The prefecture a county belongs to (a municipality for its districts).
  auto prefecture_of = [&](const Place& county) { return lex.ParentOf(county); };
  const Tally::Entry* county = counties.Best();
  const Tally::Entry* prefecture = prefectures.Best();
  // An item about a prefecture that names a county elsewhere once: keep the
  // prefecture, and a county only from inside it.
  if (const Place* c = place_of(county), *pf = place_of(prefecture);
      c != nullptr && pf != nullptr && prefecture->count > county->count &&
      prefecture_of(*c) != pf) {
    county = counties.Best([&](const Tally::Entry& e) {
      return e.place != Tally::kUnlisted && prefecture_of(lex.all_places[e.place]) == pf;
    });
  }
  Locality where;
  const Place* county_place = place_of(county);
  const Place* city_place = nullptr;
  const Tally::Entry* town = towns.Best();
  if (county == nullptr && prefecture == nullptr && place_of(town) != nullptr) {
    // "石排镇" alone: the town's county (or prefecture: 东莞市) is the item's.
    const Place* up = lex.ParentOf(*place_of(town));
    if (up != nullptr && up->level == U"county") county_place = up;
    if (up != nullptr && up->level == U"prefecture") city_place = up;
  }
  if (county_place != nullptr) {
    where.district = county_place->name;
    // The county's own towns first, then one printed right after it.
    if (const Tally::Entry* own = towns.Best([&](const Tally::Entry& e) {
          return e.place != Tally::kUnlisted &&
                 lex.ParentOf(lex.all_places[e.place]) == county_place;
        })) {
      town = own;
    } else {
      town = towns.Best([](const Tally::Entry& e) { return e.place == Tally::kUnlisted; });
    }
  } else if (county != nullptr) {
    where.district = county->name;
  }
  if (town != nullptr) where.town = town->name;

  if (county_place != nullptr) {
    city_place = prefecture_of(*county_place);
  } else if (const Place* pf = place_of(prefecture)) {
    city_place = pf;
  } else if (city_place == nullptr) {
    if (const Tally::Entry* c = unlisted_cities.Best()) where.city = c->name;
  }
  if (city_place != nullptr) where.city = city_place->name;
  // The province: the one above the city, unless another is printed more
  // often than the city and the city's own province is not printed.
  auto index_of = [&](const Place* p) {
    return p == nullptr ? Tally::kUnlisted : static_cast<uint32_t>(p - lex.all_places.data());
  };
  const int city_count = prefectures.CountOf(index_of(city_place));
  const Place* province = city_place != nullptr ? ProvinceOf(*city_place, lex) : nullptr;
  if (const Tally::Entry* p = provinces.Best();
      p != nullptr && (province == nullptr ||
                       (p->count > city_count && provinces.CountOf(index_of(province)) == 0))) {
    province = place_of(p);
  }
  if (province != nullptr) where.province = province->name;
  if (city_place != nullptr) where.prefecture = PrefectureForm(*city_place);
  // "州委" in an item about 临夏州 that happens in 厦门: the autonomous
  // prefecture printed is the one 州 shorthand means.
  if (!where.prefecture.ends_with(U"州")) {
    if (const Tally::Entry* p = prefectures.Best([&](const Tally::Entry& e) {
          return e.place != Tally::kUnlisted &&
                 PrefectureForm(lex.all_places[e.place]).ends_with(U"州");
        })) {
      where.prefecture = PrefectureForm(lex.all_places[p->place]);
    }
  }
  if (where.prefecture.empty()) {
    if (const Tally::Entry* p = unlisted_prefectures.Best()) where.prefecture = p->name;
  }
  // "凯里市" printed at least as often as its prefecture: 市委 is its own.
  if (county != nullptr && county_place == place_of(county) && county_place != nullptr &&
      county_place->name.ends_with(U"市") && county->count >= city_count) {
    where.county_city = county_place->name;
  }
  return where;
}

Locality MergeLocality(Locality primary, const Locality& fallback) {
  if (primary.district.empty() && primary.city.empty()) {
    primary.district = fallback.district;
    primary.county_city = fallback.county_city;
  }
  if (primary.city.empty()) primary.city = fallback.city;
  if (primary.province.empty()) primary.province = fallback.province;
  if (primary.town.empty()) primary.town = fallback.town;
  if (primary.prefecture.empty()) primary.prefecture = fallback.prefecture;
  return primary;
}

namespace {
// The characters that stand for the item's own place in shorthand: 区委, 县政府.
bool IsLevelChar(char32_t c) {
  return std::u32string_view(U"省市区县旗州镇乡").find(c) != std::u32string_view::npos ||
         c == U'自' || c == U'街';
}

// Length of a term printed before a level ("十届州政协" -> 3); 0 if none.
size_t LeadingTerm(std::u32string_view mention) {
  size_t n = 0;
  while (n < mention.size() && IsTermNumeral(mention[n])) ++n;
  if (n == 0 || n + 2 >= mention.size() || mention[n] != U'届') return 0;
  return IsLevelChar(mention[n + 1]) ? n + 1 : 0;
}

// "区委" -> 永川区委, "县人民政府" -> 峡江县人民政府, "自治区人民政府" ->
// 广西壮族自治区人民政府, "州政协" and "自治州政协" -> 黔东南州政协, "街道党工委" ->
// the town's; unchanged when the item has no place of that level.
std::u32string ResolveShorthand(const std::u32string& out, const Locality& where) {
  if (out.size() < 2) return out;
  struct Level {
    std::u32string_view word;  // the shorthand's level word
    const std::u32string* place;
    std::u32string_view ending;  // what the place's name must end with
  };
  const std::u32string& city = where.county_city.empty() ? where.city : where.county_city;
  const Level levels[] = {
      {U"自治区", &where.province, U"自治区"},
      {U"自治州", &where.prefecture, U"州"},
      {U"街道", &where.town, U"街道"},
      {U"区", &where.district, U"区"},
      {U"县", &where.district, U"县"},
      {U"旗", &where.district, U"旗"},
      {U"市", &city, U"市"},
      {U"省", &where.province, U"省"},
      {U"镇", &where.town, U"镇"},
      {U"乡", &where.town, U"乡"},
      {U"州", &where.prefecture, U"州"},
  };
  // A prefecture that is a 地区 or a 盟 has a 地委 (喀什地委) or a 盟委
  // (锡林郭勒盟委), and a 行署 (喀什地区行政公署).
  if (where.city.ends_with(U"地区") && HasAt(out, 0, U"地委")) {
    return where.city.substr(0, where.city.size() - 2) + out;
  }
  if ((where.city.ends_with(U"地区") || where.city.ends_with(U"盟")) && out == U"行署") {
    return where.city + U"行政公署";
  }
  if (where.city.ends_with(U"盟") && HasAt(out, 0, U"盟") && out.size() > 1) {
    return where.city + out.substr(1);
  }
  for (const Level& l : levels) {
    if (!HasAt(out, 0, l.word)) continue;
    if (out.size() <= l.word.size() || l.place->empty() || !l.place->ends_with(l.ending)) {
      return out;
    }
    // "区级城运中心" is the district's own: 永川区城运中心.
    size_t skip = l.word.size();
    if (out.size() > skip + 2 && out[skip] == U'级') ++skip;
    // "县委" of 临县 is 临县县委: a one-character county keeps its level before
    // its party committee (its government is 临县人民政府).
    // So does a new district (浦东新区区委, 滨海新区区委).
    if ((l.place->size() == 2 || l.place->ends_with(U"新区")) && l.word.size() == 1 &&
        out[1] == U'委') {
      return *l.place + out;
    }
    return *l.place + out.substr(skip);
  }
  return out;
}

// "永川人大常委会" -> 永川区人大常委会, "黔东南人大常委会" -> 黔东南州人大常委会: a
// short place name before a local body gets its level back; a level printed
// twice is printed once. Of a name's
// places, the item's own is meant.
std::u32string RestoreLevel(const std::u32string& out, const Locality& where, const Lexicon& lex) {
  const size_t len = lex.place_names.LongestAt(out, 0);
  const std::u32string head = out.substr(0, len);
  const std::vector<uint32_t>& senses = lex.PlaceSenses(head);
  if (senses.empty()) return out;
  if (IsLevelChar(head.back())) {
    // "观山湖区区委", "大连市市人大常委会": the level printed twice (not "市场");
    // a one-character county (杞县县委) and a new district (浦东新区区委) keep
    // both in their bodies' names.
    if (len < out.size() && out[len] == head.back() && head.size() >= 3 &&
        !head.ends_with(U"新区")) {
      for (std::u32string_view body : kBodiesAfterShortPlace) {
        if (HasAt(out, len + 1, body)) return head + out.substr(len + 1);
      }
    }
    return out;
  }
  const Place* place = &lex.all_places[senses.front()];
  for (uint32_t i : senses) {
    const Place& p = lex.all_places[i];
    if (p.name == where.district || p.name == where.city || p.name == where.province) {
      place = &p;
      break;
    }
  }
  if (place->name == head || place->level == U"town") return out;
  for (std::u32string_view body : kBodiesAfterShortPlace) {
    if (!HasAt(out, len, body)) continue;
    std::u32string full = place->name;
    for (const std::u32string& s : place->short_forms) {
      if (place->name.ends_with(U"自治州") && s.ends_with(U"州")) full = s;
    }
    return full + out.substr(len);
  }
  return out;
}

// True when `name` starts with a place of Hong Kong, Macau or Taiwan.
bool OutsideMainland(std::u32string_view name, const Lexicon& lex) {
  const size_t len = lex.place_names.LongestAt(name, 0);
  if (len == 0) return false;
  const std::vector<uint32_t>& senses = lex.PlaceSenses(name.substr(0, len));
  if (senses.empty()) return false;
  const Place* p = &lex.all_places[senses.front()];
  while (p->level != U"province" && lex.ParentOf(*p) != nullptr) p = lex.ParentOf(*p);
  return p->code == "71" || p->code == "81" || p->code == "82";
}
}  // namespace

std::u32string ResolveInstitution(std::u32string_view mention, const Locality& where,
                                  const Lexicon& lex) {
  std::u32string out(mention);
  // "市九届人大常委会": the term's number names the same body.
  for (size_t at = out.find(U'届'); at != std::u32string::npos; at = out.find(U'届', at + 1)) {
    size_t from = at;
    while (from > 0 && IsTermNumeral(out[from - 1])) --from;
    // "沂水县第十八届人大常委会": 第 after the level goes with the term of a
    // congress ("政协…州第十届委员会常务委员会" names its own body).
    if (from > 1 && out[from - 1] == U'第' && IsLevelChar(out[from - 2]) &&
        (HasAt(out, at + 1, U"人大") || HasAt(out, at + 1, U"政协"))) {
      --from;
    }
    if (from == at || from == 0 || out[from - 1] == U'第') continue;
    char32_t before = out[from - 1];
    if (before == U'市' || before == U'区' || before == U'县' || before == U'旗' ||
        before == U'省' || before == U'州') {
      out.erase(from, at + 1 - from);
      break;
    }
  }
  // "十届州政协": a term before the level names the same body.
  if (size_t term = LeadingTerm(out); term > 0) out.erase(0, term);
  // "我县人民医院", "本市商务局": the home place's own.
  if (out.size() > 2 && (out[0] == U'我' || out[0] == U'本') && IsLevelChar(out[1])) {
    out.erase(0, 1);
  }
  if (HasAt(out, 0, U"中共")) {
    // 中共永川区委 names the same body as 永川区委; keep it, aliases join them.
  } else if (!out.empty() && lex.place_names.LongestAt(out, 0) == 0) {
    out = ResolveShorthand(out, where);
  } else {
    out = RestoreLevel(out, where, lex);
  }
  // "市中级法院", "市中院": the intermediate court's full name; "区人武部": the
  // people's armed forces department's.
  if (out.ends_with(U"中级法院")) out = out.substr(0, out.size() - 2) + U"人民法院";
  if (out.size() > 2 && out.ends_with(U"中院"))
    out = out.substr(0, out.size() - 2) + U"中级人民法院";
  if (out.size() > 3 && out.ends_with(U"人武部"))
    out = out.substr(0, out.size() - 3) + U"人民武装部";
  // "市法院", "区检察院": the short forms of a place's court and procuratorate.
  if (out.size() > 3 && (out.ends_with(U"法院") || out.ends_with(U"检察院")) &&
      !out.ends_with(U"人民法院") && !out.ends_with(U"人民检察院")) {
    bool court = out.ends_with(U"法院");
    size_t cut = out.size() - (court ? 2 : 3);
    char32_t level = out[cut - 1];
    if (level == U'市' || level == U'区' || level == U'县' || level == U'旗') {
      const char32_t* full = !court           ? U"人民检察院"
                             : level == U'市' ? U"中级人民法院"
                                              : U"人民法院";
      return out.substr(0, cut) + full;
    }
  }
  // "俄罗斯联邦滨海边疆区政府": a foreign region's government keeps its name;
  // so do those of Hong Kong, Macau and Taiwan ("台湾花莲县瑞穗乡政府").
  if (lex.countries.LongestAt(out, 0) > 0 || OutsideMainland(out, lex)) return out;
  // "大阪市政府", "长冈市政府": a city that is no Chinese place keeps the plain
  // form (only mainland governments are 人民政府).
  if (out.size() > 3 && out.ends_with(U"政府") && !out.ends_with(U"人民政府")) {
    std::u32string_view place(out);
    place.remove_suffix(2);
    size_t len = lex.place_names.LongestEndingAt(place, place.size());
    // "阿鲁沙市": 沙市 is a short form of a Chinese district, no full name here.
    std::u32string_view tail = place.substr(place.size() - len);
    const std::vector<uint32_t>& senses = lex.PlaceSenses(tail);
    bool chinese =
        (len >= 2 && (len == place.size() ||
                      (!senses.empty() && lex.all_places[senses.front()].name == tail))) ||
        lex.town_names.LongestEndingAt(place, place.size()) >= 2;
    // The item's own places count even when the gazetteer does not list them
    // (a district created after it, 青溪区 of a page about it).
    for (const std::u32string* own :
         {&where.district, &where.city, &where.county_city, &where.town}) {
      chinese = chinese || (!own->empty() && place.ends_with(*own));
    }
    if (!chinese) return out;
  }
  for (std::u32string_view level :
       {U"区政府", U"市政府", U"县政府", U"旗政府", U"省政府", U"州政府", U"镇政府", U"乡政府"}) {
    if (out.size() >= level.size() && out.ends_with(level)) {
      out = out.substr(0, out.size() - 2) + U"人民政府";
      break;
    }
    // "区政府办公室": the office of the place's 人民政府.
    for (std::u32string_view office : {U"办公室", U"办公厅"}) {
      size_t at = out.size() - std::min(out.size(), level.size() + office.size());
      if (out.size() >= level.size() + office.size() && HasAt(out, at, level) &&
          out.ends_with(office)) {
        out = out.substr(0, at + 1) + U"人民政府" + std::u32string(office);
        break;
      }
    }
  }
  return out;
}

}  // namespace guanxi::extract
