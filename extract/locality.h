#pragma once

// The place a news item is about, inferred from the place names it prints, and
// the resolution of local shorthand against it ("区委" in a 永川 item ->
// "永川区委", "市商务委" -> "重庆市商务委").

#include <string>
#include <string_view>

#include "extract/lexicon.h"

namespace guanxi::extract {

struct Locality {
  std::u32string district;    // "永川区" (a district or county), may be empty
  std::u32string city;        // "重庆市", may be empty
  std::u32string province;    // "四川省", may be empty
  std::u32string prefecture;  // "延边州" (an autonomous prefecture), may be empty
  std::u32string town;        // "凤仪镇" (printed right after its county), may be empty
};

// Infers the locality from the place names of places.txt printed in `text`:
// the most frequent district or county (full names count twice, short forms
// such as 永川 once), its city and province; without a district, the most
// frequent city. Ties go to the first printed.
Locality InferLocality(std::u32string_view text, const Lexicon& lex);

// `fallback` fills the parts of `primary` that are empty.
Locality MergeLocality(Locality primary, const Locality& fallback);

// The institution name meant by `mention` in an item about `where`:
// 区X -> <district>X, 市X -> <city>X, 县X, 省X alike; a short place name before
// a body (永川人大常委会) gets its level back (永川区人大常委会); X区政府 ->
// X区人民政府. Mentions that need nothing are returned as they are.
std::u32string ResolveInstitution(std::u32string_view mention, const Locality& where,
                                  const Lexicon& lex);

}  // namespace guanxi::extract
