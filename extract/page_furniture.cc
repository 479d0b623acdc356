#include "extract/page_furniture.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "extract/lead_shapes.h"
#include "extract/lexicon.h"
#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// The rules of page_furniture.txt (its header says what each kind means).
struct FurnitureRules {
  WordSet anywhere;                                               // WORD
  WordSet credit_endings;                                         // $ ENDING
  WordSet labels;                                                 // : LABEL
  WordSet outlet_labels;                                          // : LABEL outlet
  std::vector<std::pair<std::u32string, std::u32string>> starts;  // ^ START [PART]
  WordSet whole;                                                  // = LINE, normalized
  WordSet lists;                                                  // > LINE, normalized
  WordSet roles;                                                  // @ ROLE
};

// Han characters, digits and ASCII letters in lower case: "·END·" → "end".
std::u32string Normalized(std::u32string_view line) {
  std::u32string out;
  for (char32_t c : line) {
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    if (IsHan(c) || IsDigit(c) || (c >= U'a' && c <= U'z')) out += c;
  }
  return out;
}

FurnitureRules LoadFurnitureRules() {
  FurnitureRules rules;
  for (const auto& fields : ReadDataLines("page_furniture.txt")) {
    const std::u32string& kind = fields[0];
    if (fields.size() == 1) {
      rules.anywhere.Add(kind);
    } else if (kind == U"$") {
      rules.credit_endings.Add(fields[1]);
    } else if (kind == U":") {
      rules.labels.Add(fields[1]);
      if (fields.size() > 2 && fields[2] == U"outlet") rules.outlet_labels.Add(fields[1]);
    } else if (kind == U"^") {
      rules.starts.emplace_back(fields[1], fields.size() > 2 ? fields[2] : U"");
    } else if (kind == U"=") {
      rules.whole.Add(Normalized(fields[1]));
    } else if (kind == U">") {
      rules.lists.Add(Normalized(fields[1]));
    } else if (kind == U"@") {
      rules.roles.Add(fields[1]);
    }
  }
  return rules;
}

const FurnitureRules& Furniture() {
  static const FurnitureRules rules = LoadFurnitureRules();
  return rules;
}

// What separates a label from its value: "来源:", "编辑︱", "作者 ".
bool IsLabelSeparator(char32_t c) {
  return IsSpace(c) || std::u32string_view(U":：︱|｜丨/】]").find(c) != std::u32string_view::npos;
}

// The line without leading brackets: "【责任编辑】…" → "责任编辑】…".
std::u32string_view WithoutOpeningBrackets(std::u32string_view line) {
  while (!line.empty() && (line[0] == U'【' || line[0] == U'[' || line[0] == U'〔')) {
    line.remove_prefix(1);
  }
  return line;
}

// Length of a label of page_furniture.txt at the start of `line` with its
// separator, 0 when there is none: "来源: 沧州日报" → 3.
size_t FurnitureLabelLength(std::u32string_view line, const WordSet& labels) {
  std::u32string_view rest = WithoutOpeningBrackets(line);
  size_t offset = line.size() - rest.size();
  size_t n = labels.LongestAt(rest, 0);
  if (n == 0) return 0;
  if (n == rest.size()) return offset + n;
  if (!IsLabelSeparator(rest[n])) return 0;
  return offset + n + 1;
}

// "某某报记者 王某 李某 实习生 赵某", "记者:王某": role words and short names
// after a first role that follows a short outlet name.
bool IsBylineLine(std::u32string_view line, const WordSet& roles) {
  constexpr size_t kMaxOutletChars = 16;
  constexpr size_t kMaxNameChars = 4;
  if (line.size() > 80 || HasSentenceEnd(line) ||
      line.find_first_of(U"，,；;") != std::u32string_view::npos) {
    return false;
  }
  size_t role_end = 0;
  for (size_t i = 0; i <= kMaxOutletChars && i < line.size(); ++i) {
    if (IsSpace(line[i])) return false;
    if (size_t n = roles.LongestAt(line, i); n > 0) {
      role_end = i + n;
      break;
    }
  }
  if (role_end == 0 || role_end >= line.size() || !IsLabelSeparator(line[role_end])) return false;
  size_t names = 0;
  for (size_t i = role_end; i < line.size();) {
    while (i < line.size() && (IsLabelSeparator(line[i]) || line[i] == U'、')) ++i;
    size_t j = i;
    while (j < line.size() && !IsLabelSeparator(line[j]) && line[j] != U'、') ++j;
    if (j == i) break;
    std::u32string_view token = line.substr(i, j - i);
    if (roles.Contains(token)) {
      // another role
    } else if (token.size() <= kMaxNameChars &&
               std::all_of(token.begin(), token.end(), [](char32_t c) { return IsHan(c); })) {
      ++names;
    } else {
      return false;
    }
    i = j;
  }
  return names > 0;
}

bool IsUrlLine(std::u32string_view line) {
  return (HasAt(line, 0, U"http://") || HasAt(line, 0, U"https://") || HasAt(line, 0, U"www.")) &&
         std::none_of(line.begin(), line.end(), [](char32_t c) { return IsSpace(c); });
}

// Length of a date with its year at `pos` ("2024-11-20", "2024/11/20",
// "2024年11月20日"), 0 when there is none. The value is graph::ParseFullDate's.
size_t FullDateLengthAt(std::u32string_view s, size_t pos) {
  auto digits = [&](size_t p) {
    size_t q = p;
    while (q < s.size() && IsAsciiDigit(s[q]) && q - p < 5) ++q;
    return q - p;
  };
  if (pos > 0 && IsAsciiDigit(s[pos - 1])) return 0;
  if (digits(pos) != 4) return 0;
  size_t p = pos + 4;
  if (p >= s.size()) return 0;
  char32_t separator = s[p];
  const bool chinese = separator == U'年';
  if (!chinese && separator != U'-' && separator != U'/' && separator != U'.') return 0;
  size_t n = digits(++p);
  if (n == 0 || n > 2 || p + n >= s.size()) return 0;
  p += n;
  if (s[p] != (chinese ? U'月' : separator)) return 0;
  n = digits(++p);
  if (n == 0 || n > 2) return 0;
  p += n;
  if (chinese) {
    if (p >= s.size() || s[p] != U'日') return 0;
    ++p;
  }
  if (!graph::ParseFullDate(ToUtf8(s.substr(pos, p - pos)))) return 0;
  return p - pos;
}

// A channel/date line: a short line holding a date with its year set off by
// spaces or a label ("政务   2024-11-20 10:06   黑龙江", "2019-11-05 17:00:00");
// in a headline a date runs into the text ("2024年5月6日全市召开…").
bool IsDateLine(std::u32string_view line) {
  constexpr size_t kMaxDateLineChars = 48;
  if (line.size() > kMaxDateLineChars || HasSentenceEnd(line)) return false;
  for (size_t i = 0; i < line.size(); ++i) {
    size_t n = FullDateLengthAt(line, i);
    if (n == 0) continue;
    bool before = i == 0 || IsLabelSeparator(line[i - 1]);
    bool after = i + n == line.size() || IsSpace(line[i + n]);
    if (before && after) return true;
  }
  return false;
}

// The value of an outlet label starting at `pos` of `line`, its furniture cut
// off: "某某日报  作者:王某" -> 某某日报, "某某网【打印】" -> 某某网.
std::u32string OutletValue(std::u32string_view line, size_t pos, const FurnitureRules& rules) {
  while (pos < line.size() && (IsLabelSeparator(line[pos]) || line[pos] == U'】')) ++pos;
  size_t end = pos;
  while (end < line.size() && !IsSpace(line[end]) &&
         std::u32string_view(U"|｜丨︱【[").find(line[end]) == std::u32string_view::npos) {
    ++end;
  }
  std::u32string_view value = line.substr(pos, end - pos);
  // Another field run into the value: "某某日报作者:王某", "某某网2024-11-20".
  for (size_t i = 1; i < value.size(); ++i) {
    size_t n = rules.labels.LongestAt(value, i);
    bool label = n > 0 && i + n < value.size() && (value[i + n] == U':' || value[i + n] == U'：');
    if (label || FullDateLengthAt(value, i) > 0) {
      value = value.substr(0, i);
      break;
    }
  }
  // "某某日报(记者": a bracket the value does not close.
  if (size_t open = value.find_last_of(U"(（");
      open != std::u32string_view::npos &&
      value.find_first_of(U")）", open) == std::u32string_view::npos) {
    value = value.substr(0, open);
  }
  while (!value.empty() && IsPunct(value.back()) && !IsClosingMark(value.back())) {
    value.remove_suffix(1);
  }
  return std::u32string(value);
}

}  // namespace

std::u32string OutletOf(std::u32string_view line) {
  const FurnitureRules& rules = Furniture();
  line = Trim(line);
  if (ClassifyLine(line) != LineKind::kFurniture) return {};
  const size_t start = line.size() - WithoutOpeningBrackets(line).size();
  for (size_t i = start; i < line.size(); ++i) {
    // A label starts the line or a field: "来源:X", "发布时间:… 来源:X".
    if (i > start && !IsSpace(line[i - 1]) && !IsLabelSeparator(line[i - 1])) continue;
    const size_t n = rules.outlet_labels.LongestAt(line, i);
    if (n == 0 || i + n >= line.size()) continue;
    const char32_t after = line[i + n];
    // At the line's start any separator follows the label ("来源 某某日报"); after
    // another field only a colon or a closing bracket ("【来源】").
    if (after == U':' || after == U'：' || after == U'】' ||
        (i == start && IsLabelSeparator(after))) {
      return OutletValue(line, i + n, rules);
    }
  }
  return {};
}

size_t FurnitureLabelAt(std::u32string_view text, size_t pos) {
  size_t n = Furniture().labels.LongestAt(text, pos);
  if (n == 0 && HasAt(text, pos, U"原标题")) n = 3;
  if (n == 0 || pos + n >= text.size()) return 0;
  const bool separator =
      std::u32string_view(U":：︱|｜丨").find(text[pos + n]) != std::u32string_view::npos;
  return separator ? n + 1 : 0;
}

bool HasSentenceEnd(std::u32string_view line) {
  for (char32_t c : line) {
    if (IsSentenceFinal(c)) return true;
  }
  return false;
}

std::optional<graph::FullDate> FindFullDate(std::u32string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (size_t n = FullDateLengthAt(line, i); n > 0) {
      return graph::ParseFullDate(ToUtf8(line.substr(i, n)));
    }
  }
  return std::nullopt;
}

LineKind ClassifyLine(std::u32string_view line) {
  const FurnitureRules& rules = Furniture();
  if (std::none_of(line.begin(), line.end(), [](char32_t c) {
        return IsHan(c) || IsDigit(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
      })) {
    return LineKind::kFurniture;  // dotted rules, "※※※"
  }
  if (IsUrlLine(line)) return LineKind::kUrl;
  std::u32string_view bare = WithoutOpeningBrackets(line);
  if (HasAt(bare, 0, U"原标题") && (bare.size() == 3 || IsLabelSeparator(bare[3]))) {
    return LineKind::kOriginalTitle;
  }
  const std::u32string normalized = Normalized(line);
  if (rules.lists.Contains(normalized)) return LineKind::kListOpener;
  if (rules.whole.Contains(normalized)) return LineKind::kFurniture;
  if (FurnitureLabelLength(line, rules.labels) > 0) return LineKind::kFurniture;
  for (const auto& [start, part] : rules.starts) {
    if (HasAt(bare, 0, start) &&
        (part.empty() || bare.find(part, start.size()) != std::u32string_view::npos)) {
      return LineKind::kFurniture;
    }
  }
  if (!HasSentenceEnd(line)) {
    for (size_t i = 0; i < line.size(); ++i) {
      if (rules.anywhere.LongestAt(line, i) > 0) return LineKind::kFurniture;
    }
  }
  if (IsDateLine(line) || IsBylineLine(line, rules.roles)) return LineKind::kFurniture;
  return LineKind::kText;
}

bool IsFurnitureLine(std::u32string_view line) {
  line = Trim(line);
  if (line.empty()) return false;
  LineKind kind = ClassifyLine(line);
  return kind != LineKind::kText && kind != LineKind::kOriginalTitle;
}

std::u32string_view OriginalTitle(std::u32string_view line) {
  std::u32string_view rest = WithoutOpeningBrackets(line).substr(3);
  while (!rest.empty() && IsLabelSeparator(rest[0])) rest.remove_prefix(1);
  return Trim(rest);
}

bool EndsWithPhotoCredit(std::u32string_view line) {
  return Furniture().credit_endings.LongestEndingAt(line, line.size()) > 0;
}

}  // namespace guanxi::extract
