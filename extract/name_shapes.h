#pragma once

// What a person's name looks like where the text prints one: a Chinese name
// (surname + 1-2 characters), a Tibetan name of known elements, a dotted
// foreign name, a name in Latin script, a name without a known surname after
// a post; and the cues that end a name. person_finder and name_list_finder
// decide where to look; these functions say whether a name starts there.

#include <cstddef>
#include <string_view>

#include "extract/lexicon.h"

namespace guanxi::extract {

// True for a Han character that may be part of a given name (not in
// name_stop_chars.txt).
bool IsNameChar(char32_t c, const Lexicon& lex);
// True when a name may end right before `pos`: punctuation, the end of text, a
// name follower, an honorific, a trigger or a speech verb.
bool NameMayEndAt(std::u32string_view text, size_t pos, const Lexicon& lex);
// How strongly the text at `pos` suggests that a name ended there: 0 not at
// all, else the length of the follower word (punctuation and the end count most).
size_t FollowerStrength(std::u32string_view text, size_t pos, const Lexicon& lex);
// True when a common word (name_stop_words.txt, a speech verb, an event
// trigger) of two or more characters starts at `pos`: "区长强调" names no one.
bool IsCommonWordAt(std::u32string_view text, size_t pos, const Lexicon& lex);

// Length of a Chinese name (surname + 1-2 characters) starting at `pos` and
// followed by punctuation, the end of text or a word of name_followers.txt;
// 0 when there is none. Prefers the longer name.
size_t ChineseNameAt(std::u32string_view text, size_t pos, const Lexicon& lex);
// Length of a Tibetan name at `pos`: one to three elements of
// name_syllables.txt ("扎西平措", "次旦"), the longest one a name cue follows;
// 0 if none.
size_t SyllableNameAt(std::u32string_view text, size_t pos, const Lexicon& lex);
// Length of a name in Latin script of two or more capitalised words ("Tom
// Lee", "Anna Schmidt-Berg") at `pos`; 0 if none (an acronym is no name).
size_t LatinNameAt(std::u32string_view text, size_t pos);
// Length of a foreign name with a middle dot ("瓦吉哈·卡马尔") at `pos`; 0 if none.
size_t ForeignNameAt(std::u32string_view text, size_t pos, const Lexicon& lex);
// Length of a name without a known surname right after a post: Mongolian
// names (额尔敦毕力格, 巴图孟和), Vietnamese names without a dot (黎氏青兰). 2–6
// name characters, none starting a word that names no one, ended by a list
// separator or a cue of two characters; 0 if none.
size_t SurnamelessNameAt(std::u32string_view text, size_t pos, const Lexicon& lex);

}  // namespace guanxi::extract
