#include "extract/institution_finder.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "extract/name_bounds.h"
#include "extract/name_list_finder.h"
#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

constexpr size_t kMaxInstitutionChars = 30;

// True when the ending at [begin, end) is part of an ordinary word that runs
// past it ("委托", "部门", "政协委员") or ends with it ("全部", "干部").
bool EndingIsWordPart(std::u32string_view text, size_t begin, size_t end, const Lexicon& lex) {
  size_t from = begin >= 3 ? begin - 3 : 0;
  for (size_t p = from; p < end; ++p) {
    size_t len = lex.institution_exclusions.LongestAt(text, p);
    if (len > 0 && p + len >= end && (p + len > end || p < begin)) return true;
  }
  return false;
}

// True when a closing bracket in `s` has no opening one before it.
bool Unbalanced(std::u32string_view s) {
  int depth = 0;
  for (char32_t c : s) {
    if (c == U'(' || c == U'（') ++depth;
    if ((c == U')' || c == U'）') && --depth < 0) return true;
  }
  return false;
}

// True when the name at [begin, end) is where a meeting is held: "在榆林国际
// 会展中心举行", "在市会议中心隆重开幕" (GOLD_FORMAT: a venue is a place).
bool IsVenue(std::u32string_view text, size_t begin, size_t end) {
  constexpr size_t kMaxVerbDistance = 6;
  if (begin == 0 || text[begin - 1] != U'在') return false;
  for (size_t p = end; p < text.size() && p - end <= kMaxVerbDistance && !IsPunct(text[p]); ++p) {
    for (std::u32string_view verb :
         {U"举行", U"召开", U"开幕", U"举办", U"落幕", U"闭幕", U"会见", U"会谈", U"座谈"}) {
      if (HasAt(text, p, verb)) return true;
    }
  }
  return false;
}

// True for the characters of a term's or a session's number ("十五届", "第3届").
bool IsTermChar(char32_t c) { return c == U'第' || IsTermNumeral(c); }

// True when a session's number follows `pos`: "三次会议", "第五次全体会议".
bool IsSessionAt(std::u32string_view text, size_t pos) {
  size_t p = pos;
  while (p < text.size() && IsTermChar(text[p])) ++p;
  if (p == pos || p >= text.size() || text[p] != U'次') return false;
  for (std::u32string_view meeting : {U"会议", U"全体会议", U"全会", U"常委会会议"}) {
    if (HasAt(text, p + 1, meeting)) return true;
  }
  return false;
}

// True when a kind of organisation (body_kinds.txt) ends the words after a
// list's 等 ("等5家单位", "等涉及产业出海的行业龙头企业").
bool BodyKindFollows(std::u32string_view text, size_t pos, const Lexicon& lex) {
  constexpr size_t kMaxKindDistance = 16;
  for (size_t q = pos; q < text.size() && q - pos <= kMaxKindDistance && !IsPunct(text[q]); ++q) {
    // "…等理论研究情况以及高校": the kind belongs to another phrase.
    if (text[q] == U'和' || HasAt(text, q, U"以及")) return false;
    if (lex.body_kinds.LongestAt(text, q) > 0) return true;
  }
  return false;
}

bool IsLatinOrDigit(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9');
}

// True when `name` may be a body named in a list: not a place, a country, a
// generic mention, a person's name, nor words with a post or a verb.
bool MayBeListedBody(std::u32string_view text, size_t begin, size_t end, bool bodies,
                     const Lexicon& lex) {
  constexpr size_t kMaxListedChars = 20;
  if (end - begin < 2 || end - begin > kMaxListedChars) return false;
  if (!IsHan(text[begin]) && !(text[begin] >= U'A' && text[begin] <= U'Z')) return false;
  std::u32string name(text.substr(begin, end - begin));
  if (lex.place_names.Contains(name) || lex.countries.Contains(name) ||
      lex.generic_institutions.Matches(name) ||
      (!bodies && ListedNameLength(text, begin, end, lex) > 0)) {
    return false;
  }
  for (size_t i = begin; i < end; ++i) {
    std::u32string_view upto = text.substr(0, end);
    if (lex.posts.LongestAt(upto, i) >= 2 || lex.trigger_words.LongestAt(upto, i) >= 2 ||
        lex.boundary_verbs.LongestAt(upto, i) >= 2 ||
        lex.project_suffixes.LongestAt(upto, i) >= 2) {
      return false;
    }
  }
  return true;
}

// Bodies listed before 等 and a kind of organisation: "重庆邮电大学、全感互娱、
// 爱奇艺等5家单位", "以及长城汽车和雅迪电动摩托车等龙头企业". Companies are
// often named without a legal suffix; the list says what they are.
std::vector<TextHit> FindListedBodies(std::u32string_view text, const Lexicon& lex) {
  std::vector<TextHit> hits;
  for (size_t etc = 2; etc < text.size(); ++etc) {
    if (text[etc] != U'等' || !BodyKindFollows(text, etc + 1, lex)) continue;
    // The names, right to left: runs between 、, the last one split at a joiner.
    std::vector<Span> names;
    size_t end = etc;
    for (;;) {
      size_t begin = end;
      while (begin > 0 && (IsBodyChar(text[begin - 1]) && text[begin - 1] != U' ')) --begin;
      // "SKY NET": a space between Latin letters is part of the name.
      while (begin > 1 && text[begin - 1] == U' ' && IsLatinOrDigit(text[begin - 2])) {
        --begin;
        while (begin > 0 && IsLatinOrDigit(text[begin - 1])) --begin;
      }
      // The first name starts where a name may: after a verb or a word of the
      // sentence ("会议邀请了A和B等…企业").
      begin =
          std::max(begin, NameStart(text, end, lex, kMaxInstitutionChars, NameKind::kInstitution));
      size_t joiner = begin;
      for (size_t k = end; k > begin + 1; --k) {
        char32_t c = text[k - 1];
        if (c == U'和' || c == U'及' || c == U'与') {
          joiner = k;
          break;
        }
      }
      if (end - joiner < 2) break;
      names.push_back({static_cast<int64_t>(joiner), static_cast<int64_t>(end)});
      if (joiner > begin) {
        end = joiner - 1;  // the name before the joiner
        continue;
      }
      if (begin == 0 || text[begin - 1] != U'、') break;
      end = begin - 1;
    }
    // A list with a name that ends like a body is a list of bodies: its
    // other names may look like people's ("爱奇艺").
    bool bodies = false;
    for (const Span& n : names) {
      bodies =
          bodies || lex.institution_suffixes.LongestEndingAt(text, static_cast<size_t>(n.end)) >= 2;
    }
    for (const Span& n : names) {
      const auto b = static_cast<size_t>(n.begin);
      const auto e = static_cast<size_t>(n.end);
      if (!MayBeListedBody(text, b, e, bodies, lex)) break;
      hits.push_back({std::u32string(text.substr(b, e - b)), n});
    }
  }
  return hits;
}

// Length of a unit of a body (科技处, 国际合作与交流处) printed at `pos`: Han
// characters ending in 处 before punctuation or a word about its people; 0
// when none.
size_t UnitAt(std::u32string_view text, size_t pos, const Lexicon& lex) {
  constexpr size_t kMaxUnitChars = 9;
  for (size_t q = pos + 2; q <= text.size() && q - pos <= kMaxUnitChars && IsHan(text[q - 1]);
       ++q) {
    // A word of the sentence (two characters or more: 就 alone is 就业's) ends it.
    if (lex.boundary_words.LongestEndingAt(text, q) >= 2 ||
        lex.boundary_verbs.LongestEndingAt(text, q) >= 2) {
      return 0;
    }
    if (text[q - 1] != U'处') continue;
    bool ends = q == text.size() || IsPunct(text[q]) || lex.posts.LongestAt(text, q) > 0 ||
                HasAt(text, q, U"负责") || text[q] == U'等';
    if (ends) return q - pos;
  }
  return 0;
}

// Units printed right after a body ("江西理工大学科技处") and listed after the
// first one ("…科技处、招生就业处"): each is the body's unit.
std::vector<TextHit> FindUnits(std::u32string_view text, const std::vector<TextHit>& bodies,
                               const Lexicon& lex) {
  std::vector<TextHit> units;
  for (const TextHit& body : bodies) {
    auto end = static_cast<size_t>(body.span.end);
    if (lex.weak_institution_suffixes.LongestEndingAt(text, end) > 0) continue;
    size_t len = UnitAt(text, end, lex);
    if (len == 0) continue;
    units.push_back({body.text + std::u32string(text.substr(end, len)),
                     {body.span.begin, static_cast<int64_t>(end + len)}});
    for (size_t p = end + len; p + 1 < text.size() && text[p] == U'、';) {
      size_t more = UnitAt(text, p + 1, lex);
      if (more == 0) break;
      units.push_back({body.text + std::u32string(text.substr(p + 1, more)),
                       {static_cast<int64_t>(p + 1), static_cast<int64_t>(p + 1 + more)}});
      p += 1 + more;
    }
  }
  return units;
}

// Companies by their short names, where the text treats them as companies:
// "走访了…企业炎农果业", "延红果业加工车间", "唐崖茶业董事长". A brand of two to
// four characters and a trade of company_endings.txt.
std::vector<TextHit> FindShortCompanies(std::u32string_view text, const Lexicon& lex) {
  constexpr size_t kMinBrand = 2;
  constexpr size_t kMaxBrand = 4;
  std::vector<TextHit> hits;
  for (size_t end = 3; end <= text.size(); ++end) {
    size_t trade = lex.company_endings.LongestEndingAt(text, end);
    if (trade == 0 || (end < text.size() && IsHan(text[end]) &&
                       lex.company_endings.LongestEndingAt(text, end + 1) > 0)) {
      continue;
    }
    bool premises = false;
    for (std::u32string_view after : {U"董事长", U"总经理", U"负责人", U"生产车间", U"加工车间",
                                      U"车间", U"厂区", U"生产基地"}) {
      premises = premises || HasAt(text, end, after);
    }
    const size_t brand_end = end - trade;
    for (size_t brand = kMaxBrand; brand >= kMinBrand; --brand) {
      if (brand_end < brand) continue;
      const size_t begin = brand_end - brand;
      bool han = true;
      for (size_t i = begin; i < brand_end; ++i) han = han && IsHan(text[i]);
      if (!han) continue;
      const bool after_kind = HasAt(text, begin >= 2 ? begin - 2 : 0, U"企业") && begin >= 2;
      // The brand starts after punctuation, a joiner or a word of the
      // sentence ("在唐崖茶业生产车间", "示范园和延红果业加工车间").
      const bool starts =
          begin == 0 || !IsHan(text[begin - 1]) || after_kind ||
          std::u32string_view(U"和与及在到").find(text[begin - 1]) != std::u32string_view::npos ||
          lex.boundary_words.LongestEndingAt(text, begin) > 0 ||
          lex.boundary_verbs.LongestEndingAt(text, begin) > 0;
      if (!starts || !(premises || after_kind)) continue;
      // "现代农业", "数字科技": a brand is no common word.
      if (lex.boundary_words.LongestAt(text, begin) > 0 ||
          lex.boundary_verbs.LongestAt(text, begin) > 0 ||
          lex.place_names.LongestAt(text, begin) == brand) {
        continue;
      }
      hits.push_back({std::u32string(text.substr(begin, end - begin)),
                      {static_cast<int64_t>(begin), static_cast<int64_t>(end)}});
      break;
    }
  }
  return hits;
}

}  // namespace

std::vector<TextHit> KeepLongest(std::vector<TextHit> hits) {
  std::stable_sort(hits.begin(), hits.end(), [](const TextHit& a, const TextHit& b) {
    return (a.span.end - a.span.begin) > (b.span.end - b.span.begin);
  });
  std::vector<TextHit> kept;
  // The kept spans never overlap: by begin, the one starting last before a
  // span's end is the only one that may overlap it.
  std::map<int64_t, int64_t> kept_spans;  // begin -> end
  for (TextHit& h : hits) {
    bool overlaps = false;
    if (h.span.begin < h.span.end) {
      auto next = kept_spans.lower_bound(h.span.end);
      overlaps = next != kept_spans.begin() && std::prev(next)->second > h.span.begin;
    } else {
      // An empty span overlaps a span holding its position strictly inside.
      auto next = kept_spans.upper_bound(h.span.begin);
      overlaps = next != kept_spans.begin() && std::prev(next)->first < h.span.begin &&
                 std::prev(next)->second > h.span.begin;
    }
    if (overlaps) continue;
    if (h.span.begin < h.span.end) kept_spans.emplace(h.span.begin, h.span.end);
    kept.push_back(std::move(h));
  }
  std::sort(kept.begin(), kept.end(),
            [](const TextHit& a, const TextHit& b) { return a.span.begin < b.span.begin; });
  return kept;
}

std::vector<TextHit> FindInstitutions(std::u32string_view text, const Lexicon& lex,
                                      const std::vector<Span>& blocked) {
  std::vector<TextHit> hits;
  // Where blocked spans (people's names and posts) lie, for questions asked at
  // every ending: the positions inside one, the positions where one ends.
  std::vector<bool> inside_blocked(text.size() + 1, false);
  std::vector<bool> blocked_end(text.size() + 1, false);
  for (const Span& b : blocked) {
    for (int64_t p = std::max<int64_t>(b.begin, 0);
         p < b.end && p < static_cast<int64_t>(text.size()); ++p) {
      inside_blocked[static_cast<size_t>(p)] = true;
    }
    if (b.end >= 0 && b.end <= static_cast<int64_t>(text.size())) {
      blocked_end[static_cast<size_t>(b.end)] = true;
    }
  }
  auto blocked_at = [&](int64_t pos) {
    return pos >= 0 && pos < static_cast<int64_t>(text.size()) &&
           inside_blocked[static_cast<size_t>(pos)];
  };
  for (size_t end = 1; end <= text.size(); ++end) {
    size_t suffix = lex.institution_suffixes.LongestEndingAt(text, end);
    if (suffix == 0) continue;
    // "管委会" rather than its "管委".
    if (end < text.size() && lex.institution_suffixes.LongestEndingAt(text, end + 1) > suffix)
      continue;
    size_t suffix_begin = end - suffix;
    if (EndingIsWordPart(text, suffix_begin, end, lex)) continue;
    if (blocked_at(static_cast<int64_t>(end - 1))) continue;
    size_t begin = NameStart(text, suffix_begin, lex, kMaxInstitutionChars, NameKind::kInstitution);
    // A blocked span ending between the name's start and its ending cuts it
    // (the last one).
    for (size_t p = suffix_begin; p > begin; --p) {
      if (blocked_end[p]) {
        begin = p;
        break;
      }
    }
    if (begin >= suffix_begin && suffix < 2) continue;
    size_t mention_end = end;
    if (lex.weak_institution_suffixes.LongestEndingAt(text, end) == suffix) {
      // A weak ending ("中心", "学校") names a body only after a proper start;
      // "重庆文理学院科技创新中心" stands for the college it starts with.
      size_t inner = 0;
      for (size_t k = begin + 2; k <= suffix_begin; ++k) {
        if (lex.institution_suffixes.LongestEndingAt(text, k) > 0 &&
            lex.weak_institution_suffixes.LongestEndingAt(text, k) == 0) {
          inner = k;
        }
      }
      if (!StartsProperly(text, begin, lex)) continue;
      // "张北云计算数据中心项目": a venue being built is part of the project.
      if (lex.project_suffixes.LongestAt(text, end) >= 2) continue;
      // "区政府办公室": a body's own office is one body with it.
      bool own_office = inner == suffix_begin && (HasAt(text, suffix_begin, U"办公室") ||
                                                  HasAt(text, suffix_begin, U"办公厅"));
      if (inner > 0 && !own_office) mention_end = inner;
    }
    // "十五届人大三次会议": a session, not the body.
    if ((HasAt(text, mention_end - 2, U"人大") || HasAt(text, mention_end - 2, U"政协")) &&
        IsSessionAt(text, mention_end)) {
      continue;
    }
    // "十五届人大": a term before a generic body names none.
    size_t term_end = begin;
    while (term_end < mention_end && IsTermChar(text[term_end])) ++term_end;
    if (term_end > begin && term_end < mention_end && text[term_end] == U'届') begin = term_end + 1;
    // "在榆林国际会展中心举行": a centre, a hall where a meeting is held is a
    // venue; a body hosting it ("在市人大常委会举行") stays a body.
    if (lex.weak_institution_suffixes.LongestEndingAt(text, mention_end) > 0 &&
        IsVenue(text, begin, mention_end)) {
      continue;
    }
    std::u32string mention(text.substr(begin, mention_end - begin));
    // "各县(市、区)党委": a name never starts inside brackets.
    if (Unbalanced(mention)) continue;
    if (mention.size() < 2 || lex.generic_institutions.Matches(mention) ||
        lex.institution_exclusions.Contains(mention) || lex.place_names.Contains(mention) ||
        lex.posts.LongestEndingAt(mention, mention.size()) >= 2) {
      continue;
    }
    hits.push_back(
        {std::move(mention), {static_cast<int64_t>(begin), static_cast<int64_t>(mention_end)}});
  }
  for (TextHit& h : FindListedBodies(text, lex)) {
    if (!blocked_at(h.span.begin)) hits.push_back(std::move(h));
  }
  for (TextHit& h : FindUnits(text, hits, lex)) hits.push_back(std::move(h));
  for (TextHit& h : FindShortCompanies(text, lex)) {
    if (!blocked_at(h.span.begin)) hits.push_back(std::move(h));
  }
  return KeepLongest(std::move(hits));
}

}  // namespace guanxi::extract
