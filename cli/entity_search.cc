#include "cli/entity_search.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <iterator>
#include <set>
#include <unordered_map>

#include "cli/pinyin_table.inc"  // generated from ICU at build time

namespace guanxi::cli {
namespace {

std::u32string CodePoints(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::u32string out;
  for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) {
    out.push_back(static_cast<char32_t>(unicode.char32At(i)));
  }
  return out;
}

// Dice coefficient over code-point bigrams (single characters for one-character strings).
double Similarity(std::string_view a, std::string_view b) {
  auto grams = [](const std::u32string& s) {
    std::set<std::u32string> out;
    if (s.size() < 2) {
      if (!s.empty()) out.insert(s);
      return out;
    }
    for (std::size_t i = 0; i + 1 < s.size(); ++i) out.insert(s.substr(i, 2));
    return out;
  };
  std::set<std::u32string> x = grams(CodePoints(a));
  std::set<std::u32string> y = grams(CodePoints(b));
  if (x.empty() || y.empty()) return 0;
  std::size_t common = 0;
  for (const auto& gram : x) common += y.count(gram);
  return 2.0 * static_cast<double>(common) / static_cast<double>(x.size() + y.size());
}

const icu::Transliterator* PinyinTransliterator() {
  static const std::unique_ptr<icu::Transliterator> kInstance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> instance(icu::Transliterator::createInstance(
        "Han-Latin; Latin-ASCII; Lower; [:^Letter:] Remove", UTRANS_FORWARD, status));
    return U_FAILURE(status) ? nullptr : std::move(instance);
  }();
  return kInstance.get();
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

std::string_view ToString(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExactName: return "name";
    case MatchKind::kAlias: return "alias";
    case MatchKind::kSubstring: return "part of name";
    case MatchKind::kPinyin: return "pinyin";
    case MatchKind::kSimilar: return "similar";
  }
  return "similar";
}

std::string ToPinyinByTransliterator(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (const icu::Transliterator* transliterator = PinyinTransliterator()) {
    transliterator->transliterate(unicode);
  }
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

namespace {

// A Han character's pinyin from the table generated at build time
// (pinyin_table_gen.cc); nullopt for a character outside it.
std::optional<std::string_view> TablePinyin(UChar32 c) {
  using namespace pinyin_table;
  if (c < 0 || c > 0xFFFF) return std::nullopt;
  const auto* found =
      std::lower_bound(std::begin(kCodes), std::end(kCodes), static_cast<char16_t>(c));
  if (found == std::end(kCodes) || *found != static_cast<char16_t>(c)) return std::nullopt;
  const auto i = static_cast<size_t>(found - std::begin(kCodes));
  return std::string_view(kSpellings + kOffsets[i], kOffsets[i + 1] - kOffsets[i]);
}

// Whether Han-Latin reads `c` by what follows it ("{重}' '?庆 > chóng;").
bool IsContextual(UChar32 c) {
  return std::binary_search(std::begin(pinyin_table::kContextual),
                            std::end(pinyin_table::kContextual), static_cast<char32_t>(c));
}

// The spelling of contextual `first` followed by `next` when the two read
// otherwise than each alone; nullopt when they do not.
std::optional<std::string_view> PairPinyin(UChar32 first, UChar32 next) {
  using pinyin_table::kPairs;
  const auto key = std::pair(static_cast<char32_t>(first), static_cast<char32_t>(next));
  const auto* found = std::lower_bound(
      std::begin(kPairs), std::end(kPairs), key,
      [](const pinyin_table::Pair& pair, const auto& k) {
        return std::pair(pair.first, pair.next) < k;
      });
  if (found == std::end(kPairs) || found->first != key.first || found->next != key.second) {
    return std::nullopt;
  }
  return found->spelling;
}

// The code point of UTF-8 `text` at byte `offset`, which moves past it; -1
// past the end (U8_NEXT gives a negative value for a malformed sequence too).
UChar32 NextCodePoint(std::string_view text, int32_t& offset) {
  const auto length = static_cast<int32_t>(text.size());
  if (offset >= length) return -1;
  UChar32 c = 0;
  U8_NEXT(text.data(), offset, length, c);
  return c;
}

}  // namespace

std::string ToPinyin(std::string_view text) {
  // Characters outside the table (other scripts, accented letters) are
  // transliterated once per thread and remembered.
  thread_local std::unordered_map<UChar32, std::string> known;
  std::string out;
  for (int32_t offset = 0; offset < static_cast<int32_t>(text.size());) {
    const int32_t start = offset;
    const UChar32 c = NextCodePoint(text, offset);
    if (c >= 0 && c < 0x80) {  // the chain keeps ASCII letters, lower-cased, and drops the rest
      if (std::isalpha(c)) out += static_cast<char>(std::tolower(c));
      continue;
    }
    if (IsContextual(c)) {
      // Read with the next character, which the table's pairs cover when it
      // is a Han character that is not contextual itself; anything else (a
      // space the rule allows, two contextual characters) is rare enough to
      // go to the transliterator whole.
      int32_t after = offset;
      const UChar32 next = NextCodePoint(text, after);
      if (next >= 0) {
        if (!TablePinyin(next) || IsContextual(next)) return ToPinyinByTransliterator(text);
        if (std::optional<std::string_view> pair = PairPinyin(c, next)) {
          out += *pair;
          offset = after;
          continue;
        }
      }
    }
    if (std::optional<std::string_view> spelling = TablePinyin(c)) {
      out += *spelling;
      continue;
    }
    auto [found, added] = known.try_emplace(c);
    if (added) found->second = ToPinyinByTransliterator(text.substr(start, offset - start));
    out += found->second;
  }
  return out;
}

namespace {

// What a query is matched with: the text, and its pinyin when it is ASCII.
struct Query {
  explicit Query(std::string_view text)
      : text(text), pinyin(IsAscii(text) ? ToPinyin(text) : std::string()) {}
  std::string_view text;
  std::string pinyin;  // empty: no pinyin matching
};

// The best match of one entity, given its name and then its aliases; the
// second of the pair says whether that best is only a similar name.
std::optional<SearchHit> BestMatch(int64_t id, const std::vector<std::string_view>& names,
                                   const Query& query) {
  std::optional<SearchHit> best;
  auto offer = [&](MatchKind kind, std::string_view matched, double score) {
    if (!best || kind < best->kind || (kind == best->kind && score > best->score)) {
      best = SearchHit{id, kind, std::string(matched), score};
    }
  };
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string_view name = names[i];
    if (name == query.text) offer(i == 0 ? MatchKind::kExactName : MatchKind::kAlias, name, 1);
    if (name.find(query.text) != std::string_view::npos) {
      offer(MatchKind::kSubstring, name,
            static_cast<double>(query.text.size()) / static_cast<double>(name.size()));
    }
    if (!query.pinyin.empty()) {
      std::string name_pinyin = ToPinyin(name);
      if (name_pinyin.find(query.pinyin) != std::string::npos) {
        offer(MatchKind::kPinyin, name,
              static_cast<double>(query.pinyin.size()) / static_cast<double>(name_pinyin.size()));
      }
    }
    if (double score = Similarity(name, query.text); score >= 0.3) {
      offer(MatchKind::kSimilar, name, score);
    }
  }
  return best;
}

// Best first: by kind, then score, then degree. `hits` come by ascending
// entity id, as both versions gather them, so that std::sort meets the
// same sequence and leaves equal hits in the same order.
template <typename DegreeOf>
void SortHits(std::vector<SearchHit>& hits, DegreeOf degree, std::size_t limit) {
  std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.score != b.score) return a.score > b.score;
    return degree(a.entity_id) > degree(b.entity_id);
  });
  if (hits.size() > limit) hits.resize(limit);
}

// Code-point bigrams of `text` as UTF-8 (the one code point of a
// one-character text): a name Similarity scores above 0 shares one of them.
std::vector<std::string> Bigrams(std::string_view text) {
  const std::u32string points = CodePoints(text);
  auto utf8 = [](std::u32string_view part) {
    std::string out;
    icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(part.data()),
                                  static_cast<int32_t>(part.size()))
        .toUTF8String(out);
    return out;
  };
  std::set<std::string> grams;
  if (points.size() < 2) {
    if (!points.empty()) grams.insert(utf8(points));
  } else {
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
      grams.insert(utf8(std::u32string_view(points).substr(i, 2)));
    }
  }
  return {grams.begin(), grams.end()};
}

// The hits among `ids` (ascending), split into better matches and similar names.
Status Score(index::GraphIndex& index, const std::vector<int64_t>& ids, const Query& query,
             std::vector<SearchHit>& hits, std::vector<SearchHit>& similar) {
  Result<std::vector<graph::EntityRecord>> entities =
      index.Entities(ids, index::EntityDetail::kCard);
  if (!entities.ok()) return entities.status();
  for (const graph::EntityRecord& entity : *entities) {
    std::vector<std::string_view> names = {entity.name};
    names.insert(names.end(), entity.aliases.begin(), entity.aliases.end());
    std::optional<SearchHit> best = BestMatch(entity.id, names, query);
    if (best) (best->kind == MatchKind::kSimilar ? similar : hits).push_back(*best);
  }
  return Status::Ok();
}

}  // namespace

std::vector<SearchHit> SearchEntities(const graph::KnowledgeGraph& graph, std::string_view query,
                                      std::size_t limit) {
  std::vector<SearchHit> hits;
  if (query.empty()) return hits;
  const Query matched(query);
  std::vector<SearchHit> similar;
  for (const graph::EntityRecord& entity : graph.data().entities) {
    std::vector<std::string_view> names = {entity.name};
    names.insert(names.end(), entity.aliases.begin(), entity.aliases.end());
    std::optional<SearchHit> best = BestMatch(entity.id, names, matched);
    if (!best) continue;
    (best->kind == MatchKind::kSimilar ? similar : hits).push_back(*best);
  }
  if (hits.empty()) hits = std::move(similar);
  SortHits(
      hits, [&](int64_t id) { return graph.Degree(id); }, limit);
  return hits;
}

Result<std::vector<SearchHit>> SearchEntities(index::GraphIndex& index, std::string_view query,
                                              std::size_t limit) {
  std::vector<SearchHit> hits;
  if (query.empty()) return hits;
  const Query matched(query);
  // Exact names and aliases are parts too: one scan finds both.
  Result<std::vector<int64_t>> ids = index.IdsByNamePart({std::string(query)});
  if (!ids.ok()) return ids.status();
  if (!matched.pinyin.empty()) {
    // No index on pinyin: every name is read, its pinyin built from each
    // character's (ToPinyin).
    std::set<int64_t> by_pinyin(ids->begin(), ids->end());
    GUANXI_RETURN_IF_ERROR(index.ForEachName([&](int64_t id, const std::string& name) {
      if (by_pinyin.count(id) == 0 && ToPinyin(name).find(matched.pinyin) != std::string::npos) {
        by_pinyin.insert(id);
      }
      return Status::Ok();
    }));
    ids->assign(by_pinyin.begin(), by_pinyin.end());
  }
  std::vector<SearchHit> similar;
  GUANXI_RETURN_IF_ERROR(Score(index, *ids, matched, hits, similar));
  if (hits.empty()) {
    // Only now do similar names count: those sharing a bigram with the query.
    Result<std::vector<int64_t>> near = index.IdsByNamePart(Bigrams(query));
    if (!near.ok()) return near.status();
    similar.clear();
    GUANXI_RETURN_IF_ERROR(Score(index, *near, matched, hits, similar));
    hits = std::move(similar);
  }
  // Degrees only where kind and score tie, each read once.
  std::unordered_map<int64_t, size_t> degrees;
  std::map<std::pair<MatchKind, double>, std::vector<int64_t>> ties;
  for (const SearchHit& hit : hits) ties[{hit.kind, hit.score}].push_back(hit.entity_id);
  for (const auto& [key, tied] : ties) {
    if (tied.size() < 2) continue;
    for (int64_t id : tied) {
      Result<size_t> degree = index.Degree(id);
      if (!degree.ok()) return degree.status();
      degrees[id] = *degree;
    }
  }
  SortHits(
      hits, [&](int64_t id) { return degrees[id]; }, limit);
  return hits;
}

}  // namespace guanxi::cli
