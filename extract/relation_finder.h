#pragma once

// Event relations (attended, chaired) from trigger words, and signed_with
// between the parties of a signing. Works on mentions found by the finders;
// knows nothing about page layout.

#include <string>
#include <vector>

#include "extract/icu_sentences.h"
#include "extract/lexicon.h"
#include "graph/model.h"

namespace guanxi::extract {

// A person printed at `span`; `honorific` mentions ("习近平总书记") never take
// part in an event.
struct PersonMention {
  std::u32string name;
  Span span;
  bool honorific = false;
  int64_t chain_begin = -1;  // where the posts introducing it start; -1: at `span`
};

// A person's part in the item's event, proved by `sentence`.
struct EventLink {
  std::u32string person;
  graph::RelationType type = graph::RelationType::kAttended;
  Span sentence;
};

// People's parts in the event. Within a sentence, a strong trigger (出席,
// 主持 ...) links every person printed since the previous trigger; a weak one
// (宣布, 发言 ...) links the first person of its clause and the people listed
// right after it with 、/和/及 ("A、B、C先后发言"); a mutual one (会见)
// also links the people after it in its clause. People inside
// "受…委托" are never linked (they sent someone else). A person who chaired is
// not also listed as attended. One link per (person, type), first sentence.
std::vector<EventLink> FindEventLinks(std::u32string_view text, const std::vector<Span>& sentences,
                                      const std::vector<PersonMention>& people, const Lexicon& lex);

// A party to a signing: the institution's canonical name, where it is printed.
struct PartyMention {
  std::u32string name;
  Span span;
  bool signer = false;  // a person printed at `span` who signs for the body `name`
};

struct SignLink {
  std::u32string a;
  std::u32string b;
  Span sentence;
};

// Signings: in a sentence with a word of sign_triggers.txt, the parties printed
// before it split at the joiner (与/和/同) between them; every pair across the
// joiner is linked when one side names a single party ("A与B签署", "A与B、C
// 签订"). Lists on both sides ("X、Y与P、Q签订") yield nothing: the text does
// not say who signed with whom. Pairs are unordered and reported once.
std::vector<SignLink> FindSignings(std::u32string_view text, const std::vector<Span>& sentences,
                                   const std::vector<PartyMention>& parties, const Lexicon& lex);

}  // namespace guanxi::extract
