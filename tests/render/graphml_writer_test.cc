#include "render/graphml_writer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "tests/render/render_test_util.h"

namespace guanxi::render {
namespace {

using testing::RunPython;
using testing::SampleGraph;
using testing::ScratchDir;

// Prints what networkx makes of the file: counts, attribute types and values,
// shortest path lengths between entities given by id.
constexpr const char* kNetworkxScript = R"(
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
by_id = {data['entity_id']: node for node, data in g.nodes(data=True)}
def path_length(graph, a, b):
    return nx.shortest_path_length(graph, by_id[int(a)], by_id[int(b)])
edges = list(g.edges(data=True))
first_edge = next(d for _, _, d in edges if d['relation'] == 'holds_position')
first_node = next(iter(g.nodes(data=True)))[1]
print(json.dumps({
    'directed': g.is_directed(),
    'nodes': g.number_of_nodes(),
    'edges': g.number_of_edges(),
    'names': sorted(d['name'] for _, d in g.nodes(data=True)),
    'node_types': {k: type(v).__name__ for k, v in first_node.items()},
    'edge_types': {k: type(v).__name__ for k, v in first_edge.items()},
    'aliases': {d['name']: d.get('aliases', '') for _, d in g.nodes(data=True)},
    'degrees': {d['name']: d['degree'] for _, d in g.nodes(data=True)},
    'unresolved': sorted(d['name'] for _, d in g.nodes(data=True) if d['unresolved']),
    'articles': {d['name']: d['articles'] for _, d in g.nodes(data=True)},
    'sources': first_edge.get('sources', ''),
    'outlet': first_edge.get('outlet', ''),
    'evidence': sorted(d['evidence'] for _, _, d in edges),
    'titles': sorted(d.get('title', '') for _, _, d in edges),
    'directed_path': path_length(g, sys.argv[2], sys.argv[3]),
    'undirected_path': path_length(g.to_undirected(), sys.argv[4], sys.argv[5]),
}, ensure_ascii=False))
)";

constexpr const char* kIgraphScript = R"(
import json, sys
import igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
print(json.dumps({
    'directed': g.is_directed(),
    'nodes': g.vcount(),
    'edges': g.ecount(),
    'names': sorted(g.vs['name']),
    'char_begin': sorted(g.es['char_begin']),
}, ensure_ascii=False))
)";

std::filesystem::path WriteSample(const ScratchDir& dir) {
  const std::filesystem::path path = dir / "graph.graphml";
  std::ofstream out(path);
  Status status = WriteGraphml(SampleGraph(), out);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return path;
}

std::vector<std::string> SortedNames(const graph::GraphData& data) {
  std::vector<std::string> names;
  for (const graph::EntityRecord& entity : data.entities) names.push_back(entity.name);
  std::sort(names.begin(), names.end());
  return names;
}

class GraphmlNetworkxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // 李强 -attended-> 签约仪式 -held_at-> 会展中心: 2 steps along the arrows;
    // 开发公司 - 市委 - 李强 - 签约仪式 - 会展中心: 4 steps ignoring direction.
    read_ = RunPython(dir_, kNetworkxScript,
                      {WriteSample(dir_).string(), std::to_string(testing::kLiQiang),
                       std::to_string(testing::kExpoCentre), std::to_string(testing::kCompany),
                       std::to_string(testing::kExpoCentre)});
    ASSERT_FALSE(read_.is_null());
  }

  ScratchDir dir_;
  nlohmann::json read_;
};

TEST_F(GraphmlNetworkxTest, NetworkxReadsSameNodesAndEdges) {
  const graph::GraphData data = SampleGraph();
  EXPECT_TRUE(read_["directed"].get<bool>());
  EXPECT_EQ(read_["nodes"].get<size_t>(), data.entities.size());
  EXPECT_EQ(read_["edges"].get<size_t>(), data.relations.size());
  EXPECT_EQ(read_["names"].get<std::vector<std::string>>(), SortedNames(data));
}

TEST_F(GraphmlNetworkxTest, HostileNameAndEvidenceSurviveExactly) {
  const auto names = read_["names"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(names.begin(), names.end(), testing::kHostileName), names.end());
  std::vector<std::string> evidence;
  for (const graph::RelationRecord& relation : SampleGraph().relations) {
    evidence.push_back(relation.evidence.sentence);
  }
  std::sort(evidence.begin(), evidence.end());
  EXPECT_EQ(read_["evidence"].get<std::vector<std::string>>(), evidence);
}

TEST_F(GraphmlNetworkxTest, AttributesKeepTheirTypes) {
  const nlohmann::json& node = read_["node_types"];
  EXPECT_EQ(node["name"], "str");
  EXPECT_EQ(node["type"], "str");
  EXPECT_EQ(node["entity_id"], "int");
  EXPECT_EQ(node["degree"], "int");
  EXPECT_EQ(node["unresolved"], "bool");
  EXPECT_EQ(node["articles"], "int");
  const nlohmann::json& edge = read_["edge_types"];
  for (const char* key : {"relation", "title", "article", "article_path", "date", "evidence"}) {
    EXPECT_EQ(edge[key], "str") << key;
  }
  for (const char* key : {"char_begin", "char_end", "relation_id"}) {
    EXPECT_EQ(edge[key], "int") << key;
  }
}

TEST_F(GraphmlNetworkxTest, AliasesAreJoinedByBarAndDegreesCountRelations) {
  EXPECT_EQ(read_["aliases"]["李强"], "李书记|强");
  EXPECT_EQ(read_["degrees"]["李强"], 3);
  EXPECT_EQ(read_["degrees"]["新区项目签约仪式"], 5);
}

TEST_F(GraphmlNetworkxTest, ProvenanceUnresolvedNamesAndReprintSourcesAreKept) {
  EXPECT_EQ(read_["unresolved"], (std::vector<std::string>{"开发公司"}));
  EXPECT_EQ(read_["articles"]["李强"], 1);
  EXPECT_EQ(read_["articles"]["中国"], 0);
  EXPECT_EQ(read_["sources"], "pages/a.txt|web/b.txt");
  EXPECT_EQ(read_["outlet"], "某市日报");
}

TEST_F(GraphmlNetworkxTest, ShortestPathLengthsMatchTheHandGraph) {
  EXPECT_EQ(read_["directed_path"], 2);
  EXPECT_EQ(read_["undirected_path"], 4);
}

TEST(GraphmlIgraphTest, IgraphReadsSameNodesEdgesAndNumbers) {
  ScratchDir dir;
  nlohmann::json read = RunPython(dir, kIgraphScript, {WriteSample(dir).string()});
  ASSERT_FALSE(read.is_null());
  const graph::GraphData data = SampleGraph();
  EXPECT_TRUE(read["directed"].get<bool>());
  EXPECT_EQ(read["nodes"].get<size_t>(), data.entities.size());
  EXPECT_EQ(read["edges"].get<size_t>(), data.relations.size());
  EXPECT_EQ(read["names"].get<std::vector<std::string>>(), SortedNames(data));
  std::vector<int64_t> char_begin;
  for (const graph::RelationRecord& relation : data.relations) {
    char_begin.push_back(relation.evidence.char_begin);
  }
  std::sort(char_begin.begin(), char_begin.end());
  EXPECT_EQ(read["char_begin"].get<std::vector<int64_t>>(), char_begin);
}

TEST(GraphmlWriterTest, ControlCharacterInNameStillGivesReadableXml) {
  ScratchDir dir;
  graph::GraphData data;
  data.entities = {{1, graph::EntityType::kPerson, std::string("甲\x01乙\t丙\uFFFE丁\uFFFF"), {}}};
  const std::filesystem::path path = dir / "control.graphml";
  {
    std::ofstream out(path);
    ASSERT_TRUE(WriteGraphml(data, out).ok());
  }
  nlohmann::json read = RunPython(dir, R"(
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps([d['name'] for _, d in g.nodes(data=True)], ensure_ascii=False))
)",
                                  {path.string()});
  ASSERT_FALSE(read.is_null());
  EXPECT_EQ(read, nlohmann::json::array({"甲\uFFFD乙\t丙\uFFFD丁\uFFFD"}));
}

TEST(GraphmlWriterTest, RelationToUnknownEntityIsInvalidInput) {
  graph::GraphData data = SampleGraph();
  data.relations[3].source_id = 999;
  std::ostringstream out;
  Status status = WriteGraphml(data, out);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
}

TEST(GraphmlWriterTest, FailedStreamIsIoError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_EQ(WriteGraphml(SampleGraph(), out).code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace guanxi::render
