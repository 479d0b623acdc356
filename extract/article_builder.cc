#include "extract/article_builder.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "extract/body_names.h"
#include "extract/country_finder.h"
#include "extract/icu_sentences.h"
#include "extract/institution_finder.h"
#include "extract/person_finder.h"
#include "extract/place_codes.h"
#include "extract/project_finder.h"
#include "extract/relation_finder.h"
#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

// `name` without its bracketed parts: "中国（绵阳）科技城" -> "中国科技城".
std::u32string WithoutBrackets(const std::u32string& name) {
  std::u32string out;
  int depth = 0;
  for (char32_t c : name) {
    if (c == U'(' || c == U'（') ++depth;
    if (depth == 0) out.push_back(c);
    if ((c == U')' || c == U'）') && depth > 0) --depth;
  }
  return out;
}

constexpr size_t kMinAliasSuffix = 4;

// Names of one entity type, grouped so that each body gets one canonical name.
class NameGroups {
 public:
  // Adds a mention whose resolved name is `canonical` and printed form `surface`.
  void Add(const std::u32string& canonical, const std::u32string& surface) {
    size_t g = Find(canonical);
    if (g == kNone) {
      groups_.emplace_back();
      g = groups_.size() - 1;
    }
    AddName(g, canonical, true);
    AddName(g, surface, false);
  }

  // Merges a group into another when one's name is the end or the start of the
  // other's ("财经职业学院" of "重庆财经职业学院").
  // A short name ("文联") joins the group it ends, preferring one that starts
  // with `local` ("永川区文联") when several do.
  void MergeContained(bool prefixes, const std::u32string& local, const Lexicon& lex) {
    // Each group's name and its abbreviated form, computed once and again
    // only for a group that grows.
    std::vector<std::u32string> longest(groups_.size());
    std::vector<std::u32string> abbreviated(groups_.size());
    auto refresh = [&](size_t g) {
      longest[g] = Longest(groups_[g]);
      abbreviated[g] = Abbreviated(longest[g], lex);
    };
    for (size_t g = 0; g < groups_.size(); ++g) refresh(g);
    for (size_t i = 0; i < groups_.size(); ++i) {
      if (groups_[i].names.empty()) continue;
      const std::u32string a = groups_[i].names.front();
      // "工商联" also matches names ending in its full form "工商业联合会".
      std::u32string expanded;
      size_t abbr = lex.abbreviation_words.LongestEndingAt(a, a.size());
      if (abbr > 0) {
        expanded = a.substr(0, a.size() - abbr) + lex.abbreviations.at(a.substr(a.size() - abbr));
      }
      std::vector<size_t> into;
      const std::u32string a_short = Abbreviated(a, lex);
      for (size_t j = 0; j < groups_.size(); ++j) {
        if (i == j || groups_[j].names.empty()) continue;
        const std::u32string& b = longest[j];
        // "榆林高新区管委会" of "榆林高新技术产业开发区管委会": the same name
        // with a full form inside it abbreviated.
        if (a.size() < b.size() && a_short != b && a_short == abbreviated[j]) {
          into.push_back(j);
          continue;
        }
        if (!expanded.empty() && expanded != a && b.size() >= expanded.size() &&
            b.ends_with(expanded)) {
          into.push_back(j);
          continue;
        }
        if (a.size() >= b.size() || a.size() < 2) continue;
        // "中国科技城" of "中国（绵阳）科技城": the name without its bracketed place.
        if (a == WithoutBrackets(b)) {
          into.push_back(j);
          continue;
        }
        // "总领馆" alone: a bare ending names the one body of the item it ends.
        bool end = b.ends_with(a) && (a.size() >= kMinAliasSuffix || b.size() - a.size() <= 4 ||
                                      lex.institution_suffixes.Contains(a));
        if (end || (prefixes && a.size() >= kMinAliasSuffix && b.starts_with(a))) {
          into.push_back(j);
        }
      }
      if (into.empty()) continue;
      size_t target = into.front();
      if (into.size() > 1) {
        bool found = false;
        for (size_t j : into) {
          if (!found && !local.empty() && longest[j].starts_with(local)) {
            target = j;
            found = true;
          }
        }
        if (!found) continue;
      }
      for (const std::u32string& n : groups_[i].names) {
        AddName(target, n, groups_[i].resolved.count(n) > 0);
        index_[n].erase(i);
      }
      groups_[i].names.clear();
      groups_[i].resolved.clear();
      refresh(target);
    }
  }

  // The canonical names of all groups.
  std::vector<std::u32string> Canonicals() const {
    std::vector<std::u32string> out;
    for (const Group& g : groups_) {
      if (!g.names.empty()) out.push_back(Longest(g));
    }
    return out;
  }

  // Canonical name (the longest) of the group holding `name`; empty if none.
  std::u32string CanonicalOf(const std::u32string& name) const {
    size_t g = Find(name);
    return g == kNone ? std::u32string() : Longest(groups_[g]);
  }

  std::vector<graph::Entity> ToEntities(graph::EntityType type) const {
    std::vector<graph::Entity> out;
    for (const Group& g : groups_) {
      if (g.names.empty()) continue;
      graph::Entity e;
      e.type = type;
      std::u32string canonical = Longest(g);
      e.name = ToUtf8(canonical);
      for (const std::u32string& n : g.names) {
        if (n != canonical) e.aliases.push_back(ToUtf8(n));
      }
      out.push_back(std::move(e));
    }
    return out;
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);
  struct Group {
    std::vector<std::u32string> names;
    std::set<std::u32string> resolved;  // names that are some mention's resolved form
  };

  // The group's name: its longest resolved name (大连市人大常委会, not the
  // printed 大连市市人大常委会 or 市九届人大常委会), an everyday name before a
  // formal one ("黔东南州政协", not "中国人民政治协商会议…委员会").
  static std::u32string Longest(const Group& g) {
    std::u32string best;
    std::tuple<bool, bool, size_t> best_rank{false, false, 0};
    for (const std::u32string& n : g.names) {
      std::tuple<bool, bool, size_t> rank{g.resolved.count(n) > 0, !IsFormalName(n), n.size()};
      if (best.empty() || rank > best_rank) {
        best = n;
        best_rank = rank;
      }
    }
    return best;
  }

  // `name` with every full form of abbreviations.txt inside it replaced by
  // its short form ("…高新技术产业开发区管委会" -> "…高新区管委会").
  static std::u32string Abbreviated(std::u32string name, const Lexicon& lex) {
    // "凉山彝族自治州人民政府" is 凉山州人民政府: a prefecture by its 州 form.
    if (size_t len = lex.place_names.LongestAt(name, 0); len > 0) {
      const std::vector<uint32_t>& senses =
          lex.PlaceSenses(std::u32string_view(name).substr(0, len));
      if (!senses.empty()) {
        const Place& place = lex.all_places[senses.front()];
        if (place.name.size() == len && place.name.ends_with(U"自治州") &&
            !place.short_forms.empty()) {
          name.replace(0, len, place.short_forms.front());
        }
      }
    }
    for (const auto& [short_form, full] : lex.abbreviations) {
      for (size_t at = name.find(full);
           at != std::u32string::npos && full.size() > short_form.size();
           at = name.find(full, at + short_form.size())) {
        name.replace(at, full.size(), short_form);
      }
    }
    return name;
  }

  static bool IsFormalName(std::u32string_view n) {
    return (n.starts_with(U"中国人民政治协商会议") || n.starts_with(U"中国共产党") ||
            n.starts_with(U"政协")) &&
           n.ends_with(U"委员会");
  }

  // The first group holding `name`, kNone if none does.
  size_t Find(const std::u32string& name) const {
    auto found = index_.find(name);
    return found == index_.end() || found->second.empty() ? kNone : *found->second.begin();
  }

  void AddName(size_t g, const std::u32string& name, bool resolved) {
    if (name.empty()) return;
    if (index_[name].insert(g).second) groups_[g].names.push_back(name);
    if (resolved) groups_[g].resolved.insert(name);
  }

  std::vector<Group> groups_;
  // Each name -> the groups holding it (a long item has thousands of names:
  // Find must not look at them all).
  std::unordered_map<std::u32string, std::set<size_t>> index_;
};

graph::Evidence MakeEvidence(std::u32string_view text, const Span& s) {
  graph::Evidence ev;
  ev.sentence =
      ToUtf8(text.substr(static_cast<size_t>(s.begin), static_cast<size_t>(s.end - s.begin)));
  ev.char_begin = s.begin;
  ev.char_end = s.end;
  return ev;
}

// Index of the sentence holding `pos`, else of the last sentence; `sentences`
// must not be empty. Sentences are sorted and disjoint: a binary search.
size_t SentenceIndexOf(const std::vector<Span>& sentences, int64_t pos) {
  auto after = std::upper_bound(sentences.begin(), sentences.end(), pos,
                                [](int64_t p, const Span& s) { return p < s.begin; });
  if (after != sentences.begin() && pos < std::prev(after)->end) {
    return static_cast<size_t>(after - sentences.begin()) - 1;
  }
  return sentences.size() - 1;
}

Span SentenceOf(const std::vector<Span>& sentences, int64_t pos) {
  return sentences.empty() ? Span{} : sentences[SentenceIndexOf(sentences, pos)];
}

// For each sentence, whether it holds a word of sign_triggers.txt.
std::vector<bool> SigningSentences(std::u32string_view text, const std::vector<Span>& sentences,
                                   const Lexicon& lex) {
  std::vector<bool> signing(sentences.size(), false);
  for (size_t i = 0; i < sentences.size(); ++i) {
    for (auto p = static_cast<size_t>(sentences[i].begin);
         p < static_cast<size_t>(sentences[i].end) && !signing[i]; ++p) {
      signing[i] = lex.sign_triggers.LongestAt(text, p) > 0;
    }
  }
  return signing;
}

// Places named as signing parties ("永川区与…签署") stand for their government:
// adds 永川区人民政府 (alias 永川区) to `groups` and to `parties`.
// `signing_sentences` is SigningSentences of `sentences`.
void AddPlaceParties(std::u32string_view text, const std::vector<Span>& sentences,
                     const std::vector<bool>& signing_sentences, const Locality& where,
                     const std::vector<TextHit>& institutions, const Lexicon& lex,
                     NameGroups& groups, std::vector<PartyMention>& parties) {
  // Foreign cities whose governments the item names ("阿鲁沙市" of 阿鲁沙市政府,
  // introduced by its mayor's post).
  std::vector<std::u32string> foreign;
  for (const std::u32string& name : groups.Canonicals()) {
    if (name.size() > 3 && name.ends_with(U"市政府") && !name.ends_with(U"人民政府")) {
      foreign.push_back(name.substr(0, name.size() - 2));
    }
  }
  std::vector<Span> institution_spans;
  for (const TextHit& h : institutions) institution_spans.push_back(h.span);
  const SpanIndex institution_index(institution_spans);
  std::u32string government = U"人民政府";
  auto place_at = [&](size_t pos) -> size_t {
    government = U"人民政府";
    for (const std::u32string* p : {&where.district, &where.city}) {
      if (!p->empty() && HasAt(text, pos, *p)) return p->size();
    }
    for (const std::u32string& city : foreign) {
      if (HasAt(text, pos, city)) {
        government = U"政府";
        return city.size();
      }
    }
    if (!lex.PlaceMayStartAt(text, pos)) return 0;
    size_t len = lex.place_names.LongestAt(text, pos);
    return len > 0 && lex.places.at(std::u32string(text.substr(pos, len))).name ==
                          text.substr(pos, len)
               ? len
               : 0;
  };
  for (size_t pos = 0; pos < text.size(); ++pos) {
    // Places sign only in signing sentences: skip the others whole.
    if (!sentences.empty()) {
      const size_t s = SentenceIndexOf(sentences, static_cast<int64_t>(pos));
      if (!signing_sentences[s] && static_cast<int64_t>(pos) >= sentences[s].begin &&
          sentences[s].end > static_cast<int64_t>(pos)) {
        pos = static_cast<size_t>(sentences[s].end) - 1;
        continue;
      }
    }
    size_t len = place_at(pos);
    if (len == 0) continue;
    size_t after = pos + len;
    // "永川区与…", "甲县、乙县和丙县分别与…": a place joined to another party
    // or listed with other places.
    bool joined = (after < text.size() &&
                   (text[after] == U'与' || text[after] == U'和' || text[after] == U'同')) ||
                  (pos > 0 && (text[pos - 1] == U'与' || text[pos - 1] == U'同'));
    if (!joined && ((after < text.size() && text[after] == U'、') || HasAt(text, after, U"分别") ||
                    (pos > 0 && text[pos - 1] == U'、'))) {
      // A listed place signs only when the list is joined to the other side
      // before the signing verb ("甲县、乙县分别与…签订"), not in a list of
      // places where projects are signed ("甲区、乙市…集中签约").
      for (size_t q = after; q < text.size() && !IsSentenceFinal(text[q]); ++q) {
        if (lex.sign_triggers.LongestAt(text, q) > 0) break;
        if (text[q] == U'与' || text[q] == U'同') {
          joined = true;
          break;
        }
      }
      // "…并与甲市、乙市分别签订": the list follows the joiner.
      for (size_t q = pos; !joined && q > 0 && (text[q - 1] == U'、' || !IsPunct(text[q - 1]));
           --q) {
        joined = text[q - 1] == U'与' || text[q - 1] == U'同';
      }
    }
    Span span{static_cast<int64_t>(pos), static_cast<int64_t>(after)};
    bool signing = !sentences.empty() && signing_sentences[SentenceIndexOf(sentences, span.begin)];
    if (joined && signing && !institution_index.Overlaps(span)) {
      std::u32string gov = std::u32string(text.substr(pos, len)) + government;
      groups.Add(gov, std::u32string(text.substr(pos, len)));
      parties.push_back({gov, span});
    }
    pos = after - 1;
  }
}

// People who sign for a body ("副市长A与B市副市长C共同签署", "市长A…并与B市
//签订") stand for the body of the post printed nearest their name: adds a
// party at each of their mentions in a signing sentence.
void AddSignerParties(const std::vector<Span>& sentences,
                      const std::vector<bool>& signing_sentences,
                      const std::vector<PersonMention>& people, const std::vector<PersonHit>& hits,
                      const Locality& where, const Lexicon& lex, const NameGroups& groups,
                      std::vector<PartyMention>& parties) {
  if (sentences.empty()) return;
  std::unordered_map<std::u32string, const PersonHit*> first_with_posts;
  for (const PersonHit& h : hits) {
    if (!h.posts.empty()) first_with_posts.emplace(h.name, &h);
  }
  for (const PersonMention& m : people) {
    if (m.honorific || !signing_sentences[SentenceIndexOf(sentences, m.span.begin)]) continue;
    auto h = first_with_posts.find(m.name);
    if (h == first_with_posts.end()) continue;
    std::u32string body =
        groups.CanonicalOf(ResolveInstitution(h->second->posts.back().body, where, lex));
    if (!body.empty()) parties.push_back({body, m.span, true});
  }
}

// Ids of the people of other items of the page whose names `text` prints
// where it reads as their name here too (a name cue follows it: "张智奎代表…",
// not "宋文化"), in the page's order. One pass over `text`, however many
// names the page has.
std::vector<uint32_t> KnownNamesIn(std::u32string_view text, const PageContext& page,
                                   const Lexicon& lex) {
  std::vector<uint32_t> ids;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    page.known_name_index.ForEachMatch(
        text.begin() + pos, text.end(), [&](size_t len, uint32_t id) {
          if (ChineseNameAt(text, pos, lex) == len || ForeignNameAt(text, pos, lex) == len) {
            ids.push_back(id);
          }
        });
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace

std::u32string EventName(std::u32string_view title, const Lexicon& lex) {
  std::u32string t(title);
  for (std::u32string_view end : lex.event_speech_endings) {
    size_t at = t.rfind(end);
    size_t in = t.find(U'在');
    if (at != std::u32string::npos && in != std::u32string::npos && in < at) {
      return t.substr(in + 1, at - in - 1);
    }
  }
  for (std::u32string_view end : lex.event_title_endings) {
    if (t.ends_with(end)) {
      t = t.substr(0, t.size() - end.size());
      size_t at = t.rfind(U"在");
      if (at != std::u32string::npos && t.size() - at <= 4) t = t.substr(0, at);
      return t;
    }
  }
  return t;
}

void PageContext::AddKnownName(const std::u32string& name) {
  if (known_name_index.Contains(name)) return;
  known_name_index.Insert(name.begin(), name.end(), static_cast<uint32_t>(known_names.size()));
  known_names.push_back(name);
}

// The people a title only a national leader holds follows at one of their
// mentions ("某某总书记").
std::unordered_set<std::u32string> NationalLeaders(std::u32string_view text,
                                                   const std::vector<PersonMention>& people,
                                                   const Lexicon& lex) {
  std::unordered_set<std::u32string> leaders;
  for (const PersonMention& m : people) {
    if (lex.national_titles.LongestAt(text, static_cast<size_t>(m.span.end)) > 0) {
      leaders.insert(m.name);
    }
  }
  return leaders;
}

Result<graph::Article> BuildArticle(const RawItem& item, std::vector<PersonHit> hits,
                                    const PageContext& page, const Lexicon& lex) {
  graph::Article article;
  article.title = ToUtf8(item.title);
  for (const auto& s : item.subtitles) article.subtitles.push_back(ToUtf8(s));
  article.date = ToUtf8(item.date);
  article.full_date = item.full_date;
  article.text = ToUtf8(item.text);
  const std::u32string& text = item.text;

  Result<std::vector<Span>> split = SplitSentences(text);
  if (!split.ok()) return split.status();
  const std::vector<Span>& sentences = split.value();
  Locality where = MergeLocality(InferLocality(item.title + U"\n" + text, lex), page.locality);
  article.outlet = ToUtf8(item.outlet);
  const ItemPlace place = PlaceOfItem(where, lex);
  article.place = ToUtf8(place.name);
  article.place_code = place.code;

  // People.
  // (Sets and maps here keep the item's cost linear in its length: a long
  // item names thousands of people.)
  std::vector<std::u32string> names;
  std::unordered_set<std::u32string> named;
  for (const PersonHit& h : hits) {
    if (named.insert(h.name).second) names.push_back(h.name);
  }
  for (uint32_t id : KnownNamesIn(text, page, lex)) {
    const std::u32string& n = page.known_names[id];
    if (named.insert(n).second) names.push_back(n);
  }
  std::vector<PersonHit> mentions = FindNameMentions(text, names);
  std::vector<PersonMention> people;
  std::vector<Span> blocked;
  std::unordered_map<int64_t, int64_t> chain_of;  // a hit's name begin -> its chain's (last hit)
  for (const PersonHit& h : hits) chain_of[h.span.begin] = h.chain.begin;
  for (const PersonHit& m : mentions) {
    size_t end = static_cast<size_t>(m.span.end);
    bool honorific = lex.honorifics.LongestAt(text, end) > 0;
    auto chain = chain_of.find(m.span.begin);
    int64_t chain_begin = chain == chain_of.end() ? -1 : chain->second;
    people.push_back({m.name, m.span, honorific, chain_begin});
    blocked.push_back(m.span);
  }
  for (PersonHit& h : FindAppointments(text, mentions, lex)) hits.push_back(std::move(h));
  // "七届州政协主席": a term is part of its body's name; an earlier term's post
  // is a former one.
  const int current_term = LatestTerm(text);
  for (PersonHit& h : hits) {
    for (PostClaim& c : h.posts) {
      c.former = IsFormerPost(c, current_term);
      // "原县农业农村局局长": the body is 县农业农村局, the post a former one;
      // so is "县侨联原主席"'s.
      if (c.body.size() > 2 && c.body.starts_with(U"原")) {
        c.body.erase(0, 1);
        if (c.body_span.end > c.body_span.begin) ++c.body_span.begin;
      }
      if (c.body.size() > 2 && c.body.ends_with(U"原")) {
        c.former = true;
        c.body.pop_back();
        if (c.body_span.end > c.body_span.begin) --c.body_span.end;
      }
      // "县侨联第三届委员会主席": the term's committee is the body.
      if (std::u32string plain = WithoutTerm(c.body, lex); plain != c.body && !plain.empty()) {
        c.body = plain;
        c.body_span = {};
      }
      if (auto [term, len] = TermAt(c.body, 0); len > 0 && len < c.body.size()) {
        c.body.erase(0, len);
        if (c.body_span.end > c.body_span.begin) c.body_span.begin += static_cast<int64_t>(len);
      }
    }
  }
  for (const PersonHit& h : hits) {
    for (const Span& t : h.title_spans) blocked.push_back(t);
  }

  // Institutions: bodies printed before posts first, then names by ending.
  std::vector<TextHit> bodies;
  for (const PersonHit& h : hits) {
    for (const PostClaim& c : h.posts) {
      if (c.body_span.end > c.body_span.begin && IsBody(c.body, lex)) {
        bodies.push_back({c.body, c.body_span});
      }
    }
  }
  std::vector<TextHit> institutions = bodies;
  std::vector<Span> body_spans;
  for (const TextHit& b : bodies) body_spans.push_back(b.span);
  const SpanIndex body_index(body_spans);
  for (TextHit& h : FindInstitutions(text, lex, blocked)) {
    if (!body_index.Overlaps(h.span)) institutions.push_back(std::move(h));
  }
  NameGroups inst_groups;
  for (const TextHit& h : institutions) {
    inst_groups.Add(ResolveInstitution(WithoutTerm(h.text, lex), where, lex), h.text);
  }
  for (const PersonHit& h : hits) {
    for (const PostClaim& c : h.posts) {
      if (c.body_span.end == c.body_span.begin) {
        inst_groups.Add(ResolveInstitution(c.body, where, lex),
                        ResolveInstitution(c.body, where, lex));
      }
    }
  }

  // Places named as signing parties ("永川区与…签署") stand for their government.
  // A body printed before a signer's post ("市长黄立新与北岭大学校长卢家明
  // 代表双方签约") is the signer's affiliation, not a party of its own.
  std::vector<PartyMention> parties;
  for (size_t i = 0; i < institutions.size(); ++i) {
    if (i < bodies.size()) continue;
    parties.push_back({ResolveInstitution(institutions[i].text, where, lex), institutions[i].span});
  }
  const std::vector<bool> signing_sentences = SigningSentences(text, sentences, lex);
  AddPlaceParties(text, sentences, signing_sentences, where, institutions, lex, inst_groups,
                  parties);
  inst_groups.MergeContained(false, where.district.empty() ? where.city : where.district, lex);
  AddSignerParties(sentences, signing_sentences, people, hits, where, lex, inst_groups, parties);

  // Projects and countries.
  NameGroups project_groups;
  for (const TextHit& h : FindProjects(text, lex)) project_groups.Add(h.text, h.text);
  project_groups.MergeContained(true, std::u32string(), lex);
  std::vector<std::u32string> countries = FindCountries(text, lex);

  // Entities.
  const std::unordered_set<std::u32string> national = NationalLeaders(text, people, lex);
  for (const std::u32string& n : names) {
    graph::Entity person{graph::EntityType::kPerson, ToUtf8(n), {}};
    if (national.count(n) > 0) person.place_code = graph::kNationalPlaceCode;
    article.entities.push_back(std::move(person));
  }
  for (auto& e : inst_groups.ToEntities(graph::EntityType::kInstitution)) {
    const std::u32string name = ToU32(e.name);
    e.place_code = BodyPlaceCode(name, place.code, lex);
    e.unresolved = IsUnresolvedBody(name, lex);
    article.entities.push_back(std::move(e));
  }
  for (auto& e : project_groups.ToEntities(graph::EntityType::kProject)) {
    article.entities.push_back(std::move(e));
  }
  for (const std::u32string& c : countries) {
    article.entities.push_back({graph::EntityType::kCountry, ToUtf8(c), {}});
  }
  std::u32string event = EventName(item.title.empty() ? U"新闻事件" : item.title, lex);
  article.entities.push_back({graph::EntityType::kEvent, ToUtf8(event), {}});

  // Relations: posts (current ones only), the event, signings.
  std::set<std::pair<std::u32string, std::u32string>> held;
  for (const PersonHit& h : hits) {
    for (const PostClaim& c : h.posts) {
      if (c.former) continue;
      std::u32string body = inst_groups.CanonicalOf(ResolveInstitution(c.body, where, lex));
      if (body.empty()) body = StateOfPost(c.body, c.title, countries, lex);
      if (body.empty()) {
        body = inst_groups.CanonicalOf(NamedBefore(c.body, h.span.begin, institutions, lex));
      }
      if (body.empty() || !held.insert({h.name, body}).second) continue;
      graph::Relation r;
      r.type = graph::RelationType::kHoldsPosition;
      r.source = ToUtf8(h.name);
      r.target = ToUtf8(body);
      r.title = ToUtf8(c.title);
      r.evidence = MakeEvidence(text, SentenceOf(sentences, h.span.begin));
      article.relations.push_back(std::move(r));
    }
  }
  for (const EventLink& l : FindEventLinks(text, sentences, people, lex)) {
    graph::Relation r;
    r.type = l.type;
    r.source = ToUtf8(l.person);
    r.target = ToUtf8(event);
    r.evidence = MakeEvidence(text, l.sentence);
    article.relations.push_back(std::move(r));
  }
  for (const SignLink& l : FindSignings(text, sentences, parties, lex)) {
    graph::Relation r;
    r.type = graph::RelationType::kSignedWith;
    r.source = ToUtf8(inst_groups.CanonicalOf(l.a));
    r.target = ToUtf8(inst_groups.CanonicalOf(l.b));
    if (r.source.empty() || r.target.empty() || r.source == r.target) continue;
    r.evidence = MakeEvidence(text, l.sentence);
    article.relations.push_back(std::move(r));
  }
  return article;
}

}  // namespace guanxi::extract
