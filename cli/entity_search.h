#pragma once

// Finding entities from what a user types: an exact name or alias, part of a
// name, or its pinyin without tones ("changxiaoyong" finds 常晓勇).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/index/graph_index.h"
#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace guanxi::cli {

enum class MatchKind { kExactName, kAlias, kSubstring, kPinyin, kSimilar };

std::string_view ToString(MatchKind kind);

struct SearchHit {
  int64_t entity_id = 0;
  MatchKind kind = MatchKind::kSimilar;
  std::string matched;  // the name or alias that matched
  double score = 0;     // higher is better; orders hits within one kind
};

// Entities matching `query`, best first (by kind, then score, then degree),
// at most `limit` of them. Similar names (sharing characters) come last and
// only when nothing better is found.
std::vector<SearchHit> SearchEntities(const graph::KnowledgeGraph& graph, std::string_view query,
                                      std::size_t limit);
// The same hits in the same order through the query index: the entities that
// can match are found by SQL over names and aliases (exact, part, the
// bigrams of a similar name), then scored as above. Pinyin reads every name
// (graph/index/README.md).
Result<std::vector<SearchHit>> SearchEntities(index::GraphIndex& index, std::string_view query,
                                              std::size_t limit);

// Toneless lower-case pinyin of `text` with spaces removed ("常晓勇" ->
// "changxiaoyong"); other scripts pass through lower-cased, punctuation,
// digits and spaces are dropped. A Han character's pinyin comes from a table
// generated from ICU at build time (pinyin_table_gen.cc); any other
// character's is transliterated once per thread and remembered.
std::string ToPinyin(std::string_view text);
// The same through ICU's transliterator on the whole text at once: what
// ToPinyin must equal (tests), at about 17 µs a character.
std::string ToPinyinByTransliterator(std::string_view text);

}  // namespace guanxi::cli
