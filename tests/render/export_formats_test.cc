// One GraphData written as GraphML, CSV and JSON must tell the same graph:
// a single Python script reads all three with their usual readers.

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "render/csv_writer.h"
#include "render/graphml_writer.h"
#include "render/json_writer.h"
#include "tests/render/render_test_util.h"

namespace guanxi::render {
namespace {

using testing::RunPython;
using testing::ScratchDir;
using testing::WriteCsvFiles;

// For each format: [entity id, name] per node and [relation id, source
// entity id, target entity id, relation, evidence] per edge, sorted.
constexpr const char* kReadAllScript = R"(
import csv, json, sys
import networkx as nx
from networkx.readwrite import json_graph
graphml, nodes_csv, edges_csv, json_path = sys.argv[1:5]

g = nx.read_graphml(graphml)
entity = {n: d['entity_id'] for n, d in g.nodes(data=True)}
from_graphml = {
    'nodes': sorted([d['entity_id'], d['name']] for _, d in g.nodes(data=True)),
    'edges': sorted([d['relation_id'], entity[u], entity[v], d['relation'], d['evidence']]
                    for u, v, d in g.edges(data=True)),
}

def rows(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))
from_csv = {
    'nodes': sorted([int(r['id']), r['name']] for r in rows(nodes_csv)),
    'edges': sorted([int(r['id']), int(r['source']), int(r['target']), r['relation'],
                     r['evidence']] for r in rows(edges_csv)),
}

with open(json_path, encoding='utf-8') as f:
    document = json.load(f)
j = json_graph.node_link_graph(document, link='edges')
from_json = {
    'nodes': sorted([n, d['name']] for n, d in j.nodes(data=True)),
    'edges': sorted([d['id'], u, v, d['relation'], d['evidence']['sentence']]
                    for u, v, d in j.edges(data=True)),
}
print(json.dumps({'graphml': from_graphml, 'csv': from_csv, 'json': from_json},
                 ensure_ascii=False))
)";

nlohmann::json Expected(const graph::GraphData& data) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const graph::EntityRecord& entity : data.entities) nodes.push_back({entity.id, entity.name});
  nlohmann::json edges = nlohmann::json::array();
  for (const graph::RelationRecord& relation : data.relations) {
    edges.push_back({relation.id, relation.source_id, relation.target_id,
                     std::string(graph::ToString(relation.type)), relation.evidence.sentence});
  }
  std::sort(nodes.begin(), nodes.end());
  std::sort(edges.begin(), edges.end());
  return {{"nodes", nodes}, {"edges", edges}};
}

void ExpectSameGraphInEveryFormat(const graph::GraphData& data) {
  ScratchDir dir;
  const std::filesystem::path graphml = dir / "graph.graphml";
  const std::filesystem::path json = dir / "graph.json";
  {
    std::ofstream out(graphml);
    ASSERT_TRUE(WriteGraphml(data, out).ok());
  }
  {
    std::ofstream out(json);
    ASSERT_TRUE(WriteJson(data, out).ok());
  }
  ASSERT_TRUE(WriteCsvFiles(data, dir / "nodes.csv", dir / "edges.csv").ok());
  nlohmann::json read = RunPython(dir, kReadAllScript,
                                  {graphml.string(), (dir / "nodes.csv").string(),
                                   (dir / "edges.csv").string(), json.string()});
  ASSERT_FALSE(read.is_null());
  const nlohmann::json expected = Expected(data);
  for (const char* format : {"graphml", "csv", "json"}) {
    EXPECT_EQ(read[format]["nodes"], expected["nodes"]) << format;
    EXPECT_EQ(read[format]["edges"], expected["edges"]) << format;
  }
}

TEST(ExportFormatsTest, SampleGraphWithHostileNameIsTheSameInGraphmlCsvAndJson) {
  ExpectSameGraphInEveryFormat(testing::SampleGraph());
}

TEST(ExportFormatsTest, NewsGraphIsTheSameInGraphmlCsvAndJson) {
  ExpectSameGraphInEveryFormat(testing::NewsGraph(200));
}

}  // namespace
}  // namespace guanxi::render
