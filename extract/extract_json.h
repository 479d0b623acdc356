#pragma once

// The JSON form of an extracted page (format: extract/README.md and
// ../shared/eval/README.md).

#include <ostream>

#include "graph/model.h"

namespace guanxi::extract {

// Writes `page` as one JSON object:
// {"file": basename, "articles": [{"title", "subtitles", "date", "entities":
// [{"type", "name", "aliases"?}], "relations": [{"type", "source", "target",
// "title"?, "evidence": {"sentence", "char_begin", "char_end"}}]}]}.
// UTF-8, not ASCII-escaped; all escaping is nlohmann-json's. Ends with '\n'.
void WriteExtractJson(const graph::Page& page, std::ostream& out);

}  // namespace guanxi::extract
