#include "graph/printed_date.h"

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>

namespace guanxi::graph {
namespace {

constexpr std::string_view kYear = "年";
constexpr std::string_view kMonth = "月";
constexpr std::string_view kDay = "日";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

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

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<FullDate> CheckedFull(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  return FullDate{year, month, day};
}

// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's days_from_civil).
int64_t DaysFromCivil(const FullDate& date) {
  const int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (date.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

FullDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return FullDate{year, month, day};
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

// A full date whose four-digit year starts at `pos`; `end` receives the
// byte after it.
std::optional<FullDate> FullDateAt(std::string_view text, std::size_t pos, std::size_t& end) {
  std::size_t p = pos;
  std::optional<int> year = ReadNumber(text, p);
  if (!year || p - pos != 4 || p >= text.size()) return std::nullopt;
  if (text[p] == '-' || text[p] == '/' || text[p] == '.') {
    const char separator = text[p++];
    std::size_t month_begin = p;
    std::optional<int> month = ReadNumber(text, p);
    if (!month || p - month_begin > 2 || p >= text.size() || text[p] != separator) {
      return std::nullopt;
    }
    ++p;
    std::size_t day_begin = p;
    std::optional<int> day = ReadNumber(text, p);
    if (!day || p - day_begin > 2) return std::nullopt;
    end = p;
    return CheckedFull(*year, *month, *day);
  }
  if (text.substr(p, kYear.size()) != kYear) return std::nullopt;
  p += kYear.size();
  std::optional<int> month = ReadNumber(text, p);
  if (!month || text.substr(p, kMonth.size()) != kMonth) return std::nullopt;
  p += kMonth.size();
  std::optional<int> day = ReadNumber(text, p);
  if (!day || text.substr(p, kDay.size()) != kDay) return std::nullopt;
  end = p + kDay.size();
  return CheckedFull(*year, *month, *day);
}

bool StartsWithAny(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (text.substr(0, word.size()) == word) return true;
  }
  return false;
}

// Of `candidates` (some may be nullopt: no such day), the one nearest `page`.
std::optional<FullDate> Nearest(std::initializer_list<std::optional<FullDate>> candidates,
                                const FullDate& page) {
  std::optional<FullDate> best;
  int64_t best_distance = 0;
  const int64_t page_days = DaysFromCivil(page);
  for (const std::optional<FullDate>& candidate : candidates) {
    if (!candidate) continue;
    const int64_t distance = std::llabs(DaysFromCivil(*candidate) - page_days);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace

std::optional<MonthDay> ParseMonthDay(std::string_view text) {
  if (std::optional<MonthDay> numeric = Numeric(text)) return numeric;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!IsDigit(text[pos]) || (pos > 0 && IsDigit(text[pos - 1]))) continue;
    if (std::optional<MonthDay> date = ChineseAt(text, pos)) return date;
  }
  return std::nullopt;
}

std::optional<FullDate> ParseFullDate(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!IsDigit(text[pos]) || (pos > 0 && IsDigit(text[pos - 1]))) continue;
    std::size_t end = 0;
    if (std::optional<FullDate> date = FullDateAt(text, pos, end)) return date;
  }
  return std::nullopt;
}

std::string ToIso(const FullDate& date) {
  auto digits = [](int value, int width) {
    std::string text = std::to_string(value);
    return std::string(text.size() < static_cast<size_t>(width) ? width - text.size() : 0, '0') +
           text;
  };
  return digits(date.year, 4) + "-" + digits(date.month, 2) + "-" + digits(date.day, 2);
}

FullDate AddDays(const FullDate& date, int days) {
  return CivilFromDays(DaysFromCivil(date) + days);
}

std::optional<FullDate> ResolvePrintedDate(std::string_view printed,
                                           std::optional<FullDate> page) {
  if (std::optional<FullDate> full = ParseFullDate(printed)) return full;
  if (!page) return std::nullopt;
  if (StartsWithAny(printed, {"今天", "今日", "近日", "日前", "近期", "前不久"})) return page;
  if (StartsWithAny(printed, {"昨天", "昨日"})) return AddDays(*page, -1);
  if (StartsWithAny(printed, {"前天"})) return AddDays(*page, -2);
  if (std::optional<MonthDay> md = ParseMonthDay(printed)) {
    return Nearest({CheckedFull(page->year - 1, md->month, md->day),
                    CheckedFull(page->year, md->month, md->day),
                    CheckedFull(page->year + 1, md->month, md->day)},
                   *page);
  }
  // "19日", "19日晚": a day of the page's month or of a month next to it.
  std::size_t pos = 0;
  std::optional<int> day = ReadNumber(printed, pos);
  if (!day || pos > 2 || printed.substr(pos, kDay.size()) != kDay) return std::nullopt;
  const FullDate before = AddDays(FullDate{page->year, page->month, 1}, -1);
  const FullDate after =
      AddDays(FullDate{page->year, page->month, DaysInMonth(page->year, page->month)}, 1);
  return Nearest({CheckedFull(before.year, before.month, *day),
                  CheckedFull(page->year, page->month, *day),
                  CheckedFull(after.year, after.month, *day)},
                 *page);
}

std::optional<PartialDate> ParseDateBound(std::string_view text) {
  if (std::optional<FullDate> full = ParseFullDate(text)) return PartialDate(*full);
  // A year whose day does not exist ("2024-02-30") is no month and day either.
  std::size_t pos = 0;
  if (ReadNumber(text, pos) && pos == 4) return std::nullopt;
  if (std::optional<MonthDay> md = ParseMonthDay(text)) return PartialDate(*md);
  return std::nullopt;
}

std::optional<PartialDate> ItemDate(std::string_view printed, std::string_view full_date) {
  if (!full_date.empty()) {
    std::size_t end = 0;
    if (std::optional<FullDate> full = FullDateAt(full_date, 0, end)) return PartialDate(*full);
  }
  if (std::optional<MonthDay> md = ParseMonthDay(printed)) return PartialDate(*md);
  return std::nullopt;
}

bool NotAfter(const PartialDate& a, const PartialDate& b) {
  if (a.year && b.year && *a.year != *b.year) return *a.year < *b.year;
  return a.month_day <= b.month_day;
}

}  // namespace guanxi::graph
