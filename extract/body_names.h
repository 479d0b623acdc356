#pragma once

// What the name printed for a body means: whether it names an institution at
// all, which state a mission's post serves, a body's term and its everyday
// name, former posts, and the body a bare kind ("公司") stands for.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/institution_finder.h"
#include "extract/lexicon.h"
#include "extract/person_finder.h"

namespace guanxi::extract {

// True when a body printed before a post names an institution: not generic,
// not a country ("越南国家主席"), and not a mission without its office
// ("巴基斯坦驻华大使" names no 大使馆).
bool IsBody(const std::u32string& body, const Lexicon& lex);

// The state whose post (`title`: 大使, 总领事, 总统 …) `body` prints without a
// body of it: "缅甸" (缅甸代总统), "越南驻沪" (越南驻沪总领事), "中国驻缅甸";
// empty otherwise, for other posts (俄罗斯专家) or when `countries` (the
// item's) does not hold that state.
std::u32string StateOfPost(std::u32string_view body, std::u32string_view title,
                           const std::vector<std::u32string>& countries, const Lexicon& lex);

// The number of a term printed at `pos` ("十届", "第十届", "10届") and the
// characters it spans; {0, 0} when none starts there or its number passes 999.
std::pair<int, size_t> TermAt(std::u32string_view text, size_t pos);

// The latest term `text` prints ("政协第十届委员会" -> 10); 0 for none.
int LatestTerm(std::u32string_view text);

// The everyday name of a body printed in its formal form: "中国人民政治协商会议
// 黔东南苗族侗族自治州委员会" -> "黔东南州政协", "政协林芝市委员会" -> "林芝市政协",
// "中国共产党峡江县委员会" -> "峡江县委". Other names are returned as they are.
std::u32string EverydayName(const std::u32string& name, const Lexicon& lex);

// `name` without a term's committee at its end: "永川区文联第五届委员会" ->
// "永川区文联", "政协林芝市第五届委员会" -> "林芝市政协" (a body's term is the
// body; its 常务委员会 is a body of its own). Formal names go to their
// everyday name; other names are returned as they are.
std::u32string WithoutTerm(const std::u32string& name, const Lexicon& lex);

// True for a post held before the item: "原主席", "前任书记", a body printed
// with 原 ("原县农业农村局局长"), or a post of an earlier term than
// `current_term`, the item's latest ("七届州政协主席" in an item about the tenth).
bool IsFormerPost(const PostClaim& claim, int current_term);

// The body meant by a bare kind printed before a post ("公司总经理",
// "学校校长", "企业董事长"): the last of `institutions` named before `pos`
// whose name ends with that kind (a company by any company's name: 有限公司,
// 集团, a trade of company_endings.txt). Empty when `kind` is no bare kind or
// none was named.
std::u32string NamedBefore(std::u32string_view kind, int64_t pos,
                           const std::vector<TextHit>& institutions, const Lexicon& lex);

}  // namespace guanxi::extract
