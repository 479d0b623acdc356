#pragma once

// Where a name printed before a known ending starts: the left edge of an
// institution ("记者从市教委获悉" -> 市教委) or of the body before a post.

#include <cstddef>
#include <string_view>

#include "extract/lexicon.h"

namespace guanxi::extract {

// What kind of name NameStart looks for.
enum class NameKind {
  kBody,         // an institution printed right before a post ("区新城建设党工委书记")
  kInstitution,  // an institution standing free in a sentence
  kProject,      // a project standing free in a sentence
};

// True for characters that may occur inside an institution or project name:
// Han characters, ASCII letters and digits, brackets, the middle dot, a space
// and a hyphen.
bool IsBodyChar(char32_t c);

// True when the joiner 与/和/及 at `pos` separates two names rather than being
// part of one ("永川区人民政府与重庆…" versus "教育与职业培训部"): the text
// before it ends with an institution ending, a place or a country, or the text
// after it starts with one, with local shorthand (区/市/县/省), 中共/中华/中国
// or 各.
bool IsJoinerBoundary(std::u32string_view text, size_t pos, const Lexicon& lex);

// True when a name starting at `pos` starts like a proper name: a place, a
// country, local shorthand (区/市/县/省), 中共/中华/中国/全国/国家 or a quotation.
bool StartsProperly(std::u32string_view text, size_t pos, const Lexicon& lex);

// Start of the name that ends right before `end`: walks left over IsBodyChar
// characters (at most `max_chars`) and stops at punctuation, at a word of
// boundary_words.txt (verbs only for free-standing kinds) and at a joiner that
// IsJoinerBoundary. Institutions may include a quotation ("“长江工坊”专家智库")
// and never run across the end of another institution followed by a place
// ("永川区政协江津区政协").
size_t NameStart(std::u32string_view text, size_t end, const Lexicon& lex, size_t max_chars,
                 NameKind kind);

}  // namespace guanxi::extract
