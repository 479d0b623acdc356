#include "extract/locality.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

// Bodies that follow a bare place name in local usage: "永川人大常委会".
constexpr std::u32string_view kBodiesAfterShortPlace[] = {U"人大", U"政协", U"人民政府",
                                                          U"政府", U"委",   U"纪委"};

// Counts per place name, in order of first appearance (ties go to the first).
// Indexed by name: a long page prints many distinct names.
class Tally {
 public:
  void Add(const std::u32string& name, int n) {
    auto [it, inserted] = index_.try_emplace(name, counts_.size());
    if (inserted) {
      counts_.emplace_back(name, n);
    } else {
      counts_[it->second].second += n;
    }
  }

  std::u32string MostFrequent() const {
    std::u32string best;
    int best_count = 0;
    for (const auto& [name, count] : counts_) {
      if (count > best_count) best = name, best_count = count;
    }
    return best;
  }

 private:
  std::vector<std::pair<std::u32string, int>> counts_;
  std::unordered_map<std::u32string, size_t> index_;
};

// Places missing from places.txt still show in local bodies: "青溪区委",
// "白沙县人民政府", "云岭市政协". Two Han characters before the level count.
void CountUnlistedPlaces(std::u32string_view text, const Lexicon& lex, Tally& districts,
                         Tally& cities) {
  for (size_t k = 2; k + 1 < text.size(); ++k) {
    char32_t level = text[k];
    if (level != U'区' && level != U'县' && level != U'市') continue;
    std::u32string name(text.substr(k - 2, 3));
    if (!IsHan(name[0]) || !IsHan(name[1]) || lex.places.count(name)) continue;
    if (lex.name_stop_chars.count(name[0]) || lex.name_stop_chars.count(name[1])) continue;
    if (lex.boundary_words.LongestEndingAt(text, k) > 0) continue;
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
      cities.Add(name, body ? 2 : 1);
    } else {
      districts.Add(name, body ? 2 : 1);
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
    if (k - from < 2) continue;
    bool after_punct = from == 0 || !IsHan(text[from - 1]);
    if (!after_punct && lex.boundary_words.LongestEndingAt(text, from) == 0) continue;
    // Without a body after it, a name of three or more characters right after
    // punctuation ("，伊金霍洛旗2026年…") counts once.
    if (!body && (!after_punct || k - from < 3)) continue;
    districts.Add(std::u32string(text.substr(from, k + 1 - from)), body ? 2 : 1);
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
    if (year || body) prefectures.Add(name, 1);
  }
}

}  // namespace

Locality InferLocality(std::u32string_view text, const Lexicon& lex) {
  Tally districts;
  Tally cities;
  Tally towns;
  for (size_t pos = 0; pos < text.size();) {
    // A country's name is no place of ours: "越南山水" holds no 南山.
    if (size_t country = lex.countries.LongestAt(text, pos); country > 0) {
      pos += country;
      continue;
    }
    size_t len = lex.place_names.LongestAt(text, pos);
    if (len == 0) {
      ++pos;
      continue;
    }
    std::u32string name(text.substr(pos, len));
    const Place& place = lex.places.at(name);
    int weight = name == place.name ? 2 : 1;
    if (place.level == U"district" || place.level == U"county") {
      districts.Add(place.name, weight);
      // "正安县凤仪镇": a town printed right after its county.
      size_t t = pos + len;
      if (t + 2 < text.size() && IsHan(text[t]) && IsHan(text[t + 1]) &&
          (text[t + 2] == U'镇' || text[t + 2] == U'乡')) {
        towns.Add(std::u32string(text.substr(t, 3)), 1);
      }
    } else if (place.level == U"city" || place.name.ends_with(U"市")) {
      cities.Add(place.name, weight);
    }
    pos += len;
  }
  CountUnlistedPlaces(text, lex, districts, cities);
  CountUnlistedBanners(text, lex, districts);
  Tally prefectures;
  CountUnlistedPrefectures(text, lex, prefectures);
  Locality where;
  where.district = districts.MostFrequent();
  where.town = towns.MostFrequent();
  where.prefecture = prefectures.MostFrequent();
  auto listed = lex.places.find(where.district);
  if (listed != lex.places.end()) {
    where.city = listed->second.parent;
  } else {
    where.city = cities.MostFrequent();
  }
  if (!where.city.empty()) {
    auto it = lex.places.find(where.city);
    if (it != lex.places.end()) {
      where.province = it->second.level == U"province" ? it->second.name : it->second.parent;
    }
  }
  return where;
}

Locality MergeLocality(Locality primary, const Locality& fallback) {
  if (primary.district.empty() && primary.city.empty()) {
    primary.district = fallback.district;
  }
  if (primary.city.empty()) primary.city = fallback.city;
  if (primary.province.empty()) primary.province = fallback.province;
  if (primary.town.empty()) primary.town = fallback.town;
  if (primary.prefecture.empty()) primary.prefecture = fallback.prefecture;
  return primary;
}

namespace {
bool IsTermNumeral(char32_t c) {
  return (c >= U'0' && c <= U'9') ||
         std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}
}  // namespace

std::u32string ResolveInstitution(std::u32string_view mention, const Locality& where,
                                  const Lexicon& lex) {
  std::u32string out(mention);
  // "市九届人大常委会": the term's number names the same body.
  for (size_t at = out.find(U'届'); at != std::u32string::npos; at = out.find(U'届', at + 1)) {
    size_t from = at;
    while (from > 0 && IsTermNumeral(out[from - 1])) --from;
    if (from == at || from == 0 || out[from - 1] == U'第') continue;
    char32_t before = out[from - 1];
    if (before == U'市' || before == U'区' || before == U'县' || before == U'旗' ||
        before == U'省') {
      out.erase(from, at + 1 - from);
      break;
    }
  }
  if (HasAt(out, 0, U"中共")) {
    // 中共永川区委 names the same body as 永川区委; keep it, aliases join them.
  } else if (!out.empty() && lex.place_names.LongestAt(out, 0) == 0) {
    std::u32string prefix;
    if (out[0] == U'区' || out[0] == U'县' || out[0] == U'旗') prefix = where.district;
    if (out[0] == U'市') prefix = where.city;
    if (out[0] == U'省') prefix = where.province;
    if ((out[0] == U'镇' || out[0] == U'乡') && out.size() >= 2) prefix = where.town;
    if (out[0] == U'州' && out.size() >= 2) prefix = where.prefecture;
    if (!prefix.empty() && prefix.back() == out[0] && out.size() >= 2) {
      // "区级城运中心" is the district's own: 永川区城运中心.
      size_t skip = out.size() > 3 && out[1] == U'级' ? 2 : 1;
      out = prefix + out.substr(skip);
    }
  } else {
    size_t len = lex.place_names.LongestAt(out, 0);
    const Place& place = lex.places.at(out.substr(0, len));
    if (out.substr(0, len) != place.name) {
      for (std::u32string_view body : kBodiesAfterShortPlace) {
        if (HasAt(out, len, body)) {
          out = place.name + out.substr(len);
          break;
        }
      }
    }
  }
  // "市中级法院": the intermediate court's full name.
  if (out.ends_with(U"中级法院")) out = out.substr(0, out.size() - 2) + U"人民法院";
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
  // "俄罗斯联邦滨海边疆区政府": a foreign region's government keeps its name.
  if (lex.countries.LongestAt(out, 0) > 0) return out;
  for (std::u32string_view level :
       {U"区政府", U"市政府", U"县政府", U"旗政府", U"省政府", U"州政府"}) {
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
