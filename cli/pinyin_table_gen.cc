// Build-time generator of cli/pinyin_table.inc: the pinyin that ICU's
// transliterator gives each Han character of the Basic Multilingual Plane
// alone, and the characters whose reading depends on their neighbours.
//
// ToPinyin (entity_search.cc) reads the table instead of running the
// transliterator at about 17 µs a character: a pinyin search reads every
// name of the archive, and a query process would otherwise spend most of its
// time transliterating. The table comes from the same ICU the program links,
// so it says what the transliterator says (tests compare the two).
//
// Usage: guanxi_pinyin_table OUTPUT

#include <unicode/translit.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <fmt/format.h>

namespace {

// The chain ToPinyinByTransliterator applies (entity_search.cc).
constexpr const char* kPinyinChain = "Han-Latin; Latin-ASCII; Lower; [:^Letter:] Remove";

std::unique_ptr<icu::Transliterator> Transliterator(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> instance(
      icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  if (U_FAILURE(status)) return nullptr;
  return instance;
}

// The characters inside the braces of Han-Latin's rules with a context,
// "{重}' '?庆 > chóng;": read alone they would be read wrongly.
std::set<UChar32> ContextualCharacters(const icu::Transliterator& han) {
  icu::UnicodeString rules;
  han.toRules(rules, /*escapeUnprintable=*/true);
  std::string text;
  rules.toUTF8String(text);
  std::set<UChar32> characters;
  for (size_t line = 0; line < text.size();) {
    size_t end = text.find('\n', line);
    if (end == std::string::npos) end = text.size();
    const std::string_view rule(text.data() + line, end - line);
    if (rule.size() > 2 && rule[0] == '{') {
      const std::string_view key = rule.substr(1, rule.find('}') - 1);
      const icu::UnicodeString unescaped =
          icu::UnicodeString::fromUTF8(
              icu::StringPiece(key.data(), static_cast<int32_t>(key.size())))
              .unescape();
      for (int32_t i = 0; i < unescaped.length(); i = unescaped.moveIndex32(i, 1)) {
        characters.insert(unescaped.char32At(i));
      }
    }
    line = end + 1;
  }
  return characters;
}

// What the pinyin chain makes of `text`, in UTF-8.
std::string Spell(const icu::Transliterator& pinyin, icu::UnicodeString text) {
  pinyin.transliterate(text);
  std::string spelling;
  text.toUTF8String(spelling);
  return spelling;
}

// `text` as a C++ string literal of printable ASCII (the spellings are ASCII;
// a character the chain leaves as it is comes out as UTF-8 escapes).
std::string Literal(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("\\{:03o}", c);
    }
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: guanxi_pinyin_table OUTPUT\n";
    return 2;
  }
  const std::unique_ptr<icu::Transliterator> han = Transliterator("Han-Latin");
  const std::unique_ptr<icu::Transliterator> pinyin = Transliterator(kPinyinChain);
  if (!han || !pinyin) {
    std::cerr << "guanxi_pinyin_table: ICU has no Han-Latin transliterator\n";
    return 1;
  }

  std::vector<UChar32> codes;
  std::vector<std::string> spellings;
  for (UChar32 c = 0x80; c <= 0xFFFF; ++c) {
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) != USCRIPT_HAN || U_FAILURE(status)) continue;
    codes.push_back(c);
    spellings.push_back(Spell(*pinyin, icu::UnicodeString(c)));
  }

  // The pairs a contextual character reads differently in: each with the
  // spelling of the two together.
  const std::set<UChar32> contextual = ContextualCharacters(*han);
  std::vector<std::tuple<UChar32, UChar32, std::string>> pairs;
  for (UChar32 first : contextual) {
    const auto alone = std::lower_bound(codes.begin(), codes.end(), first);
    if (alone == codes.end() || *alone != first) continue;
    const std::string& first_spelling = spellings[alone - codes.begin()];
    for (size_t i = 0; i < codes.size(); ++i) {
      icu::UnicodeString pair(first);
      pair.append(codes[i]);
      std::string spelling = Spell(*pinyin, pair);
      if (spelling != first_spelling + spellings[i]) {
        pairs.emplace_back(first, codes[i], std::move(spelling));
      }
    }
  }

  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out << "// Generated at build time by cli/pinyin_table_gen.cc from ICU's Han-Latin\n"
         "// transliterator: do not edit.\n\n"
         "#include <cstdint>\n\n"
         "namespace guanxi::cli::pinyin_table {\n\n"
         "// The Han characters of the Basic Multilingual Plane in code point order;\n"
         "// kCodes[i] reads kSpellings[kOffsets[i]] to kSpellings[kOffsets[i + 1]].\n"
         "inline constexpr char16_t kCodes[] = {\n";
  for (size_t i = 0; i < codes.size(); ++i) {
    out << fmt::format("{:#06x},{}", codes[i], i % 10 == 9 ? "\n" : " ");
  }
  out << "};\n\ninline constexpr uint32_t kOffsets[] = {\n";
  uint32_t offset = 0;
  for (size_t i = 0; i <= spellings.size(); ++i) {
    out << offset << (i % 12 == 11 ? ",\n" : ", ");
    if (i < spellings.size()) offset += static_cast<uint32_t>(spellings[i].size());
  }
  out << "};\n\ninline constexpr char kSpellings[] =\n";
  std::string line;
  for (const std::string& spelling : spellings) {
    line += spelling;
    if (line.size() >= 64) {
      out << "    " << Literal(line) << "\n";
      line.clear();
    }
  }
  out << "    " << Literal(line) << ";\n\n";
  out << "// Characters read by their context: a text holding one goes to the\n"
         "// transliterator whole. In code point order.\n"
         "// transliterator whole. In code point order, after a 0 that keeps the\n"
         "// array from being empty.\n"
         "inline constexpr char32_t kContextual[] = {\n0, ";
  for (UChar32 c : contextual) out << fmt::format("{:#06x}, ", c);
  out << "\n};\n\n"
         "// A contextual character and the next that it reads differently before,\n"
         "// with the spelling of the two; in code point order.\n"
         "struct Pair {\n  char32_t first;\n  char32_t next;\n  const char* spelling;\n};\n"
         "inline constexpr Pair kPairs[] = {\n";
  for (const auto& [first, next, spelling] : pairs) {
    out << fmt::format("{{{:#06x}, {:#06x}, {}}},\n", first, next, Literal(spelling));
  }
  out << "{0x10ffff, 0x10ffff, \"\"},  // keeps the array from being empty\n};\n\n"
         "}  // namespace guanxi::cli::pinyin_table\n";
  out.close();
  if (!out) {
    std::cerr << "guanxi_pinyin_table: cannot write " << argv[1] << "\n";
    return 1;
  }
  return 0;
}
