#pragma once

// The text of an HTML page, as the page splitter reads text pages: libxml2's
// HTML parser (recovering from any markup, no network, no entity loading),
// driven by SAX events so that no document tree is built and a page of any
// size is read in pieces. Block elements (p, div, br, h1-h6, li, tr, table,
// section, article, ...) end lines; script, style, head (with its title),
// nav, header, footer, aside, noscript, template, iframe and svg are
// dropped; white space runs collapse to one space (none at a line's ends, and
// none where a source line break falls between two CJK characters, as
// browsers lay such text out), except inside <pre>. Entities are decoded
// (&nbsp; as a space).

#include <memory>
#include <string>
#include <string_view>

namespace guanxi::extract {

class HtmlText {
 public:
  HtmlText();
  HtmlText(HtmlText&&) noexcept;
  HtmlText& operator=(HtmlText&&) noexcept;
  ~HtmlText();

  // Parses the page's next bytes (UTF-8, whatever the page declares) and
  // appends the text they complete to `out`.
  void Feed(std::string_view utf8, std::string& out);
  // Ends the page: appends the rest of its text, ending with a line break
  // when there is any text.
  void Finish(std::string& out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The text of a whole page (HtmlText in one piece).
std::string HtmlToText(std::string_view utf8);

// The charset an HTML page declares in a <meta charset> or <meta
// http-equiv="Content-Type" content="...; charset=..."> within `head` (its
// first bytes, any ASCII-compatible encoding), as written; empty when none.
std::string DeclaredCharset(std::string_view head);

// True when `path` names an HTML page (.html or .htm, any case).
bool IsHtmlPath(std::string_view path);

}  // namespace guanxi::extract
