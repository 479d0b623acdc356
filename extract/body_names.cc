#include "extract/body_names.h"

#include <algorithm>

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

constexpr size_t kMaxMissionPlaceChars = 4;  // 乌鲁木齐

}  // namespace

// True when a body printed before a post names an institution: not generic,
// not a country ("越南国家主席"), and not a mission without its office
// ("巴基斯坦驻华大使" names no 大使馆).
bool IsBody(const std::u32string& body, const Lexicon& lex) {
  if (lex.generic_institutions.Matches(body) || lex.countries.Contains(body)) return false;
  // "…驻华", "…驻成都": the body stops at the place the mission is in.
  size_t at = body.rfind(U'驻');
  return at == std::u32string::npos || at == 0 || body.size() - at > kMaxMissionPlaceChars + 1;
}

// The state whose post `body` prints without naming a body of it: "缅甸"
// (缅甸代总统), "越南驻沪" (越南驻沪总领事), "中国驻缅甸" (中国驻缅甸大使);
// empty otherwise or when the item does not list that country.
std::u32string StateOfPost(std::u32string_view body, std::u32string_view title,
                           const std::vector<std::u32string>& countries, const Lexicon& lex) {
  // Posts of a state or its missions; "俄罗斯专家" serves no state.
  bool state_post = false;
  for (std::u32string_view post : {U"大使", U"领事", U"参赞", U"秘书", U"武官", U"总统", U"总理",
                                   U"首相", U"国王", U"议长", U"主席", U"部长", U"外长", U"代表"}) {
    state_post = state_post || title.ends_with(post);
  }
  if (!state_post) return {};
  size_t len = lex.countries.LongestAt(body, 0);
  if (len == 0) return {};
  size_t at = body.find(U'驻');
  bool mission = at == len && body.size() - at <= kMaxMissionPlaceChars + 1;
  if (len != body.size() && !mission) return {};
  const std::u32string& state = lex.country_canonical.at(std::u32string(body.substr(0, len)));
  return std::find(countries.begin(), countries.end(), state) != countries.end() ? state
                                                                                 : std::u32string();
}

// The number of a term printed at `pos` ("十届", "第十届", "10届"), with the
// characters it spans; {0, 0} when none starts there.
std::pair<int, size_t> TermAt(std::u32string_view text, size_t pos) {
  // No body has sat a thousand terms: a longer run of digits is some other
  // number ("7777777777主任"), and would overflow `value`.
  constexpr int kMaxTerm = 999;
  size_t p = pos;
  if (p < text.size() && text[p] == U'第') ++p;
  int value = 0;
  int digits = 0;
  for (; p < text.size(); ++p) {
    if (value > kMaxTerm) return {0, 0};
    char32_t c = text[p];
    if (c >= U'0' && c <= U'9') {
      value = value * 10 + static_cast<int>(c - U'0');
    } else if (c == U'十') {
      value = (value == 0 ? 1 : value) * 10;
    } else if (size_t d = std::u32string_view(U"一二三四五六七八九").find(c);
               d != std::u32string_view::npos) {
      value = value - value % 10 + static_cast<int>(d) + 1;
    } else {
      break;
    }
    ++digits;
  }
  if (digits == 0 || p >= text.size() || text[p] != U'届') return {0, 0};
  return {value, p + 1 - pos};
}

// The everyday name of a body printed in its formal form: "中国人民政治协商会议
// 黔东南苗族侗族自治州委员会" -> "黔东南州政协", "中国共产党峡江县委员会" ->
// "峡江县委". Other names are returned as they are.
std::u32string EverydayName(const std::u32string& name, const Lexicon& lex) {
  constexpr std::pair<std::u32string_view, std::u32string_view> kFormal[] = {
      {U"中国人民政治协商会议", U"政协"}, {U"政协", U"政协"}, {U"中国共产党", U"委"}};
  constexpr std::u32string_view kCommittee = U"委员会";
  for (const auto& [prefix, everyday] : kFormal) {
    if (!name.starts_with(prefix) || !name.ends_with(kCommittee)) continue;
    std::u32string_view place(name);
    place.remove_prefix(prefix.size());
    place.remove_suffix(kCommittee.size());
    const std::vector<uint32_t>& senses = lex.PlaceSenses(place);
    if (senses.empty()) continue;
    const Place& p = lex.all_places[senses.front()];
    // An autonomous prefecture goes by its 州 form (黔东南州), others by name.
    std::u32string_view common = p.name.ends_with(U"自治州") && !p.short_forms.empty()
                                     ? std::u32string_view(p.short_forms.front())
                                     : std::u32string_view(p.name);
    return std::u32string(common) + std::u32string(everyday);
  }
  return name;
}

// `name` without a term's committee at its end: "永川区文联第五届委员会" ->
// "永川区文联" (a body's term is the body; its 常务委员会 is a body of its own).
std::u32string WithoutTerm(const std::u32string& name, const Lexicon& lex) {
  constexpr std::u32string_view kCommittee = U"届委员会";
  if (!name.ends_with(kCommittee)) return EverydayName(name, lex);
  size_t at = name.size() - kCommittee.size();
  while (at > 0 && IsTermNumeral(name[at - 1])) --at;
  if (at > 0 && name[at - 1] == U'第') --at;
  std::u32string body = name.substr(0, at);
  if (lex.institution_suffixes.LongestEndingAt(body, body.size()) > 0) return body;
  // "政协林芝市第五届委员会": the body of the formal name, else the name as printed.
  std::u32string formal = body + std::u32string(kCommittee.substr(1));
  std::u32string everyday = EverydayName(formal, lex);
  return everyday != formal ? everyday : name;
}

// The latest term the item prints ("政协第十届委员会" -> 10); 0 for none.
int LatestTerm(std::u32string_view text) {
  // Only where a 届 is printed: walk back over its numerals.
  int latest = 0;
  for (size_t at = text.find(U'届'); at != std::u32string_view::npos;
       at = text.find(U'届', at + 1)) {
    size_t from = at;
    while (from > 0 && (text[from - 1] == U'第' || IsTermNumeral(text[from - 1]))) --from;
    if (from < at) latest = std::max(latest, TermAt(text, from).first);
  }
  return latest;
}

// True for a post held before the item: "原主席", "前任书记", or a post of an
// earlier term than the item's latest ("七届州政协主席" in an item about the
// tenth).
bool IsFormerPost(const PostClaim& claim, int current_term) {
  if (claim.title.starts_with(U"原") || claim.title.starts_with(U"前任") ||
      claim.title.starts_with(U"前") || claim.body.starts_with(U"原")) {
    return true;
  }
  auto [term, len] = TermAt(claim.body, 0);
  return len > 0 && term < current_term;
}

// The body meant by a bare kind printed before a post ("公司总经理", "学校校长"):
// the last institution named before `pos` whose name ends with that kind
// (…农业科技有限公司). Empty when `kind` is no bare kind or none was named.
std::u32string NamedBefore(std::u32string_view kind, int64_t pos,
                           const std::vector<TextHit>& institutions, const Lexicon& lex) {
  bool bare = false;
  for (std::u32string_view k :
       {U"公司", U"集团", U"学校", U"学院", U"大学", U"医院", U"银行", U"企业"}) {
    bare = bare || kind == k;
  }
  if (!bare) return {};
  // "企业董事长" after "唐崖茶业": a company by any of its names.
  auto is_kind = [&](const std::u32string& name) {
    if (name.size() <= kind.size()) return false;
    if (kind == U"企业" || kind == U"公司") {
      return name.ends_with(U"公司") || name.ends_with(U"集团") ||
             lex.company_endings.LongestEndingAt(name, name.size()) > 0;
    }
    return name.ends_with(kind);
  };
  std::u32string found;
  int64_t found_at = -1;
  for (const TextHit& h : institutions) {
    if (h.span.end <= pos && h.span.begin > found_at && is_kind(h.text)) {
      found = h.text;
      found_at = h.span.begin;
    }
  }
  return found;
}

}  // namespace guanxi::extract
