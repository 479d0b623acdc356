#pragma once

// Finds sovereign states (countries.txt) printed in a text.

#include <string>
#include <vector>

#include "extract/lexicon.h"

namespace guanxi::extract {

// Canonical names of the countries printed in `text`, each once, in order of
// first mention. 中国 counts only where it names the state in a pairing or
// with a bracket ("中国-东盟", "中国(四川)自由贸易试验区", "中国与…"), not in
// phrases such as 中国式现代化. A name inside a longer place (内蒙古) is skipped.
std::vector<std::u32string> FindCountries(std::u32string_view text, const Lexicon& lex);

}  // namespace guanxi::extract
