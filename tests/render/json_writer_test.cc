#include "render/json_writer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/render/render_test_util.h"

namespace guanxi::render {
namespace {

using testing::RunPython;
using testing::SampleGraph;
using testing::ScratchDir;

nlohmann::json WriteAndParse(const graph::GraphData& data) {
  std::ostringstream out;
  Status status = WriteJson(data, out);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return nlohmann::json::parse(out.str(), nullptr, /*allow_exceptions=*/false);
}

TEST(JsonWriterTest, ParsesBackWithOneObjectPerEntityAndRelation) {
  const graph::GraphData data = SampleGraph();
  const nlohmann::json document = WriteAndParse(data);
  ASSERT_FALSE(document.is_discarded());
  EXPECT_EQ(document["directed"], true);
  EXPECT_EQ(document["multigraph"], true);
  ASSERT_EQ(document["nodes"].size(), data.entities.size());
  ASSERT_EQ(document["edges"].size(), data.relations.size());
  for (std::size_t i = 0; i < data.entities.size(); ++i) {
    EXPECT_EQ(document["nodes"][i]["id"], data.entities[i].id);
    EXPECT_EQ(document["nodes"][i]["name"], data.entities[i].name);
  }
  EXPECT_EQ(document["nodes"][0],
            nlohmann::json::parse(
                R"({"id": 1, "name": "李强", "type": "person", "aliases": ["李书记", "强"],
                    "unresolved": false, "articles": [10]})"));
  EXPECT_EQ(document["nodes"][7]["unresolved"], true);
}

TEST(JsonWriterTest, EdgeCarriesEndpointsArticleAndEvidence) {
  const nlohmann::json document = WriteAndParse(SampleGraph());
  ASSERT_FALSE(document.is_discarded());
  EXPECT_EQ(document["edges"][0], nlohmann::json::parse(R"({
    "id": 100, "key": 100, "source": 1, "target": 2,
    "relation": "holds_position", "title": "书记",
    "article": {"id": 10, "title": "李强出席新区项目签约仪式", "path": "pages/a.txt",
                "date": "7月16日", "outlet": "某市日报",
                "sources": [{"path": "pages/a.txt", "outlet": "某市日报",
                             "title": "李强出席新区项目签约仪式"},
                            {"path": "web/b.txt", "outlet": "某市新闻网", "title": "新区项目签约"}]},
    "evidence": {"sentence": "市委书记李强。", "char_begin": 100, "char_end": 120}})"));
}

TEST(JsonWriterTest, HostileNameAndEvidenceRoundTripExactly) {
  const nlohmann::json document = WriteAndParse(SampleGraph());
  ASSERT_FALSE(document.is_discarded());
  EXPECT_EQ(document["nodes"][testing::kHostile - 1]["name"], testing::kHostileName);
  EXPECT_EQ(document["edges"][6]["evidence"]["sentence"], "中国<&>\"引号\"。");
  EXPECT_EQ(document["edges"][7]["evidence"]["sentence"], "新区项目\\N签约。");
}

TEST(JsonWriterTest, BytesThatAreNotUtf8BecomeReplacementCharacter) {
  graph::GraphData data;
  data.entities = {{1, graph::EntityType::kPerson, std::string("甲\xFF乙"), {}}};
  const nlohmann::json document = WriteAndParse(data);
  ASSERT_FALSE(document.is_discarded());
  EXPECT_EQ(document["nodes"][0]["name"], "甲\uFFFD乙");
}

TEST(JsonWriterTest, RelationToUnknownEntityIsInvalidInputAndWritesNothing) {
  graph::GraphData data = SampleGraph();
  data.relations[4].source_id = 999;
  std::ostringstream out;
  Status status = WriteJson(data, out);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_NE(status.ToString().find("999"), std::string::npos) << status.ToString();
  EXPECT_TRUE(out.str().empty());
}

TEST(JsonWriterTest, FailedStreamIsIoError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_EQ(WriteJson(SampleGraph(), out).code(), Status::Code::kIoError);
}

// networkx 2.8 (Debian 12) names the edge list with `link=`; 3.4 and later
// with `edges=`. Either way the document reads as a MultiDiGraph keyed by
// relation id.
constexpr const char* kNetworkxScript = R"(
import inspect, json, sys
from networkx.readwrite import json_graph
with open(sys.argv[1], encoding='utf-8') as f:
    document = json.load(f)
if 'edges' in inspect.signature(json_graph.node_link_graph).parameters:
    g = json_graph.node_link_graph(document, edges='edges')
else:
    g = json_graph.node_link_graph(document, link='edges')
print(json.dumps({
    'class': type(g).__name__,
    'nodes': g.number_of_nodes(),
    'edges': g.number_of_edges(),
    'names': {str(n): d['name'] for n, d in g.nodes(data=True)},
    'keys': sorted([u, v, k] for u, v, k in g.edges(keys=True)),
    'evidence': sorted(d['evidence']['sentence'] for _, _, d in g.edges(data=True)),
}, ensure_ascii=False))
)";

TEST(JsonWriterTest, NetworkxReadsItAsNodeLinkMultiDiGraph) {
  ScratchDir dir;
  const graph::GraphData data = SampleGraph();
  const std::filesystem::path path = dir / "graph.json";
  {
    std::ofstream out(path);
    ASSERT_TRUE(WriteJson(data, out).ok());
  }
  nlohmann::json read = RunPython(dir, kNetworkxScript, {path.string()});
  ASSERT_FALSE(read.is_null());
  EXPECT_EQ(read["class"], "MultiDiGraph");
  EXPECT_EQ(read["nodes"].get<std::size_t>(), data.entities.size());
  EXPECT_EQ(read["edges"].get<std::size_t>(), data.relations.size());
  for (const graph::EntityRecord& entity : data.entities) {
    EXPECT_EQ(read["names"][std::to_string(entity.id)], entity.name);
  }
  nlohmann::json keys = nlohmann::json::array();
  for (const graph::RelationRecord& relation : data.relations) {
    keys.push_back({relation.source_id, relation.target_id, relation.id});
  }
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(read["keys"], keys);  // the two 李强 -> 市委 relations stay two edges
  EXPECT_EQ(read["evidence"].size(), data.relations.size());
}

}  // namespace
}  // namespace guanxi::render
