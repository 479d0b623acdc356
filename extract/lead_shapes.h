#pragma once

// The shapes of headlines and leads that both the page splitter and the
// run-on line breaker (run_on_lines.h) read: datelines ("本报讯(记者 X)"),
// dates at the start of a lead ("7月16日,", "近日,", "19日晚,") and the
// longest headline line. Knows nothing about entities.

#include <cstddef>
#include <string_view>

namespace guanxi::extract {

// A headline line is at most this many code points long.
inline constexpr size_t kMaxHeadlineChars = 64;

// True for an ASCII or full-width decimal digit.
inline bool IsDigit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
// True for a Chinese numeral of a date (〇, 零, 一 … 十).
inline bool IsHanDigit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
    case U'一':
    case U'二':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
    case U'十':
      return true;
    default:
      return false;
  }
}

// Length in code points of a dateline byline at the start of `line`:
// "本报讯(渝西都市报记者 X)", "新华社北京11月3日电(记者 X)", "某某网5月25日南宁消息 "
// with the spaces after it. 0 when there is none.
size_t BylineLength(std::u32string_view line);

// Length in code points of a date expression at `pos` of `s`: "7月16日",
// "2017年3月24日", "12月11日至12日", a word of date_words.txt ("近日"). 0
// when none starts there.
size_t DateLengthAt(std::u32string_view s, size_t pos);

// Length of a bare day at the start of a lead, "19日" of "19日晚,…", 0 if none.
size_t LeadDayLength(std::u32string_view s);

// True when `line` starts with a date (DateLengthAt or LeadDayLength) and a
// comma follows within a few characters ("近日,位于…", "7月7日下午,…").
bool StartsWithDate(std::u32string_view line);

}  // namespace guanxi::extract
