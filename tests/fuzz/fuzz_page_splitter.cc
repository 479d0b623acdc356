// libFuzzer target: arbitrary bytes, decoded leniently (invalid UTF-8 becomes
// U+FFFD), as a page for extract::SplitPage alone, so that every mutation
// reaches the page layout rules. Checks what the splitter promises: items in
// reading order, each starting inside the page.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "extract/page_splitter.h"
#include "extract/text_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::u32string page =
      guanxi::extract::ToU32(std::string_view(reinterpret_cast<const char*>(data), size));
  const std::vector<guanxi::extract::RawItem> items = guanxi::extract::SplitPage(page);
  size_t previous_offset = 0;
  for (const guanxi::extract::RawItem& item : items) {
    if (item.page_offset > page.size() || item.page_offset < previous_offset) std::abort();
    previous_offset = item.page_offset;
    (void)guanxi::extract::FindLeadDate(item.text);
  }
  return 0;
}
