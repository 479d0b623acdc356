#pragma once

// Page furniture: the lines of a newspaper or web page that are neither a
// headline nor body text (credits, share buttons, navigation, bylines, date
// lines), by the rules of extract/data/page_furniture.txt (its header says
// what each kind of rule means) and a few built-in shapes. Knows nothing
// about items; page_splitter decides what a kept line is.

#include <optional>
#include <string>
#include <string_view>

#include "graph/printed_date.h"

namespace guanxi::extract {

// What a trimmed, non-empty line of a page is.
enum class LineKind {
  kText,       // a headline or body line
  kFurniture,  // dropped: "来源:某某日报", "编辑︱王某", "返回顶部", "·end·", "……",
               // "某某报记者 王某 通讯员 李某", "政务 2024-11-20 10:06 某省"
  kOriginalTitle,  // "原标题:X" (OriginalTitle gives X)
  kListOpener,     // "推荐阅读": the headline-like lines after it are links
  kUrl,            // "http://…": a link (the "…链接:" line above it is furniture too)
};

LineKind ClassifyLine(std::u32string_view line);

// True for a line of page furniture of any kind but the original title
// ("原标题:X" is read by SplitPage). False for an empty line.
bool IsFurnitureLine(std::u32string_view line);

// The outlet a furniture line names after a label marked "outlet" in
// page_furniture.txt, at the line's start or after another field
// ("来源: 某某日报  作者:王某" -> 某某日报, "发布时间:2024-11-20 10:06 来源:某某网"
// -> 某某网): the value up to white space or a bar, without a field or a date
// run into it, an unclosed bracket or trailing punctuation. Empty when the
// line is no furniture or names no outlet.
std::u32string OutletOf(std::u32string_view line);

// X of a "原标题:X" line (ClassifyLine gave kOriginalTitle), trimmed.
std::u32string_view OriginalTitle(std::u32string_view line);

// True when `line` ends with a photo credit of page_furniture.txt ("…文/图").
bool EndsWithPhotoCredit(std::u32string_view line);

// Length of a label of page_furniture.txt (": LABEL" lines, "原标题") at `pos`
// of `text` with the separator after it (":", "：", "︱", "|"), 0 when there is
// none: in "…调研发布时间:2020-04-08" at the 发 it is 5. Run-on pages
// (page_splitter) break their lines before it.
size_t FurnitureLabelAt(std::u32string_view text, size_t pos);

// True when `line` holds a sentence end (。！？ …) anywhere.
bool HasSentenceEnd(std::u32string_view line);

// The first date with its year in `line` ("2024-11-20", "2024/11/20",
// "2024年11月20日", the four-digit year not preceded by a digit); nullopt if
// none.
std::optional<graph::FullDate> FindFullDate(std::u32string_view line);

}  // namespace guanxi::extract
