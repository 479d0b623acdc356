#include "extract/country_finder.h"

#include <algorithm>

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

// 中国 names the state in 中国-东盟, 中国与…, 中国政府, 中国驻缅甸大使, a bare
// 中国 and 新中国; not at the start of a Chinese name (中国科学院,
// 中国(四川)自由贸易试验区, 中国(贵州)国际酒类博览会).
bool NamesChinaAsState(std::u32string_view text, size_t pos, size_t len) {
  if (pos > 0 && text[pos - 1] == U'新') return true;
  size_t after = pos + len;
  if (after >= text.size()) return true;
  char32_t c = text[after];
  if (c == U'(' || c == U'（' || c == U'“' || c == U'"') return false;
  if (IsPunct(c) || IsSpace(c)) return true;
  if (HasAt(text, after, U"政府")) return true;
  // "中国的…", "是中国向西开放的门户": a bare 中国 before a grammar word.
  return c == U'-' || c == U'—' || c == U'－' || c == U'与' || c == U'和' || c == U'同' ||
         c == U'驻' || c == U'的' || c == U'向' || c == U'对' || c == U'将' || c == U'始' ||
         c == U'已' || c == U'在' || c == U'是' || c == U'有' || c == U'也';
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
    // "努尔苏丹·…": a syllable of a dotted foreign name is no country.
    const bool in_dotted_name =
        (pos + len < text.size() && text[pos + len] == U'·') || (pos > 0 && text[pos - 1] == U'·');
    // "蒙古族", "朝鲜族": a people, not the state.
    const bool people = pos + len < text.size() && text[pos + len] == U'族';
    bool ok = !(pos > 0 && text[pos - 1] == U'内') && !in_dotted_name && !people;
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
