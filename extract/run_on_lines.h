#pragma once

// Run-on pages: a page saved without line breaks (one line for the whole
// page, or lines of more than 600 characters, or a line with a lead or wide
// white space after text inside it) has lost the layout the page splitter
// reads. BreakRunOnLines re-derives its lines: a break before a dateline, a
// date lead ("近日,", "7月16日,"), a furniture label ("责任编辑:") run into
// headline text since the last sentence end, around page markers
// ("(下转4版)"), after a photo credit ("记者 X 摄") and a caption sentence
// ("图为…。"), at two spaces or more; headline text run into a lead is parted
// before a subtitle of people the lead names and a trigger ("…项目柏嘉禾出席
// 签约仪式") and after a speech title's verb ("…工作会上强调"). Sentences stay
// together in their paragraph.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guanxi::extract {

// Where offsets of an edited text fall in the text it was made from: the
// pairs (code-point offset in the edited text, offset in the original) from
// which the two run on alike, ascending.
using OffsetMarks = std::vector<std::pair<size_t, size_t>>;

// The offset in the original text of `offset` in the edited one.
size_t Unedited(const OffsetMarks& marks, size_t offset);

// `page` with a line break ('\n') inserted at each break of its run-on lines
// (above); `marks` gets, for each break, where the text after it falls in
// `page`. Empty, with no marks added, when `page` has no run-on line. Time
// linear in the page's length.
std::u32string BreakRunOnLines(std::u32string_view page, OffsetMarks& marks);

}  // namespace guanxi::extract
