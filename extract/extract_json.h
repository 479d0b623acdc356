#pragma once

// The JSON form of an extracted page (format: extract/README.md and
// ../shared/eval/README.md).

#include <ostream>
#include <string_view>

#include "graph/model.h"

namespace guanxi::extract {

// Writes `page` as one JSON object:
// {"file": basename, "articles": [{"title", "subtitles", "date", "full_date",
// "outlet", "place", "place_code", "entities": [{"type", "name", "aliases"?,
// "place_code"?, "unresolved"?}], "relations": [{"type", "source", "target",
// "title"?, "evidence": {"sentence", "char_begin", "char_end"}}]}]}; optional
// fields only when non-empty ("unresolved" only when true).
// UTF-8, not ASCII-escaped; all escaping is nlohmann-json's. Ends with '\n'.
void WriteExtractJson(const graph::Page& page, std::ostream& out);

// The same document written article by article, for pages extracted as a
// stream: the constructor writes the opening, Add one article, Finish the
// closing. Memory holds one article at a time. The output is byte for byte
// WriteExtractJson's for the same articles.
class ExtractJsonWriter {
 public:
  // `path` names the page; its base name is the "file" field.
  ExtractJsonWriter(std::ostream& out, std::string_view path);
  void Add(const graph::Article& article);
  void Finish();

 private:
  std::ostream& out_;
  bool empty_ = true;
};

}  // namespace guanxi::extract
