#include "extract/project_finder.h"

#include <algorithm>
#include <map>
#include <string>

#include "extract/name_bounds.h"
#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

constexpr size_t kMaxQuoted = 16;
constexpr size_t kMaxProjectChars = 20;
constexpr size_t kHeadLookahead = 8;
// Words before an annual or daily capacity that names a plant: "年产5万吨…项目".
constexpr std::u32string_view kCapacityWords[] = {U"年产",   U"日产",   U"年处理",
                                                  U"年加工", U"年出栏", U"年吞吐"};

// Units of a plant's capacity printed before its name: "100兆瓦…项目".
constexpr std::u32string_view kCapacityUnits[] = {U"兆瓦", U"千瓦", U"万千瓦", U"吉瓦",
                                                  U"万吨", U"吨",   U"千伏",   U"MW",
                                                  U"GW",   U"GWh",  U"MWh",    U"万头"};

bool IsOpenQuote(char32_t c) { return c == U'“' || c == U'「' || c == U'『'; }
bool IsCloseQuote(char32_t c) { return c == U'”' || c == U'」' || c == U'』'; }

bool IsNumeral(char32_t c) {
  return (c >= U'0' && c <= U'9') ||
         std::u32string_view(U"一二三四五六七八九十两百千").find(c) != std::u32string_view::npos;
}

// "两个健康", "四最", "九治", "10个一体化发展", "1345": counted slogans.
bool IsCountedSlogan(std::u32string_view q) {
  if (q.empty() || !IsNumeral(q[0])) return false;
  bool all_digits = true;
  for (char32_t c : q) all_digits = all_digits && (IsNumeral(c) || !IsHan(c));
  if (all_digits) return true;
  size_t i = 0;
  while (i < q.size() && IsNumeral(q[i])) ++i;
  if (q.size() <= 2) return true;
  return i < q.size() &&
         std::u32string_view(U"个项大种条号类批张化").find(q[i]) != std::u32string_view::npos;
}

// True for a project's phase: "二期", "三期".
bool IsPhase(std::u32string_view words) {
  return words.size() == 2 && IsNumeral(words[0]) && words[1] == U'期';
}

// Heads that name an undertaking only with a proper name before them.
bool IsGenericHead(std::u32string_view head) {
  for (std::u32string_view h : {U"项目", U"计划", U"工程", U"行动", U"方案"}) {
    if (head == h) return true;
  }
  return false;
}

bool IsSlogan(std::u32string_view q, const Lexicon& lex) {
  if (q.size() < 2 || q.size() > kMaxQuoted) return true;
  for (char32_t c : q) {
    if (c == U'、' || c == U'，' || c == U',' || c == U'。' || c == U'；') return true;
  }
  return IsCountedSlogan(q) || lex.generic_projects.Matches(q);
}

}  // namespace

std::vector<TextHit> FindProjects(std::u32string_view text, const Lexicon& lex) {
  struct Quote {
    Span span;  // content, without the marks
    bool head = false;
    bool slogan_head = false;
  };
  std::map<std::u32string, std::vector<Quote>> quotes;
  std::vector<TextHit> hits;
  bool in_book_title = false;  // quotations inside 《…》 are part of a title
  bool in_build_list = false;  // the last quotation was built together (共建“…”)
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U'《') in_book_title = true;
    if (text[i] == U'》' || text[i] == U'\n') in_book_title = false;
    if (in_book_title || !IsOpenQuote(text[i])) continue;
    size_t j = i + 1;
    while (j < text.size() && !IsCloseQuote(text[j]) && j - i <= kMaxQuoted + 1) ++j;
    if (j >= text.size() || !IsCloseQuote(text[j])) continue;
    Quote q;
    q.span = {static_cast<int64_t>(i + 1), static_cast<int64_t>(j)};
    // The words after the quotation, up to a boundary: "“蓉创”科技成果转化平台";
    // in a list of quotations ("“对话甲”、“对话乙”活动") the words after the last.
    size_t after = j;
    while (after + 2 < text.size() && text[after + 1] == U'、' && IsOpenQuote(text[after + 2])) {
      size_t close = after + 3;
      while (close < text.size() && !IsCloseQuote(text[close]) && close - after <= kMaxQuoted + 3) {
        ++close;
      }
      if (close >= text.size() || !IsCloseQuote(text[close])) break;
      after = close;
    }
    for (size_t k = after + 1; k < text.size() && k <= after + kHeadLookahead && IsHan(text[k]);
         ++k) {
      if (k > after + 1 && lex.boundary_words.LongestEndingAt(text, k) > 0) break;
      if (lex.boundary_words.LongestAt(text, k) > 0 && lex.project_heads.LongestAt(text, k) == 0) {
        break;
      }
      if (lex.project_slogan_heads.LongestAt(text, k) > 0) {
        q.slogan_head = true;
        break;
      }
      if (lex.project_heads.LongestAt(text, k) > 0) {
        q.head = true;
        break;
      }
    }
    // "“恒丰草原”牌奶酪": a brand.
    if (j + 1 < text.size() && text[j + 1] == U'牌') q.head = true;
    // "共建“…试验示范站”和“…科技小院”": what is built together is an
    // undertaking, and so is every quotation listed after the first.
    bool built = false;
    for (std::u32string_view verb : {U"共建", U"共同建设", U"合作共建"}) {
      if (i >= verb.size() && HasAt(text, i - verb.size(), verb)) built = true;
    }
    if (!built && in_build_list && i >= 2 && IsCloseQuote(text[i - 2]) &&
        (text[i - 1] == U'和' || text[i - 1] == U'、' || text[i - 1] == U'及')) {
      built = true;
    }
    in_build_list = built;
    q.head = q.head || built;
    quotes[std::u32string(text.substr(i + 1, j - i - 1))].push_back(q);
    i = j;
  }
  for (const auto& [content, list] : quotes) {
    if (IsSlogan(content, lex)) continue;
    bool head = false;
    bool slogan_head = false;
    for (const Quote& q : list) {
      head = head || q.head;
      slogan_head = slogan_head || q.slogan_head;
    }
    bool ending = lex.project_quote_endings.LongestEndingAt(content, content.size()) > 0;
    if (head || ending || (list.size() >= 2 && !slogan_head)) {
      hits.push_back({content, list.front().span});
    }
  }

  // Unquoted names with a project ending: "产教融合综合体项目".
  for (size_t end = 1; end <= text.size(); ++end) {
    size_t suffix = lex.project_suffixes.LongestEndingAt(text, end);
    if (suffix == 0) continue;
    // The longest ending only: "综合体项目" rather than "项目".
    if (end < text.size() && lex.project_suffixes.LongestEndingAt(text, end + 1) > 0) continue;
    // "…隔膜项目计划年内完成": 计划 before a time is the verb "plans".
    if (HasAt(text, end - 2, U"计划") && suffix == 2 && end < text.size() &&
        std::u32string_view(U"年今明于在将到").find(text[end]) != std::u32string_view::npos) {
      continue;
    }
    size_t begin = end - suffix;
    bool word_part = false;
    for (size_t p = begin; p < end; ++p) {
      size_t len = lex.project_exclusions.LongestAt(text, p);
      word_part = word_part || (len > 0 && p + len > end);
    }
    if (word_part) continue;
    size_t stop = NameStart(text, begin, lex, kMaxProjectChars, NameKind::kProject);
    // Projects never contain digits (but for a capacity, below), another
    // project's ending or a quotation.
    while (begin > stop) {
      char32_t c = text[begin - 1];
      // "中国（绵阳）科技城": a bracketed place inside the name.
      if (c == U')' || c == U'）') {
        size_t open = begin - 1;
        while (open > stop && text[open - 1] != U'(' && text[open - 1] != U'（') --open;
        if (open <= stop) break;
        begin = open - 1;
        continue;
      }
      if (!IsHan(c)) break;
      // "A项目和B项目": two projects; the joiner ends the second name.
      // "企业生产和项目": a bare ending right after a joiner names nothing.
      if ((c == U'和' || c == U'与' || c == U'及') &&
          (begin == end - suffix || lex.project_suffixes.LongestEndingAt(text, begin - 1) > 0)) {
        break;
      }
      // "9项", "10个": a count ends the name; "专项" does not.
      if ((c == U'个' || c == U'项') && begin >= 2 && IsNumeral(text[begin - 2])) break;
      // "智能制造产业园项目": an ending right before "项目" is part of the name;
      // so is one before a phase ("竹木产业园二期项目").
      if (begin != end - suffix && lex.project_suffixes.LongestEndingAt(text, begin) >= 3 &&
          !IsPhase(text.substr(begin, end - suffix - begin))) {
        break;
      }
      --begin;
    }
    // "年产5万吨锂电池正极材料项目", "年产10GWh储能电池项目": an annual capacity
    // is part of the name, digits and units included.
    if (begin == stop || !IsHan(text[begin - 1])) {
      size_t q = begin;
      while (q > 0 && (IsNumeral(text[q - 1]) || text[q - 1] == U'.' ||
                       (text[q - 1] >= U'A' && text[q - 1] <= U'Z') ||
                       (text[q - 1] >= U'a' && text[q - 1] <= U'z'))) {
        --q;
      }
      for (std::u32string_view w : kCapacityWords) {
        if (q < begin && IsNumeral(text[q]) && q >= w.size() && HasAt(text, q - w.size(), w)) {
          begin = q - w.size();
          break;
        }
      }
    }
    // "雄安新区100兆瓦分布式光伏项目": a capacity (number + unit) and the
    // place before it are part of the name.
    if (begin == stop && begin + 2 < end - suffix) {
      size_t unit = 0;
      for (std::u32string_view w : kCapacityUnits) {
        if (HasAt(text, begin, w)) unit = std::max(unit, w.size());
      }
      size_t q = begin;
      while (unit > 0 && q > 0 && (IsNumeral(text[q - 1]) || text[q - 1] == U'.')) --q;
      if (unit > 0 && q < begin && IsNumeral(text[q])) {
        begin = q;
        size_t place_start = NameStart(text, q, lex, kMaxProjectChars, NameKind::kProject);
        // "…二期工程和雄安新区100兆瓦…项目": another project ends at the joiner.
        for (size_t k = q; k > place_start; --k) {
          char32_t j = text[k - 1];
          if ((j == U'和' || j == U'与' || j == U'及') &&
              lex.project_suffixes.LongestEndingAt(text, k - 1) > 0) {
            place_start = k;
            break;
          }
        }
        bool place_before = q > 0 && std::u32string_view(U"省市区县州镇").find(text[q - 1]) !=
                                         std::u32string_view::npos;
        if (place_start < q && (StartsProperly(text, place_start, lex) || place_before)) {
          begin = place_start;
        }
        stop = begin;
      }
    }
    // "“芯火英才”联合培养计划": a quoted name before the head belongs to it.
    if (begin == stop && begin >= 3 && IsCloseQuote(text[begin - 1])) {
      size_t open = begin - 1;
      while (open > 0 && !IsOpenQuote(text[open - 1]) && begin - open <= kMaxQuoted + 1) --open;
      if (open > 0 && IsOpenQuote(text[open - 1]) &&
          !IsSlogan(text.substr(open, begin - 1 - open), lex)) {
        begin = open - 1;
      }
    }
    // "《有一个美丽的地方》大型实景演艺项目": a work's title before the head
    // belongs to the name, without its marks.
    std::u32string title;
    const size_t name_begin = begin;
    if (begin == stop && begin >= 3 && text[begin - 1] == U'》') {
      size_t open = text.rfind(U'《', begin - 1);
      if (open != std::u32string_view::npos && begin - open <= kMaxQuoted + 2) {
        title = std::u32string(text.substr(open + 1, begin - 2 - open));
        begin = open;
      }
    }
    std::u32string mention =
        title.empty() ? std::u32string(text.substr(begin, end - begin))
                      : title + std::u32string(text.substr(name_begin, end - name_begin));
    if (mention.size() < suffix + 2 || lex.generic_projects.Matches(mention) ||
        IsCountedSlogan(mention)) {
      continue;
    }
    // "中国中元国际工程有限公司", "…产业园工委": an ending inside a body's name.
    if (lex.institution_suffixes.LongestAt(text, end) >= 2) continue;
    // "合作项目", "实际行动", "工作计划": two common characters before a
    // generic head name no undertaking.
    if (title.empty() && mention.size() - suffix <= 2 &&
        IsGenericHead(std::u32string_view(mention).substr(mention.size() - suffix)) &&
        !StartsProperly(text, begin, lex)) {
      continue;
    }
    // "陶艺工坊": a weak ending names a venue unless the name starts properly.
    if (lex.weak_project_suffixes.LongestEndingAt(text, end) == suffix &&
        !StartsProperly(text, begin, lex)) {
      continue;
    }
    // "永川区重点项目": a place before a generic project is still generic.
    size_t place = lex.place_names.LongestAt(mention, 0);
    if (place > 0 && lex.generic_projects.Matches(mention.substr(place))) continue;
    hits.push_back({std::move(mention), {static_cast<int64_t>(begin), static_cast<int64_t>(end)}});
  }
  return KeepLongest(std::move(hits));
}

}  // namespace guanxi::extract
