// guanxi render end to end: the HTML page of a selection (self-contained,
// its data escaped) and the whole-graph rule (largest component or refusal),
// against the samples and generated corpora built into real SQLite files.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace guanxi::testing {
namespace {

// What a browser reads in a page: every tag with its src/href, the scripts
// (inline or not), the title, and the embedded data parsed.
constexpr const char* kPageScript = R"(
import json, sys
from html.parser import HTMLParser
class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.scripts, self.title, self.data = [], [], '', None
        self.inside = None
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.links += [attrs[k] for k in ('src', 'href') if k in attrs]
        if tag == 'script':
            self.scripts.append(attrs)
        self.inside = (tag, attrs)
    def handle_endtag(self, tag):
        self.inside = None
    def handle_data(self, text):
        if self.inside and self.inside[0] == 'title':
            self.title += text
        if self.inside and self.inside[1].get('id') == 'guanxi-data':
            self.data = json.loads(text)
page = Page()
page.feed(open(sys.argv[1], encoding='utf-8').read())
print(json.dumps({'links': page.links, 'scripts': page.scripts, 'title': page.title,
                  'data': page.data}, ensure_ascii=False))
)";

class RenderCliTest : public SamplesDatabaseTest {
 protected:
  nlohmann::json Python(const std::string& script, const std::string& argument) const {
    const std::filesystem::path file = dir_ / "script.py";
    WriteFile(file, script);
    const CommandResult result = RunShell(std::string(kPython) + " " + ShellQuote(file.string()) +
                                          " " + ShellQuote(argument));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.exit_code == 0 ? nlohmann::json::parse(result.out) : nlohmann::json();
  }

  // `render SELECTION --format html` into a file, read as a browser would.
  nlohmann::json RenderPage(const std::string& selection) const {
    const std::filesystem::path page = dir_ / "page.html";
    const CommandResult render =
        Guanxi("render " + selection + " --format html -o " + ShellQuote(page.string()));
    EXPECT_EQ(render.exit_code, 0) << render.err;
    if (render.exit_code != 0) return nullptr;
    raw_ = ReadFile(page);
    return Python(kPageScript, page.string());
  }

  mutable std::string raw_;  // the last page's bytes
};

TEST_F(RenderCliTest, HtmlPathPageIsSelfContainedAndCarriesEveryHopsEvidence) {
  const nlohmann::json page = RenderPage("--path 阿米尔·哈桑 庞可欣");
  ASSERT_FALSE(page.is_null());
  // No file or address to load: everything is inline.
  EXPECT_EQ(page["links"], nlohmann::json::array()) << page["links"];
  ASSERT_EQ(page["scripts"].size(), 3u) << page["scripts"];  // Cytoscape.js, data, app
  EXPECT_NE(raw_.find("cytoscape"), std::string::npos);
  EXPECT_NE(page["title"].get<std::string>().find("阿米尔·哈桑"), std::string::npos);

  const nlohmann::json path = GuanxiJson("path 阿米尔·哈桑 庞可欣")["paths"][0];
  const nlohmann::json& data = page["data"];
  ASSERT_TRUE(data.is_object());
  EXPECT_EQ(data["kind"], "path");
  std::vector<int64_t> hop_nodes;
  for (const nlohmann::json& node : path["nodes"]) hop_nodes.push_back(node["id"]);
  EXPECT_EQ(data["path"]["nodes"].get<std::vector<int64_t>>(), hop_nodes);
  ASSERT_EQ(data["relations"].size(), path["edges"].size());
  for (std::size_t i = 0; i < path["edges"].size(); ++i) {
    const nlohmann::json& edge = path["edges"][i];
    EXPECT_EQ(data["path"]["edges"][i], edge["id"]);
    auto found = std::find_if(data["relations"].begin(), data["relations"].end(),
                              [&](const nlohmann::json& r) { return r["id"] == edge["id"]; });
    ASSERT_NE(found, data["relations"].end()) << edge;
    EXPECT_EQ((*found)["evidence"]["sentence"], edge["evidence"]["sentence"]);
    for (const char* field : {"title", "date", "path"}) {
      EXPECT_EQ((*found)["article"][field], edge["article"][field]) << field;
    }
    EXPECT_TRUE((*found)["article"].contains("outlet"));
  }
}

TEST_F(RenderCliTest, HtmlPageKeepsANameThatCouldCloseTheScriptAsText) {
  const std::string hostile = "钱</script><script>alert(\"若\")</script>'溪&amp;";
  const CommandResult renamed = Guanxi("rename 钱若溪 " + ShellQuote(hostile));
  ASSERT_EQ(renamed.exit_code, 0) << renamed.err;
  const nlohmann::json page = RenderPage("--around " + ShellQuote(hostile));
  ASSERT_FALSE(page.is_null());
  EXPECT_EQ(raw_.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page["scripts"].size(), 3u) << page["scripts"];
  EXPECT_NE(page["title"].get<std::string>().find(hostile), std::string::npos) << page["title"];
  const nlohmann::json& entities = page["data"]["entities"];
  EXPECT_TRUE(std::any_of(entities.begin(), entities.end(), [&](const nlohmann::json& e) {
    return e["name"] == hostile;
  })) << entities;
  const nlohmann::json around = GuanxiJson("neighbors " + ShellQuote(hostile));
  EXPECT_EQ(entities.size(), around["neighbors"].size() + 1);
  EXPECT_EQ(page["data"]["relations"].size(), around["relations"].size());
}

TEST_F(RenderCliTest, HtmlNeedsTheVendoredAssetsAndNamesTheMissingOne) {
  const CommandResult render =
      Guanxi("render --path 阿米尔·哈桑 庞可欣 --format html --assets " +
             ShellQuote(dir_.path().string()) + " -o " + ShellQuote((dir_ / "p.html").string()));
  EXPECT_EQ(render.exit_code, 1);
  EXPECT_NE(render.err.find("index.html"), std::string::npos) << render.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "p.html"));
}

// The entity ids of the largest connected component of a database's whole
// graph, computed by networkx from the GraphML export, and the whole count.
constexpr const char* kComponentScript = R"(
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
largest = max(nx.weakly_connected_components(g), key=len)
print(json.dumps({'entities': g.number_of_nodes(),
                  'largest': sorted('e%d' % g.nodes[n]['entity_id'] for n in largest)}))
)";

constexpr const char* kSvgNodesScript = R"(
import json, sys
import xml.etree.ElementTree as ET
SVG = '{http://www.w3.org/2000/svg}'
root = ET.parse(sys.argv[1]).getroot()
print(json.dumps(sorted(g.get('id') for g in root.iter(SVG + 'g') if g.get('class') == 'node')))
)";

class WholeGraphRenderTest : public RenderCliTest {
 protected:
  // A database of a generated corpus; `counties` sets how many groups of
  // people it has, so how its components are sized.
  std::string Database(const std::string& mb, int counties) const {
    const std::filesystem::path corpus = dir_ / ("corpus" + std::to_string(counties));
    const CommandResult generated =
        RunShell(std::string(kPython) + " " +
                 ShellQuote((SourceDir() / "bench/generate_archive.py").string()) + " --out " +
                 ShellQuote(corpus.string()) + " --mb " + mb + " --seed 11 --counties " +
                 std::to_string(counties));
    EXPECT_EQ(generated.exit_code, 0) << generated.err;
    const std::string db = ShellQuote((dir_ / ("g" + std::to_string(counties) + ".db")).string());
    const CommandResult built = RunGuanxi("build " + ShellQuote(corpus.string()) + " --db " + db);
    EXPECT_EQ(built.exit_code, 0) << built.err;
    return db;
  }

  nlohmann::json Components(const std::string& db) const {
    const std::filesystem::path graphml = dir_ / "whole.graphml";
    const CommandResult exported =
        RunGuanxi("export --format graphml -o " + ShellQuote(graphml.string()) + " --db " + db);
    EXPECT_EQ(exported.exit_code, 0) << exported.err;
    return Python(kComponentScript, graphml.string());
  }
};

TEST_F(WholeGraphRenderTest, AboveTheMaximumTheLargestComponentIsDrawnOrTheRenderIsRefused) {
  constexpr std::size_t kMaxDiagramEntities = 300;  // render/diagram_fit.h, as documented
  // The two corpora are chosen so that one gives each outcome.
  std::set<bool> drawn;
  for (const auto& [mb, counties] : {std::pair{"0.05", 6}, std::pair{"0.3", 48}}) {
    const std::string db = Database(mb, counties);
    const nlohmann::json components = Components(db);
    ASSERT_FALSE(components.is_null());
    ASSERT_GT(components["entities"].get<std::size_t>(), kMaxDiagramEntities)
        << mb << " MB: the corpus must be larger than a diagram";
    const std::filesystem::path svg = dir_ / "whole.svg";
    std::filesystem::remove(svg);
    const CommandResult render =
        RunGuanxi("render --all -o " + ShellQuote(svg.string()) + " --db " + db);
    const std::size_t largest = components["largest"].size();
    drawn.insert(largest <= kMaxDiagramEntities);
    if (largest <= kMaxDiagramEntities) {
      ASSERT_EQ(render.exit_code, 0) << render.err;
      EXPECT_NE(
          render.err.find("largest connected component (" + std::to_string(largest) + " entities"),
          std::string::npos)
          << render.err;
      EXPECT_EQ(Python(kSvgNodesScript, svg.string()), components["largest"]);
    } else {
      EXPECT_EQ(render.exit_code, 1) << render.err;
      const std::vector<std::string> hints = {"--around", "--path", "--limit",
                                              std::to_string(largest)};
      for (const std::string& hint : hints) {
        EXPECT_NE(render.err.find(hint), std::string::npos) << hint << " in " << render.err;
      }
      EXPECT_FALSE(std::filesystem::exists(svg));
    }
  }
  EXPECT_EQ(drawn, (std::set<bool>{false, true}));
}

}  // namespace
}  // namespace guanxi::testing
