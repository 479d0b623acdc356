#pragma once

// Text that XML 1.0 can carry. GraphML and SVG (through Graphviz) are XML; a
// headline holding a character XML forbids makes the whole file unreadable
// (networkx, xmllint and browsers refuse it).

#include <string>
#include <string_view>

namespace guanxi::render {

// True for a character XML 1.0 forbids: C0 controls but tab, line feed and
// carriage return; U+FFFE and U+FFFF. (Surrogates never occur in valid UTF-8.)
bool IsXmlForbidden(char32_t c);

// `utf8` with every character XML 1.0 forbids replaced by U+FFFD, so that
// the reader sees where one was. Markup (<, &) is left to the writer.
std::string XmlSafe(std::string_view utf8);

// XmlSafe(utf8) as XML character data or an attribute value: & < > " and '
// become entity references. For Graphviz HTML-like labels, whose markup is
// XML.
std::string XmlEscape(std::string_view utf8);

}  // namespace guanxi::render
