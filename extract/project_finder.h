#pragma once

// Finds named undertakings: quotations that name a project ("“长江工坊”",
// "“智融惠畅”工程") and names with a project ending ("产教融合综合体项目",
// "渝湘复线高速公路"). Slogans and policy phrases yield nothing.

#include <vector>

#include "extract/institution_finder.h"
#include "extract/lexicon.h"

namespace guanxi::extract {

// Project mentions of `text` in text order. A quotation counts when a word of
// project_heads.txt follows it, when it ends like an undertaking, or when it
// is quoted twice or more and never followed by a slogan word; quotations
// with list punctuation, counted slogans ("两个…", "四最") and digits only are
// slogans. The hit's text is the quotation's content without the marks.
std::vector<TextHit> FindProjects(std::u32string_view text, const Lexicon& lex);

}  // namespace guanxi::extract
