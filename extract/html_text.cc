#include "extract/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <mutex>

namespace guanxi::extract {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Dropped with everything inside them.
constexpr std::array<std::string_view, 12> kDropped = {
    "script", "style", "head",  "title",    "nav",    "aside",
    "noscript", "template", "iframe", "svg", "object", "select"};
// A page's own header and footer (site banner, links, copyright) are dropped;
// inside an <article> or <main> they hold the item's headline and byline.
constexpr std::array<std::string_view, 2> kPageFrame = {"header", "footer"};
// Elements that end a line before and after them (br is handled apart).
constexpr std::array<std::string_view, 38> kBlocks = {
    "p",       "div",      "h1",     "h2",     "h3",      "h4",         "h5",     "h6",
    "li",      "tr",       "section", "article", "main",   "ul",         "ol",     "dl",
    "dt",      "dd",       "table",  "thead",  "tbody",   "tfoot",      "caption", "blockquote",
    "pre",     "figure",   "figcaption", "address", "center", "hr",      "form",   "fieldset",
    "legend",  "details",  "summary", "body",  "header",  "footer"};
// Table cells side by side: a space between them.
constexpr std::array<std::string_view, 2> kCells = {"td", "th"};

// True for characters laid out without spaces between them (CJK ideographs,
// kana, CJK punctuation, full-width forms): a source line break between two
// of them is no space.
bool IsWide(char32_t c) { return c >= 0x2E80 && !(c >= 0xFE70 && c <= 0xFEFF) && c < 0x1F000; }

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

struct HtmlText::State {
  htmlParserCtxtPtr parser = nullptr;
  std::string* out = nullptr;  // where the current Feed or Finish writes
  int dropped = 0;             // depth inside elements whose text is dropped
  int content = 0;             // depth inside <article> and <main>
  int pre = 0;                 // depth inside <pre>
  int breaks = 0;              // line breaks due before the next text (at most 2)
  bool space = false;          // white space due before the next text
  bool space_had_break = false;  // ... which held a source line break
  bool any_text = false;
  char32_t last = U'\n';  // the last character written

  ~State() {
    if (parser != nullptr) htmlFreeParserCtxt(parser);
  }

  void Break(int count) {
    breaks = std::min(2, std::max(breaks, count));
    space = false;
  }

  void Put(char32_t c, std::string_view utf8) {
    if (breaks > 0) {
      if (any_text) out->append(static_cast<size_t>(breaks), '\n');
      breaks = 0;
      space = false;
      last = U'\n';
    }
    if (space) {
      space = false;
      if (last != U'\n' && !(space_had_break && IsWide(last) && IsWide(c))) out->push_back(' ');
    }
    out->append(utf8);
    last = c;
    any_text = true;
  }

  void Text(const char* text, size_t length) {
    if (dropped > 0) return;
    size_t i = 0;
    while (i < length) {
      const auto b0 = static_cast<unsigned char>(text[i]);
      size_t n = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : 4;
      n = std::min(n, length - i);
      char32_t c = n == 1 ? b0 : n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
      for (size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      const std::string_view utf8(text + i, n);
      i += n;
      const bool newline = c == '\n' || c == '\r';
      if (pre > 0) {
        if (c == '\r') continue;
        if (c == '\n') {
          breaks = std::min(2, breaks + 1);
          continue;
        }
        Put(c, utf8);
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\f' || newline || c == 0xA0) {
        if (!space) space_had_break = false;
        space = true;
        space_had_break = space_had_break || newline;
        continue;
      }
      Put(c, utf8);
    }
  }

  void Start(std::string_view name) {
    if (OneOf(kDropped, name) || (OneOf(kPageFrame, name) && content == 0)) {
      ++dropped;
      return;
    }
    if (name == "article" || name == "main") ++content;
    if (name == "pre") ++pre;
    if (dropped > 0) return;
    if (name == "br") {
      breaks = std::min(2, breaks + 1);
      space = false;
    } else if (OneOf(kBlocks, name)) {
      Break(1);
    } else if (OneOf(kCells, name)) {
      if (breaks == 0 && !space) {
        space = true;
        space_had_break = false;
      }
    }
  }

  void End(std::string_view name) {
    if (OneOf(kDropped, name) || (OneOf(kPageFrame, name) && content == 0)) {
      dropped = std::max(0, dropped - 1);
      return;
    }
    if (name == "article" || name == "main") content = std::max(0, content - 1);
    if (name == "pre") pre = std::max(0, pre - 1);
    if (dropped > 0) return;
    if (OneOf(kBlocks, name)) Break(1);
  }

  static State& Of(void* context) { return *static_cast<State*>(context); }
  static void OnStart(void* context, const xmlChar* name, const xmlChar**) {
    Of(context).Start(reinterpret_cast<const char*>(name));
  }
  static void OnEnd(void* context, const xmlChar* name) {
    Of(context).End(reinterpret_cast<const char*>(name));
  }
  static void OnText(void* context, const xmlChar* text, int length) {
    Of(context).Text(reinterpret_cast<const char*>(text), static_cast<size_t>(std::max(0, length)));
  }
  // Script and style bodies: dropped.
  static void OnRawText(void*, const xmlChar*, int) {}
  static void OnError(void*, xmlErrorPtr) {}
};

HtmlText::HtmlText() : state_(std::make_unique<State>()) {
  InitLibxml();
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = &State::OnStart;
  sax.endElement = &State::OnEnd;
  sax.characters = &State::OnText;
  sax.ignorableWhitespace = &State::OnText;
  sax.cdataBlock = &State::OnRawText;
  // XML_SAX2_MAGIC only makes libxml2 report errors to `serror` (here:
  // nowhere) rather than to stderr; the HTML parser calls startElement and
  // endElement all the same.
  sax.initialized = XML_SAX2_MAGIC;
  sax.serror = &State::OnError;
  state_->parser =
      htmlCreatePushParserCtxt(&sax, state_.get(), nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8);
  if (state_->parser != nullptr) {
    // Recover from any markup; never the network; the bytes are UTF-8 whatever
    // the page's <meta> says (it was read by it already).
    htmlCtxtUseOptions(state_->parser, HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                           HTML_PARSE_IGNORE_ENC);
  }
}

HtmlText::HtmlText(HtmlText&&) noexcept = default;
HtmlText& HtmlText::operator=(HtmlText&&) noexcept = default;
HtmlText::~HtmlText() = default;

void HtmlText::Feed(std::string_view utf8, std::string& out) {
  if (state_->parser == nullptr) return;
  state_->out = &out;
  // htmlParseChunk takes an int: large pieces go in parts.
  constexpr size_t kPart = size_t{1} << 20;
  for (size_t at = 0; at < utf8.size(); at += kPart) {
    const std::string_view part = utf8.substr(at, kPart);
    htmlParseChunk(state_->parser, part.data(), static_cast<int>(part.size()), 0);
  }
  state_->out = nullptr;
}

void HtmlText::Finish(std::string& out) {
  if (state_->parser == nullptr) return;
  state_->out = &out;
  htmlParseChunk(state_->parser, nullptr, 0, 1);
  if (state_->any_text && state_->last != U'\n') out.push_back('\n');
  state_->out = nullptr;
}

std::string HtmlToText(std::string_view utf8) {
  std::string out;
  HtmlText html;
  html.Feed(utf8, out);
  html.Finish(out);
  return out;
}

std::string DeclaredCharset(std::string_view head) {
  const std::string lower = Lower(head);
  for (size_t meta = lower.find("<meta"); meta != std::string::npos;
       meta = lower.find("<meta", meta + 5)) {
    const size_t end = lower.find('>', meta);
    const std::string_view tag =
        std::string_view(lower).substr(meta, end == std::string::npos ? std::string::npos : end - meta);
    const size_t charset = tag.find("charset");
    if (charset == std::string_view::npos) continue;
    size_t i = charset + 7;
    while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (std::isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '"' ||
                              tag[i] == '\'')) {
      ++i;
    }
    size_t stop = i;
    while (stop < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[stop])) ||
                                 std::strchr("-_.:", tag[stop]) != nullptr)) {
      ++stop;
    }
    if (stop > i) return std::string(head.substr(meta + i, stop - i));
  }
  return "";
}

bool IsHtmlPath(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return false;
  const std::string extension = Lower(path.substr(dot));
  return extension == ".html" || extension == ".htm";
}

}  // namespace guanxi::extract
