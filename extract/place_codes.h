#pragma once

// Where an item and its institutions are, as GB/T 2260 division codes of the
// gazetteer (divisions.txt), and which institution names are shorthand that
// the item's place did not resolve (body_places.txt). graph/identity reads
// these to tell people of one name apart and to keep 县委 to its item.

#include <string>
#include <string_view>

#include "extract/lexicon.h"
#include "extract/locality.h"

namespace guanxi::extract {

// The division an item is about.
struct ItemPlace {
  std::u32string name;  // "峡江县", "贵阳市", "四川省"; empty when unknown
  std::string code;     // its code ("360823"); empty when unknown or without one (Hong Kong)
};

// The most specific level of `where` that the gazetteer lists: its district
// (county level), else its city, else its province; a town is never used, and
// a place missing from the gazetteer (青溪区 of CountUnlistedPlaces) gives way
// to a listed city or province. When no level is listed, the most specific
// name without a code. Of a name's senses, the one whose parents are `where`'s city
// or province (朝阳区 with 长春市 is Changchun's), else the primary one.
ItemPlace PlaceOfItem(const Locality& where, const Lexicon& lex);

// The code of the division an institution's canonical name starts with, at
// its start or after a formal prefix of body_places.txt (中共峡江县委 ->
// 峡江县's "360823", 重庆文理学院 -> "50", 黔东南州政协 -> the prefecture's): the
// longest place name there (full name or short form); of its senses the one
// whose code nests with `item_code` (one a prefix of the other), else the
// primary sense, but a county's short form only in the item's place (松山湖…
// holds the short form of 松山区). A division printed right after it that lies
// in it is the more specific one (贵港市港北区人民政府 -> 港北区's). A town's full
// name there gives its county's code when the town lies in the item's place,
// else nothing. Empty for a name starting with
// no place (大阪市政府), with a country (中国人民银行), with a region without a
// code (川渝) or with a division of Hong Kong, Macau or Taiwan below the
// province (香港岛).
std::string BodyPlaceCode(std::u32string_view name, std::string_view item_code, const Lexicon& lex);

// True when an institution's canonical name (after ResolveInstitution) is
// shorthand that names a different body in every item: it starts with a bare
// division level (县委, 市政协, 自治区, 中共县委) or a deictic (我校, 该公司) of
// body_places.txt, or the whole name is a generic kind of body there (公司,
// 统战部, 总工会). A name starting with a place or a country is never
// unresolved; nor are national bodies (外交部, 国务院, 全国政协).
bool IsUnresolvedBody(std::u32string_view name, const Lexicon& lex);

}  // namespace guanxi::extract
