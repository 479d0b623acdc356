#include "extract/relation_finder.h"

#include <algorithm>
#include <set>
#include <utility>

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

bool IsClauseMark(char32_t c) {
  return c == U'，' || c == U',' || c == U'；' || c == U';' || c == U'：' || c == U':' ||
         IsSentenceFinal(c) || c == U'\n';
}

bool IsListJoiner(char32_t c) { return c == U'、' || c == U'和' || c == U'及'; }

size_t ClauseStart(std::u32string_view text, size_t pos, size_t floor) {
  while (pos > floor && !IsClauseMark(text[pos - 1])) --pos;
  return pos;
}

// True when the mention sits in a "受…委托" clause: the person delegated.
bool IsDelegator(std::u32string_view text, const Span& span, size_t floor, size_t ceiling) {
  size_t start = ClauseStart(text, static_cast<size_t>(span.begin), floor);
  if (start >= text.size() || text[start] != U'受') return false;
  size_t end = static_cast<size_t>(span.end);
  while (end < ceiling && !IsClauseMark(text[end])) ++end;
  return text.substr(start, end - start).find(U"委托") != std::u32string_view::npos;
}

// Where the people start after a trigger that introduces a list: "出席会议的
// 还有A", "出席大会的领导有：A，B" (的 … 有, before any clause mark but a
// colon); npos when the trigger introduces none.
size_t ListIntroEnd(std::u32string_view text, size_t pos, size_t end) {
  constexpr size_t kMaxIntroChars = 12;
  size_t of = std::u32string_view::npos;
  for (size_t p = pos; p < end && p - pos < kMaxIntroChars; ++p) {
    char32_t c = text[p];
    if (c == U'的') of = p;
    if (c == U'有' && of != std::u32string_view::npos) {
      size_t after = p + 1;
      if (after < end && (text[after] == U'：' || text[after] == U':')) ++after;
      return after;
    }
    if (IsClauseMark(c)) break;
  }
  return std::u32string_view::npos;
}

// "执行主席由A、B担任", "主持人由A担任": the people between 由 and 担任 chair.
bool ChairsByAppointment(std::u32string_view text, size_t sentence_begin, size_t by) {
  for (std::u32string_view post : {U"执行主席", U"主持人"}) {
    size_t from = by >= post.size() + 1 ? by - post.size() - 1 : sentence_begin;
    std::u32string_view before =
        text.substr(std::max(from, sentence_begin), by - std::max(from, sentence_begin));
    if (before.find(post) != std::u32string_view::npos) return true;
  }
  return false;
}

// True when what is signed is one agreement of three or more named parties:
// "签署三方合作协议", "签订四方协议" right after the signing verb.
bool ManyPartyAgreement(std::u32string_view text, size_t pos, size_t end) {
  constexpr size_t kMaxLead = 3;  // "了", "一份"
  for (size_t p = pos; p < end && p - pos <= kMaxLead; ++p) {
    for (std::u32string_view parties : {U"三方", U"四方", U"五方", U"多方"}) {
      if (HasAt(text, p, parties)) return true;
    }
  }
  return false;
}

// True for a 与/同 that joins two sides, not one inside a word (共同, 一同,
// 陪同, 协同, 与会, 同时, 同意).
bool IsSideJoiner(std::u32string_view text, size_t pos) {
  char32_t c = text[pos];
  if (c != U'与' && c != U'同') return false;
  char32_t before = pos > 0 ? text[pos - 1] : U' ';
  char32_t after = pos + 1 < text.size() ? text[pos + 1] : U' ';
  if (c == U'同') {
    return std::u32string_view(U"共一陪协相等如").find(before) == std::u32string_view::npos &&
           std::u32string_view(U"时意步样期比类").find(after) == std::u32string_view::npos;
  }
  return std::u32string_view(U"参给赋").find(before) == std::u32string_view::npos && after != U'会';
}

// The joiner of a signing's two sides among `before` (sorted parties before
// the trigger at `end`): the last 与/同 after the first party outside any
// name, else the last 和 between two parties ("A、B和C" is one side's list
// when 与 follows; "A和B分别与相关企业签订" leaves the other side unnamed).
// npos when none.
template <typename InsideParty>
size_t SigningJoiner(std::u32string_view text, const std::vector<const PartyMention*>& before,
                     size_t end, const InsideParty& inside_party) {
  if (before.empty()) return std::u32string_view::npos;
  size_t strong = std::u32string_view::npos;
  size_t weak = std::u32string_view::npos;
  for (auto c = static_cast<size_t>(before.front()->span.end); c < end; ++c) {
    if (inside_party(c)) continue;
    if (IsSideJoiner(text, c)) strong = c;
    if (text[c] == U'和' && c < static_cast<size_t>(before.back()->span.begin)) weak = c;
  }
  return strong != std::u32string_view::npos ? strong : weak;
}

// Positions of a text of `size` code points inside the span of one of `items`.
template <typename T>
std::vector<bool> Covered(size_t size, const std::vector<T>& items) {
  std::vector<bool> covered(size, false);
  for (const T& item : items) {
    for (int64_t p = std::max<int64_t>(item.span.begin, 0);
         p < item.span.end && p < static_cast<int64_t>(size); ++p) {
      covered[static_cast<size_t>(p)] = true;
    }
  }
  return covered;
}

// For each of `sentences` (sorted, disjoint), the indices of the `items`
// whose span starts in it, in the items' order.
template <typename T>
std::vector<std::vector<size_t>> StartingIn(const std::vector<Span>& sentences,
                                            const std::vector<T>& items) {
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return items[a].span.begin < items[b].span.begin; });
  auto first_at = [&](int64_t pos) {
    return std::lower_bound(order.begin(), order.end(), pos,
                            [&](size_t i, int64_t p) { return items[i].span.begin < p; });
  };
  std::vector<std::vector<size_t>> out(sentences.size());
  for (size_t k = 0; k < sentences.size(); ++k) {
    out[k].assign(first_at(sentences[k].begin), first_at(sentences[k].end));
    std::sort(out[k].begin(), out[k].end());
  }
  return out;
}

}  // namespace

std::vector<EventLink> FindEventLinks(std::u32string_view text, const std::vector<Span>& sentences,
                                      const std::vector<PersonMention>& people,
                                      const Lexicon& lex) {
  std::vector<EventLink> links;
  std::set<std::pair<std::u32string, graph::RelationType>> seen;
  // People placed at the event by a strong trigger in a sentence without a
  // chair's trigger.
  std::set<std::u32string> present;
  std::set<int64_t> chair_sentences;
  auto add = [&](const PersonMention& m, graph::RelationType type, const Span& sentence) {
    if (m.honorific) return;
    if (seen.insert({m.name, type}).second) links.push_back({m.name, type, sentence});
    if (type == graph::RelationType::kChaired) chair_sentences.insert(sentence.begin);
  };
  const std::vector<bool> in_person = Covered(text.size(), people);
  auto inside_person = [&](size_t pos) { return in_person[pos]; };
  // Each sentence's people: every person a rule of a sentence may link
  // starts inside it (and an item's cost stays linear in its length).
  const std::vector<std::vector<size_t>> people_of = StartingIn(sentences, people);
  for (size_t k = 0; k < sentences.size(); ++k) {
    const Span& s = sentences[k];
    const std::vector<size_t>& here = people_of[k];
    const auto sb = static_cast<size_t>(s.begin);
    const auto se = static_cast<size_t>(s.end);
    // "执行主席由A、B担任": chairs named by their appointment.
    std::u32string_view sentence = text.substr(sb, se - sb);
    if (size_t by = sentence.find(U'由'); by != std::u32string_view::npos) {
      size_t serve = sentence.find(U"担任", by);
      if (serve != std::u32string_view::npos && ChairsByAppointment(text, sb, sb + by)) {
        for (size_t i : here) {
          const PersonMention& m = people[i];
          if (m.span.begin > static_cast<int64_t>(sb + by) &&
              m.span.end <= static_cast<int64_t>(sb + serve)) {
            add(m, graph::RelationType::kChaired, s);
          }
        }
      }
    }
    std::vector<std::u32string> strong_here;
    size_t prev_end = sb;
    for (size_t pos = sb; pos < se;) {
      size_t len = lex.trigger_words.LongestAt(text.substr(0, se), pos);
      if (len == 0 || inside_person(pos)) {
        ++pos;
        continue;
      }
      const Trigger& t = lex.triggers.at(std::u32string(text.substr(pos, len)));
      // "代表团", "代表处", "代表大会": a noun, not the verb 代表.
      if (HasAt(text, pos, U"代表") && len == 2 && pos + 2 < se &&
          std::u32string_view(U"团处大会们").find(text[pos + 2]) != std::u32string_view::npos) {
        pos += len;
        continue;
      }
      // "一同参加": a weak trigger right before another is an adverb of it.
      if (t.strength == TriggerStrength::kWeak &&
          lex.trigger_words.LongestAt(text.substr(0, se), pos + len) > 0) {
        pos += len;
        continue;
      }
      // "传达学习省委书记X在…上的讲话精神": a speech studied, not given here.
      if (t.strength == TriggerStrength::kWeak && text.substr(pos + len, 2) == U"精神") {
        pos += len;
        continue;
      }
      if (t.strength == TriggerStrength::kMutual) {
        // "A会见B一行": both sides meet.
        size_t clause_end = pos + len;
        while (clause_end < se && !IsClauseMark(text[clause_end])) ++clause_end;
        for (size_t i : here) {
          const PersonMention& m = people[i];
          if (m.span.begin > static_cast<int64_t>(pos) &&
              m.span.end <= static_cast<int64_t>(clause_end)) {
            add(m, t.relation, s);
          }
        }
      }
      // "A、B分别致辞": a weak trigger after 分别 speaks for everyone before it.
      // "A、B，C分别就…作了发言": 分别 anywhere since the previous trigger.
      bool each = text.substr(prev_end, pos - prev_end).find(U"分别") != std::u32string_view::npos;
      if (t.strength != TriggerStrength::kWeak || each) {
        for (size_t i : here) {
          const PersonMention& m = people[i];
          if (m.span.begin >= static_cast<int64_t>(prev_end) &&
              m.span.end <= static_cast<int64_t>(pos) && !IsDelegator(text, m.span, sb, se)) {
            add(m, t.relation, s);
            if (t.strength == TriggerStrength::kStrong &&
                t.relation == graph::RelationType::kAttended) {
              strong_here.push_back(m.name);
            }
          }
        }
        // "出席会议的还有A、B", "应邀出席大会的领导有：A，B": the people come
        // after the trigger.
        if (size_t has = ListIntroEnd(text, pos + len, se); has != std::u32string_view::npos) {
          for (size_t i : here) {
            const PersonMention& m = people[i];
            if (m.span.begin >= static_cast<int64_t>(has) &&
                m.span.end <= static_cast<int64_t>(se)) {
              add(m, t.relation, s);
            }
          }
          pos = se;
          continue;
        }
      } else {
        size_t cs = ClauseStart(text, pos, sb);
        // "据X介绍": what X told the reporter, not what X did at the event.
        if (cs < se && text[cs] == U'据') {
          prev_end = pos + len;
          pos += len;
          continue;
        }
        const PersonMention* subject = nullptr;
        for (size_t i : here) {
          const PersonMention& m = people[i];
          if (m.span.begin >= static_cast<int64_t>(cs) && m.span.end <= static_cast<int64_t>(pos)) {
            subject = &m;
            break;
          }
        }
        // "张三当选为…主席,代表…作报告": the sentence's subject carries over.
        for (size_t i : here) {
          const PersonMention& m = people[i];
          if (subject != nullptr) break;
          int64_t begin = m.chain_begin >= 0 ? m.chain_begin : m.span.begin;
          if (begin == s.begin && m.span.end <= static_cast<int64_t>(pos)) subject = &m;
        }
        if (subject != nullptr && !IsDelegator(text, subject->span, sb, se)) {
          add(*subject, t.relation, s);
          // "A、B、C先后发言": people listed right after the subject share the verb.
          int64_t last_end = subject->span.end;
          for (size_t i : here) {
            const PersonMention& m = people[i];
            if (m.span.begin < last_end || m.span.end > static_cast<int64_t>(pos)) continue;
            int64_t begin = m.chain_begin >= 0 ? m.chain_begin : m.span.begin;
            if (begin - last_end != 1 || !IsListJoiner(text[static_cast<size_t>(last_end)])) break;
            add(m, t.relation, s);
            last_end = m.span.end;
          }
        }
      }
      prev_end = pos + len;
      pos += len;
    }
    if (!chair_sentences.count(s.begin)) present.insert(strong_here.begin(), strong_here.end());
  }
  // A chair is not also an attendee, unless another sentence places them
  // there with a strong trigger ("…在主席台就座。执行主席由A担任").
  std::set<std::u32string> chairs;
  for (const EventLink& l : links) {
    if (l.type == graph::RelationType::kChaired) chairs.insert(l.person);
  }
  std::erase_if(links, [&](const EventLink& l) {
    return l.type == graph::RelationType::kAttended && chairs.count(l.person) &&
           !present.count(l.person);
  });
  return links;
}

std::vector<SignLink> FindSignings(std::u32string_view text, const std::vector<Span>& sentences,
                                   const std::vector<PartyMention>& parties, const Lexicon& lex) {
  std::vector<SignLink> links;
  std::set<std::pair<std::u32string, std::u32string>> seen;
  auto link = [&](const PartyMention* x, const PartyMention* y, const Span& sentence) {
    if (x->name == y->name) return;
    auto key = std::minmax(x->name, y->name);
    if (seen.insert({key.first, key.second}).second) links.push_back({x->name, y->name, sentence});
  };
  const std::vector<bool> in_party = Covered(text.size(), parties);
  auto inside_party = [&](size_t pos) { return pos < in_party.size() && in_party[pos]; };
  // The parties starting in the sentence at hand: parties_in asks only for
  // ranges inside it.
  const std::vector<std::vector<size_t>> parties_of = StartingIn(sentences, parties);
  const std::vector<size_t>* here = nullptr;
  auto parties_in = [&](size_t from, size_t to) {
    std::vector<const PartyMention*> found;
    for (size_t i : *here) {
      const PartyMention& p = parties[i];
      if (p.span.begin >= static_cast<int64_t>(from) && p.span.end <= static_cast<int64_t>(to)) {
        found.push_back(&p);
      }
    }
    std::sort(found.begin(), found.end(), [](const PartyMention* x, const PartyMention* y) {
      return x->span.begin < y->span.begin;
    });
    return found;
  };
  for (size_t k = 0; k < sentences.size(); ++k) {
    const Span& s = sentences[k];
    here = &parties_of[k];
    const auto sb = static_cast<size_t>(s.begin);
    const auto se = static_cast<size_t>(s.end);
    size_t from = sb;
    for (size_t pos = sb; pos < se; ++pos) {
      size_t len = lex.sign_triggers.LongestAt(text.substr(0, se), pos);
      if (len == 0 || inside_party(pos)) continue;
      const size_t links_before = links.size();
      std::vector<const PartyMention*> before = parties_in(from, pos);
      // "A与B代表双方签署": the signers stand for parties named already.
      // Unless the item names the sides nowhere else: then the signers'
      // bodies are the sides ("管委会主任A与…公司董事长B分别代表双方签约").
      if (pos >= 4 && HasAt(text, pos - 4, U"代表双方")) {
        std::vector<const PartyMention*> named = before;
        std::erase_if(named, [](const PartyMention* p) { return p->signer; });
        if (named.size() >= 2 || !links.empty()) before = std::move(named);
      }
      size_t joiner = SigningJoiner(text, before, pos, inside_party);
      if (joiner != std::u32string_view::npos) {
        // Side A: the parties of the joiner's clause; without any there, the
        // sentence's first party ("市长A会见了…，并与B签订": A signs).
        size_t clause = ClauseStart(text, joiner, from);
        auto within = [&](size_t lo, size_t hi) {
          std::vector<const PartyMention*> found;
          for (const PartyMention* p : before) {
            if (p->span.begin >= static_cast<int64_t>(lo) &&
                p->span.end <= static_cast<int64_t>(hi)) {
              found.push_back(p);
            }
          }
          return found;
        };
        std::vector<const PartyMention*> a = within(clause, joiner);
        if (a.empty() && !before.empty() &&
            before.front()->span.end <= static_cast<int64_t>(joiner)) {
          a.push_back(before.front());
        }
        std::vector<const PartyMention*> b = within(joiner, pos);
        // "X等6所…" names a list even when one member was recognised.
        auto is_list = [&](size_t from_pos, size_t to_pos, size_t count) {
          if (count != 1) return count > 1;
          return text.substr(from_pos, to_pos - from_pos).find(U'等') != std::u32string_view::npos;
        };
        bool a_list = a.size() > 1 || (a.size() == 1 && is_list(clause, joiner, 1));
        bool b_list = is_list(joiner, pos, b.size());
        // "A、B与C签署三方合作协议": the text names each party to one agreement.
        const bool all_parties = ManyPartyAgreement(text, pos + len, se);
        if (all_parties && a.size() + b.size() >= 3) {
          std::vector<const PartyMention*> every = a;
          every.insert(every.end(), b.begin(), b.end());
          for (size_t i = 0; i < every.size(); ++i) {
            for (size_t j = i + 1; j < every.size(); ++j) link(every[i], every[j], s);
          }
        } else if (a.size() >= 2 && a.size() == b.size() && HasAt(text, joiner - 2, U"分别")) {
          // "A、B分别与X、Y签订": each with its partner, in order.
          for (size_t i = 0; i < a.size(); ++i) link(a[i], b[i], s);
        } else if (!a.empty() && !b.empty() && (!a_list || !b_list)) {
          for (const PartyMention* x : a) {
            for (const PartyMention* y : b) link(x, y, s);
          }
        } else if (a.size() > 1 && b.empty() && HasAt(text, joiner - 2, U"分别")) {
          // "A、B分别与相关企业签订X公司…项目、Y公司…项目": the partners are
          // named in what is signed, one each, in the same order.
          size_t object_end = pos + len;
          while (object_end < se && !IsClauseMark(text[object_end])) ++object_end;
          std::vector<const PartyMention*> objects = parties_in(pos + len, object_end);
          if (objects.size() == a.size()) {
            for (size_t i = 0; i < a.size(); ++i) link(a[i], objects[i], s);
          }
        }
      }
      // "双方签署《A与B战略合作协议》": the parties are named in the title.
      if (links.size() == links_before) {
        size_t open = pos + len;
        while (open < se && open - pos - len < 3 && text[open] != U'《') ++open;
        size_t close = open < se && text[open] == U'《' ? text.find(U'》', open) : se;
        if (close < se) {
          std::vector<const PartyMention*> named = parties_in(open, close);
          size_t joiner = SigningJoiner(text, named, close, inside_party);
          if (joiner != std::u32string_view::npos) {
            std::vector<const PartyMention*> a;
            std::vector<const PartyMention*> b;
            for (const PartyMention* p : named) {
              (p->span.end <= static_cast<int64_t>(joiner) ? a : b).push_back(p);
            }
            if (a.size() == 1 || b.size() == 1) {
              for (const PartyMention* x : a) {
                for (const PartyMention* y : b) link(x, y, s);
              }
            }
          }
        }
      }
      from = pos + len;
      pos += len - 1;
    }
  }
  return links;
}

}  // namespace guanxi::extract
