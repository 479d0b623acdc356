#pragma once

// Dates as Chinese news prints them ("7月16日", "11月3日下午", "12月11日至12日",
// "2017年3月24日", "19日", "昨天") or as a user types them ("7-16", "07-16",
// "2025-07-16"), and the full date of an item: its printed date completed
// with the year (and month) of the page it was published on.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace guanxi::graph {

struct MonthDay {
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  friend auto operator<=>(const MonthDay&, const MonthDay&) = default;
};

// A calendar day with its year (always a real day: 2024-02-30 is never made).
struct FullDate {
  int year = 0;   // 1000..9999
  int month = 0;  // 1..12
  int day = 0;    // 1..days in that month

  MonthDay month_day() const { return {month, day}; }
  friend auto operator<=>(const FullDate&, const FullDate&) = default;
};

// The first month and day in `text`: "M月D日" anywhere in it (a range such as
// "12月11日至12日" gives its first day), or "[YYYY-]M-D". nullopt when there
// is none ("近日", "是日") or it is out of range.
std::optional<MonthDay> ParseMonthDay(std::string_view text);

// The first full date in `text`: "2023-03-10", "2023/3/10", "2023.3.10" or
// "2023年3月10日" (four-digit year, not preceded by a digit); nullopt when
// there is none or the day does not exist.
std::optional<FullDate> ParseFullDate(std::string_view text);

// "YYYY-MM-DD".
std::string ToIso(const FullDate& date);

// `date` moved by `days` (negative: earlier), across months and years.
FullDate AddDays(const FullDate& date, int days);

// The full date of an item printed as `printed` on a page dated `page`:
// - a printed year wins ("2017年3月24日" → 2017-03-24, page or not);
// - "M月D日" takes the year that puts it nearest the page date ("12月30日" on
//   a page of 2024-01-02 is 2023-12-30, "1月2日" on one of 2023-12-30 is
//   2024-01-02);
// - "D日" takes the nearest month likewise ("19日" on 2024-11-20 → 2024-11-19,
//   "30日" on 2024-12-01 → 2024-11-30);
// - 今天/今日 → the page date, 昨天/昨日 → one day before, 前天 → two;
// - 近日/日前/近期/前不久 ("recently") → the page date: the event happened at
//   or a few days before it, and a date keeps the item in ranges around its
//   publication instead of outside every range;
// - anything else (当天, 是日: the day of another item; no printed date; a
//   month and day without a page date) → nullopt.
std::optional<FullDate> ResolvePrintedDate(std::string_view printed,
                                           std::optional<FullDate> page);

// A date that may lack its year: a bound of a date range, or an item's date.
struct PartialDate {
  std::optional<int> year;
  MonthDay month_day;

  PartialDate() = default;
  // Implicit: a month and day, or a full date, is a partial date.
  PartialDate(MonthDay md) : month_day(md) {}  // NOLINT(google-explicit-constructor)
  PartialDate(const FullDate& d)               // NOLINT(google-explicit-constructor)
      : year(d.year), month_day(d.month_day()) {}
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// A date as a user types it for --since/--until: a full date anywhere in it
// ("2024-01-01", "2024年1月1日") carries its year; otherwise the month and day
// of ParseMonthDay ("1-1", "01-01", "1月1日") have none. nullopt when neither.
std::optional<PartialDate> ParseDateBound(std::string_view text);

// An item's date for range checks: its full date (ISO, as stored) when it
// has one, else the month and day of its printed date; nullopt when neither.
std::optional<PartialDate> ItemDate(std::string_view printed, std::string_view full_date);

// a <= b: by year, month and day when both have a year, by month and day
// otherwise (so a month-day bound matches items of every year).
bool NotAfter(const PartialDate& a, const PartialDate& b);

}  // namespace guanxi::graph
