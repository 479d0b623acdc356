#include "extract/lead_shapes.h"

#include "extract/lexicon.h"
#include "extract/text_util.h"

namespace guanxi::extract {

// Length of a dateline byline at the start: "本报讯(渝西都市报记者 X)",
// "新华社北京11月3日电(记者 X)". 0 when there is none.
size_t BylineLength(std::u32string_view line) {
  // "本报讯 6月1日,…", "重庆日报讯(记者 张璐)…": a paper's name, 讯, maybe a
  // bracket. A headline "【快讯】…" is none.
  for (size_t i = 2; i < line.size() && i < 12 && IsHan(line[0]); ++i) {
    if (!IsHan(line[i - 1])) break;
    if (line[i] != U'讯') continue;
    size_t end = i + 1;
    if (end < line.size() && (line[end] == U'(' || line[end] == U'（')) {
      size_t close = end + 1;
      while (close < line.size() && close < end + 60 && line[close] != U')' &&
             line[close] != U'）') {
        ++close;
      }
      if (close < line.size() && close < end + 60) end = close + 1;
    }
    while (end < line.size() && IsSpace(line[end])) ++end;
    return end;
  }
  // "新华社北京11月3日电(记者 X)", "某某融媒报道(全媒体记者:X)".
  for (size_t i = 1; i < line.size() && i < 24; ++i) {
    bool ending = line[i] == U'讯' || line[i] == U'电' || HasAt(line, i - 1, U"报道");
    if (ending && i + 1 < line.size() && (line[i + 1] == U'(' || line[i + 1] == U'（')) {
      for (size_t j = i + 2; j < line.size() && j < i + 60; ++j) {
        if (line[j] == U')' || line[j] == U'）') {
          size_t end = j + 1;
          while (end < line.size() && IsSpace(line[end])) ++end;
          return end;
        }
      }
    }
  }
  // "某某网5月25日南宁消息 日前,…": an outlet, a date, a place, 消息.
  constexpr size_t kMaxNewsDatelineChars = 30;
  for (size_t i = 4; i + 1 < line.size() && i < kMaxNewsDatelineChars; ++i) {
    if (!HasAt(line, i, U"消息")) continue;
    std::u32string_view head = line.substr(0, i);
    if (head.find_first_of(U"，,。；;:：") != std::u32string_view::npos) return 0;
    size_t month = head.find(U'月');
    if (month == std::u32string_view::npos || month == 0 || !IsDigit(head[month - 1]) ||
        head.find(U'日', month) == std::u32string_view::npos) {
      return 0;
    }
    size_t end = i + 2;
    if (end < line.size() && !IsSpace(line[end]) && line[end] != U'，' && line[end] != U',') {
      return 0;
    }
    while (end < line.size() && (IsSpace(line[end]) || line[end] == U'，' || line[end] == U',')) {
      ++end;
    }
    return end;
  }
  return 0;
}

// Length of a date expression at `pos`: "7月16日", "12月11日至12日", "近日".
size_t DateLengthAt(std::u32string_view s, size_t pos) {
  if (size_t n = Lexicon::Default().date_words.LongestAt(s, pos); n > 0) return n;
  auto number = [&](size_t p) {
    size_t q = p;
    while (q < s.size() && (IsDigit(s[q]) || IsHanDigit(s[q])) && q - p < 4) ++q;
    return q - p;
  };
  size_t p = pos;
  size_t n = number(p);
  // "2017年3月24日": the year is part of the printed date.
  if (n == 4 && p + n < s.size() && s[p + n] == U'年') {
    p += n + 1;
    n = number(p);
  }
  if (n == 0 || p + n >= s.size() || s[p + n] != U'月') return 0;
  p += n + 1;
  n = number(p);
  if (n == 0 || p + n >= s.size() || s[p + n] != U'日') return 0;
  p += n + 1;
  // A range: "至12日", "至12月1日", "—13日".
  if (p < s.size() && (s[p] == U'至' || s[p] == U'—' || s[p] == U'-')) {
    size_t q = p + 1;
    size_t m = number(q);
    if (m > 0 && q + m < s.size() && s[q + m] == U'日') return q + m + 1 - pos;
    if (m > 0 && q + m < s.size() && s[q + m] == U'月') {
      size_t r = q + m + 1;
      size_t k = number(r);
      if (k > 0 && r + k < s.size() && s[r + k] == U'日') return r + k + 1 - pos;
    }
  }
  return p - pos;
}

// Length of a bare day at the start of a lead, "19日" of "19日晚,…", 0 if none.
size_t LeadDayLength(std::u32string_view s) {
  size_t n = 0;
  while (n < s.size() && n < 3 && IsDigit(s[n])) ++n;
  if (n == 0 || n > 2 || n + 1 >= s.size() || s[n] != U'日') return 0;
  return std::u32string_view(U"上下早中晚凌傍夜午，,").find(s[n + 1]) != std::u32string_view::npos
             ? n + 1
             : 0;
}

bool StartsWithDate(std::u32string_view line) {
  size_t n = DateLengthAt(line, 0);
  if (n == 0) n = LeadDayLength(line);
  if (n == 0) return false;
  // "近日,位于…", "7月7日下午,…": a comma within a few characters.
  for (size_t i = n; i < line.size() && i < n + 6; ++i) {
    if (line[i] == U'，' || line[i] == U',') return true;
  }
  return false;
}

}  // namespace guanxi::extract
