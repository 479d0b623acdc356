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
  std::string full_date;   // that date as "YYYY-MM-DD" with the page's year, may be empty
  std::u32string text;     // body: paragraphs joined by '\n', byline removed
  std::u32string outlet;   // who published it, from a 来源 line (page_furniture OutletOf):
                           // its own, else the page's; may be empty
  size_t page_offset = 0;  // code-point offset in the page of the item's first line
};

// Splits a page into items in reading order. An item starts at a lead (a
// dateline "…讯(…)", "…报道(…)", "…电(…)", "…5月25日南宁消息 ", a "(上接N版)"
// marker, a date/"近日" paragraph right after headline lines, or a long
// paragraph after comma-free headline lines that follow the end of a
// sentence) and owns the headline lines above it. Captions, markers and page
// furniture (page_furniture.txt: "责任编辑 …", "来源:…", "编辑︱…", share
// buttons, dotted rules, URLs, bylines, date lines) are dropped; "原标题:X"
// gives the title X to an item without another headline line; lines repeated
// in a body or repeating its title (photo captions) are dropped; a paragraph
// that does not end a sentence is joined with the next one. A page without
// any lead is one item when it starts with headline lines followed by body
// text, and no item otherwise. An item's full date is its printed date
// resolved (graph::ResolvePrintedDate) against the page's date: a date with
// its year in its dateline, else in a furniture line between its headline
// and its lead, else within the item, else above it, else anywhere on the
// page ("发布时间:2024-11-20 10:06", "2024年5月6日 星期一"). Its outlet is
// the one a 来源 line names after its first headline line and up to the next
// item ("来源:某某日报"), else the page's: a 来源 line above the first item,
// else the one outlet all the page's 来源 lines name.
//
// Control characters (text_util's IsDroppedControl: NUL, U+0007, DEL,
// U+FFFE …) are dropped first: no title, subtitle, date, outlet or body holds
// one.
//
// A page saved without line breaks (one line for the whole page, or very
// long lines) has its lines re-derived first (run_on_lines.h,
// BreakRunOnLines). RawItem::page_offset still counts code points of `page`.
std::vector<RawItem> SplitPage(std::u32string_view page);

// The event date written at the start of a lead: "7月16日", "12月11日至12日",
// "2017年3月24日", "近日", "是日", and a bare day at the very start ("19日晚,");
// "11月3日下午" gives "11月3日". Empty when none is found.
std::u32string FindLeadDate(std::u32string_view lead);

// True for a photo caption line ("图为…", "…记者 X 摄").
bool IsCaptionLine(std::u32string_view line);
// True for a page marker line such as "(下转4版)" or "(上接1版)".
bool IsMarkerLine(std::u32string_view line);

}  // namespace guanxi::extract
