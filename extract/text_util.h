#pragma once

// UTF-8 / UTF-32 helpers for the extractor. The extractor works on
// std::u32string so that one index is one code point: evidence offsets in the
// JSON output count code points, and Chinese rules look at single characters.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guanxi::extract {

// The byte offset of the first invalid UTF-8 sequence in `bytes`, or nullopt
// when all of it is well-formed UTF-8 (overlongs, surrogates and values above
// U+10FFFF are invalid).
std::optional<size_t> FindInvalidUtf8(std::string_view bytes);

// Decodes UTF-8 that FindInvalidUtf8 accepted. Invalid bytes become U+FFFD.
std::u32string ToU32(std::string_view utf8);
// Encodes code points as UTF-8.
std::string ToUtf8(std::u32string_view text);

// True for the characters that never reach a title, a name, a sentence or
// the JSON: C0 controls other than tab, line feed and carriage return (NUL,
// U+0007 …), DEL and the C1 controls (U+007F–U+009F), and the noncharacters
// (U+FDD0–U+FDEF and the last two code points of every plane: U+FFFE,
// U+FFFF, U+1FFFE …).
bool IsDroppedControl(char32_t c);

// True when `text` holds a character IsDroppedControl names.
bool HasDroppedControls(std::u32string_view text);

// `text` without the characters IsDroppedControl names; a run of them between
// two ASCII letters or digits becomes one space ("Tom\0Lee" -> "Tom Lee"), so
// that words stay apart. `edits`, when not null, receives for each run
// removed the pair (offset in the result, offset in `text`) from which the
// two run on alike: an offset o of the result at or after such a pair's
// first is `text`'s second + (o - first).
std::u32string WithoutControls(std::u32string_view text,
                               std::vector<std::pair<size_t, size_t>>* edits = nullptr);

// True for CJK unified ideographs (the basic block and extension A).
inline bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

// True for ASCII and full-width white space, including U+3000.
inline bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000' || c == U'\u00A0' ||
         c == U'\uFEFF';
}

// True for characters that end a sentence: 。！？；!?; and the ellipsis.
inline bool IsSentenceFinal(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'!' || c == U'?' ||
         c == U';' || c == U'…';
}

// True for punctuation that separates phrases (，、：; and brackets, quotes)
// as well as every sentence-final character.
inline bool IsPunct(char32_t c) {
  if (IsSentenceFinal(c)) return true;
  switch (c) {
    case U'，':
    case U',':
    case U'、':
    case U'：':
    case U':':
    case U'“':
    case U'”':
    case U'‘':
    case U'’':
    case U'"':
    case U'（':
    case U'）':
    case U'(':
    case U')':
    case U'《':
    case U'》':
    case U'「':
    case U'」':
    case U'『':
    case U'』':
    case U'—':
    case U'\n':
      return true;
    default:
      return false;
  }
}

// True for closing quotes and brackets that may follow a sentence-final mark.
inline bool IsClosingMark(char32_t c) {
  return c == U'”' || c == U'’' || c == U'"' || c == U'）' || c == U')' || c == U'」' ||
         c == U'』' || c == U'》';
}

// True for the numerals that count terms and sessions: 一 … 十 and the ASCII
// digits ("十五届", "第3届", "三次会议").
inline bool IsTermNumeral(char32_t c) {
  return (c >= U'0' && c <= U'9') ||
         std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

// `text` without leading and trailing IsSpace characters.
std::u32string_view Trim(std::u32string_view text);
// True when `text` has `prefix` at position `pos`.
inline bool HasAt(std::u32string_view text, size_t pos, std::u32string_view prefix) {
  if (pos > text.size() || text.size() - pos < prefix.size()) return false;
  // A loop, not memcmp: prefixes are a few code points, and most calls fail
  // at the first (the page passes look for theirs at every position).
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (text[pos + i] != prefix[i]) return false;
  }
  return true;
}

// Number of code points of a UTF-8 string.
size_t CodePointCount(std::string_view utf8);

}  // namespace guanxi::extract
