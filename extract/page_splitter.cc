#include "extract/page_splitter.h"

#include <optional>

#include "extract/lexicon.h"
#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

constexpr size_t kMaxHeadlineChars = 64;
constexpr size_t kMaxHeadlineLines = 5;
// Headline lines this short are fragments of one title broken by layout
// ("渝湘复线高速公路" / "芦沟河特大桥") and are joined into the title.
constexpr size_t kShortHeadlineChars = 9;
// An undated lead paragraph is at least this long.
constexpr size_t kMinUndatedLeadChars = 50;
constexpr size_t kMinLeadClauseChars = 6;

bool IsDigit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
bool IsHanDigit(char32_t c) {
  return std::u32string_view(U"〇零一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

// True when a paragraph ends a sentence (closing quotes and brackets aside).
bool EndsSentence(std::u32string_view line) {
  size_t e = line.size();
  while (e > 0 && IsClosingMark(line[e - 1])) --e;
  return e > 0 && IsSentenceFinal(line[e - 1]);
}

// Length of a dateline byline at the start: "本报讯(渝西都市报记者 X)",
// "新华社北京11月3日电(记者 X)". 0 when there is none.
size_t BylineLength(std::u32string_view line) {
  // "本报讯 6月1日,…", "重庆日报讯(记者 张璐)…": a paper's name, 讯, maybe a bracket.
  for (size_t i = 2; i < line.size() && i < 12; ++i) {
    if (!IsHan(line[i - 1])) break;
    if (line[i] != U'讯') continue;
    size_t end = i + 1;
    if (end < line.size() && (line[end] == U'(' || line[end] == U'（')) {
      size_t close = end + 1;
      while (close < line.size() && close < end + 60 && line[close] != U')' &&
             line[close] != U'）') {
        ++close;
      }
      if (close < line.size() && close < end + 60) end = close + 1;
    }
    while (end < line.size() && IsSpace(line[end])) ++end;
    return end;
  }
  for (size_t i = 1; i < line.size() && i < 24; ++i) {
    if ((line[i] == U'讯' || line[i] == U'电') && i + 1 < line.size() &&
        (line[i + 1] == U'(' || line[i + 1] == U'（')) {
      for (size_t j = i + 2; j < line.size() && j < i + 60; ++j) {
        if (line[j] == U')' || line[j] == U'）') return j + 1;
      }
    }
  }
  return 0;
}

// Length of a date expression at `pos`: "7月16日", "12月11日至12日", "近日".
size_t DateLengthAt(std::u32string_view s, size_t pos) {
  if (size_t n = Lexicon::Default().date_words.LongestAt(s, pos); n > 0) return n;
  auto number = [&](size_t p) {
    size_t q = p;
    while (q < s.size() && (IsDigit(s[q]) || IsHanDigit(s[q])) && q - p < 4) ++q;
    return q - p;
  };
  size_t p = pos;
  size_t n = number(p);
  if (n == 0 || p + n >= s.size() || s[p + n] != U'月') return 0;
  p += n + 1;
  n = number(p);
  if (n == 0 || p + n >= s.size() || s[p + n] != U'日') return 0;
  p += n + 1;
  // A range: "至12日", "至12月1日", "—13日".
  if (p < s.size() && (s[p] == U'至' || s[p] == U'—' || s[p] == U'-')) {
    size_t q = p + 1;
    size_t m = number(q);
    if (m > 0 && q + m < s.size() && s[q + m] == U'日') return q + m + 1 - pos;
    if (m > 0 && q + m < s.size() && s[q + m] == U'月') {
      size_t r = q + m + 1;
      size_t k = number(r);
      if (k > 0 && r + k < s.size() && s[r + k] == U'日') return r + k + 1 - pos;
    }
  }
  return p - pos;
}

bool StartsWithDate(std::u32string_view line) {
  size_t n = DateLengthAt(line, 0);
  if (n == 0) return false;
  // "近日,位于…", "7月7日下午,…": a comma within a few characters.
  for (size_t i = n; i < line.size() && i < n + 6; ++i) {
    if (line[i] == U'，' || line[i] == U',') return true;
  }
  return false;
}

bool IsHeadlineLike(std::u32string_view line) {
  return !line.empty() && line.size() <= kMaxHeadlineChars && !EndsSentence(line) &&
         line.find(U'。') == std::u32string_view::npos && !IsCaptionLine(line) &&
         !IsMarkerLine(line) && BylineLength(line) == 0;
}

// "责任编辑 张三", "2024年5月6日 星期一": the page's own captions.
bool IsPageFurniture(std::u32string_view line) {
  const Lexicon& lex = Lexicon::Default();
  for (size_t i = 0; i < line.size(); ++i) {
    if (lex.page_furniture.LongestAt(line, i) > 0) return true;
  }
  return false;
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
  if (Lexicon::Default().credit_endings.LongestEndingAt(line, line.size()) > 0) return true;
  size_t shot = line.rfind(U'摄');
  if (shot == std::u32string_view::npos) return false;
  // "记者 袁卿予 摄", "重庆日报记者 谢智强 摄/视觉重庆".
  bool tail = shot + 1 == line.size() || line[shot + 1] == U'/' || line[shot + 1] == U'／';
  return tail && shot > 0 &&
         (IsSpace(line[shot - 1]) || line.find(U"记者") != std::u32string_view::npos);
}

std::u32string FindLeadDate(std::u32string_view lead) {
  lead = lead.substr(BylineLength(lead));
  for (size_t i = 0; i < lead.size(); ++i) {
    if (i > 0 && (IsDigit(lead[i - 1]) || IsHanDigit(lead[i - 1]))) continue;
    size_t n = DateLengthAt(lead, i);
    if (n > 0) return std::u32string(lead.substr(i, n));
  }
  return {};
}

std::vector<RawItem> SplitPage(std::u32string_view page) {
  // Non-empty lines, captions dropped; markers kept for now (they start items).
  std::vector<std::u32string_view> lines;
  size_t pos = 0;
  while (pos <= page.size()) {
    size_t end = page.find(U'\n', pos);
    if (end == std::u32string_view::npos) end = page.size();
    std::u32string_view line = Trim(page.substr(pos, end - pos));
    if (!line.empty() && !IsCaptionLine(line) && !IsPageFurniture(line)) lines.push_back(line);
    pos = end + 1;
  }

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
  for (size_t k = 0; k < starts.size(); ++k) {
    RawItem item;
    const Start& s = starts[k];
    size_t lead_line = s.lead;
    size_t headline_end = lead_line;
    while (headline_end > s.headline && IsMarkerLine(lines[headline_end - 1])) --headline_end;
    size_t last_joined = 0;  // length of the last line joined into the title
    for (size_t h = s.headline; h < headline_end; ++h) {
      if (IsMarkerLine(lines[h])) continue;
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
    std::u32string paragraph;
    for (size_t i = lead_line; i < body_end; ++i) {
      if (IsMarkerLine(lines[i])) continue;
      std::u32string_view line = lines[i];
      if (i == lead_line) {
        item.date = FindLeadDate(line);
        line = Trim(line.substr(BylineLength(line)));
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
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace guanxi::extract
