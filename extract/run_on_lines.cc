#include "extract/run_on_lines.h"

#include <algorithm>

#include "extract/lead_shapes.h"
#include "extract/lexicon.h"
#include "extract/page_furniture.h"
#include "extract/page_splitter.h"
#include "extract/person_finder.h"
#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

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

}  // namespace

size_t Unedited(const OffsetMarks& marks, size_t offset) {
  auto after = std::upper_bound(marks.begin(), marks.end(), offset,
                                [](size_t o, const auto& m) { return o < m.first; });
  if (after == marks.begin()) return offset;
  --after;
  return after->second + (offset - after->first);
}

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

}  // namespace guanxi::extract
