#include "extract/page_splitter.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/lead_shapes.h"
#include "extract/page_furniture.h"
#include "extract/run_on_lines.h"
#include "extract/text_util.h"
#include "graph/printed_date.h"

namespace guanxi::extract {
namespace {

constexpr size_t kMaxHeadlineLines = 5;
// Headline lines this short are fragments of one title broken by layout
// ("渝湘复线高速公路" / "芦沟河特大桥") and are joined into the title.
constexpr size_t kShortHeadlineChars = 9;
// An undated lead paragraph is at least this long.
constexpr size_t kMinUndatedLeadChars = 50;
constexpr size_t kMinLeadClauseChars = 6;

// True when a paragraph ends a sentence (closing quotes and brackets aside).
bool EndsSentence(std::u32string_view line) {
  size_t e = line.size();
  while (e > 0 && IsClosingMark(line[e - 1])) --e;
  return e > 0 && IsSentenceFinal(line[e - 1]);
}

bool IsHeadlineLike(std::u32string_view line) {
  return !line.empty() && line.size() <= kMaxHeadlineChars && !EndsSentence(line) &&
         line.find(U'。') == std::u32string_view::npos && !IsCaptionLine(line) &&
         !IsMarkerLine(line) && BylineLength(line) == 0;
}

bool HasComma(std::u32string_view line) {
  return line.find_first_of(U"，,") != std::u32string_view::npos;
}

// A lead without dateline ("记者从市教委获悉，…"): a long paragraph that ends a
// sentence, right after comma-free headline lines that follow the end of a
// sentence (or a caption, a marker, the page start).
bool IsUndatedLead(const std::vector<std::u32string_view>& lines, size_t i, size_t floor) {
  std::u32string_view p = lines[i];
  if (p.size() < kMinUndatedLeadChars || !EndsSentence(p) || IsHeadlineLike(p)) return false;
  size_t h = i;
  while (h > floor && i - h < kMaxHeadlineLines && IsHeadlineLike(lines[h - 1]) &&
         !HasComma(lines[h - 1])) {
    --h;
  }
  if (h == i) return false;
  if (!(h == 0 || h == floor || EndsSentence(lines[h - 1]) || IsMarkerLine(lines[h - 1]))) {
    return false;
  }
  // One line alone may be the head of a sentence broken by layout ("会议选举了…主"
  // + "席,增选了…"): then the paragraph's first clause is a short tail.
  if (i - h >= 2) return true;
  size_t clause = p.find_first_of(U"，,。；;：:");
  return clause != std::u32string_view::npos && clause >= kMinLeadClauseChars;
}

bool IsContinuationMarker(std::u32string_view line) {
  return IsMarkerLine(line) && line.find(U"上接") != std::u32string_view::npos;
}

}  // namespace

bool IsMarkerLine(std::u32string_view line) {
  line = Trim(line);
  if (line.size() < 4 || line.size() > 16) return false;
  if (line.front() != U'(' && line.front() != U'（') return false;
  if (line.back() != U')' && line.back() != U'）') return false;
  return line.find(U'版') != std::u32string_view::npos &&
         (line.find(U'接') != std::u32string_view::npos ||
          line.find(U'转') != std::u32string_view::npos);
}

bool IsCaptionLine(std::u32string_view line) {
  line = Trim(line);
  if (line.empty()) return false;
  if (line.find(U"图为") != std::u32string_view::npos) return true;
  if (EndsWithPhotoCredit(line)) return true;
  size_t shot = line.rfind(U'摄');
  if (shot == std::u32string_view::npos) return false;
  // "记者 袁卿予 摄", "重庆日报记者 谢智强 摄/视觉重庆".
  bool tail = shot + 1 == line.size() || line[shot + 1] == U'/' || line[shot + 1] == U'／';
  return tail && shot > 0 &&
         (IsSpace(line[shot - 1]) || line.find(U"记者") != std::u32string_view::npos);
}

std::u32string FindLeadDate(std::u32string_view lead) {
  lead = lead.substr(BylineLength(lead));
  if (DateLengthAt(lead, 0) == 0) {
    if (size_t n = LeadDayLength(lead); n > 0) return std::u32string(lead.substr(0, n));
  }
  for (size_t i = 0; i < lead.size(); ++i) {
    if (i > 0 && (IsDigit(lead[i - 1]) || IsHanDigit(lead[i - 1]))) continue;
    size_t n = DateLengthAt(lead, i);
    if (n > 0) return std::u32string(lead.substr(i, n));
  }
  return {};
}

namespace {

// The text SplitPage reads: the page without control characters
// (text_util's WithoutControls), its run-on lines broken; and for each
// edit, where offsets in it fall in the page.
struct ReadText {
  ReadText() = default;
  ReadText(const ReadText&) = delete;
  ReadText& operator=(const ReadText&) = delete;

  std::u32string_view text;
  std::u32string cleaned;  // the page without controls, when it held some
  std::u32string broken;   // with run-on lines broken, when it had some
  OffsetMarks cleaned_marks;
  OffsetMarks broken_marks;

  size_t PageOffset(size_t offset) const {
    return Unedited(cleaned_marks, Unedited(broken_marks, offset));
  }
};

// Fills `out` (its views point into its own strings: it is filled in place).
void MakeReadable(std::u32string_view page, ReadText& out) {
  out.text = page;
  if (HasDroppedControls(page)) {
    out.cleaned = WithoutControls(page, &out.cleaned_marks);
    out.text = out.cleaned;
  }
  out.broken = BreakRunOnLines(out.text, out.broken_marks);
  if (!out.broken_marks.empty()) out.text = out.broken;
}

bool EndsWithColon(std::u32string_view line) {
  return !line.empty() && (line.back() == U':' || line.back() == U'：');
}

// The lines of a page that can be headlines or body text, and the dates with
// their years that its furniture gives.
struct PageLines {
  std::vector<std::u32string_view> lines;
  std::vector<bool> original_title;  // the line is X of "原标题:X"
  struct Dated {
    size_t before;  // index in `lines` of the next line kept after it
    graph::FullDate date;
  };
  std::vector<Dated> dates;
  struct Outlet {
    size_t before;  // index in `lines` of the next line kept after its 来源 line
    std::u32string name;
  };
  std::vector<Outlet> outlets;
};

PageLines ReadLines(std::u32string_view page) {
  // The "…链接:" line above URL lines is furniture too when it is this short.
  constexpr size_t kMaxLinkIntroChars = 20;
  PageLines out;
  bool in_links = false;  // after "推荐阅读": headline-like lines are links
  size_t pos = 0;
  while (pos <= page.size()) {
    size_t end = page.find(U'\n', pos);
    if (end == std::u32string_view::npos) end = page.size();
    std::u32string_view line = Trim(page.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) continue;
    if (in_links && IsHeadlineLike(line)) continue;
    in_links = false;
    if (IsCaptionLine(line)) continue;
    switch (ClassifyLine(line)) {
      case LineKind::kText:
        out.lines.push_back(line);
        out.original_title.push_back(false);
        break;
      case LineKind::kOriginalTitle:
        if (std::u32string_view title = OriginalTitle(line); !title.empty()) {
          out.lines.push_back(title);
          out.original_title.push_back(true);
        }
        break;
      case LineKind::kListOpener:
        in_links = true;
        break;
      case LineKind::kUrl:
        if (!out.lines.empty() && !out.original_title.back() && EndsWithColon(out.lines.back()) &&
            out.lines.back().size() <= kMaxLinkIntroChars && !HasSentenceEnd(out.lines.back())) {
          out.lines.pop_back();
          out.original_title.pop_back();
        }
        break;
      case LineKind::kFurniture:
        if (std::optional<graph::FullDate> date = FindFullDate(line)) {
          out.dates.push_back({out.lines.size(), *date});
        }
        if (std::u32string outlet = OutletOf(line); !outlet.empty()) {
          out.outlets.push_back({out.lines.size(), std::move(outlet)});
        }
        break;
    }
  }
  return out;
}

// The date an item's printed date is resolved against: the date with its
// year in its dateline, else in furniture between its headline and its lead,
// else within the item, else the last one above it, else the page's first.
std::optional<graph::FullDate> ReferenceDate(const PageLines& page, size_t headline, size_t lead,
                                             size_t body_end) {
  std::u32string_view lead_line = page.lines[lead];
  if (size_t byline = BylineLength(lead_line); byline > 0) {
    if (auto date = FindFullDate(lead_line.substr(0, byline))) return date;
  }
  for (const auto& dated : page.dates) {
    if (dated.before > headline && dated.before <= lead) return dated.date;
  }
  for (const auto& dated : page.dates) {
    if (dated.before > headline && dated.before <= body_end) return dated.date;
  }
  std::optional<graph::FullDate> above;
  for (const auto& dated : page.dates) {
    if (dated.before <= headline) above = dated.date;
  }
  if (above) return above;
  if (!page.dates.empty()) return page.dates.front().date;
  return std::nullopt;
}

// The page's outlet: a 来源 line above its first item's headline, else the
// one outlet all its 来源 lines name; empty otherwise.
std::u32string PageOutlet(const PageLines& page, size_t first_headline) {
  if (page.outlets.empty()) return {};
  if (page.outlets.front().before <= first_headline) return page.outlets.front().name;
  for (const auto& o : page.outlets) {
    if (o.name != page.outlets.front().name) return {};
  }
  return page.outlets.front().name;
}

// An item's outlet: the first 来源 line after its first headline line and up
// to the next item's headline (web pages print it under the title, papers
// after the body), else the page's.
std::u32string ItemOutlet(const PageLines& page, size_t headline, size_t body_end,
                          const std::u32string& page_outlet) {
  for (const auto& o : page.outlets) {
    if (o.before > headline && o.before <= body_end) return o.name;
  }
  return page_outlet;
}

}  // namespace

std::vector<RawItem> SplitPage(std::u32string_view page_text) {
  // Non-empty lines, captions and furniture dropped; markers kept for now
  // (they start items).
  // Controls dropped and run-on lines broken first.
  ReadText read;
  MakeReadable(page_text, read);
  const PageLines page = ReadLines(read.text);
  const std::vector<std::u32string_view>& lines = page.lines;

  // Leads and the first headline line above each of them.
  struct Start {
    size_t headline;  // first headline line
    size_t lead;      // lead paragraph
  };
  std::vector<Start> starts;
  size_t floor = 0;  // lines before this belong to the previous item's lead
  for (size_t i = 0; i < lines.size(); ++i) {
    bool lead = BylineLength(lines[i]) > 0;
    size_t above = i;  // first line above the lead that may be a headline
    if (!lead && IsContinuationMarker(lines[i]) && i + 1 < lines.size()) {
      lead = true;
    }
    if (!lead && StartsWithDate(lines[i]) && i > floor && IsHeadlineLike(lines[i - 1])) {
      lead = true;
    }
    if (!lead && i > floor && IsUndatedLead(lines, i, floor)) lead = true;
    if (!lead) continue;
    size_t h = above;
    while (h > floor && above - h < kMaxHeadlineLines && IsHeadlineLike(lines[h - 1])) --h;
    starts.push_back({h, IsContinuationMarker(lines[i]) ? i + 1 : i});
    floor = starts.back().lead + 1;
    i = starts.back().lead;
  }

  // A page without any lead is one item: its headline lines, then the body.
  if (starts.empty()) {
    size_t h = 0;
    while (h < lines.size() && h < kMaxHeadlineLines && IsHeadlineLike(lines[h])) ++h;
    if (h > 0 && h < lines.size()) starts.push_back({0, h});
  }

  std::vector<RawItem> items;
  const std::u32string page_outlet =
      starts.empty() ? std::u32string() : PageOutlet(page, starts.front().headline);
  for (size_t k = 0; k < starts.size(); ++k) {
    RawItem item;
    const Start& s = starts[k];
    item.page_offset =
        read.PageOffset(static_cast<size_t>(lines[s.headline].data() - read.text.data()));
    size_t lead_line = s.lead;
    size_t headline_end = lead_line;
    while (headline_end > s.headline && IsMarkerLine(lines[headline_end - 1])) --headline_end;
    // "原标题:X" titles an item only when no other headline line is printed.
    bool printed_headline = false;
    for (size_t h = s.headline; h < headline_end; ++h) {
      if (!page.original_title[h] && !IsMarkerLine(lines[h])) printed_headline = true;
    }
    size_t last_joined = 0;  // length of the last line joined into the title
    for (size_t h = s.headline; h < headline_end; ++h) {
      if (IsMarkerLine(lines[h]) || (printed_headline && page.original_title[h])) continue;
      std::u32string line(lines[h]);
      if (item.title.empty()) {
        item.title = line;
        last_joined = line.size();
      } else if (item.subtitles.empty() && last_joined < kShortHeadlineChars &&
                 line.size() < kShortHeadlineChars + 4) {
        item.title += line;
        last_joined = line.size();
      } else {
        item.subtitles.push_back(line);
      }
    }
    size_t body_end = k + 1 < starts.size() ? starts[k + 1].headline : lines.size();
    // Photo captions: lines that repeat the title, or repeat in the body.
    std::unordered_map<std::u32string_view, int> repeats;
    for (size_t i = lead_line + 1; i < body_end; ++i) {
      if (!EndsSentence(lines[i])) ++repeats[lines[i]];
    }
    std::u32string paragraph;
    for (size_t i = lead_line; i < body_end; ++i) {
      if (IsMarkerLine(lines[i]) || page.original_title[i]) continue;
      std::u32string_view line = lines[i];
      if (i == lead_line) {
        item.date = FindLeadDate(line);
        line = Trim(line.substr(BylineLength(line)));
      } else if (!EndsSentence(line) && (line == item.title || repeats[line] > 1)) {
        continue;
      }
      paragraph += line;
      if (EndsSentence(paragraph) || i + 1 == body_end) {
        if (!item.text.empty()) item.text += U'\n';
        item.text += paragraph;
        paragraph.clear();
      }
    }
    if (!paragraph.empty()) {
      if (!item.text.empty()) item.text += U'\n';
      item.text += paragraph;
    }
    if (std::optional<graph::FullDate> full = graph::ResolvePrintedDate(
            ToUtf8(item.date), ReferenceDate(page, s.headline, lead_line, body_end))) {
      item.full_date = graph::ToIso(*full);
    }
    item.outlet = ItemOutlet(page, s.headline, body_end, page_outlet);
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace guanxi::extract
