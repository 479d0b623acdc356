#include "render/dot_writer.h"

#include <cgraph.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "render/diagram_style.h"
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

// The relations of one type between two entities (either way for a
// symmetric type): one edge each in the diagram.
std::size_t DistinctRelationTriples(const graph::GraphData& data) {
  std::set<std::tuple<int64_t, int64_t, graph::RelationType>> triples;
  for (const graph::RelationRecord& r : data.relations) {
    const bool swap = graph::IsSymmetric(r.type) && r.target_id < r.source_id;
    triples.insert({swap ? r.target_id : r.source_id, swap ? r.source_id : r.target_id, r.type});
  }
  return triples.size();
}

// The legend cells (ID="legend_...") of the heading label.
std::vector<std::string> LegendIds(Agraph_t* graph) {
  std::vector<std::string> ids;
  const std::string label = Attribute(graph, "label");
  const std::string key = "ID=\"legend_";
  for (std::size_t at = label.find(key); at != std::string::npos; at = label.find(key, at)) {
    at += key.size() - std::string("legend_").size();
    ids.push_back(label.substr(at, label.find('"', at) - at));
  }
  return ids;
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
  EXPECT_EQ(agnnodes(graph.get()), data.entities.size());
  EXPECT_EQ(agnedges(graph.get()), DistinctRelationTriples(data));
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
  EXPECT_EQ(agnnodes(graph.get()), SampleGraph().entities.size());
}

TEST(ToDotTest, ParallelRelationsOfOneTypeAreOneEdgeWithTheirCount) {
  Result<std::string> dot = ToDot(SampleGraph(), {});
  ASSERT_TRUE(dot.ok()) << dot.status().ToString();
  GraphPtr graph = ReadDot(*dot);
  ASSERT_NE(graph, nullptr);
  Agnode_t* li = EntityNode(graph.get(), kLiQiang);
  Agnode_t* committee = EntityNode(graph.get(), testing::kCommittee);
  std::vector<std::string> labels;
  for (Agedge_t* e = agfstout(graph.get(), li); e != nullptr; e = agnxtout(graph.get(), e)) {
    if (aghead(e) == committee) labels.push_back(DrawnText(Attribute(e, "label")));
  }
  // The two holds_position relations of the fixture, 书记 and 副书记.
  EXPECT_EQ(labels, std::vector<std::string>{"任职 ×2\n书记、副书记"});
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
       {"任职 ×2\n书记、副书记", "出席\n7月16日", "主持\n7月16日", "举办于", "签约", "见于"}) {
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

TEST(ToDotTest, LegendHasOneCellPerEntityAndRelationTypePresentAndNoNode) {
  graph::GraphData data = SampleGraph();
  Result<std::string> full = ToDot(data, {});
  ASSERT_TRUE(full.ok());
  GraphPtr all = ReadDot(*full);
  ASSERT_NE(all, nullptr);
  EXPECT_EQ(LegendIds(all.get()).size(),
            std::size(graph::kAllEntityTypes) + std::size(graph::kAllRelationTypes));
  EXPECT_EQ(agnode(all.get(), Chars("legend_person"), 0), nullptr);

  data.relations.clear();
  std::erase_if(data.entities, [](const graph::EntityRecord& entity) {
    return entity.type != graph::EntityType::kPerson;
  });
  Result<std::string> people = ToDot(data, {});
  ASSERT_TRUE(people.ok());
  GraphPtr graph = ReadDot(*people);
  EXPECT_EQ(LegendIds(graph.get()), std::vector<std::string>{"legend_person"});
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
  EXPECT_NE(Attribute(graph.get(), "label").find(">关系图<"), std::string::npos);
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
  const std::string label = Attribute(graph.get(), "label");
  EXPECT_TRUE(label.empty() || label == "<undeclared>") << label;
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

// Geometry of a rendered SVG, all in the root group's coordinates: each
// entity node's centre, the box around every node and edge, the box of the
// heading (the root graph's own label: title and legend, drawn straight into
// the root group after its background) and its texts, the edges' ids and
// their label texts.
constexpr const char* kGeometryScript = R"(
import json, re, sys
import xml.etree.ElementTree as ET
SVG = '{http://www.w3.org/2000/svg}'
root = ET.parse(sys.argv[1]).getroot()
width = float(root.get('width').rstrip('pt'))
height = float(root.get('height').rstrip('pt'))

def points(element):
    for e in element.iter():
        tag = e.tag.replace(SVG, '')
        if tag in ('polygon', 'polyline'):
            for p in e.get('points').split():
                x, y = p.split(',')
                yield float(x), float(y)
        elif tag == 'ellipse':
            cx, cy, rx, ry = (float(e.get(k)) for k in ('cx', 'cy', 'rx', 'ry'))
            yield cx - rx, cy - ry
            yield cx + rx, cy + ry
        elif tag == 'path':
            numbers = [float(n) for n in re.findall(r'-?[0-9.]+', e.get('d'))]
            yield from zip(numbers[0::2], numbers[1::2])
        elif tag == 'text':
            yield float(e.get('x')), float(e.get('y'))

def box(pts):
    pts = list(pts)
    if not pts:
        return None
    return [min(x for x, _ in pts), min(y for _, y in pts),
            max(x for x, _ in pts), max(y for _, y in pts)]

centres, drawing, legend, edges, edge_texts, names = {}, [], [], [], [], []
for g in root.iter(SVG + 'g'):
    cls, gid = g.get('class'), g.get('id') or ''
    if cls == 'node':
        b = box(points(g))
        centres[gid] = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]
        drawing.extend(points(g))
        names.append(''.join(t.text or '' for t in g.iter(SVG + 'text')))
    elif cls == 'edge':
        edges.append(gid)
        edge_texts.extend(t.text or '' for t in g.iter(SVG + 'text'))
        drawing.extend(points(g))
graph0 = next(g for g in root.iter(SVG + 'g') if g.get('class') == 'graph')
heading = [e for e in graph0 if e.tag in (SVG + 'polygon', SVG + 'text')][1:]  # after the background
legend.extend(p for e in heading for p in points(e))
print(json.dumps({'width': width, 'height': height, 'centres': centres, 'drawing': box(drawing),
                  'legend': box(legend), 'legend_texts': [e.text for e in heading if e.text],
                  'edges': edges, 'edge_texts': edge_texts, 'names': sorted(names)},
                 ensure_ascii=False))
)";

nlohmann::json RenderGeometry(const ScratchDir& dir, const graph::GraphData& data,
                              const RenderOptions& options, const std::string& name) {
  const std::filesystem::path path = dir / name;
  Status status = RenderToFile(data, options, ImageFormat::kSvg, path);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return testing::RunPython(dir, kGeometryScript, {path.string()});
}

// True when the boxes [x0, y0, x1, y1] do not overlap.
bool Apart(const nlohmann::json& a, const nlohmann::json& b) {
  return a[2].get<double>() < b[0].get<double>() || b[2].get<double>() < a[0].get<double>() ||
         a[3].get<double>() < b[1].get<double>() || b[3].get<double>() < a[1].get<double>();
}

TEST(RenderFileTest, WholeNewsGraphOf200EntitiesIsCompactWithItsLegendApart) {
  ScratchDir dir;
  const graph::GraphData data = testing::NewsGraph(200);
  nlohmann::json read = RenderGeometry(dir, data, {}, "news.svg");
  ASSERT_FALSE(read.is_null());
  // dot draws this selection 1,000 points wide and 12,000 high.
  const double width = read["width"].get<double>();
  const double height = read["height"].get<double>();
  EXPECT_LT(width / height, 3.0) << width << " x " << height;
  EXPECT_LT(height / width, 3.0) << width << " x " << height;
  ASSERT_FALSE(read["legend"].is_null());
  EXPECT_TRUE(Apart(read["legend"], read["drawing"])) << read["legend"] << read["drawing"];
  // "图例 legend", then one caption per entity and relation type present.
  std::set<graph::EntityType> entity_types;
  for (const graph::EntityRecord& entity : data.entities) entity_types.insert(entity.type);
  std::set<graph::RelationType> relation_types;
  for (const graph::RelationRecord& relation : data.relations) relation_types.insert(relation.type);
  EXPECT_EQ(read["legend_texts"].size(), 1 + entity_types.size() + relation_types.size())
      << read["legend_texts"];
  std::vector<std::string> names;
  for (const graph::EntityRecord& entity : data.entities) names.push_back(entity.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(read["names"].get<std::vector<std::string>>(), names);
}

TEST(RenderFileTest, LegendIsDrawnApartFromTheNodesAndEdges) {
  ScratchDir dir;
  RenderOptions options;
  options.title = "关系图";
  nlohmann::json read = RenderGeometry(dir, SampleGraph(), options, "sample.svg");
  ASSERT_FALSE(read.is_null());
  ASSERT_FALSE(read["legend"].is_null()) << "no heading in the SVG";
  EXPECT_TRUE(Apart(read["legend"], read["drawing"])) << read["legend"] << read["drawing"];
  EXPECT_EQ(read["centres"].size(), SampleGraph().entities.size());
  const nlohmann::json& texts = read["legend_texts"];
  for (graph::EntityType type : graph::kAllEntityTypes) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), StyleFor(type).legend), texts.end()) << texts;
  }
  EXPECT_NE(std::find(texts.begin(), texts.end(), "关系图"), texts.end()) << texts;
}

TEST(RenderFileTest, ParallelRelationsAreOneSvgEdgeLabelledWithTheirCount) {
  ScratchDir dir;
  graph::GraphData data = SampleGraph();
  // Two more posts of 李强 at 市委: four holds_position relations in all.
  for (int64_t id : {108, 109}) {
    graph::RelationRecord post = data.relations[0];
    post.id = id;
    post.title = id == 108 ? "常委" : "书记";
    data.relations.push_back(post);
  }
  nlohmann::json read = RenderGeometry(dir, data, {}, "parallel.svg");
  ASSERT_FALSE(read.is_null());
  EXPECT_EQ(read["edges"].size(), DistinctRelationTriples(data)) << read["edges"];
  EXPECT_LT(read["edges"].size(), data.relations.size());
  const nlohmann::json& texts = read["edge_texts"];
  EXPECT_NE(std::find(texts.begin(), texts.end(), "任职 ×4"), texts.end()) << texts;
  EXPECT_NE(std::find(texts.begin(), texts.end(), "书记、副书记、常委"), texts.end()) << texts;
}

// A path whose relations point both ways, as a real one does:
// 甲 -出席-> 会议 <-出席- 乙 -任职-> 局 <-任职- 丙.
graph::GraphData ZigzagPath() {
  using graph::EntityType;
  using graph::RelationType;
  graph::GraphData data;
  data.articles = {{10, "pages/p.txt", "会议", "3月1日"}};
  data.entities = {{1, EntityType::kPerson, "甲", {}},
                   {2, EntityType::kEvent, "会议", {}},
                   {3, EntityType::kPerson, "乙", {}},
                   {4, EntityType::kInstitution, "局", {}},
                   {5, EntityType::kPerson, "丙", {}}};
  auto relation = [](int64_t id, RelationType type, int64_t from, int64_t to) {
    graph::RelationRecord r;
    r.id = id;
    r.type = type;
    r.source_id = from;
    r.target_id = to;
    r.article_id = 10;
    r.evidence.sentence = "句" + std::to_string(id) + "。";
    return r;
  };
  data.relations = {relation(11, RelationType::kAttended, 1, 2),
                    relation(12, RelationType::kAttended, 3, 2),
                    relation(13, RelationType::kHoldsPosition, 3, 4),
                    relation(14, RelationType::kHoldsPosition, 5, 4)};
  return data;
}

TEST(RenderFileTest, PathIsDrawnLeftToRightInHopOrder) {
  ScratchDir dir;
  RenderOptions options;
  options.path_ids = {1, 2, 3, 4, 5};
  nlohmann::json read = RenderGeometry(dir, ZigzagPath(), options, "path.svg");
  ASSERT_FALSE(read.is_null());
  std::vector<double> xs;
  for (int64_t id : options.path_ids) {
    const std::string key = "e" + std::to_string(id);
    ASSERT_TRUE(read["centres"].contains(key)) << read["centres"];
    xs.push_back(read["centres"][key][0].get<double>());
  }
  for (std::size_t i = 1; i < xs.size(); ++i) {
    EXPECT_LT(xs[i - 1], xs[i]) << "hop " << i << " of " << read["centres"];
  }
  // The hop-order edges are invisible: only the four relations are drawn.
  EXPECT_EQ(read["edges"].size(), 4u) << read["edges"];
}

TEST(RenderFileTest, HostileTitleStaysTextInTheHeading) {
  ScratchDir dir;
  RenderOptions options;
  options.title = kHostileName;
  const std::filesystem::path path = dir / "title.svg";
  Status status = RenderToFile(SampleGraph(), options, ImageFormat::kSvg, path);
  ASSERT_TRUE(status.ok()) << status.ToString();
  nlohmann::json parsed = testing::RunPython(dir, kSvgScript, {path.string()});
  ASSERT_FALSE(parsed.is_null()) << "the SVG must be well-formed XML";
  for (const std::string& line : testing::Lines(kHostileName)) {
    EXPECT_TRUE(AnyContains(parsed["texts"], line)) << line;
  }
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
