#include "cli/entity_search.h"

#include <algorithm>
#include <memory>
#include <set>

#include <unicode/translit.h>
#include <unicode/unistr.h>

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

std::string ToPinyin(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (const icu::Transliterator* transliterator = PinyinTransliterator()) {
    transliterator->transliterate(unicode);
  }
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

std::vector<SearchHit> SearchEntities(const graph::KnowledgeGraph& graph, std::string_view query,
                                      std::size_t limit) {
  std::vector<SearchHit> hits;
  if (query.empty()) return hits;
  const bool pinyin_query = IsAscii(query);
  const std::string pinyin = pinyin_query ? ToPinyin(query) : std::string();
  std::vector<SearchHit> similar;
  for (const graph::EntityRecord& entity : graph.data().entities) {
    std::vector<std::string_view> names = {entity.name};
    names.insert(names.end(), entity.aliases.begin(), entity.aliases.end());
    std::optional<SearchHit> best;
    auto offer = [&](MatchKind kind, std::string_view matched, double score) {
      if (!best || kind < best->kind || (kind == best->kind && score > best->score)) {
        best = SearchHit{entity.id, kind, std::string(matched), score};
      }
    };
    for (std::size_t i = 0; i < names.size(); ++i) {
      std::string_view name = names[i];
      if (name == query) offer(i == 0 ? MatchKind::kExactName : MatchKind::kAlias, name, 1);
      if (name.find(query) != std::string_view::npos) {
        offer(MatchKind::kSubstring, name,
              static_cast<double>(query.size()) / static_cast<double>(name.size()));
      }
      if (pinyin_query && !pinyin.empty()) {
        std::string name_pinyin = ToPinyin(name);
        if (name_pinyin.find(pinyin) != std::string::npos) {
          offer(MatchKind::kPinyin, name,
                static_cast<double>(pinyin.size()) / static_cast<double>(name_pinyin.size()));
        }
      }
      if (double score = Similarity(name, query); score >= 0.3) {
        offer(MatchKind::kSimilar, name, score);
      }
    }
    if (!best) continue;
    (best->kind == MatchKind::kSimilar ? similar : hits).push_back(*best);
  }
  if (hits.empty()) hits = std::move(similar);
  std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.score != b.score) return a.score > b.score;
    return graph.Degree(a.entity_id) > graph.Degree(b.entity_id);
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace guanxi::cli
