#include "extract/icu_sentences.h"

#include <unicode/ubrk.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <string>

#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

struct BreakIteratorCloser {
  void operator()(UBreakIterator* it) const { ubrk_close(it); }
};
using BreakIteratorPtr = std::unique_ptr<UBreakIterator, BreakIteratorCloser>;

// Opening a sentence iterator loads and compiles ICU's rules, which costs more
// than segmenting a whole news item; each thread opens one and gives it every
// text in turn. It keeps a pointer to the last text, unused until the next
// ubrk_setText.
UBreakIterator* SentenceIterator(UErrorCode& status) {
  thread_local BreakIteratorPtr iterator;
  if (!iterator) iterator.reset(ubrk_open(UBRK_SENTENCE, "zh", nullptr, 0, &status));
  return U_FAILURE(status) ? nullptr : iterator.get();
}

}  // namespace

SpanIndex::SpanIndex(const std::vector<Span>& spans) : sorted_(spans) {
  std::sort(sorted_.begin(), sorted_.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  max_end_.reserve(sorted_.size());
  int64_t max_end = INT64_MIN;
  for (const Span& s : sorted_) {
    max_end = std::max(max_end, s.end);
    max_end_.push_back(max_end);
  }
}

bool SpanIndex::Holds(int64_t pos) const { return Overlaps({pos, pos + 1}); }

bool SpanIndex::Overlaps(const Span& s) const {
  // The spans starting before s ends; one of them overlaps s when the
  // largest end among them passes s's begin.
  auto after = std::upper_bound(sorted_.begin(), sorted_.end(), s.end - 1,
                                [](int64_t p, const Span& x) { return p < x.begin; });
  if (after == sorted_.begin()) return false;
  return max_end_[static_cast<size_t>(after - sorted_.begin()) - 1] > s.begin;
}

Result<std::vector<Span>> SplitSentences(std::u32string_view text) {
  // ICU works in UTF-16; remember where every UTF-16 unit's code point starts.
  std::u16string utf16;
  std::vector<int64_t> cp_of_unit;
  utf16.reserve(text.size());
  cp_of_unit.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c >= 0x10000) {
      c -= 0x10000;
      utf16.push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
      utf16.push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
      cp_of_unit.push_back(static_cast<int64_t>(i));
      cp_of_unit.push_back(static_cast<int64_t>(i));
    } else {
      utf16.push_back(static_cast<char16_t>(c));
      cp_of_unit.push_back(static_cast<int64_t>(i));
    }
  }
  cp_of_unit.push_back(static_cast<int64_t>(text.size()));

  std::vector<Span> spans;
  if (text.empty()) return spans;
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator* it = SentenceIterator(status);
  if (it != nullptr) {
    ubrk_setText(it, reinterpret_cast<const UChar*>(utf16.data()),
                 static_cast<int32_t>(utf16.size()), &status);
  }
  if (U_FAILURE(status) || it == nullptr) {
    return Status::Internal("ICU sentence iterator", u_errorName(status));
  }
  int32_t start = ubrk_first(it);
  for (int32_t end = ubrk_next(it); end != UBRK_DONE; end = ubrk_next(it)) {
    int64_t b = cp_of_unit[static_cast<size_t>(start)];
    int64_t e = cp_of_unit[static_cast<size_t>(end)];
    while (b < e && IsSpace(text[static_cast<size_t>(b)])) ++b;
    while (e > b && IsSpace(text[static_cast<size_t>(e - 1)])) --e;
    if (e > b) spans.push_back({b, e});
    start = end;
  }
  return spans;
}

}  // namespace guanxi::extract
