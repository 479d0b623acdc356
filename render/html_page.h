#pragma once

// The page of `guanxi serve` (render/web/) as one self-contained HTML file:
// its stylesheet, Cytoscape.js, the app and the data inlined, so that it
// opens from file:// with no network and no server. The app (app.js) draws
// the embedded data instead of asking /api (render/README.md, "HTML page").

#include <filesystem>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace guanxi::render {

// The texts of the page's files.
struct PageAssets {
  std::string index_html;
  std::string style_css;
  std::string cytoscape_js;  // Cytoscape.js, vendored from npm at build time
  std::string app_js;
};

// The page's file `name` in `folder` (the build folder's web/), as guanxi
// serve sends it; NotFound naming it when missing.
Result<std::string> ReadPageFile(const std::filesystem::path& folder, std::string_view name);

// Reads index.html, style.css, cytoscape.min.js and app.js from `folder`
// (the build folder's web/). NotFound naming the first missing file.
Result<PageAssets> ReadPageAssets(const std::filesystem::path& folder);

// `json` made safe inside <script type="application/json">: every '<', '>'
// and '&' becomes a \u escape, so that no name or sentence can close the
// script ("</script>") or open a comment ("<!--"); JSON.parse reads the same
// value. `json` must be JSON text (these characters occur only in strings).
std::string JsonForScript(std::string_view json);

// Script or style text made safe inline: "</script" and "</style" (any
// case) get a backslash before the slash and "<!--" one before the "!",
// which the script's strings and regular expressions read the same.
std::string InlineText(std::string_view text);

// index.html with the stylesheet, Cytoscape.js and app.js inlined, `title`
// (escaped) in <title>, and `data_json` (JSON text) in
// <script type="application/json" id="guanxi-data"> before the app.
// InvalidInput naming index.html when it lacks the <link> or <script> tags
// it should reference the three files with.
Result<std::string> StandalonePage(const PageAssets& assets, std::string_view title,
                                   std::string_view data_json);

}  // namespace guanxi::render
