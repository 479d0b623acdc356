#include "extract/name_list_finder.h"

#include <algorithm>

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

constexpr size_t kMaxNameChars = 4;    // compound surname + 2
constexpr size_t kMaxListedChars = 8;  // a Mongolian name of three elements
constexpr size_t kMaxAfterEtcChars = 8;  // "等县四套班子领导": where a list's people word may be

// Characters that never sit inside a given name, even one delimited by 、:
// grammar words and the endings of places and bodies. The rest of
// name_stop_chars.txt (和, 中, 与, 知 …) may, once the 、 delimit the name.
bool IsHardStopChar(char32_t c) {
  return std::u32string_view(
             U"的了是在等们各该其这那我你他她年月日时号区市县省镇乡村委局厅部会院校所司处办组队届"
             U"次")
             .find(c) != std::u32string_view::npos;
}

// True when the words after a list's 等 say that the list names people:
// a group word ("等县领导"), a trigger or cue ("等参加", "等也"), or a people
// word before the next punctuation ("等县四套班子领导", "等同志").
bool PeopleFollowEtc(std::u32string_view text, size_t pos, const Lexicon& lex) {
  if (lex.group_words.LongestAt(text, pos) > 0 || lex.trigger_words.LongestAt(text, pos) > 0 ||
      lex.name_followers.LongestAt(text, pos) > 0) {
    return true;
  }
  size_t end = pos;
  while (end < text.size() && end - pos < kMaxAfterEtcChars && !IsPunct(text[end])) ++end;
  std::u32string_view tail = text.substr(pos, end - pos);
  for (std::u32string_view word : {U"领导", U"同志", U"负责人", U"嘉宾", U"人员", U"代表"}) {
    if (tail.find(word) != std::u32string_view::npos) return true;
  }
  return false;
}

// True when a bare name list may end at `pos`: 等 with people after it, a
// trigger word ("参加会见") or a cue of two or more characters ("分别").
bool ListEndsAt(std::u32string_view text, size_t pos, const Lexicon& lex) {
  if (pos >= text.size()) return false;
  if (text[pos] == U'等') return PeopleFollowEtc(text, pos + 1, lex);
  return lex.trigger_words.LongestAt(text, pos) >= 2 ||
         lex.name_followers.LongestAt(text, pos) >= 2 || lex.speech_verbs.LongestAt(text, pos) >= 2;
}

// True when a list's first name may start at `pos`: after punctuation, a
// joiner (以及, 及, 和, 与), a group word or a post.
bool ListMayStartAt(std::u32string_view text, size_t pos, const Lexicon& lex) {
  if (pos == 0 || IsPunct(text[pos - 1]) || IsSpace(text[pos - 1])) return true;
  char32_t c = text[pos - 1];
  if (c == U'及' || c == U'和' || c == U'与' || c == U'有') return true;
  return lex.group_words.LongestEndingAt(text, pos) > 0 || lex.posts.LongestEndingAt(text, pos) > 0;
}

}  // namespace

size_t ListedNameLength(std::u32string_view text, size_t pos, size_t end, const Lexicon& lex) {
  if (end <= pos || end - pos < 2) return 0;
  // "央金卓嘎、达瓦": Tibetan names of name_syllables.txt elements.
  size_t p = pos;
  while (p < end && lex.name_syllables.LongestAt(text.substr(0, end), p) > 0) {
    p += lex.name_syllables.LongestAt(text.substr(0, end), p);
  }
  if (p == end && end - pos <= kMaxListedChars) return end - pos;
  if (end - pos > kMaxNameChars) return 0;
  std::u32string_view name = text.substr(pos, end - pos);
  for (char32_t c : name) {
    if (!IsHan(c)) return 0;
  }
  size_t sur = lex.surnames.LongestAt(text.substr(0, end), pos);
  if (sur == 0 || sur >= name.size()) return 0;
  if (name.size() - sur > 2) {
    // "欧阳" is a surname, but "欧" + 3 is no name either way.
    return 0;
  }
  for (size_t i = sur; i < name.size(); ++i) {
    // A two-character (Yi) family name may take 日 or 各: 阿苦日哈, 沙马伍各.
    bool yi = sur == 2 && (name[i] == U'日' || name[i] == U'各');
    if (IsHardStopChar(name[i]) && !yi) return 0;
  }
  if (lex.place_names.Contains(name) || lex.countries.Contains(name) ||
      lex.name_stop_words.LongestAt(text, pos) >= 2 ||
      lex.name_stop_words.LongestAt(text.substr(0, end), pos + sur) >= 2) {
    return 0;
  }
  for (size_t i = pos; i < end; ++i) {
    std::u32string_view rest = text.substr(0, end);
    if (lex.posts.LongestAt(rest, i) >= 2 || lex.institution_suffixes.LongestAt(rest, i) >= 2 ||
        lex.trigger_words.LongestAt(rest, i) >= 2 || lex.group_words.LongestAt(rest, i) > 0) {
      return 0;
    }
  }
  return name.size();
}

std::vector<PersonHit> FindNameLists(std::u32string_view text, const Lexicon& lex) {
  std::vector<PersonHit> hits;
  for (size_t end = 1; end < text.size(); ++end) {
    if (!IsHan(text[end - 1]) || !ListEndsAt(text, end, lex)) continue;
    // Walk left over "A、B、C": every element but the first is delimited by 、.
    std::vector<Span> names;
    size_t right = end;
    for (;;) {
      size_t left = right;
      while (left > 0 && right - left <= kMaxListedChars && IsHan(text[left - 1])) --left;
      if (left > 0 && text[left - 1] == U'、' &&
          ListedNameLength(text, left, right, lex) == right - left) {
        names.push_back({static_cast<int64_t>(left), static_cast<int64_t>(right)});
        right = left - 1;
        continue;
      }
      // The first name: the longest one that starts where a list may start.
      for (size_t len = std::min(kMaxListedChars, right - left); len >= 2; --len) {
        size_t start = right - len;
        if (ListedNameLength(text, start, right, lex) == len && ListMayStartAt(text, start, lex)) {
          names.push_back({static_cast<int64_t>(start), static_cast<int64_t>(right)});
          break;
        }
      }
      break;
    }
    // A lone name before 等 or a verb is person_finder's business (it needs a
    // post or a speech verb); a list of two or more is evidence enough.
    if (names.size() < 2) continue;
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
      PersonHit hit;
      hit.span = hit.chain = *it;
      hit.name = std::u32string(
          text.substr(static_cast<size_t>(it->begin), static_cast<size_t>(it->end - it->begin)));
      hits.push_back(std::move(hit));
    }
  }
  return hits;
}

}  // namespace guanxi::extract
