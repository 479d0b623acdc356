#pragma once

// Finds people in an item's text: names introduced by posts ("区委副书记、区长
// 常晓勇"), by group words ("区领导徐秀霞、李四"), names followed by an honorific
// ("习近平总书记"), and full names (surname + 2) that start a clause before a
// speech verb ("沈金强宣布…"). Reporters never occur here: the page splitter removed
// bylines and captions.

#include <cstddef>
#include <string>
#include <vector>

#include "extract/icu_sentences.h"
#include "extract/lexicon.h"
#include "extract/name_shapes.h"

namespace guanxi::extract {

// One post a person holds as the text states it. `body` is the institution as
// printed (local shorthand such as 区委 unresolved), or the body the post
// implies (区长 -> 区人民政府); `title` may join several posts ("党委副书记、校长").
struct PostClaim {
  std::u32string body;
  std::u32string title;
  Span body_span;       // where `body` is printed; empty span for an implied body
  bool former = false;  // held before the item ("原主席", an earlier term's post)
};

// One mention of a person in the text, with the posts stated right before it.
struct PersonHit {
  std::u32string name;
  Span span;   // the name itself
  Span chain;  // the name with its posts and bodies
  std::vector<PostClaim> posts;
  std::vector<Span> title_spans;  // where the post titles are printed
  bool honorific = false;         // "习近平总书记": mentioned, not present
};

// All people introduced by posts, group words, honorifics, clause-initial
// speech verbs or appointment words ("任命张三为…局长" gives the post too),
// dotted foreign names and names before a form of address ("陈建华主任"), in
// text order. A name may occur in several hits.
std::vector<PersonHit> FindPeople(std::u32string_view text, const Lexicon& lex);

// Posts given after a name by a verb of appointment_verbs.txt: "张小梅当选为
// 区文联主席" -> (张小梅; 区文联, 主席). `mentions` are the names' occurrences;
// returns one hit per mention with such a post.
std::vector<PersonHit> FindAppointments(std::u32string_view text,
                                        const std::vector<PersonHit>& mentions, const Lexicon& lex);

// Every occurrence of any of `names` in `text` (longest name first, no
// overlaps), as hits without posts, in text order.
std::vector<PersonHit> FindNameMentions(std::u32string_view text,
                                        const std::vector<std::u32string>& names);

}  // namespace guanxi::extract
