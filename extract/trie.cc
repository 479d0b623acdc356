#include "extract/trie.h"

namespace guanxi::extract {
namespace {

constexpr int kInitialSlotBits = 4;

}  // namespace

Trie::Trie()
    : word_ids_(1, kNone),
      edges_(size_t{1} << kInitialSlotBits, Edge{kEmptyKey, 0}),
      shift_(64 - kInitialSlotBits) {}

uint32_t Trie::AddChild(uint32_t node, char32_t c) {
  if (uint32_t child = Child(node, c); child != kNone) return child;
  // Each node but the root has one edge: keep the table at most half full.
  if (2 * word_ids_.size() >= edges_.size()) Grow();
  const auto child = static_cast<uint32_t>(word_ids_.size());
  word_ids_.push_back(kNone);
  const uint64_t key = EdgeKey(node, c);
  const size_t mask = edges_.size() - 1;
  size_t i = Slot(key);
  while (edges_[i].key != kEmptyKey) i = (i + 1) & mask;
  edges_[i] = {key, child};
  return child;
}

void Trie::Grow() {
  std::vector<Edge> old(edges_.size() * 2, Edge{kEmptyKey, 0});
  old.swap(edges_);
  --shift_;
  const size_t mask = edges_.size() - 1;
  for (const Edge& e : old) {
    if (e.key == kEmptyKey) continue;
    size_t i = Slot(e.key);
    while (edges_[i].key != kEmptyKey) i = (i + 1) & mask;
    edges_[i] = e;
  }
}

bool Trie::Contains(std::u32string_view word) const {
  if (word.empty()) return false;
  uint32_t node = 0;
  for (char32_t c : word) {
    node = Child(node, c);
    if (node == kNone) return false;
  }
  return word_ids_[node] != kNone;
}

}  // namespace guanxi::extract
