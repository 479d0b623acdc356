#pragma once

// The place a news item is about, inferred from the place names it prints, and
// the resolution of local shorthand against it ("区委" in a 永川 item ->
// "永川区委", "市商务委" -> "重庆市商务委").

#include <string>
#include <string_view>

#include "extract/lexicon.h"

namespace guanxi::extract {

struct Locality {
  std::u32string district;  // county level: "永川区", "峡江县", "凯里市", may be empty
  std::u32string city;      // prefecture level: "贵阳市", "黔东南苗族侗族自治州", or a
                            // municipality "重庆市", may be empty
  std::u32string province;  // "四川省", "广西壮族自治区", may be empty
  std::u32string prefecture;  // the 州 form of an autonomous prefecture: "黔东南州", may be empty
  std::u32string town;        // "凤仪镇", "石排镇", may be empty
  std::u32string county_city;  // "凯里市": the county-level city 市X means, when the item
                               // prints it at least as often as its prefecture; may be empty
};

// Infers the locality from the place names of divisions.txt printed in `text`
// (a name that is several places is the one whose parents the text prints:
// 朝阳区 with 长春 is Changchun's): the most frequent county-level place (full
// names count twice, short forms such as 永川 once) unless a prefecture
// outside it is printed more often, its prefecture and province; without one,
// the most frequent prefecture or province. Towns count by full name, the
// item's county's first. Places missing from the
// gazetteer count when they head a local body (石门区委, 达拉特旗旗长, 延边州委).
// Ties go to the first printed. Cost: linear in `text`.
Locality InferLocality(std::u32string_view text, const Lexicon& lex);

// `fallback` fills the parts of `primary` that are empty.
Locality MergeLocality(Locality primary, const Locality& fallback);

// The institution name meant by `mention` in an item about `where`:
// 区X -> <district>X, 县X, 旗X alike; 市X -> <county_city or city>X; 省X ->
// <province>X; 自治区X -> <province>X (广西壮族自治区人民政府); 州X and 自治州X ->
// <prefecture>X (黔东南州政协); 镇X, 乡X, 街道X -> <town>X; 我县X, 本市X alike;
// a term before the level (十届州政协, 市九届人大常委会) is dropped; a short place
// name before a body (永川人大常委会) gets its level back (永川区人大常委会);
// X政府 -> X人民政府 for mainland places (not Hong Kong, Macau, Taiwan or a
// foreign country). Mentions that need nothing are returned as they are.
std::u32string ResolveInstitution(std::u32string_view mention, const Locality& where,
                                  const Lexicon& lex);

}  // namespace guanxi::extract
