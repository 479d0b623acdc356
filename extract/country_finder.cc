#include "extract/country_finder.h"

#include <algorithm>

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

bool NamesChinaAsState(std::u32string_view text, size_t pos, size_t len) {
  size_t after = pos + len;
  if (after < text.size()) {
    char32_t c = text[after];
    if (c == U'-' || c == U'—' || c == U'－' || c == U'(' || c == U'（' || c == U'与' ||
        c == U'和' || c == U'、' || c == U'同') {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::u32string> FindCountries(std::u32string_view text, const Lexicon& lex) {
  std::vector<std::u32string> found;
  for (size_t pos = 0; pos < text.size();) {
    size_t len = lex.countries.LongestAt(text, pos);
    if (len == 0) {
      ++pos;
      continue;
    }
    std::u32string name(text.substr(pos, len));
    bool ok = !(pos > 0 && text[pos - 1] == U'内');
    if (ok && name == U"中国") ok = NamesChinaAsState(text, pos, len);
    if (ok) {
      const std::u32string& canonical = lex.country_canonical.at(name);
      if (std::find(found.begin(), found.end(), canonical) == found.end()) {
        found.push_back(canonical);
      }
    }
    pos += len;
  }
  return found;
}

}  // namespace guanxi::extract
