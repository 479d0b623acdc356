#include "graph/printed_date.h"

#include <charconv>
#include <cstddef>

namespace guanxi::graph {
namespace {

constexpr std::string_view kMonth = "月";
constexpr std::string_view kDay = "日";

// Reads the ASCII digits at `pos` (advancing it); nullopt if there are none.
std::optional<int> ReadNumber(std::string_view text, std::size_t& pos) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data() + pos, text.data() + text.size(), value);
  if (error != std::errc() || end == text.data() + pos) return std::nullopt;
  pos = static_cast<std::size_t>(end - text.data());
  return value;
}

std::optional<MonthDay> Checked(int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return MonthDay{month, day};
}

// "M月D日" starting at the digit at `pos`.
std::optional<MonthDay> ChineseAt(std::string_view text, std::size_t pos) {
  std::optional<int> month = ReadNumber(text, pos);
  if (!month || text.substr(pos, kMonth.size()) != kMonth) return std::nullopt;
  pos += kMonth.size();
  std::optional<int> day = ReadNumber(text, pos);
  if (!day || text.substr(pos, kDay.size()) != kDay) return std::nullopt;
  return Checked(*month, *day);
}

// "[YYYY-]M-D" as the whole of `text`.
std::optional<MonthDay> Numeric(std::string_view text) {
  std::size_t pos = 0;
  std::optional<int> first = ReadNumber(text, pos);
  if (!first || pos >= text.size() || text[pos] != '-') return std::nullopt;
  ++pos;
  std::optional<int> second = ReadNumber(text, pos);
  if (!second) return std::nullopt;
  if (pos == text.size()) return Checked(*first, *second);
  if (text[pos] != '-') return std::nullopt;
  ++pos;
  std::optional<int> third = ReadNumber(text, pos);
  if (!third || pos != text.size()) return std::nullopt;
  return Checked(*second, *third);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<MonthDay> ParseMonthDay(std::string_view text) {
  if (std::optional<MonthDay> numeric = Numeric(text)) return numeric;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!IsDigit(text[pos]) || (pos > 0 && IsDigit(text[pos - 1]))) continue;
    if (std::optional<MonthDay> date = ChineseAt(text, pos)) return date;
  }
  return std::nullopt;
}

}  // namespace guanxi::graph
