#include "extract/person_finder.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "extract/name_bounds.h"
#include "extract/name_shapes.h"
#include "extract/text_util.h"
#include "extract/trie.h"

namespace guanxi::extract {
namespace {

constexpr size_t kMaxBodyChars = 32;

// Length of the post (with modifiers and "X兼Y" joins) that ends right before
// `end`, 0 if none.
size_t PostEndingAt(std::u32string_view text, size_t end, const Lexicon& lex) {
  // "县委副书记（挂职）郑和平": a note on how the post is held belongs to it.
  const bool bracket = end > 0 && (text[end - 1] == U'）' || text[end - 1] == U')');
  for (std::u32string_view note : {U"（挂职）", U"(挂职)", U"（兼）", U"(兼)"}) {
    if (bracket && end > note.size() && HasAt(text, end - note.size(), note)) {
      size_t inner = PostEndingAt(text, end - note.size(), lex);
      return inner > 0 ? inner + note.size() : 0;
    }
  }
  size_t len = lex.posts.LongestEndingAt(text, end);
  // "市长代表詹姆斯": a post's representative holds that post's title.
  if (len == 0 && end >= 2 && HasAt(text, end - 2, U"代表")) {
    if (size_t inner = lex.posts.LongestEndingAt(text, end - 2); inner > 0) len = inner + 2;
  }
  if (len == 0) return 0;
  // "主席台前排就座": a word that runs on past the post is no post.
  for (size_t back = 1; back <= len && back <= end; ++back) {
    if (lex.post_exclusions.LongestAt(text, end - back) > back) return 0;
  }
  for (;;) {
    size_t start = end - len;
    if (start >= 2 && text[start - 1] == U'兼') {
      size_t more = lex.posts.LongestEndingAt(text, start - 1);
      if (more > 0) {
        len += more + 1;
        continue;
      }
    }
    size_t mod = lex.post_modifiers.LongestEndingAt(text, start);
    if (mod > 0 && start >= mod) {
      len += mod;
      continue;
    }
    break;
  }
  return len;
}

// Length of the name right after an appointment word: surname + 1-2
// characters ending at 为 (the post follows), 的 or punctuation; 0 if none.
size_t AppointeeNameAt(std::u32string_view text, size_t pos, const Lexicon& lex) {
  size_t sur = lex.surnames.LongestAt(text, pos);
  if (sur == 0) return 0;
  for (size_t given = 2; given >= 1; --given) {
    size_t len = sur + given;
    if (pos + len >= text.size()) continue;
    bool ok = true;
    for (size_t i = pos + sur; i < pos + len; ++i) ok = ok && IsNameChar(text[i], lex);
    char32_t next = text[pos + len];
    // "接受穆建军辞去…职务的请求": a resignation follows the name.
    if (ok &&
        (next == U'为' || next == U'的' || IsPunct(next) || HasAt(text, pos + len, U"辞去"))) {
      return len;
    }
  }
  return 0;
}

// True for a unit of a party committee printed bare after a post of that
// committee ("县委常委、办公室主任" -> 县委办公室, "市委常委、宣传部部长" -> 市委宣传部).
bool IsSubUnit(std::u32string_view body) {
  for (std::u32string_view unit : {U"办公室", U"办公厅", U"组织部", U"宣传部", U"统战部", U"政法委",
                                   U"统一战线工作部", U"政法委员会"}) {
    if (body == unit) return true;
  }
  return false;
}

// Where `body` (printed before a post) really ends: its whole length when it
// ends with an institution ending or a place, else the end of the last strong
// ending inside it ("…有限公司人力资源" -> "…有限公司"), else its length.
size_t BodyEnd(std::u32string_view body, const Lexicon& lex) {
  if (body.empty() || lex.institution_suffixes.LongestEndingAt(body, body.size()) > 0 ||
      lex.place_names.LongestEndingAt(body, body.size()) > 0 ||
      lex.countries.LongestEndingAt(body, body.size()) > 0) {
    return body.size();
  }
  // "人文学院政治学系": a unit of the body, not words of the post.
  if (std::u32string_view(U"系科室组所部处队站").find(body.back()) != std::u32string_view::npos) {
    return body.size();
  }
  for (size_t end = body.size() - 1; end >= 4; --end) {
    size_t suffix = lex.institution_suffixes.LongestEndingAt(body, end);
    if (suffix >= 2 && lex.weak_institution_suffixes.LongestEndingAt(body, end) != suffix) {
      return end;
    }
  }
  return body.size();
}

// The body a post implies (`implied`, "县人民政府") in the place that starts the
// chain's previous body: "遂平县委书记、县长" -> 遂平县人民政府. `implied` as it
// is when that body starts with no place of the same level.
std::u32string SamePlaceBody(std::u32string_view previous, std::u32string_view implied,
                             const Lexicon& lex) {
  size_t place = lex.place_names.LongestAt(previous, 0);
  if (place == 0) place = lex.town_names.LongestAt(previous, 0);
  if (place < 2 || implied.empty() || previous[place - 1] != implied.front()) {
    return std::u32string(implied);
  }
  return std::u32string(previous.substr(0, place)) + std::u32string(implied.substr(1));
}

// True when `body` starts with a foreign country ("俄罗斯堪察加边区").
bool IsForeignPlace(std::u32string_view body, const Lexicon& lex) {
  size_t country = lex.countries.LongestAt(body, 0);
  return country > 0 && country < body.size() &&
         lex.country_canonical.at(std::u32string(body.substr(0, country))) != U"中国";
}

// The government a local post implies for the place `body` printed before it
// ("鹤山市" + 市长 -> 鹤山市人民政府). A foreign place keeps the plain form
// without its country: "坦桑尼亚阿鲁沙市" / "大阪市" + 市长 -> 阿鲁沙市政府 /
// 大阪市政府, "俄罗斯堪察加边区" + 州长 -> 堪察加边区政府 (only mainland
// governments are 人民政府; ResolveInstitution makes the same call for places
// the gazetteer lacks but the item is about).
std::u32string ImpliedGovernment(std::u32string_view body, std::u32string_view implied,
                                 const Lexicon& lex) {
  const std::u32string_view rest = implied.substr(1);  // "人民政府" of "市人民政府"
  // "台湾花莲县瑞穗乡乡长": Taiwan's, Hong Kong's and Macau's places keep their
  // printed name.
  for (std::u32string_view region : {U"台湾", U"香港", U"澳门"}) {
    if (body.starts_with(region)) return std::u32string(body);
  }
  const bool foreign_country = IsForeignPlace(body, lex);
  if (foreign_country) body.remove_prefix(lex.countries.LongestAt(body, 0));
  bool mainland = !foreign_country && lex.place_names.Contains(body);
  if (mainland || !rest.starts_with(U"人民")) return std::u32string(body) + std::u32string(rest);
  return std::u32string(body) + std::u32string(rest.substr(2));
}

// A hit for the name printed at [begin, end), without posts.
PersonHit NameHit(std::u32string_view text, size_t begin, size_t end) {
  PersonHit hit;
  hit.name = std::u32string(text.substr(begin, end - begin));
  hit.span = hit.chain = {static_cast<int64_t>(begin), static_cast<int64_t>(end)};
  return hit;
}

// Records that `hit` holds the post text[end - post_chars, end) in the body
// text[begin, end - post_chars) ("…为市财政局局长", "…受聘为…专家").
void AddPostClaim(std::u32string_view text, size_t begin, size_t end, size_t post_chars,
                  PersonHit& hit) {
  const size_t post_begin = end - post_chars;
  PostClaim claim;
  claim.body = std::u32string(text.substr(begin, post_begin - begin));
  claim.title = std::u32string(text.substr(post_begin, post_chars));
  claim.body_span = {static_cast<int64_t>(begin), static_cast<int64_t>(post_begin)};
  hit.posts.push_back(std::move(claim));
  hit.title_spans.push_back({static_cast<int64_t>(post_begin), static_cast<int64_t>(end)});
}

// People introduced by posts and group words, with their post chains, and the
// names listed after them that share the posts ("副主席王晓英、张前勇").
void AddIntroducedPeople(std::u32string_view text, const Lexicon& lex,
                         std::vector<PersonHit>& hits) {
  auto name_at = [&](size_t pos, bool after_post) {
    size_t n = after_post ? LatinNameAt(text, pos) : 0;
    if (n == 0) n = ForeignNameAt(text, pos, lex);
    if (n == 0) n = ChineseNameAt(text, pos, lex);
    if (n == 0) n = SyllableNameAt(text, pos, lex);
    if (!after_post) return n;
    // "巴图孟和结合…": a longer name without a known surname that a stronger
    // cue ends beats a Chinese name that a one-character cue ends.
    size_t plain = SurnamelessNameAt(text, pos, lex);
    if (plain > n && (n == 0 || (FollowerStrength(text, pos + n, lex) == 1 &&
                                 FollowerStrength(text, pos + plain, lex) >= 2))) {
      return plain;
    }
    return n;
  };
  size_t covered = 0;  // text before this is part of an earlier hit
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (pos < covered) continue;
    size_t post = PostEndingAt(text, pos, lex);
    size_t group = lex.group_words.LongestEndingAt(text, pos);
    // "扎西平措等市领导应邀出席": the group word closes a list, it introduces no one.
    if (group > 0 && pos > group && text[pos - group - 1] == U'等') group = 0;
    if (post == 0 && group == 0) continue;
    size_t len = name_at(pos, post > 0 && post >= group);
    if (len == 0) continue;

    PersonHit hit;
    hit.span = {static_cast<int64_t>(pos), static_cast<int64_t>(pos + len)};
    hit.name = std::u32string(text.substr(pos, len));
    size_t chain_start = pos;
    if (post >= group) {
      // Walk the chain of "body post、body post" right to left.
      std::vector<PostClaim> claims;
      size_t post_end = pos;
      size_t post_len = post;
      for (;;) {
        size_t post_start = post_end - post_len;
        size_t body_start = NameStart(text, post_start, lex, kMaxBodyChars, NameKind::kBody);
        PostClaim claim;
        claim.title = std::u32string(text.substr(post_start, post_len));
        claim.body = std::u32string(text.substr(body_start, post_start - body_start));
        // "…股份有限公司人力资源总监": the body ends at its last ending; the
        // words after it belong to the post.
        size_t body_end = BodyEnd(claim.body, lex);
        if (body_end < claim.body.size()) {
          claim.title = claim.body.substr(body_end) + claim.title;
          claim.body.resize(body_end);
        }
        // "市交通运输局驻凤仪镇金竹村第一书记": a sending unit's body ends at 驻
        // when a village or town follows it (not a body: "商务部驻成都特办经贸处").
        if (size_t at = claim.body.find(U'驻');
            at != std::u32string::npos && at >= 2 &&
            lex.institution_suffixes.LongestEndingAt(claim.body, at) > 0 &&
            (claim.body.ends_with(U"村") || claim.body.ends_with(U"镇") ||
             claim.body.ends_with(U"乡") || claim.body.ends_with(U"社区"))) {
          claim.title = claim.body.substr(at) + claim.title;
          claim.body.resize(at);
        }
        // "镇党委书记", "村党支部书记": a town's or village's committee.
        if (!claim.body.empty() && std::u32string_view(U"镇乡村州区").find(claim.body.back()) !=
                                       std::u32string_view::npos) {
          for (std::u32string_view unit : {U"党委", U"党支部", U"党总支"}) {
            if (HasAt(claim.title, 0, unit) && claim.title.size() > unit.size()) {
              claim.body += unit;
              claim.title.erase(0, unit.size());
              break;
            }
          }
        }
        claim.body_span = {static_cast<int64_t>(body_start),
                           static_cast<int64_t>(body_start + claim.body.size())};
        if (lex.group_words.Contains(claim.body)) claim.body.clear();
        hit.title_spans.push_back(
            {static_cast<int64_t>(post_start), static_cast<int64_t>(post_end)});
        claims.push_back(std::move(claim));
        chain_start = body_start;
        if (body_start == 0 || text[body_start - 1] != U'、') break;
        size_t prev_len = PostEndingAt(text, body_start - 1, lex);
        if (prev_len == 0) break;
        post_end = body_start - 1;
        post_len = prev_len;
      }
      std::reverse(claims.begin(), claims.end());
      // A post printed without a body continues the previous body
      // ("党委副书记、校长"), unless it implies one ("区长" -> 区人民政府).
      for (PostClaim& c : claims) {
        // "市委常委、统战部长": 统战部 + 部长.
        if (c.title == U"部长" && !c.body.empty() && IsSubUnit(c.body + U"部")) c.body += U"部";
        if (!c.body.empty() && !hit.posts.empty() && IsSubUnit(c.body) &&
            hit.posts.back().body.ends_with(U"委")) {
          // "县委常委、办公室主任": the office of that 县委.
          c.body = hit.posts.back().body + c.body;
          c.body_span = {};
        } else if (!c.body.empty() && lex.generic_institutions.whole.Contains(c.body) &&
                   !hit.posts.empty()) {
          // "高新区党工委书记、管委会主任": 管委会 is the same place's.
          const std::u32string& prev = hit.posts.back().body;
          size_t suffix = lex.institution_suffixes.LongestEndingAt(prev, prev.size());
          if (suffix > 0 && suffix < prev.size()) {
            c.body = prev.substr(0, prev.size() - suffix) + c.body;
            c.body_span = {};
          }
        }
        // "代县长", "常务副县长", "市长代表": a modifier or a representative
        // keeps the post's body.
        std::u32string_view bare = c.title;
        while (size_t mod = lex.post_modifiers.LongestAt(bare, 0)) {
          if (mod >= bare.size()) break;
          bare.remove_prefix(mod);
        }
        if (bare.size() > 2 && bare.ends_with(U"代表")) bare.remove_suffix(2);
        auto implied = lex.implied_bodies.find(c.title);
        if (implied == lex.implied_bodies.end())
          implied = lex.implied_bodies.find(std::u32string(bare));
        if (!c.body.empty() && implied != lex.implied_bodies.end() && !implied->second.empty() &&
            (c.body.back() == implied->second.front() || IsForeignPlace(c.body, lex)) &&
            lex.institution_suffixes.LongestEndingAt(c.body, c.body.size()) == 0) {
          // "鹤山市市长": the place's 人民政府.
          c.body = ImpliedGovernment(c.body, implied->second, lex);
        }
        // "自治区副主席": a region's chair heads its 人民政府.
        if (c.body.ends_with(U"自治区") && c.title.ends_with(U"主席")) c.body += U"人民政府";
        if (!c.body.empty()) {
          hit.posts.push_back(std::move(c));
          continue;
        }
        if (implied != lex.implied_bodies.end()) {
          c.body = hit.posts.empty() ? implied->second
                                     : SamePlaceBody(hit.posts.back().body, implied->second, lex);
          c.body_span = {};
          hit.posts.push_back(std::move(c));
        } else if (!hit.posts.empty()) {
          hit.posts.back().title += U"、" + c.title;
        }
      }
    } else {
      chain_start = pos - group;
    }
    // "副主任A、B，秘书长C": a post without a body right after a list of the
    // same body's people is a post of that body.
    // "党委书记A、副校长B": so is one right after 、.
    if (hit.posts.empty() && !hit.title_spans.empty() && chain_start >= 2 &&
        (text[chain_start - 1] == U'，' || text[chain_start - 1] == U',' ||
         text[chain_start - 1] == U'、') &&
        !hits.empty() && hits.back().span.end == static_cast<int64_t>(chain_start - 1) &&
        !hits.back().posts.empty() && hits.back().posts.back().body_span.end > 0) {
      PostClaim claim = hits.back().posts.back();
      claim.title = std::u32string(text.substr(
          static_cast<size_t>(hit.title_spans.back().begin),
          static_cast<size_t>(hit.title_spans.front().end - hit.title_spans.back().begin)));
      claim.body_span = {};
      hit.posts.push_back(std::move(claim));
    }
    // "院长A主持会议，副院长B、C出席": a deputy without a body serves the body
    // of the same post named earlier in the sentence.
    if (hit.posts.empty() && !hit.title_spans.empty()) {
      std::u32string_view title = text.substr(
          static_cast<size_t>(hit.title_spans.back().begin),
          static_cast<size_t>(hit.title_spans.front().end - hit.title_spans.back().begin));
      const size_t sentence = text.find_last_of(U"。！？；", chain_start);
      const auto sentence_start =
          static_cast<int64_t>(sentence == std::u32string_view::npos ? 0 : sentence);
      for (auto it = hits.rbegin(); title.size() > 2 && title.starts_with(U"副") &&
                                    it != hits.rend() && it->span.begin >= sentence_start;
           ++it) {
        auto same = std::find_if(it->posts.begin(), it->posts.end(), [&](const PostClaim& c) {
          return !c.body.empty() && c.title.ends_with(title.substr(1));
        });
        if (same == it->posts.end()) continue;
        PostClaim claim = *same;
        claim.title = std::u32string(title);
        claim.body_span = {};
        hit.posts.push_back(std::move(claim));
        break;
      }
    }
    hit.chain = {static_cast<int64_t>(chain_start), static_cast<int64_t>(pos + len)};
    hits.push_back(hit);
    covered = pos + len;
    // A list of names sharing the posts: "副主席王晓英、张前勇、马奇富".
    size_t next = pos + len;
    while (next + 1 < text.size() && (text[next] == U'、' || text[next] == U'和')) {
      size_t n = name_at(next + 1, false);
      if (n == 0) break;
      // The name must not start a new chain ("、永川区政协主席文良印").
      size_t after = next + 1 + n;
      if (after < text.size() && !NameMayEndAt(text, after, lex)) break;
      PersonHit more = hit;
      more.name = std::u32string(text.substr(next + 1, n));
      more.span = {static_cast<int64_t>(next + 1), static_cast<int64_t>(after)};
      more.chain = more.span;
      more.title_spans.clear();
      hits.push_back(std::move(more));
      next = after;
      covered = after;
    }
  }
}

// "习近平总书记": a name right before an honorific.
void AddHonorificMentions(std::u32string_view text, const Lexicon& lex,
                          std::vector<PersonHit>& hits) {
  for (size_t pos = 2; pos < text.size(); ++pos) {
    if (lex.honorifics.LongestAt(text, pos) == 0) continue;
    for (size_t len : {size_t{3}, size_t{2}}) {
      if (pos < len) continue;
      size_t start = pos - len;
      if (lex.surnames.LongestAt(text, start) == 0) continue;
      bool ok = true;
      for (size_t i = start + 1; i < pos; ++i) ok = ok && IsNameChar(text[i], lex);
      if (!ok) continue;
      PersonHit hit = NameHit(text, start, pos);
      hit.honorific = true;
      hits.push_back(std::move(hit));
      break;
    }
  }
}

// "沈金强宣布…": a clause that starts with a name and a speech verb.
void AddSpeakers(std::u32string_view text, const Lexicon& lex, std::vector<PersonHit>& hits) {
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (pos > 0 && !IsPunct(text[pos - 1])) continue;
    // Without a post only a full name (surname + 2) counts: "文件指出" is no one.
    size_t len = ChineseNameAt(text, pos, lex);
    if (len == 0 || len != lex.surnames.LongestAt(text, pos) + 2 ||
        lex.speech_verbs.LongestAt(text, pos + len) == 0) {
      continue;
    }
    PersonHit hit = NameHit(text, pos, pos + len);
    hits.push_back(std::move(hit));
  }
}

// "哈萨克斯坦客人努尔苏丹·阿比舍维奇会见了…": a dotted foreign name needs no
// post; its first part starts after a country, a word of the sentence or
// punctuation.
void AddDottedNames(std::u32string_view text, const Lexicon& lex, std::vector<PersonHit>& hits) {
  for (size_t dot = text.find(U'·'); dot != std::u32string_view::npos;
       dot = text.find(U'·', dot + 1)) {
    if (dot == 0 || !IsHan(text[dot - 1])) continue;
    bool covered_already = false;
    for (const PersonHit& h : hits) {
      covered_already = covered_already || (h.span.begin <= static_cast<int64_t>(dot) &&
                                            static_cast<int64_t>(dot) < h.span.end);
    }
    if (covered_already) continue;
    constexpr size_t kMaxFirstPart = 6;
    size_t start = dot;
    while (start > 0 && dot - start < kMaxFirstPart && IsHan(text[start - 1]) &&
           (start == dot || lex.countries.LongestEndingAt(text, start) == 0) &&
           lex.posts.LongestEndingAt(text, start) == 0 &&
           lex.boundary_words.LongestEndingAt(text, start) == 0 &&
           lex.trigger_words.LongestEndingAt(text, start) == 0 &&
           lex.group_words.LongestEndingAt(text, start) == 0 &&
           lex.name_stop_words.LongestEndingAt(text, start) == 0) {
      --start;
    }
    // "客人": a noun for visitors is no part of a name.
    for (std::u32string_view guest : {U"客人", U"嘉宾", U"外宾", U"贵宾", U"专家", U"友人"}) {
      if (HasAt(text, start, guest) && start + guest.size() < dot) start += guest.size();
    }
    size_t len = ForeignNameAt(text, start, lex);
    // "谢尔盖·索科洛夫的见证下": a grammar word is no part of the last name.
    while (len > 0 && start + len > dot + 2 && lex.name_stop_chars.count(text[start + len - 1])) {
      --len;
    }
    if (len == 0 || start + len <= dot || !NameMayEndAt(text, start + len, lex)) continue;
    // "“群团强基层·联动促治理”": a quoted slogan is no name.
    if ((start > 0 && (text[start - 1] == U'“' || text[start - 1] == U'"')) ||
        (start + len < text.size() && (text[start + len] == U'”' || text[start + len] == U'"'))) {
      continue;
    }
    PersonHit hit = NameHit(text, start, start + len);
    hits.push_back(std::move(hit));
  }
}

// "陈建华主任介绍…", "林国栋副主席作报告": a clause that starts with a full
// name and a post printed after it (a form of address, no body).
void AddAddressedNames(std::u32string_view text, const Lexicon& lex, std::vector<PersonHit>& hits) {
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (pos > 0 && !IsPunct(text[pos - 1]) && !IsSpace(text[pos - 1])) continue;
    size_t sur = lex.surnames.LongestAt(text, pos);
    if (sur == 0 || IsCommonWordAt(text, pos, lex)) continue;
    for (size_t len = sur + 2; len >= sur + 1; --len) {
      if (pos + len >= text.size()) continue;
      bool ok = true;
      for (size_t i = pos + sur; i < pos + len; ++i) ok = ok && IsNameChar(text[i], lex);
      ok = ok && !IsCommonWordAt(text.substr(0, pos + len), pos + sur, lex) &&
           !lex.place_names.Contains(text.substr(pos, len)) &&
           lex.institution_suffixes.LongestEndingAt(text, pos + len) < 2;
      size_t post = ok ? lex.posts.LongestAt(text, pos + len) : 0;
      // The post ends the name's clause part: a verb, a cue or punctuation follows.
      if (post < 2 || !NameMayEndAt(text, pos + len + post, lex) ||
          lex.post_exclusions.LongestAt(text, pos + len) > post) {
        continue;
      }
      PersonHit hit = NameHit(text, pos, pos + len);
      hit.title_spans.push_back(
          {static_cast<int64_t>(pos + len), static_cast<int64_t>(pos + len + post)});
      hits.push_back(std::move(hit));
      break;
    }
  }
}

// "任命张三为市财政局局长", "免去李四的…职务": a name after an appointment word.
void AddAppointees(std::u32string_view text, const Lexicon& lex, std::vector<PersonHit>& hits) {
  for (size_t pos = 2; pos < text.size(); ++pos) {
    if (lex.appointment_intros.LongestEndingAt(text, pos) == 0) {
      continue;
    }
    size_t len = AppointeeNameAt(text, pos, lex);
    if (len == 0) continue;
    PersonHit hit = NameHit(text, pos, pos + len);
    size_t start = pos + len + 1;
    if (text[pos + len] == U'为') {
      size_t end = start;
      while (end < text.size() && end - start <= kMaxBodyChars && !IsPunct(text[end])) ++end;
      size_t post = PostEndingAt(text, end, lex);
      if (post > 0 && end - post > start) AddPostClaim(text, start, end, post, hit);
    }
    hits.push_back(std::move(hit));
  }
}

}  // namespace

std::vector<PersonHit> FindPeople(std::u32string_view text, const Lexicon& lex) {
  std::vector<PersonHit> hits;
  AddIntroducedPeople(text, lex, hits);
  AddHonorificMentions(text, lex, hits);
  AddSpeakers(text, lex, hits);
  AddDottedNames(text, lex, hits);
  AddAddressedNames(text, lex, hits);
  AddAppointees(text, lex, hits);
  std::stable_sort(hits.begin(), hits.end(), [](const PersonHit& a, const PersonHit& b) {
    return a.span.begin < b.span.begin;
  });
  return hits;
}

std::vector<PersonHit> FindAppointments(std::u32string_view text,
                                        const std::vector<PersonHit>& mentions,
                                        const Lexicon& lex) {
  std::vector<PersonHit> hits;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const PersonHit& m = mentions[i];
    auto verb_begin = static_cast<size_t>(m.span.end);
    // "A、B等受聘为…": the list before 等 shares the post.
    bool list = verb_begin < text.size() && text[verb_begin] == U'等';
    if (list) ++verb_begin;
    size_t verb = lex.appointment_verbs.LongestAt(text, verb_begin);
    // "任命原…局长葛长林为…主任": after 任命, 为 alone gives the new post.
    if (verb == 0 && verb_begin < text.size() && text[verb_begin] == U'为') {
      size_t clause = text.find_last_of(U"。；;", verb_begin);
      clause = clause == std::u32string_view::npos ? 0 : clause;
      if (text.substr(clause, verb_begin - clause).find(U"任命") != std::u32string_view::npos) {
        verb = 1;
      }
    }
    if (verb == 0) continue;
    size_t start = verb_begin + verb;
    size_t end = start;
    while (end < text.size() && end - start <= kMaxBodyChars &&
           (!IsPunct(text[end]) || text[end] == U'“' || text[end] == U'”')) {
      ++end;
    }
    size_t post = PostEndingAt(text, end, lex);
    if (post == 0 || end - post <= start) continue;
    PersonHit hit = m;
    AddPostClaim(text, start, end, post, hit);
    for (size_t j = i; list && j > 0; --j) {
      const PersonHit& before = mentions[j - 1];
      std::u32string_view gap =
          text.substr(static_cast<size_t>(before.span.end),
                      static_cast<size_t>(mentions[j].span.begin - before.span.end));
      if (gap.find_first_of(U"，,。；;") != std::u32string_view::npos) break;
      PersonHit more = before;
      more.posts = hit.posts;
      hits.push_back(std::move(more));
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

std::vector<PersonHit> FindNameMentions(std::u32string_view text,
                                        const std::vector<std::u32string>& names) {
  std::vector<std::u32string> sorted = names;
  std::sort(sorted.begin(), sorted.end(),
            [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
  // Each name's occurrences in turn, longest names first, left to right; one
  // pass of a trie finds them all (a search of the text per name costs the
  // text's length times the number of names).
  Trie trie;
  for (size_t i = 0; i < sorted.size(); ++i) {
    trie.Insert(sorted[i].begin(), sorted[i].end(), static_cast<uint32_t>(i));
  }
  std::vector<std::pair<uint32_t, size_t>> found;  // (index in sorted, position)
  for (size_t pos = 0; pos < text.size(); ++pos) {
    trie.ForEachMatch(text.begin() + pos, text.end(),
                      [&](size_t, uint32_t id) { found.emplace_back(id, pos); });
  }
  std::sort(found.begin(), found.end());
  std::vector<bool> taken(text.size(), false);
  std::vector<PersonHit> hits;
  for (const auto& [id, pos] : found) {
    const size_t len = sorted[id].size();
    bool free = true;
    for (size_t i = pos; i < pos + len; ++i) free = free && !taken[i];
    if (!free) continue;
    for (size_t i = pos; i < pos + len; ++i) taken[i] = true;
    hits.push_back(NameHit(text, pos, pos + len));
  }
  std::sort(hits.begin(), hits.end(),
            [](const PersonHit& a, const PersonHit& b) { return a.span.begin < b.span.begin; });
  return hits;
}

}  // namespace guanxi::extract
