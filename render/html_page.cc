#include "render/html_page.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <utility>

#include "render/xml_text.h"

namespace guanxi::render {
namespace {

// How index.html references each file (served from /assets/ by guanxi serve).
constexpr std::string_view kStyleTag = R"(<link rel="stylesheet" href="/assets/style.css">)";
constexpr std::string_view kCytoscapeTag = R"(<script src="/assets/cytoscape.min.js"></script>)";
constexpr std::string_view kAppTag = R"(<script src="/assets/app.js"></script>)";
constexpr std::string_view kTitleOpen = "<title>";

bool StartsWithNoCase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != prefix[i]) return false;
  }
  return true;
}

Status Replace(std::string& page, std::string_view tag, const std::string& with) {
  const std::size_t at = page.find(tag);
  if (at == std::string::npos) {
    return Status::InvalidInput("index.html", "no " + std::string(tag) + " to inline");
  }
  page.replace(at, tag.size(), with);
  return Status::Ok();
}

}  // namespace

Result<std::string> ReadPageFile(const std::filesystem::path& folder, std::string_view name) {
  const std::filesystem::path path = folder / name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound(
        path.string(), "missing: the page is built with its assets (npm vendors Cytoscape.js)");
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError(path.string(), "cannot read");
  return text.str();
}

Result<PageAssets> ReadPageAssets(const std::filesystem::path& folder) {
  PageAssets assets;
  for (auto [name, text] :
       {std::pair{"index.html", &assets.index_html}, std::pair{"style.css", &assets.style_css},
        std::pair{"cytoscape.min.js", &assets.cytoscape_js}, std::pair{"app.js", &assets.app_js}}) {
    Result<std::string> read = ReadPageFile(folder, name);
    if (!read.ok()) return read.status();
    *text = std::move(*read);
  }
  return assets;
}

std::string JsonForScript(std::string_view json) {
  std::string safe;
  safe.reserve(json.size());
  for (char c : json) {
    if (c == '<') {
      safe += "\\u003c";
    } else if (c == '>') {
      safe += "\\u003e";
    } else if (c == '&') {
      safe += "\\u0026";
    } else {
      safe += c;
    }
  }
  return safe;
}

std::string InlineText(std::string_view text) {
  std::string safe;
  safe.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    safe += text[i];
    if (text[i] != '<') continue;
    if (StartsWithNoCase(text, i, "</script") || StartsWithNoCase(text, i, "</style")) {
      safe += '\\';
    } else if (StartsWithNoCase(text, i, "<!--")) {
      safe += '\\';
    }
  }
  return safe;
}

Result<std::string> StandalonePage(const PageAssets& assets, std::string_view title,
                                   std::string_view data_json) {
  std::string page = assets.index_html;
  GUANXI_RETURN_IF_ERROR(
      Replace(page, kStyleTag, "<style>\n" + InlineText(assets.style_css) + "\n</style>"));
  GUANXI_RETURN_IF_ERROR(
      Replace(page, kCytoscapeTag, "<script>\n" + InlineText(assets.cytoscape_js) + "\n</script>"));
  GUANXI_RETURN_IF_ERROR(Replace(page, kAppTag,
                                 "<script type=\"application/json\" id=\"guanxi-data\">" +
                                     JsonForScript(data_json) + "</script>\n<script>\n" +
                                     InlineText(assets.app_js) + "\n</script>"));
  const std::size_t at = page.find(kTitleOpen);
  if (at == std::string::npos) return Status::InvalidInput("index.html", "no <title>");
  page.insert(at + kTitleOpen.size(), XmlEscape(title) + " — ");
  return page;
}

}  // namespace guanxi::render
