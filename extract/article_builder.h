#pragma once

// Turns one RawItem of a page into a graph::Article: runs the finders, groups
// the names of one body under one canonical name with aliases, names the
// item's event and collects the relations with their evidence.

#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "extract/locality.h"
#include "extract/page_splitter.h"
#include "extract/person_finder.h"
#include "extract/trie.h"
#include "graph/model.h"
#include "graph/status.h"

namespace guanxi::extract {

// What the page as a whole tells about each item.
struct PageContext {
  Locality locality;                        // the page's locality, a fallback for items
  std::vector<std::u32string> known_names;  // people introduced anywhere on the page
  Trie known_name_index;                    // known_names, each with its index as id

  // Appends `name` to known_names unless it is there already.
  void AddKnownName(const std::u32string& name);
};

// Builds the article of `item`, whose people FindPeople(item.text) found as
// `hits`. Returns Internal only when sentence segmentation fails.
Result<graph::Article> BuildArticle(const RawItem& item, std::vector<PersonHit> hits,
                                    const PageContext& page, const Lexicon& lex);

// The name of an item's event, from its title by event_titles.txt:
// "X在Y上强调" -> Y, "Y召开" -> Y, otherwise the title itself.
std::u32string EventName(std::u32string_view title, const Lexicon& lex);

}  // namespace guanxi::extract
