// libFuzzer target: arbitrary bytes as a page for extract::ExtractText, the
// whole extractor (page splitter, finders, article builder), then the JSON
// the CLI writes for it. A finding is a crash, a sanitizer report, an
// uncaught exception (nlohmann-json throws on invalid UTF-8 in a string),
// a leak, or an input slower than ./run.sh fuzz's -timeout.

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "extract/extract_json.h"
#include "extract/extractor.h"
#include "extract/text_util.h"
#include "graph/model.h"
#include "graph/status.h"

namespace {

void ExtractAndWrite(std::string_view text) {
  guanxi::Result<guanxi::graph::Page> page = guanxi::extract::ExtractText(text, "fuzz.txt");
  if (!page.ok()) return;  // refused with a Status: an answer, not a finding
  std::ostringstream json;
  guanxi::extract::WriteExtractJson(page.value(), json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ExtractAndWrite(bytes);
  // Most mutations break UTF-8 and stop at the check; the same bytes with
  // their invalid sequences replaced by U+FFFD reach the extractor too.
  if (guanxi::extract::FindInvalidUtf8(bytes)) {
    ExtractAndWrite(guanxi::extract::ToUtf8(guanxi::extract::ToU32(bytes)));
  }
  return 0;
}
