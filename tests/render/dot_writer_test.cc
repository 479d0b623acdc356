#include "render/dot_writer.h"

#include <cgraph.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "tests/render/render_test_util.h"

namespace guanxi::render {
namespace {

using testing::kHostile;
using testing::kHostileName;
using testing::kLiQiang;
using testing::ReadFile;
using testing::SampleGraph;
using testing::ScratchDir;

struct GraphCloser {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

GraphPtr ReadDot(const std::string& text) { return GraphPtr(agmemread(text.c_str())); }

char* Chars(const std::string& text) { return const_cast<char*>(text.c_str()); }

std::string Attribute(void* object, const std::string& name) {
  const char* value = agget(object, Chars(name));
  return value == nullptr ? "<undeclared>" : value;
}

Agnode_t* EntityNode(Agraph_t* graph, int64_t id) {
  return agnode(graph, Chars("e" + std::to_string(id)), 0);
}

int LegendNodeCount(Agraph_t* graph) {
  Agraph_t* legend = agsubg(graph, Chars("cluster_legend"), 0);
  return legend == nullptr ? 0 : agnnodes(legend);
}

// The text Graphviz draws for an escString label, written here from the
// Graphviz documentation rather than from our escaping: "\\" is a backslash,
// "\n" "\l" "\r" end a line, HTML entities are decoded.
std::string DrawnText(const std::string& label) {
  std::string text;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] == '\\' && i + 1 < label.size()) {
      const char next = label[++i];
      text += (next == 'n' || next == 'l' || next == 'r') ? '\n' : next;
    } else if (label.compare(i, 5, "&amp;") == 0) {
      text += '&';
      i += 4;
    } else {
      text += label[i];
    }
  }
  return text;
}

// Render's bytes in the file `path`, as the command writes them.
Status RenderToFile(const graph::GraphData& data, const RenderOptions& options,
                    ImageFormat format, const std::filesystem::path& path) {
  Result<std::string> bytes = Render(data, options, format);
  if (!bytes.ok()) return bytes.status();
  std::ofstream out(path, std::ios::binary);
  out << *bytes;
  out.close();
  return out ? Status::Ok() : Status::IoError(path.string(), "cannot write");
}

Result<std::string> RenderSample(ImageFormat format, const ScratchDir& dir,
                                 const std::string& name) {
  const std::filesystem::path path = dir / name;
  RenderOptions options;
  options.title = "关系图";
  Status status = RenderToFile(SampleGraph(), options, format, path);
  if (!status.ok()) return status;
  return ReadFile(path);
}

TEST(ParseImageFormatTest, AcceptsTheThreeFormatNamesOnly) {
  EXPECT_EQ(ParseImageFormat("dot"), ImageFormat::kDot);
  EXPECT_EQ(ParseImageFormat("svg"), ImageFormat::kSvg);
  EXPECT_EQ(ParseImageFormat("png"), ImageFormat::kPng);
  EXPECT_EQ(ParseImageFormat("SVG"), std::nullopt);
  EXPECT_EQ(ParseImageFormat("jpg"), std::nullopt);
  EXPECT_EQ(ParseImageFormat(""), std::nullopt);
}

TEST(ToDotTest, DotReadsBackWithSameNodesEdgesAndNamesAsLabels) {
  const graph::GraphData data = SampleGraph();
  Result<std::string> dot = ToDot(data, {});
  ASSERT_TRUE(dot.ok()) << dot.status().ToString();
  GraphPtr graph = ReadDot(*dot);
  ASSERT_NE(graph, nullptr) << *dot;

  EXPECT_TRUE(agisdirected(graph.get()));
  EXPECT_EQ(agnnodes(graph.get()) - LegendNodeCount(graph.get()), data.entities.size());
  EXPECT_EQ(agnedges(graph.get()), data.relations.size());
  for (const graph::EntityRecord& entity : data.entities) {
    Agnode_t* node = EntityNode(graph.get(), entity.id);
    ASSERT_NE(node, nullptr) << entity.name;
    EXPECT_EQ(DrawnText(Attribute(node, "label")), entity.name);
  }
}

TEST(ToDotTest, HostileNameSurvivesExactly) {
  Result<std::string> dot = ToDot(SampleGraph(), {});
  ASSERT_TRUE(dot.ok()) << dot.status().ToString();
  GraphPtr graph = ReadDot(*dot);
  ASSERT_NE(graph, nullptr) << *dot;
  Agnode_t* node = EntityNode(graph.get(), kHostile);
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(DrawnText(Attribute(node, "label")), kHostileName);
  EXPECT_EQ(agnnodes(graph.get()) - LegendNodeCount(graph.get()), SampleGraph().entities.size());
}

TEST(ToDotTest, ParallelRelationsStayTwoEdges) {
  Result<std::string> dot = ToDot(SampleGraph(), {});
  ASSERT_TRUE(dot.ok()) << dot.status().ToString();
  GraphPtr graph = ReadDot(*dot);
  ASSERT_NE(graph, nullptr);
  Agnode_t* li = EntityNode(graph.get(), kLiQiang);
  Agnode_t* committee = EntityNode(graph.get(), testing::kCommittee);
  int count = 0;
  for (Agedge_t* e = agfstout(graph.get(), li); e != nullptr; e = agnxtout(graph.get(), e)) {
    count += aghead(e) == committee;
  }
  EXPECT_EQ(count, 2);
}

TEST(ToDotTest, EdgeLabelsNameRelationWithTitleOrDate) {
  Result<std::string> dot = ToDot(SampleGraph(), {});
  ASSERT_TRUE(dot.ok());
  GraphPtr graph = ReadDot(*dot);
  ASSERT_NE(graph, nullptr);
  std::vector<std::string> labels;
  for (Agnode_t* n = agfstnode(graph.get()); n != nullptr; n = agnxtnode(graph.get(), n)) {
    for (Agedge_t* e = agfstout(graph.get(), n); e != nullptr; e = agnxtout(graph.get(), e)) {
      labels.push_back(DrawnText(Attribute(e, "label")));
    }
  }
  for (const char* expected :
       {"任职\n书记", "任职\n副书记", "出席\n7月16日", "主持\n7月16日", "举办于", "签约",
        "见于"}) {
    EXPECT_NE(std::find(labels.begin(), labels.end(), expected), labels.end()) << expected;
  }
}

TEST(ToDotTest, SymmetricRelationIsDrawnWithoutArrow) {
  Result<std::string> dot = ToDot(SampleGraph(), {});
  ASSERT_TRUE(dot.ok());
  GraphPtr graph = ReadDot(*dot);
  ASSERT_NE(graph, nullptr);
  Agnode_t* company = EntityNode(graph.get(), testing::kCompany);
  Agedge_t* signed_with = agfstout(graph.get(), company);
  ASSERT_NE(signed_with, nullptr);
  EXPECT_EQ(Attribute(signed_with, "dir"), "none");
}

TEST(ToDotTest, LegendHasOneSampleNodePerEntityTypePresent) {
  graph::GraphData data = SampleGraph();
  Result<std::string> full = ToDot(data, {});
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(LegendNodeCount(ReadDot(*full).get()), std::size(graph::kAllEntityTypes));

  data.relations.clear();
  std::erase_if(data.entities, [](const graph::EntityRecord& entity) {
    return entity.type != graph::EntityType::kPerson;
  });
  Result<std::string> people = ToDot(data, {});
  ASSERT_TRUE(people.ok());
  GraphPtr graph = ReadDot(*people);
  ASSERT_EQ(LegendNodeCount(graph.get()), 1);
  EXPECT_NE(agnode(graph.get(), Chars("legend_person"), 0), nullptr);
}

TEST(ToDotTest, HighlightedEntitiesAreDrawnThicker) {
  RenderOptions options;
  options.highlight_ids = {kLiQiang, 999};
  Result<std::string> dot = ToDot(SampleGraph(), options);
  ASSERT_TRUE(dot.ok()) << dot.status().ToString();
  GraphPtr graph = ReadDot(*dot);
  ASSERT_NE(graph, nullptr);
  EXPECT_EQ(Attribute(EntityNode(graph.get(), kLiQiang), "penwidth"), "3");
  EXPECT_EQ(Attribute(EntityNode(graph.get(), kHostile), "penwidth"), "1");
}

TEST(ToDotTest, TitleIsTheGraphLabelAndTextIsUtf8) {
  RenderOptions options;
  options.title = "关系图";
  Result<std::string> dot = ToDot(SampleGraph(), options);
  ASSERT_TRUE(dot.ok());
  GraphPtr graph = ReadDot(*dot);
  ASSERT_NE(graph, nullptr);
  EXPECT_EQ(Attribute(graph.get(), "label"), "关系图");
  EXPECT_EQ(Attribute(graph.get(), "charset"), "UTF-8");
  EXPECT_EQ(Attribute(graph.get(), "fontname"), "Noto Sans CJK SC");
}

TEST(ToDotTest, RelationToUnknownEntityIsInvalidInput) {
  graph::GraphData data = SampleGraph();
  data.relations[0].target_id = 999;
  Result<std::string> dot = ToDot(data, {});
  ASSERT_FALSE(dot.ok());
  EXPECT_EQ(dot.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(dot.status().ToString().find("999"), std::string::npos);
}

TEST(ToDotTest, EmptyGraphHasNoNodesAndNoLegend) {
  Result<std::string> dot = ToDot({}, {});
  ASSERT_TRUE(dot.ok());
  GraphPtr graph = ReadDot(*dot);
  ASSERT_NE(graph, nullptr);
  EXPECT_EQ(agnnodes(graph.get()), 0);
  EXPECT_EQ(agsubg(graph.get(), Chars("cluster_legend"), 0), nullptr);
}

constexpr const char* kSvgScript = R"(
import json, sys
import xml.etree.ElementTree as ET
XLINK = '{http://www.w3.org/1999/xlink}'
root = ET.parse(sys.argv[1]).getroot()
texts = [t.text or '' for t in root.iter('{http://www.w3.org/2000/svg}text')]
titles = [a.get(XLINK + 'title') for a in root.iter('{http://www.w3.org/2000/svg}a')]
print(json.dumps({'texts': texts, 'tooltips': [t for t in titles if t is not None]}))
)";

bool AnyContains(const nlohmann::json& values, const std::string& needle) {
  return std::any_of(values.begin(), values.end(), [&](const nlohmann::json& value) {
    return value.get<std::string>().find(needle) != std::string::npos;
  });
}

TEST(RenderFileTest, CharactersXmlForbidsInNamesStillGiveAnSvgThatParses) {
  ScratchDir dir;
  graph::GraphData data = SampleGraph();
  data.entities[0].name = "甲\uFFFE乙\uFFFF丙\x01丁";
  data.entities[0].aliases = {"戊\x1F"};
  const std::filesystem::path path = dir / "forbidden.svg";
  Status status = RenderToFile(data, {}, ImageFormat::kSvg, path);
  ASSERT_TRUE(status.ok()) << status.ToString();
  nlohmann::json parsed = testing::RunPython(dir, kSvgScript, {path.string()});
  ASSERT_FALSE(parsed.is_null()) << "the SVG must be well-formed XML";
  EXPECT_TRUE(AnyContains(parsed["texts"], "甲\uFFFD乙\uFFFD丙\uFFFD丁"));
}

TEST(RenderFileTest, SvgParsesAsXmlAndShowsEveryNameAndTooltip) {
  ScratchDir dir;
  Result<std::string> svg = RenderSample(ImageFormat::kSvg, dir, "graph.svg");
  ASSERT_TRUE(svg.ok()) << svg.status().ToString();
  nlohmann::json parsed = testing::RunPython(dir, kSvgScript, {(dir / "graph.svg").string()});
  ASSERT_FALSE(parsed.is_null());
  const nlohmann::json& texts = parsed["texts"];
  const nlohmann::json& tooltips = parsed["tooltips"];

  EXPECT_TRUE(AnyContains(texts, "关系图"));
  for (const graph::EntityRecord& entity : SampleGraph().entities) {
    // A multi-line name is drawn as one <text> per line.
    for (const std::string& line : testing::Lines(entity.name)) {
      EXPECT_NE(std::find(texts.begin(), texts.end(), line), texts.end()) << line;
    }
  }
  EXPECT_TRUE(AnyContains(tooltips, "aliases: 李书记、强"));
  EXPECT_TRUE(AnyContains(tooltips, "institution"));
  EXPECT_TRUE(AnyContains(tooltips, "李强出席签约仪式。"));
  EXPECT_TRUE(AnyContains(tooltips, "中国<&>\"引号\"。"));
  EXPECT_TRUE(AnyContains(tooltips, "新区项目\\N签约。"));
  EXPECT_TRUE(AnyContains(tooltips, "《李强出席新区项目签约仪式》 7月16日"));
}

TEST(RenderFileTest, PngStartsWithSignatureAndIsNotTrivial) {
  ScratchDir dir;
  Result<std::string> png = RenderSample(ImageFormat::kPng, dir, "graph.png");
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_GT(png->size(), 10000u);
}

// PNG text is drawn by Pango through fontconfig: the family the diagram names
// must resolve to itself, a font with Chinese glyphs, not to a substitute that
// would draw boxes (the set-up installs fonts-noto-cjk).
TEST(RenderFileTest, PngFontHasChineseGlyphs) {
  ScratchDir dir;
  Result<std::string> dot = RenderSample(ImageFormat::kDot, dir, "graph.dot");
  ASSERT_TRUE(dot.ok()) << dot.status().ToString();
  const std::string key = "fontname=\"";
  std::size_t at = dot->find(key);
  ASSERT_NE(at, std::string::npos) << *dot;
  at += key.size();
  std::string family = dot->substr(at, dot->find('"', at) - at);
  std::string command = "fc-match '" + family + ":lang=zh' family 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  ASSERT_NE(pipe, nullptr);
  char buffer[256] = {};
  std::string resolved(fgets(buffer, sizeof buffer, pipe.get()) ? buffer : "");
  EXPECT_EQ(resolved.substr(0, family.size()), family) << "fontconfig substitutes " << resolved;
}

TEST(RenderFileTest, DotFormatWritesTheDotText) {
  ScratchDir dir;
  Result<std::string> written = RenderSample(ImageFormat::kDot, dir, "graph.dot");
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  RenderOptions options;
  options.title = "关系图";
  Result<std::string> dot = ToDot(SampleGraph(), options);
  ASSERT_TRUE(dot.ok());
  EXPECT_EQ(*written, *dot);
}

// How many distinct heights the people (ellipses) of a chain are drawn at:
// dot with rankdir=LR puts a chain on one line, sfdp folds it about.
constexpr const char* kHeightsScript = R"(
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
heights = {e.get('cy') for e in root.iter('{http://www.w3.org/2000/svg}ellipse')}
texts = [t.text or '' for t in root.iter('{http://www.w3.org/2000/svg}text')]
print(json.dumps({'heights': len(heights), 'texts': texts}, ensure_ascii=False))
)";

nlohmann::json RenderChain(const ScratchDir& dir, std::size_t length) {
  const graph::GraphData data = testing::ChainGraph(static_cast<int>(length));
  const std::filesystem::path path = dir / ("chain" + std::to_string(length) + ".svg");
  Status status = RenderToFile(data, {}, ImageFormat::kSvg, path);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return testing::RunPython(dir, kHeightsScript, {path.string()});
}

TEST(RenderFileTest, SmallGraphIsLaidOutInRanksByDot) {
  ScratchDir dir;
  nlohmann::json chain = RenderChain(dir, 20);
  ASSERT_FALSE(chain.is_null());
  EXPECT_LE(chain["heights"].get<int>(), 2);  // the chain's line and the legend
}

TEST(LayoutEngineTest, DotForSmallFdpForMidSizeSfdpForLargeSelections) {
  EXPECT_STREQ(LayoutEngine(0), "dot");
  EXPECT_STREQ(LayoutEngine(kFdpThreshold), "dot");
  EXPECT_STREQ(LayoutEngine(kFdpThreshold + 1), "fdp");
  EXPECT_STREQ(LayoutEngine(kSfdpThreshold), "fdp");
  EXPECT_STREQ(LayoutEngine(kSfdpThreshold + 1), "sfdp");
}

// A person linked to twelve others, all with three-character names: the hub
// differs from the leaves only in degree.
graph::GraphData StarGraph() {
  graph::GraphData data;
  data.articles = {{10, "pages/star.txt", "星", ""}};
  data.entities.push_back({1, graph::EntityType::kPerson, "人100", {}});
  for (int i = 2; i <= 13; ++i) {
    data.entities.push_back({i, graph::EntityType::kPerson, "人" + std::to_string(100 + i), {}});
    graph::RelationRecord relation;
    relation.id = i;
    relation.type = graph::RelationType::kMentionedIn;
    relation.source_id = i;
    relation.target_id = 1;
    relation.article_id = 10;
    data.relations.push_back(relation);
  }
  return data;
}

constexpr const char* kEllipseScript = R"(
import json, sys
import xml.etree.ElementTree as ET
SVG = '{http://www.w3.org/2000/svg}'
root = ET.parse(sys.argv[1]).getroot()
rx = {}
for g in root.iter(SVG + 'g'):
    ellipse = next(g.iter(SVG + 'ellipse'), None)
    if g.get('class') == 'node' and ellipse is not None:
        rx[g.get('id')] = float(ellipse.get('rx'))
print(json.dumps(rx))
)";

TEST(RenderFileTest, HubIsDrawnLargerThanLeaf) {
  ScratchDir dir;
  const std::filesystem::path path = dir / "star.svg";
  Status status = RenderToFile(StarGraph(), {}, ImageFormat::kSvg, path);
  ASSERT_TRUE(status.ok()) << status.ToString();
  nlohmann::json rx = testing::RunPython(dir, kEllipseScript, {path.string()});
  ASSERT_FALSE(rx.is_null());
  ASSERT_TRUE(rx.contains("e1") && rx.contains("e2")) << rx;
  EXPECT_GT(rx["e1"].get<double>(), 1.3 * rx["e2"].get<double>()) << rx;
  EXPECT_EQ(rx["e2"], rx["e13"]);  // leaves alike
}

// Size of the drawing, and whether the legend nodes lie inside the legend
// cluster's frame.
constexpr const char* kReadabilityScript = R"(
import json, sys
import xml.etree.ElementTree as ET
SVG = '{http://www.w3.org/2000/svg}'
root = ET.parse(sys.argv[1]).getroot()
width = float(root.get('width').rstrip('pt'))
height = float(root.get('height').rstrip('pt'))
frame = None
legend_centres = []
names = []
for g in root.iter(SVG + 'g'):
    title = g.findtext(SVG + 'title') or ''
    if g.get('class') == 'cluster' and title == 'cluster_legend':
        polygon = next(g.iter(SVG + 'polygon'))
        points = [tuple(map(float, p.split(','))) for p in polygon.get('points').split()]
        frame = (min(x for x, _ in points), min(y for _, y in points),
                 max(x for x, _ in points), max(y for _, y in points))
    if g.get('class') == 'node':
        text = next(g.iter(SVG + 'text'), None)
        if title.startswith('legend_'):
            legend_centres.append((float(text.get('x')), float(text.get('y'))))
        elif text is not None:
            names.append(''.join(t.text or '' for t in g.iter(SVG + 'text')))
inside = frame is not None and all(
    frame[0] <= x <= frame[2] and frame[1] <= y <= frame[3] for x, y in legend_centres)
print(json.dumps({'width': width, 'height': height, 'legend_nodes': len(legend_centres),
                  'legend_inside_frame': inside, 'names': sorted(names)}, ensure_ascii=False))
)";

TEST(RenderFileTest, WholeNewsGraphOf200EntitiesIsCompactWithItsLegendTogether) {
  ScratchDir dir;
  const graph::GraphData data = testing::NewsGraph(200);
  const std::filesystem::path path = dir / "news.svg";
  Status status = RenderToFile(data, {}, ImageFormat::kSvg, path);
  ASSERT_TRUE(status.ok()) << status.ToString();
  nlohmann::json read = testing::RunPython(dir, kReadabilityScript, {path.string()});
  ASSERT_FALSE(read.is_null());
  // dot draws this selection 1,000 points wide and 12,000 high.
  const double width = read["width"].get<double>();
  const double height = read["height"].get<double>();
  EXPECT_LT(width / height, 3.0) << width << " x " << height;
  EXPECT_LT(height / width, 3.0) << width << " x " << height;
  EXPECT_EQ(read["legend_nodes"], std::size(graph::kAllEntityTypes));
  EXPECT_TRUE(read["legend_inside_frame"].get<bool>());
  std::vector<std::string> names;
  for (const graph::EntityRecord& entity : data.entities) names.push_back(entity.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(read["names"].get<std::vector<std::string>>(), names);
}

TEST(RenderFileTest, LargeGraphIsLaidOutBySfdp) {
  ScratchDir dir;
  nlohmann::json chain = RenderChain(dir, kSfdpThreshold + 20);
  ASSERT_FALSE(chain.is_null());
  EXPECT_GT(chain["heights"].get<int>(), 2);
  const std::string last = "人" + std::to_string(kSfdpThreshold + 20);
  EXPECT_NE(std::find(chain["texts"].begin(), chain["texts"].end(), last), chain["texts"].end());
}

}  // namespace
}  // namespace guanxi::render
