#include "extract/page_splitter.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/lexicon.h"
#include "extract/page_furniture.h"
#include "extract/person_finder.h"
#include "extract/text_util.h"
#include "graph/printed_date.h"

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
  // "本报讯 6月1日,…", "重庆日报讯(记者 张璐)…": a paper's name, 讯, maybe a
  // bracket. A headline "【快讯】…" is none.
  for (size_t i = 2; i < line.size() && i < 12 && IsHan(line[0]); ++i) {
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
  // "新华社北京11月3日电(记者 X)", "某某融媒报道(全媒体记者:X)".
  for (size_t i = 1; i < line.size() && i < 24; ++i) {
    bool ending = line[i] == U'讯' || line[i] == U'电' || HasAt(line, i - 1, U"报道");
    if (ending && i + 1 < line.size() && (line[i + 1] == U'(' || line[i + 1] == U'（')) {
      for (size_t j = i + 2; j < line.size() && j < i + 60; ++j) {
        if (line[j] == U')' || line[j] == U'）') {
          size_t end = j + 1;
          while (end < line.size() && IsSpace(line[end])) ++end;
          return end;
        }
      }
    }
  }
  // "某某网5月25日南宁消息 日前,…": an outlet, a date, a place, 消息.
  constexpr size_t kMaxNewsDatelineChars = 30;
  for (size_t i = 4; i + 1 < line.size() && i < kMaxNewsDatelineChars; ++i) {
    if (!HasAt(line, i, U"消息")) continue;
    std::u32string_view head = line.substr(0, i);
    if (head.find_first_of(U"，,。；;:：") != std::u32string_view::npos) return 0;
    size_t month = head.find(U'月');
    if (month == std::u32string_view::npos || month == 0 || !IsDigit(head[month - 1]) ||
        head.find(U'日', month) == std::u32string_view::npos) {
      return 0;
    }
    size_t end = i + 2;
    if (end < line.size() && !IsSpace(line[end]) && line[end] != U'，' && line[end] != U',') {
      return 0;
    }
    while (end < line.size() && (IsSpace(line[end]) || line[end] == U'，' || line[end] == U',')) {
      ++end;
    }
    return end;
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
  // "2017年3月24日": the year is part of the printed date.
  if (n == 4 && p + n < s.size() && s[p + n] == U'年') {
    p += n + 1;
    n = number(p);
  }
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

// Length of a bare day at the start of a lead, "19日" of "19日晚,…", 0 if none.
size_t LeadDayLength(std::u32string_view s) {
  size_t n = 0;
  while (n < s.size() && n < 3 && IsDigit(s[n])) ++n;
  if (n == 0 || n > 2 || n + 1 >= s.size() || s[n] != U'日') return 0;
  return std::u32string_view(U"上下早中晚凌傍夜午，,").find(s[n + 1]) != std::u32string_view::npos
             ? n + 1
             : 0;
}

bool StartsWithDate(std::u32string_view line) {
  size_t n = DateLengthAt(line, 0);
  if (n == 0) n = LeadDayLength(line);
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

// ---- Run-on pages ----
// A page saved without line breaks (one line for the whole page, or very long
// lines) has lost the layout the rest of this file reads. Its lines are
// re-derived first: a break after each sentence end, before a dateline, a
// date lead or a furniture label run into headline text, around page markers,
// after a photo credit, at wide white space; a headline run into its lead is
// parted from its subtitle ("…项目柏嘉禾出席签约仪式").

// A line longer than this is run-on text whatever it holds; a shorter one
// only when a lead starts inside it after headline text.
constexpr size_t kRunOnLineChars = 600;
// Shorter lines are never run-on (a headline and a lead are longer).
constexpr size_t kMinRunOnChars = 40;
// Headline text run into a lead is this long at least and at most.
constexpr size_t kMinZoneChars = 6;
constexpr size_t kMaxZoneChars = 200;
// The lead text where a subtitle's names are looked for.
constexpr size_t kLeadWindowChars = 400;
// A subtitle's words after its names and trigger ("出席签约仪式").
constexpr size_t kMaxSubtitleTailChars = 12;
// Datelines start at most this far before their cue (讯, 电, 报道, 消息).
constexpr size_t kMaxDatelineHeadChars = 24;

// Length of a page marker "(下转4版)" at `pos`, 0 if none.
size_t MarkerLengthAt(std::u32string_view s, size_t pos) {
  if (s[pos] != U'(' && s[pos] != U'（') return 0;
  for (size_t j = pos + 1; j < s.size() && j < pos + 16; ++j) {
    if (s[j] == U')' || s[j] == U'）') {
      return IsMarkerLine(s.substr(pos, j + 1 - pos)) ? j + 1 - pos : 0;
    }
  }
  return 0;
}

// Length of a web headline's mark at `pos` ("(图)", "（组图）", "(视频)"), 0
// if none.
size_t HeadlineMarkLengthAt(std::u32string_view s, size_t pos) {
  for (std::u32string_view mark :
       {U"(图)", U"（图）", U"(组图)", U"（组图）", U"(视频)", U"（视频）"}) {
    if (HasAt(s, pos, mark)) return mark.size();
  }
  return 0;
}

// True when `zone` may be headline text run into what follows it: no
// sentence end or comma, neither too short nor too long.
bool IsHeadlineZone(std::u32string_view zone) {
  zone = Trim(zone);
  return zone.size() >= kMinZoneChars && zone.size() <= kMaxZoneChars &&
         zone.find_first_of(U"。！？!?，,；;") == std::u32string_view::npos;
}

// Where the dateline whose cue (讯, 电, 报道, 消息) is at `cue` starts, at or
// after `floor`; npos when no dateline ends there. The outlet's name has no
// marked start: 本报 and the agencies are known, else the text since `floor`
// when it is all dateline (short, or with the date), else the nearest place
// name before the cue
// ("…稳增长重庆日报讯"), else the four characters before the cue.
size_t DatelineStart(std::u32string_view s, size_t floor, size_t cue, const Lexicon& lex) {
  while (floor < cue && IsSpace(s[floor])) ++floor;
  // A bracket, a space or the date follows the cue ("本报讯(", "消息 日前"), not
  // the rest of a word ("通讯员", "电视").
  const size_t after = cue + (s[cue] == U'讯' || s[cue] == U'电' ? 1 : 2);
  if (after >= s.size() ||
      !(s[after] == U'(' || s[after] == U'（' || IsSpace(s[after]) || IsDigit(s[after]))) {
    return std::u32string_view::npos;
  }
  const size_t lo = cue > floor + kMaxDatelineHeadChars ? cue - kMaxDatelineHeadChars : floor;
  // A field's label is no outlet's name ("来源:中国报道中国报道讯(").
  auto dateline_at = [&](size_t b) {
    return b >= floor && b < cue &&
           s.substr(b, cue - b).find_first_of(U":：︱|｜") == std::u32string_view::npos &&
           BylineLength(s.substr(b, cue - b + 64)) > cue - b;
  };
  std::u32string_view head = s.substr(lo, cue - lo);
  for (std::u32string_view known : {U"本报", U"新华社", U"中新社", U"中新网"}) {
    if (size_t at = head.rfind(known); at != std::u32string_view::npos && dateline_at(lo + at)) {
      return lo + at;
    }
  }
  // The text since `floor` is a dateline when short ("映象网驻马店讯(") or
  // when it holds the dateline's date ("中国台湾网5月25日南宁消息 ").
  constexpr size_t kShortOutletChars = 10;
  const std::u32string_view all = s.substr(floor, cue - floor);
  const bool dated =
      all.find(U'月') != std::u32string_view::npos && all.find(U'日') != std::u32string_view::npos;
  if ((all.size() <= kShortOutletChars || (dated && all.size() <= kMaxDatelineHeadChars)) &&
      dateline_at(floor)) {
    return floor;
  }
  for (size_t k = 2; k <= cue - lo; ++k) {
    if (lex.place_names.LongestAt(s, cue - k) >= 2 && dateline_at(cue - k)) return cue - k;
  }
  if (cue >= floor + 4 && dateline_at(cue - 4)) return cue - 4;
  return std::u32string_view::npos;
}

// True when a date lead starts at `pos`: "7月16日,…", "近日,…", "昨天晚上,…"
// (a word of date_words.txt but 当天, 当日 and 是日, which go on with a story).
bool IsLeadDateAt(std::u32string_view s, size_t pos, const Lexicon& lex) {
  if (pos > 0 && (IsDigit(s[pos - 1]) || IsHanDigit(s[pos - 1]) || s[pos - 1] == U'年' ||
                  s[pos - 1] == U'月')) {
    return false;
  }
  const bool opening = lex.date_words.LongestAt(s, pos) > 0 && !HasAt(s, pos, U"当天") &&
                       !HasAt(s, pos, U"当日") && !HasAt(s, pos, U"是日");
  if (!opening && !IsDigit(s[pos])) return false;
  return StartsWithDate(s.substr(pos, 32));
}

// True when `zone` is furniture run into a lead ("分享: 11月4日,…").
bool IsFurnitureZone(std::u32string_view zone) {
  zone = Trim(zone);
  return !zone.empty() && zone.size() <= kMaxZoneChars && !HasSentenceEnd(zone) &&
         IsFurnitureLine(zone);
}

// Where a subtitle run into its title starts: names of people the lead
// introduces (person_finder), then a trigger and a few words
// ("…实训基地项目柏嘉禾出席签约仪式", "…代表大会召开庞可欣钱若溪出席"); npos if
// none. A name after a post is the title's ("…区长柏嘉禾出席" stays whole).
size_t SubtitleStart(std::u32string_view s, size_t zb, size_t ze, std::u32string_view lead,
                     const Lexicon& lex) {
  constexpr size_t kMaxNamesRun = 4;
  std::vector<std::u32string> names;
  for (const PersonHit& h : FindPeople(lead, lex)) names.push_back(h.name);
  if (names.empty()) return std::u32string_view::npos;
  const std::u32string_view zone = s.substr(0, ze);
  auto names_then_cue = [&](auto&& self, size_t q, size_t run) -> bool {
    if (run > 0 && lex.trigger_words.LongestAt(zone, q) > 0 && ze - q <= kMaxSubtitleTailChars) {
      return true;
    }
    if (run == kMaxNamesRun) return false;
    for (const std::u32string& name : names) {
      if (HasAt(zone, q, name) && self(self, q + name.size(), run + 1)) return true;
    }
    return false;
  };
  for (size_t p = zb + kMinZoneChars; p + 2 < ze; ++p) {
    if (lex.posts.LongestEndingAt(s, p) > 0) continue;
    if (names_then_cue(names_then_cue, p, 0)) return p;
  }
  return std::u32string_view::npos;
}

// Breaks inside headline text [zb, ze) run into the lead at `ze`: before a
// subtitle, after a speech title's verb ("…工作会上强调" + its slogan), and
// at single spaces of a piece too long for one headline line.
std::vector<size_t> ZoneBreaks(std::u32string_view s, size_t zb, size_t ze, const Lexicon& lex) {
  while (zb < ze && IsSpace(s[zb])) ++zb;
  std::vector<size_t> breaks;
  const std::u32string_view lead = s.substr(ze, kLeadWindowChars);
  size_t title_end = ze;
  if (size_t sub = SubtitleStart(s, zb, ze, lead, lex); sub != std::u32string_view::npos) {
    breaks.push_back(sub);
    title_end = sub;
  }
  const std::u32string_view title = s.substr(zb, title_end - zb);
  size_t speech = std::u32string_view::npos;
  for (const std::u32string& end : lex.event_speech_endings) {
    size_t at = title.find(end);
    size_t in = title.find(U'在');
    if (at != std::u32string_view::npos && in < at && at + end.size() < title.size()) {
      speech = std::min(speech, at + end.size());
    }
  }
  if (speech != std::u32string_view::npos) breaks.push_back(zb + speech);
  std::sort(breaks.begin(), breaks.end());
  std::vector<size_t> out;
  size_t from = zb;
  breaks.push_back(ze);
  for (size_t to : breaks) {
    // A piece too long for one headline line, or holding furniture ("…一行
    // 政务 2024-11-20 10:06 黑龙江"), was lines set off by spaces.
    std::u32string_view piece = Trim(s.substr(from, to - from));
    if (piece.size() > kMaxHeadlineChars || ClassifyLine(piece) != LineKind::kText) {
      for (size_t i = from + 1; i + 1 < to; ++i) {
        if (s[i] == U' ' && !IsSpace(s[i - 1]) && !IsSpace(s[i + 1])) out.push_back(i);
      }
    }
    if (to < ze) out.push_back(to);
    from = to;
  }
  return out;
}

// The positions of a run-on line before which a line break goes, ascending;
// empty when the line is not run-on text (short, and neither a lead nor wide
// white space after text inside it).
// Sentences stay together in paragraphs; the text after the last sentence
// end is where headline text run into a lead, furniture or a photo credit
// starts.
std::vector<size_t> RunOnBreaks(std::u32string_view s, const Lexicon& lex) {
  std::vector<size_t> breaks;
  bool structure = false;  // a lead or wide white space after text
  size_t seg = 0;          // start of the current line
  size_t zone = 0;         // start of the text after the last sentence end or break
  size_t dated = 0;        // end of the last dateline
  auto brk = [&](size_t p) {
    if (p > seg && p < s.size()) {
      breaks.push_back(p);
      seg = p;
    }
    zone = std::max(zone, p);
  };
  auto since_zone = [&](size_t p) { return s.substr(zone, p - zone); };
  // A lead at `p` after headline text since `zone`.
  auto lead_at = [&](size_t p) {
    if (!Trim(s.substr(0, p)).empty()) structure = true;
    if (Trim(since_zone(p)).empty()) return;
    const size_t zb = zone;
    brk(zb);
    for (size_t z : ZoneBreaks(s, zb, p, lex)) brk(z);
    brk(p);
  };
  for (size_t i = 0; i < s.size();) {
    const char32_t c = s[i];
    if (IsSpace(c)) {
      size_t j = i;
      bool wide = false;  // two spaces or more, or a wide one (U+3000, a tab)
      for (; j < s.size() && IsSpace(s[j]); ++j) wide = wide || s[j] != U' ' || j > i;
      if (wide && !Trim(s.substr(seg, i - seg)).empty()) {
        brk(i);
        structure = true;
      }
      i = j;
      continue;
    }
    if (size_t n = MarkerLengthAt(s, i); n > 0) {
      brk(i);
      brk(i + n);
      i += n;
      continue;
    }
    // "…隆重开幕(图)上午10时,…": a web headline's mark ends it.
    if (size_t n = HeadlineMarkLengthAt(s, i);
        n > 0 && i + n < s.size() && IsHeadlineZone(since_zone(i))) {
      brk(zone);
      brk(i + n);
      structure = true;
      i += n;
      continue;
    }
    if (c == U'讯' || c == U'电' || HasAt(s, i, U"报道") || HasAt(s, i, U"消息")) {
      size_t start = DatelineStart(s, zone, i, lex);
      if (start != std::u32string_view::npos &&
          (Trim(since_zone(start)).empty() || IsHeadlineZone(since_zone(start)))) {
        lead_at(start);
        i = start + BylineLength(s.substr(start, i - start + 64));
        dated = i;  // the lead's date follows its dateline
        zone = i;
        continue;
      }
    }
    if (i != dated && IsLeadDateAt(s, i, lex) &&
        (Trim(since_zone(i)).empty() || IsHeadlineZone(since_zone(i)) ||
         IsFurnitureZone(since_zone(i))) &&
        std::u32string_view(U"至止自从于到在截及和与、").find(s[i - 1]) ==
            std::u32string_view::npos &&
        lex.speech_verbs.LongestEndingAt(s, i) == 0) {
      lead_at(i);
      ++i;
      continue;
    }
    // (Zones are looked at only when short: a page of any shape costs time
    // linear in its length.)
    if (size_t n = FurnitureLabelAt(s, i);
        n > 0 && i - zone <= kMaxZoneChars &&
        since_zone(i).find_first_of(U"，,；;") == std::u32string_view::npos) {
      brk(zone);
      brk(i);
      i += n;
      continue;
    }
    // "青溪日报记者 林 夏 摄": a photo credit is a line; so is a caption "图为…".
    if (c == U'摄' && i > zone && i - zone <= kMaxZoneChars && IsSpace(s[i - 1]) &&
        since_zone(i).find(U"记者") != std::u32string_view::npos &&
        since_zone(i).find_first_of(U"，,") == std::u32string_view::npos) {
      brk(zone);
      brk(i + 1);
      ++i;
      continue;
    }
    if (HasAt(s, i, U"图为") && Trim(since_zone(i)).empty()) brk(zone);
    if (c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?') {
      size_t j = i + 1;
      while (j < s.size() && IsClosingMark(s[j])) ++j;
      // The caption's sentence is a line of its own.
      if (Trim(s.substr(seg, j - seg)).starts_with(U"图为")) brk(j);
      zone = j;
      i = j;
      continue;
    }
    ++i;
  }
  if (!structure && s.size() <= kRunOnLineChars) breaks.clear();
  return breaks;
}

// Where offsets of an edited text fall in the text it was made from: the
// pairs (offset in the edited text, offset in the original) from which the
// two run on alike, ascending.
using OffsetMarks = std::vector<std::pair<size_t, size_t>>;

size_t Unedited(const OffsetMarks& marks, size_t offset) {
  auto after = std::upper_bound(marks.begin(), marks.end(), offset,
                                [](size_t o, const auto& m) { return o < m.first; });
  if (after == marks.begin()) return offset;
  --after;
  return after->second + (offset - after->first);
}

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

// `page` with its run-on lines broken; empty (and no marks) when it has none.
std::u32string BreakRunOnLines(std::u32string_view page, OffsetMarks& marks) {
  const Lexicon& lex = Lexicon::Default();
  std::u32string out;
  size_t copied = 0;  // page offset up to which `out` holds the page
  for (size_t pos = 0; pos < page.size();) {
    size_t end = page.find(U'\n', pos);
    if (end == std::u32string_view::npos) end = page.size();
    if (end - pos >= kMinRunOnChars) {
      for (size_t b : RunOnBreaks(page.substr(pos, end - pos), lex)) {
        out.append(page.substr(copied, pos + b - copied));
        copied = pos + b;
        out += U'\n';
        marks.emplace_back(out.size(), copied);
      }
    }
    pos = end + 1;
  }
  if (!marks.empty()) out.append(page.substr(copied));
  return out;
}

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
