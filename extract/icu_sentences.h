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

// Splits `text` into sentences. Spans count code points, cover only the
// sentence itself (surrounding white space is trimmed off) and never are
// empty. Returns Internal when ICU fails to open or run the iterator.
Result<std::vector<Span>> SplitSentences(std::u32string_view text);

}  // namespace guanxi::extract
