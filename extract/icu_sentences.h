#pragma once

// Sentence segmentation through ICU's BreakIterator (sentence instance, zh
// locale). This pair is the only place that touches ICU's C handles.

#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/status.h"

namespace guanxi::extract {

// A half-open range of code points [begin, end) within a text.
struct Span {
  int64_t begin = 0;
  int64_t end = 0;
};

// Spans of a text (any order, overlapping or not) indexed for the questions
// the finders ask of every mention, so that an item's cost stays linear in
// its length: which span holds a position, does any overlap a range. Built in
// O(n log n); each question costs O(log n).
class SpanIndex {
 public:
  explicit SpanIndex(const std::vector<Span>& spans);
  // True when some span holds `pos` (begin <= pos < end).
  bool Holds(int64_t pos) const;
  // True when some span overlaps [s.begin, s.end) (both non-empty).
  bool Overlaps(const Span& s) const;

 private:
  std::vector<Span> sorted_;      // by begin
  std::vector<int64_t> max_end_;  // max_end_[i]: the largest end of sorted_[0..i]
};

// Splits `text` into sentences. Spans count code points, cover only the
// sentence itself (surrounding white space is trimmed off) and never are
// empty. Returns Internal when ICU fails to open or run the iterator.
Result<std::vector<Span>> SplitSentences(std::u32string_view text);

}  // namespace guanxi::extract
