#include "extract/name_bounds.h"

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

constexpr size_t kMaxQuotedInName = 14;

// 旗 is Inner Mongolia's county-level unit (旗委, 旗人民政府).
bool IsLocalShorthand(char32_t c) {
  return c == U'区' || c == U'市' || c == U'县' || c == U'旗' || c == U'省';
}

bool StartsWithOrgPrefix(std::u32string_view text, size_t pos, const Lexicon& lex) {
  return lex.org_prefixes.LongestAt(text, pos) > 0;
}

// Words that put a body before its place ("政协永川区委员会", "共青团永川区委",
// "驻北京市办事处"): a place after them is inside the name.
constexpr std::u32string_view kBodiesBeforePlace[] = {U"政协",   U"政治协商会议", U"共青团",
                                                      U"共产党", U"驻",           U"委员会"};

// True when one of kBodiesBeforePlace ends at `p`.
bool BodyBeforePlaceEndsAt(std::u32string_view text, size_t p) {
  for (std::u32string_view w : kBodiesBeforePlace) {
    if (p >= w.size() && text.substr(p - w.size(), w.size()) == w) return true;
  }
  return false;
}

// True when a body that precedes its place opens the name ending at `p`:
// "政协黔东南州…" (no place before 政协), not "永川区政协江津区政协".
bool OpensBeforePlace(std::u32string_view text, size_t p, const Lexicon& lex) {
  for (std::u32string_view w : kBodiesBeforePlace) {
    if (p >= w.size() && text.substr(p - w.size(), w.size()) == w) {
      return lex.place_names.LongestEndingAt(text, p - w.size()) == 0;
    }
  }
  return false;
}

// True when a name starts at `p` rather than before it: a full place name
// (观山湖区, 贵州省) or the province's shorthand 省 starts there, and the Han text
// before it is no place, country, organisation prefix or body that precedes
// its place ("以来观山湖区委" -> 观山湖区委, "期望省外事办" -> 省外事办).
bool PlaceStartsName(std::u32string_view text, size_t p, const Lexicon& lex) {
  if (p == 0 || p >= text.size() || !IsHan(text[p - 1])) return false;
  if (text[p] != U'省') {
    const size_t len = lex.place_names.LongestAt(text, p);
    if (len == 0) return false;
    auto it = lex.places.find(std::u32string(text.substr(p, len)));
    if (it == lex.places.end() || it->second.name.size() != len || it->second.level == U"region") {
      return false;
    }
    // "临夏县", "缙云县": a longer place that starts before `p` and ends with this
    // one (夏县, 云县) is the name's start.
    constexpr size_t kMaxPlaceLead = 4;
    for (size_t back = 1; back <= kMaxPlaceLead && back <= p; ++back) {
      if (lex.place_names.LongestAt(text, p - back) >= back + len) return false;
    }
  }
  if (lex.place_names.LongestEndingAt(text, p) > 0 || lex.countries.LongestEndingAt(text, p) > 0 ||
      lex.org_prefixes.LongestEndingAt(text, p) > 0) {
    return false;
  }
  return !BodyBeforePlaceEndsAt(text, p);
}

}  // namespace

bool IsBodyChar(char32_t c) {
  return IsHan(c) || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         (c >= U'0' && c <= U'9') || c == U'(' || c == U')' || c == U'（' || c == U'）' ||
         c == U'·' || c == U' ' || c == U'-';
}

bool IsJoinerBoundary(std::u32string_view text, size_t pos, const Lexicon& lex) {
  if (lex.institution_suffixes.LongestEndingAt(text, pos) > 0 ||
      lex.project_suffixes.LongestEndingAt(text, pos) > 0 ||
      lex.place_names.LongestEndingAt(text, pos) > 0 ||
      lex.countries.LongestEndingAt(text, pos) > 0) {
    return true;
  }
  // "市长黄振邦与华南理工大学": a person (post + name) ends before the joiner.
  for (size_t name_len : {size_t{2}, size_t{3}}) {
    if (pos < name_len + 1) continue;
    size_t name_begin = pos - name_len;
    if (lex.surnames.LongestAt(text, name_begin) > 0 &&
        lex.posts.LongestEndingAt(text, name_begin) > 0) {
      return true;
    }
  }
  // "。林小燕与滨海边疆区旅游局": a clause-initial full name before the joiner.
  // Not "，区发展和改革局": 区 (a surname too) is the district's shorthand.
  if (pos >= 3 && lex.surnames.LongestAt(text, pos - 3) > 0 && !IsLocalShorthand(text[pos - 3]) &&
      (pos == 3 || !IsBodyChar(text[pos - 4]))) {
    return true;
  }
  size_t next = pos + 1;
  if (next >= text.size()) return true;
  char32_t c = text[next];
  return c == U'各' || c == U'同' || IsLocalShorthand(c) || StartsWithOrgPrefix(text, next, lex) ||
         lex.place_names.LongestAt(text, next) > 0 || lex.town_names.LongestAt(text, next) > 0 ||
         lex.countries.LongestAt(text, next) > 0;
}

bool StartsProperly(std::u32string_view text, size_t pos, const Lexicon& lex) {
  if (pos >= text.size()) return false;
  char32_t c = text[pos];
  return c == U'“' || IsLocalShorthand(c) || StartsWithOrgPrefix(text, pos, lex) ||
         lex.place_names.LongestAt(text, pos) > 0 || lex.town_names.LongestAt(text, pos) > 0 ||
         lex.countries.LongestAt(text, pos) > 0;
}

size_t NameStart(std::u32string_view text, size_t end, const Lexicon& lex, size_t max_chars,
                 NameKind kind) {
  size_t p = end;
  int open_brackets = 0;
  while (p > 0 && end - p < max_chars) {
    const bool joiner = text[p - 1] == U'与' || text[p - 1] == U'和' || text[p - 1] == U'及';
    {
      size_t word = lex.boundary_words.LongestEndingAt(text, p);
      if (kind != NameKind::kBody) {
        word = std::max(word, lex.boundary_verbs.LongestEndingAt(text, p));
      }
      // Event verbs never sit inside a name: "在宜宾会见市委副书记…".
      size_t verb = lex.trigger_words.LongestEndingAt(text, p);
      word = std::max(word, verb >= 2 ? verb : 0);
      word = std::max(word, lex.sign_triggers.LongestEndingAt(text, p));
      // A joiner alone is judged below; a word ending in one ("参与") is a
      // boundary like any other.
      if (joiner && word < 2) word = 0;
      // "对口支援": a boundary word starting a longer word is no boundary.
      if (word > 0 && lex.boundary_protected.LongestEndingAt(text, p) <= word &&
          lex.boundary_protected.LongestAt(text, p - word) <= word) {
        break;
      }
    }
    char32_t c = text[p - 1];
    if (kind == NameKind::kInstitution && c == U'”') {
      size_t open = p - 1;
      while (open > 0 && text[open - 1] != U'“' && p - open < kMaxQuotedInName) --open;
      if (open > 0 && text[open - 1] == U'“') {
        p = open - 1;
        continue;
      }
      break;
    }
    if (!IsBodyChar(c)) break;
    if (kind != NameKind::kBody && c >= U'0' && c <= U'9') break;
    // "318位州政协委员", "(应到359,实到318)位", "500强": a count is no part of
    // a name.
    if (std::u32string_view(U"位名个家所人强次").find(c) != std::u32string_view::npos && p >= 2 &&
        ((text[p - 2] >= U'0' && text[p - 2] <= U'9') || text[p - 2] == U')' ||
         text[p - 2] == U'）')) {
      break;
    }
    // "2026年旗委": a year before a unit word is no part of its name.
    if (c == U'年' && p >= 2 && text[p - 2] >= U'0' && text[p - 2] <= U'9') break;
    if (c == U')' || c == U'）') ++open_brackets;
    if (c == U'(' || c == U'（') {
      if (open_brackets == 0) break;
      --open_brackets;
    }
    if (c == U'与' || c == U'和' || c == U'及') {
      if (p >= 2 && text[p - 2] == U'以') break;
      if (IsJoinerBoundary(text, p - 1, lex)) break;
      --p;
      continue;
    }
    // "以来观山湖区委", "期望省外事办": the name starts at the place.
    if (p < end && PlaceStartsName(text, p, lex)) break;
    // "永川区政协江津区政协": another body ends here and a place starts.
    if (kind != NameKind::kBody && p < end &&
        lex.institution_suffixes.LongestEndingAt(text, p) > 0 &&
        lex.weak_institution_suffixes.LongestEndingAt(text, p) == 0 &&
        !OpensBeforePlace(text, p, lex) &&
        (lex.place_names.LongestAt(text, p) > 0 || lex.countries.LongestAt(text, p) > 0)) {
      break;
    }
    --p;
  }
  while (p < end && text[p] == U' ') ++p;
  return p;
}

}  // namespace guanxi::extract
