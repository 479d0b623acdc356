#include "render/xml_text.h"

namespace guanxi::render {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

bool IsXmlForbidden(char32_t c) {
  return (c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r') || c == 0xFFFE || c == 0xFFFF;
}

std::string XmlSafe(std::string_view utf8) {
  std::string safe;
  safe.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size(); ++i) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x20 && IsXmlForbidden(byte)) {
      safe += kReplacement;
      continue;
    }
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8.
    if (byte == 0xEF && i + 2 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(utf8[i + 2]) == 0xBE ||
         static_cast<unsigned char>(utf8[i + 2]) == 0xBF)) {
      safe += kReplacement;
      i += 2;
      continue;
    }
    safe += utf8[i];
  }
  return safe;
}

std::string XmlEscape(std::string_view utf8) {
  std::string escaped;
  for (char c : XmlSafe(utf8)) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

}  // namespace guanxi::render
