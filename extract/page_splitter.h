#pragma once

// Page layout repair: splits a newspaper page into its news items. Knows
// headlines, datelines ("本报讯(记者 X)7月16日"), continuation markers
// ("(上接1版)", "(下转4版)"), photo captions and sentences broken across blank
// lines. Knows nothing about entities.

#include <string>
#include <vector>

namespace guanxi::extract {

// One news item as laid out on the page, before extraction.
struct RawItem {
  std::u32string title;                   // first headline line (short lines joined)
  std::vector<std::u32string> subtitles;  // further headline lines
  std::u32string date;                    // event date as written in the lead, may be empty
  std::u32string text;                    // body: paragraphs joined by '\n', byline removed
};

// Splits a page into items in reading order. An item starts at a lead (a
// dateline "…讯(…)", a "(上接N版)" marker, a date/"近日" paragraph right
// after headline lines, or a long paragraph after comma-free headline lines
// that follow the end of a sentence) and owns the headline lines above it.
// Captions, markers and page furniture ("责任编辑 …") are dropped; a paragraph
// that does not end a sentence
// is joined with the next one. A page without any lead is one item when it
// starts with headline lines followed by body text, and no item otherwise.
std::vector<RawItem> SplitPage(std::u32string_view page);

// The event date written at the start of a lead: "7月16日", "12月11日至12日",
// "近日", "是日"; "11月3日下午" gives "11月3日". Empty when none is found.
std::u32string FindLeadDate(std::u32string_view lead);

// True for a photo caption line ("图为…", "…记者 X 摄").
bool IsCaptionLine(std::u32string_view line);
// True for a page marker line such as "(下转4版)" or "(上接1版)".
bool IsMarkerLine(std::u32string_view line);

}  // namespace guanxi::extract
