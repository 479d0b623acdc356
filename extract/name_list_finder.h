#pragma once

// Finds people printed as bare lists of names, without a post in front of
// each: "黄某某、於某某、张某等县领导", "张某某、吴某某参加会见",
// "…以及王某、李某等". The list's end (等, a trigger word, 分别/先后) and the
// 、 between the names are the evidence; posts before the list are
// person_finder's.

#include <string_view>
#include <vector>

#include "extract/lexicon.h"
#include "extract/person_finder.h"

namespace guanxi::extract {

// Length of a name that fills the list element text[pos, end) exactly:
// surname + 1-2 characters, no punctuation, not a common word, post, place or
// body. Inside a delimited element a given name may hold function characters
// (夏和军, 刘中华, 李与同). 0 when the element is no name.
size_t ListedNameLength(std::u32string_view text, size_t pos, size_t end, const Lexicon& lex);

// People of bare name lists: two or more names joined by 、 and ended by 等, a
// trigger word or a name cue of two or more characters (分别, 先后, 一同); the
// first name may follow 以及/及/和 or a comma. Hits carry no posts.
std::vector<PersonHit> FindNameLists(std::u32string_view text, const Lexicon& lex);

}  // namespace guanxi::extract
