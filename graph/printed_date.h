#pragma once

// Dates as Chinese news prints them ("7月16日", "11月3日下午", "12月11日至12日")
// or as a user types them ("7-16", "07-16", "2025-07-16"). Items rarely print
// a year, so ranges compare month and day only.

#include <optional>
#include <string_view>

namespace guanxi::graph {

struct MonthDay {
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  friend auto operator<=>(const MonthDay&, const MonthDay&) = default;
};

// The first month and day in `text`: "M月D日" anywhere in it (a range such as
// "12月11日至12日" gives its first day), or "[YYYY-]M-D". nullopt when there
// is none ("近日", "是日") or it is out of range.
std::optional<MonthDay> ParseMonthDay(std::string_view text);

}  // namespace guanxi::graph
