#pragma once

// Finds institution mentions by their endings (institution_suffixes.txt):
// "永川区人民政府", "重庆财经职业学院", "区财政局". Mentions are returned as
// printed; local shorthand is resolved later (locality.h).

#include <string>
#include <vector>

#include "extract/icu_sentences.h"
#include "extract/lexicon.h"

namespace guanxi::extract {

struct TextHit {
  std::u32string text;
  Span span;
};

// Institution mentions of `text` in text order, the longest where several
// overlap. Mentions touching a `blocked` span (people's names and post titles)
// are cut before it or dropped; generic mentions (generic_institutions.txt)
// and words of institution_exclusions.txt are dropped.
std::vector<TextHit> FindInstitutions(std::u32string_view text, const Lexicon& lex,
                                      const std::vector<Span>& blocked);

// Keeps the longest of overlapping hits (earliest first on ties), in text order.
std::vector<TextHit> KeepLongest(std::vector<TextHit> hits);

}  // namespace guanxi::extract
