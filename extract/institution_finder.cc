#include "extract/institution_finder.h"

#include <algorithm>

#include "extract/name_bounds.h"
#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

constexpr size_t kMaxInstitutionChars = 30;

bool Inside(int64_t pos, const Span& s) { return pos >= s.begin && pos < s.end; }

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

// True for the numerals of a term ("十五届", "第3届").
bool IsTermChar(char32_t c) {
  return std::u32string_view(U"第一二三四五六七八九十0123456789").find(c) !=
         std::u32string_view::npos;
}

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

}  // namespace

std::vector<TextHit> KeepLongest(std::vector<TextHit> hits) {
  std::stable_sort(hits.begin(), hits.end(), [](const TextHit& a, const TextHit& b) {
    return (a.span.end - a.span.begin) > (b.span.end - b.span.begin);
  });
  std::vector<TextHit> kept;
  for (TextHit& h : hits) {
    bool overlaps = false;
    for (const TextHit& k : kept) {
      overlaps = overlaps || (h.span.begin < k.span.end && k.span.begin < h.span.end);
    }
    if (!overlaps) kept.push_back(std::move(h));
  }
  std::sort(kept.begin(), kept.end(),
            [](const TextHit& a, const TextHit& b) { return a.span.begin < b.span.begin; });
  return kept;
}

std::vector<TextHit> FindInstitutions(std::u32string_view text, const Lexicon& lex,
                                      const std::vector<Span>& blocked) {
  std::vector<TextHit> hits;
  for (size_t end = 1; end <= text.size(); ++end) {
    size_t suffix = lex.institution_suffixes.LongestEndingAt(text, end);
    if (suffix == 0) continue;
    // "管委会" rather than its "管委".
    if (end < text.size() && lex.institution_suffixes.LongestEndingAt(text, end + 1) > suffix)
      continue;
    size_t suffix_begin = end - suffix;
    if (EndingIsWordPart(text, suffix_begin, end, lex)) continue;
    bool in_blocked = false;
    for (const Span& b : blocked)
      in_blocked = in_blocked || Inside(static_cast<int64_t>(end - 1), b);
    if (in_blocked) continue;
    size_t begin = NameStart(text, suffix_begin, lex, kMaxInstitutionChars, NameKind::kInstitution);
    for (const Span& b : blocked) {
      if (b.end > static_cast<int64_t>(begin) && b.end <= static_cast<int64_t>(suffix_begin)) {
        begin = static_cast<size_t>(b.end);
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
  return KeepLongest(std::move(hits));
}

}  // namespace guanxi::extract
