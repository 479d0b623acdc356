#include "render/html_page.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/render/render_test_util.h"

namespace guanxi::render {
namespace {

PageAssets FakeAssets() {
  PageAssets assets;
  assets.index_html =
      "<html><head><title>guanxi</title>\n"
      "<link rel=\"stylesheet\" href=\"/assets/style.css\">\n"
      "<script src=\"/assets/cytoscape.min.js\"></script>\n</head><body>\n"
      "<script src=\"/assets/app.js\"></script>\n</body></html>\n";
  assets.style_css = "body { color: red; } /* </style> */";
  assets.cytoscape_js = "var cytoscape = '</SCRIPT><!--';";
  assets.app_js = "var app = 1;";
  return assets;
}

TEST(JsonForScriptTest, NoNameCanCloseTheScriptAndJsonReadsTheSame) {
  const nlohmann::json value = {{"name", "王</script><script>alert(\"x\")</script><!--&"}};
  const std::string safe = JsonForScript(value.dump());
  EXPECT_EQ(safe.find('<'), std::string::npos) << safe;
  EXPECT_EQ(safe.find('>'), std::string::npos) << safe;
  EXPECT_EQ(nlohmann::json::parse(safe), value);
}

TEST(InlineTextTest, ClosingTagsAndCommentOpenersAreBroken) {
  EXPECT_EQ(InlineText("a</script>b</STYLE>c<!--d<p>"), "a<\\/script>b<\\/STYLE>c<\\!--d<p>");
}

TEST(StandalonePageTest, InlinesEveryAssetAndTheDataAndReferencesNoFile) {
  Result<std::string> page =
      StandalonePage(FakeAssets(), "甲 → <乙>", R"({"entities": [{"name": "</script>"}]})");
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->find("/assets/"), std::string::npos) << *page;
  EXPECT_NE(page->find("<title>甲 → &lt;乙&gt; — guanxi</title>"), std::string::npos) << *page;
  EXPECT_NE(page->find("body { color: red; }"), std::string::npos);
  EXPECT_NE(page->find("var cytoscape = '<\\/SCRIPT><\\!--';"), std::string::npos);
  EXPECT_NE(page->find("var app = 1;"), std::string::npos);
  // The data comes before the app that reads it, and only the page's own
  // tags close a script: the data's one is escaped.
  const std::size_t data = page->find("<script type=\"application/json\" id=\"guanxi-data\">");
  ASSERT_NE(data, std::string::npos);
  EXPECT_LT(data, page->find("var app = 1;"));
  std::size_t closings = 0;
  for (std::size_t at = page->find("</script>"); at != std::string::npos;
       at = page->find("</script>", at + 1)) {
    ++closings;
  }
  EXPECT_EQ(closings, 3u);  // Cytoscape.js, the data, the app
}

TEST(StandalonePageTest, IndexWithoutTheAssetTagsIsRefusedNamingIt) {
  PageAssets assets = FakeAssets();
  assets.index_html = "<html><title>x</title></html>";
  Result<std::string> page = StandalonePage(assets, "t", "{}");
  ASSERT_FALSE(page.ok());
  EXPECT_NE(page.status().ToString().find("index.html"), std::string::npos);
}

TEST(ReadPageAssetsTest, MissingFileIsNamed) {
  testing::ScratchDir dir;
  Result<PageAssets> assets = ReadPageAssets(dir.path());
  ASSERT_FALSE(assets.ok());
  EXPECT_EQ(assets.status().code(), Status::Code::kNotFound);
  EXPECT_NE(assets.status().ToString().find("index.html"), std::string::npos);
}

}  // namespace
}  // namespace guanxi::render
