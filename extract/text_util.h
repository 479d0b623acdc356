#pragma once

// UTF-8 / UTF-32 helpers for the extractor. The extractor works on
// std::u32string so that one index is one code point: evidence offsets in the
// JSON output count code points, and Chinese rules look at single characters.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace guanxi::extract {

// The byte offset of the first invalid UTF-8 sequence in `bytes`, or nullopt
// when all of it is well-formed UTF-8 (overlongs, surrogates and values above
// U+10FFFF are invalid).
std::optional<size_t> FindInvalidUtf8(std::string_view bytes);

// Decodes UTF-8 that FindInvalidUtf8 accepted. Invalid bytes become U+FFFD.
std::u32string ToU32(std::string_view utf8);
// Encodes code points as UTF-8.
std::string ToUtf8(std::u32string_view text);

// True for CJK unified ideographs (the basic block and extension A).
bool IsHan(char32_t c);
// True for ASCII and full-width white space, including U+3000.
bool IsSpace(char32_t c);
// True for characters that end a sentence: 。！？；!?; and the ellipsis.
bool IsSentenceFinal(char32_t c);
// True for punctuation that separates phrases (，、：; and brackets, quotes)
// as well as every sentence-final character.
bool IsPunct(char32_t c);
// True for closing quotes and brackets that may follow a sentence-final mark.
bool IsClosingMark(char32_t c);

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
  return pos <= text.size() && text.size() - pos >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin() + pos);
}

// Number of code points of a UTF-8 string.
size_t CodePointCount(std::string_view utf8);

}  // namespace guanxi::extract
