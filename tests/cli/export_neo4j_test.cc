// guanxi export --format neo4j on the samples: the same nodes and relations
// as the GraphML and JSON exports of the same database, read back by
// networkx and Python's csv module, with the documented headers.

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli/cli_test_util.h"

namespace guanxi::testing {
namespace {

namespace fs = std::filesystem;

// For each export: [entity id, name, type] per node and [relation id, source
// id, target id, relation, title, evidence, article path] per relation,
// sorted; the Neo4j labels and types alongside.
constexpr const char* kReadScript = R"(
import csv, json, sys
import networkx as nx
from networkx.readwrite import json_graph
graphml, json_path, nodes_csv, relationships_csv = sys.argv[1:5]

g = nx.read_graphml(graphml)
entity = {n: d['entity_id'] for n, d in g.nodes(data=True)}
from_graphml = {
    'nodes': sorted([d['entity_id'], d['name'], d['type']] for _, d in g.nodes(data=True)),
    'edges': sorted([d['relation_id'], entity[u], entity[v], d['relation'], d.get('title', ''),
                     d['evidence'], d['article_path']] for u, v, d in g.edges(data=True)),
}
with open(json_path, encoding='utf-8') as f:
    j = json_graph.node_link_graph(json.load(f), link='edges')
from_json = {
    'nodes': sorted([n, d['name'], d['type']] for n, d in j.nodes(data=True)),
    'edges': sorted([d['id'], u, v, d['relation'], d['title'], d['evidence']['sentence'],
                     d['article']['path']] for u, v, d in j.edges(data=True)),
}
def rows(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.reader(f))
nodes, relationships = rows(nodes_csv), rows(relationships_csv)
n = {c: i for i, c in enumerate(nodes[0])}
r = {c: i for i, c in enumerate(relationships[0])}
from_neo4j = {
    'nodes': sorted([int(x[n['entity_id:ID']]), x[n['name']], x[n['type']]] for x in nodes[1:]),
    'edges': sorted([int(x[r['relation_id:long']]), int(x[r[':START_ID']]), int(x[r[':END_ID']]),
                     x[r['relation']], x[r['title']], x[r['sentence']], x[r['article_path']]]
                    for x in relationships[1:]),
}
print(json.dumps({'graphml': from_graphml, 'json': from_json, 'neo4j': from_neo4j,
                  'node_header': nodes[0], 'relationship_header': relationships[0],
                  'labels': sorted({(x[n['type']], x[n[':LABEL']]) for x in nodes[1:]}),
                  'types': sorted({(x[r['relation']], x[r[':TYPE']]) for x in relationships[1:]})},
                 ensure_ascii=False))
)";

class ExportNeo4jTest : public SamplesDatabaseTest {};

TEST_F(ExportNeo4jTest, SamplesGiveTheSameGraphAsGraphmlAndJson) {
  const fs::path graphml = dir_ / "graph.graphml";
  const fs::path json = dir_ / "graph.json";
  const fs::path folder = dir_ / "neo4j";
  ASSERT_EQ(Guanxi("export -o " + ShellQuote(graphml.string())).exit_code, 0);
  ASSERT_EQ(Guanxi("export --format json -o " + ShellQuote(json.string())).exit_code, 0);
  const CommandResult exported = Guanxi("export --format neo4j -o " + ShellQuote(folder.string()));
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_NE(exported.err.find("wrote neo4j"), std::string::npos) << exported.err;

  WriteFile(dir_ / "read.py", kReadScript);
  const CommandResult read =
      RunShell(std::string(kPython) + " " + ShellQuote((dir_ / "read.py").string()) + " " +
               ShellQuote(graphml.string()) + " " + ShellQuote(json.string()) + " " +
               ShellQuote((folder / "nodes.csv").string()) + " " +
               ShellQuote((folder / "relationships.csv").string()));
  ASSERT_EQ(read.exit_code, 0) << read.err;
  const nlohmann::json graphs = nlohmann::json::parse(read.out);

  ASSERT_GT(graphs["graphml"]["nodes"].size(), 20u);
  ASSERT_GT(graphs["graphml"]["edges"].size(), 20u);
  EXPECT_EQ(graphs["neo4j"]["nodes"], graphs["graphml"]["nodes"]);
  EXPECT_EQ(graphs["neo4j"]["edges"], graphs["graphml"]["edges"]);
  EXPECT_EQ(graphs["neo4j"]["nodes"], graphs["json"]["nodes"]);
  EXPECT_EQ(graphs["neo4j"]["edges"], graphs["json"]["edges"]);

  // The headers as render/README.md documents them.
  EXPECT_EQ(graphs["node_header"],
            nlohmann::json({"entity_id:ID", "name", "type", "aliases:string[]",
                            "unresolved:boolean", ":LABEL"}));
  EXPECT_EQ(graphs["relationship_header"],
            nlohmann::json({":START_ID", ":END_ID", ":TYPE", "relation_id:long", "relation",
                            "title", "sentence", "char_begin:long", "char_end:long",
                            "article_id:long", "article", "article_path", "date", "full_date"}));
  for (const nlohmann::json& label : graphs["labels"]) {
    std::string type = label[0];
    type[0] = static_cast<char>(type[0] - 'a' + 'A');
    EXPECT_EQ(label[1], type);
  }
  for (const nlohmann::json& type : graphs["types"]) {
    std::string upper = type[0];
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(type[1], upper);
  }
  // Only the two files, no temporary left behind.
  int entries = 0;
  for ([[maybe_unused]] const fs::directory_entry& entry : fs::directory_iterator(folder))
    ++entries;
  EXPECT_EQ(entries, 2);
}

TEST_F(ExportNeo4jTest, StandardOutputIsRefusedForTwoFiles) {
  const CommandResult result = Guanxi("export --format neo4j -o -");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("neo4j export writes two files: give a folder"), std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace guanxi::testing
