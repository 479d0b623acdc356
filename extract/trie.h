#pragma once

// A trie of code-point words for longest-match lookups without allocating:
// the lexicons ask "which word starts (or ends) here?" at every position of
// every item, so a lookup must cost a few instructions per code point, not a
// string copy and a hash per candidate length.

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace guanxi::extract {

class Trie {
 public:
  Trie();

  // Adds the code points [first, last) as a word carrying `id` (a caller's
  // index below UINT32_MAX; adding a word again keeps its first id). An empty
  // range adds nothing.
  template <typename It>
  void Insert(It first, It last, uint32_t id = 0);

  // Length of the longest word equal to the first code points of [first,
  // last); 0 when none is. Iterators may run backwards (reverse iterators) to
  // match words stored reversed.
  template <typename It>
  [[gnu::always_inline]] size_t LongestMatch(It first, It last) const;

  // Calls `found(length, id)` for every word equal to the first code points
  // of [first, last), shortest first.
  template <typename It, typename Found>
  void ForEachMatch(It first, It last, Found&& found) const;

  // True when `word` was added (as a whole).
  bool Contains(std::u32string_view word) const;

  bool empty() const { return word_ids_.size() == 1; }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  // Filter of first code points: most positions of a text start no word, and
  // one bit test rejects them before any edge is looked up.
  static constexpr size_t kFilterBits = 4096;

  // An edge parent --code point--> child, in an open-addressing hash table of
  // all edges (linear probing; kEmptyKey marks a free slot).
  struct Edge {
    uint64_t key;  // EdgeKey(parent, code point)
    uint32_t child;
  };
  static constexpr uint64_t kEmptyKey = UINT64_MAX;

  static size_t FilterBit(char32_t c) { return c % kFilterBits; }
  // Never kEmptyKey: node ids stay below kNone.
  static uint64_t EdgeKey(uint32_t node, char32_t c) {
    return (static_cast<uint64_t>(node) << 32) | c;
  }
  size_t Slot(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  uint32_t Child(uint32_t node, char32_t c) const;
  // LongestMatch once the filter let the first code point through: kept out
  // of line, so that the filter's test is inlined where most calls end.
  template <typename It>
  [[gnu::noinline]] size_t LongestMatchAfterFilter(It first, It last) const;
  uint32_t AddChild(uint32_t node, char32_t c);
  void Grow();

  std::vector<uint32_t> word_ids_;  // per node; kNone: no word ends there. [0] is the root
  std::vector<Edge> edges_;         // size a power of two, at most half full
  int shift_;                       // 64 - log2(edges_.size())
  std::bitset<kFilterBits> first_;
};

inline uint32_t Trie::Child(uint32_t node, char32_t c) const {
  const uint64_t key = EdgeKey(node, c);
  const size_t mask = edges_.size() - 1;
  for (size_t i = Slot(key);; i = (i + 1) & mask) {
    if (edges_[i].key == key) return edges_[i].child;
    if (edges_[i].key == kEmptyKey) return kNone;
  }
}

template <typename It>
void Trie::Insert(It first, It last, uint32_t id) {
  if (first == last) return;
  first_.set(FilterBit(*first));
  uint32_t node = 0;
  for (; first != last; ++first) node = AddChild(node, *first);
  if (word_ids_[node] == kNone) word_ids_[node] = id;
}

template <typename It>
inline size_t Trie::LongestMatch(It first, It last) const {
  if (first == last || !first_.test(FilterBit(*first))) return 0;
  return LongestMatchAfterFilter(first, last);
}

template <typename It>
size_t Trie::LongestMatchAfterFilter(It first, It last) const {
  size_t best = 0;
  uint32_t node = 0;
  for (size_t len = 1; first != last; ++first, ++len) {
    node = Child(node, *first);
    if (node == kNone) break;
    if (word_ids_[node] != kNone) best = len;
  }
  return best;
}

template <typename It, typename Found>
void Trie::ForEachMatch(It first, It last, Found&& found) const {
  if (first == last || !first_.test(FilterBit(*first))) return;
  uint32_t node = 0;
  for (size_t len = 1; first != last; ++first, ++len) {
    node = Child(node, *first);
    if (node == kNone) return;
    if (word_ids_[node] != kNone) found(len, word_ids_[node]);
  }
}

}  // namespace guanxi::extract
