#include "extract/name_shapes.h"

#include <algorithm>

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

constexpr size_t kMaxForeignPart = 8;
// Punctuation after a name is a stronger cue than any follower word.
constexpr size_t kPunctuationStrength = 100;

}  // namespace

bool IsNameChar(char32_t c, const Lexicon& lex) {
  return IsHan(c) && !lex.name_stop_chars.count(c);
}

// True when a name may end right before `pos`.
bool NameMayEndAt(std::u32string_view text, size_t pos, const Lexicon& lex) {
  if (pos >= text.size()) return true;
  char32_t c = text[pos];
  if (IsPunct(c) || IsSpace(c)) return true;
  return lex.name_followers.LongestAt(text, pos) > 0 || lex.honorifics.LongestAt(text, pos) > 0 ||
         lex.trigger_words.LongestAt(text, pos) > 0 || lex.speech_verbs.LongestAt(text, pos) > 0;
}

// How strongly the text at `pos` suggests that a name ended there: 0 not at
// all, else the length of the follower word (punctuation and the end count most).
size_t FollowerStrength(std::u32string_view text, size_t pos, const Lexicon& lex) {
  if (pos >= text.size() || IsPunct(text[pos]) || IsSpace(text[pos])) {
    return kPunctuationStrength;
  }
  return std::max({lex.name_followers.LongestAt(text, pos), lex.honorifics.LongestAt(text, pos),
                   lex.trigger_words.LongestAt(text, pos), lex.speech_verbs.LongestAt(text, pos)});
}

// True when a common word (a verb of name_stop_words.txt, a speech verb, an
// event trigger) of two or more characters starts at `pos`: "区长强调" names
// no one.
bool IsCommonWordAt(std::u32string_view text, size_t pos, const Lexicon& lex) {
  return std::max({lex.name_stop_words.LongestAt(text, pos), lex.speech_verbs.LongestAt(text, pos),
                   lex.trigger_words.LongestAt(text, pos)}) >= 2;
}

size_t ChineseNameAt(std::u32string_view text, size_t pos, const Lexicon& lex) {
  size_t sur = lex.surnames.LongestAt(text, pos);
  if (sur == 0 || IsCommonWordAt(text, pos, lex)) return 0;
  // Of "surname + 2" and "surname + 1", take the one whose follower is the
  // stronger cue: "蔡焱陪同" is 蔡焱 + 陪同, not 蔡焱陪 + 同.
  size_t best = 0;
  size_t best_score = 0;
  for (size_t given = 2; given >= 1; --given) {
    size_t len = sur + given;
    if (pos + len > text.size()) continue;
    bool ok = true;
    for (size_t i = pos + sur; i < pos + len; ++i) {
      // "马长青": 长 ends posts, but may start a two-character given name;
      // "田和生", "陈志和", "何中华", "李建中": 和 and 中 may be either
      // character of one (the cue after the name tells it from the joiner of
      // "张三和李四").
      // Yi names after a two-character family name hold 日 and 各 (阿苦日哈,
      // 沙马伍各), which otherwise end names.
      bool in_given =
          given == 2 && ((i == pos + sur && text[i] == U'长') || text[i] == U'和' ||
                         text[i] == U'中' || (sur == 2 && (text[i] == U'日' || text[i] == U'各')));
      ok = ok && (IsNameChar(text[i], lex) || in_given);
    }
    // "王强调研": a given name is never a common word (强调).
    ok = ok && !(given == 2 && IsCommonWordAt(text.substr(0, pos + len), pos + sur, lex));
    // "区政府指出": a body's ending (政府, 政协) never ends a name.
    ok = ok && lex.institution_suffixes.LongestEndingAt(text, pos + len) < 2;
    size_t score = ok ? FollowerStrength(text, pos + len, lex) : 0;
    if (score > best_score) best = len, best_score = score;
  }
  return best;
}

size_t SyllableNameAt(std::u32string_view text, size_t pos, const Lexicon& lex) {
  constexpr size_t kMaxSyllables = 3;
  std::vector<size_t> ends;  // where a name of 1, 2, 3 elements would end
  size_t p = pos;
  while (ends.size() < kMaxSyllables) {
    size_t len = lex.name_syllables.LongestAt(text, p);
    if (len == 0) break;
    p += len;
    ends.push_back(p);
  }
  // The longest that a name cue follows.
  for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
    if (NameMayEndAt(text, *it, lex)) return *it - pos;
  }
  return 0;
}

size_t LatinNameAt(std::u32string_view text, size_t pos) {
  constexpr size_t kMaxLatinChars = 32;
  auto upper = [](char32_t c) { return c >= U'A' && c <= U'Z'; };
  auto lower = [](char32_t c) { return (c >= U'a' && c <= U'z') || c == U'-' || c == U'\''; };
  size_t p = pos;
  size_t words = 0;
  while (p < text.size() && p - pos < kMaxLatinChars && upper(text[p])) {
    size_t q = p + 1;
    while (q < text.size() && lower(text[q])) ++q;
    if (q == p + 1) return 0;  // "ABC": an acronym, not a name
    ++words;
    p = q;
    if (p + 1 < text.size() && text[p] == U' ' && upper(text[p + 1])) {
      ++p;
      continue;
    }
    break;
  }
  if (words < 2 || (p < text.size() && (upper(text[p]) || lower(text[p])))) return 0;
  return p - pos;
}

size_t ForeignNameAt(std::u32string_view text, size_t pos, const Lexicon& lex) {
  // "代表詹姆斯·…": a name never starts with a cue word.
  if (lex.name_followers.LongestAt(text, pos) >= 2) return 0;
  size_t p = pos;
  size_t last_dot = std::u32string_view::npos;
  while (p < text.size() && (IsHan(text[p]) || text[p] == U'·') && p - pos < 24) {
    if (text[p] == U'·') {
      if (p == pos || last_dot == p - 1) return 0;
      last_dot = p;
    } else if (last_dot != std::u32string_view::npos && p > last_dot + 1 &&
               NameMayEndAt(text, p, lex)) {
      // "米吉提·阿不都热合曼主持": 都 is a cue ("他们都") and a common
      // syllable of Uyghur names (阿不都); inside a name it ends it only
      // before a non-name character. Other cues ("率团", "在云岭") end it.
      size_t cue = lex.name_followers.LongestAt(text, p);
      bool syllable = cue == 1 && text[p] == U'都' && p + 1 < text.size() && IsHan(text[p + 1]) &&
                      lex.name_followers.LongestAt(text, p + 1) == 0;
      // "沙吾提出席": a cue (提出) that a longer cue overlaps (出席) starts one
      // character later.
      syllable =
          syllable || (cue >= 2 && std::max(lex.name_followers.LongestAt(text, p + 1),
                                            lex.trigger_words.LongestAt(text, p + 1)) >= cue);
      if (cue > 0 && !syllable) break;
    }
    ++p;
  }
  if (last_dot == std::u32string_view::npos || p == last_dot + 1) return 0;
  // "总领事馆总领事本·西萨蒙": a post or a body inside is no part of a name.
  for (size_t q = pos; q < p; ++q) {
    if (lex.posts.LongestAt(text, q) >= 2 || lex.institution_suffixes.LongestAt(text, q) >= 2) {
      return 0;
    }
  }
  // Each part is short: the last one after its dot, the first one before its dot.
  size_t first_dot = text.find(U'·', pos);
  if (p - last_dot - 1 > kMaxForeignPart || first_dot - pos > kMaxForeignPart) return 0;
  return p - pos;
}

// Length of a name without a (known) surname right after a post: Mongolian
// names (额尔敦毕力格), Vietnamese names without a dot (黎氏青兰). 2–6 name
// characters, none starting a word that names no one (a post, a body's
// ending, a verb), ended by a list separator or a name cue; 0 if none.
size_t SurnamelessNameAt(std::u32string_view text, size_t pos, const Lexicon& lex) {
  constexpr size_t kMinChars = 2;
  constexpr size_t kMaxChars = 6;
  // "委员满怀豪情", "专家学者": a common word starts no name.
  if (lex.name_stop_words.LongestAt(text, pos) >= 2) return 0;
  for (size_t p = pos; p < text.size() && p - pos <= kMaxChars; ++p) {
    char32_t c = text[p];
    if (p - pos >= kMinChars &&
        (c == U'、' || c == U'，' || c == U',' || c == U'；' || c == U';' ||
         lex.trigger_words.LongestAt(text, p) >= 2 || lex.name_followers.LongestAt(text, p) >= 2)) {
      return p - pos;
    }
    // "巴图孟和结合…": 和 may end a name that a cue of two characters follows.
    if (c == U'和' && p - pos >= kMinChars &&
        (lex.trigger_words.LongestAt(text, p + 1) >= 2 ||
         lex.name_followers.LongestAt(text, p + 1) >= 2)) {
      return p + 1 - pos;
    }
    if (!IsNameChar(c, lex) || lex.posts.LongestAt(text, p) > 0 ||
        lex.institution_suffixes.LongestAt(text, p) > 0 ||
        lex.trigger_words.LongestAt(text, p) > 0 || lex.speech_verbs.LongestAt(text, p) > 0 ||
        lex.name_followers.LongestAt(text, p) > 0 || lex.boundary_words.LongestAt(text, p) > 0 ||
        lex.boundary_verbs.LongestAt(text, p) > 0 || lex.group_words.LongestAt(text, p) > 0) {
      return 0;
    }
  }
  return 0;
}

}  // namespace guanxi::extract
