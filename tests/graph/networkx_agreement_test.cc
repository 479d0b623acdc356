// The connection queries and centrality against networkx: the same hand
// graph, written as GraphML, read by Debian's python3 into nx.Graph (which
// merges parallel relations), must give the same figures.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "graph/centrality.h"
#include "graph/knowledge_graph.h"
#include "tests/graph/graph_builder.h"

namespace guanxi::graph {
namespace {

constexpr const char* kPython = "/usr/bin/python3";  // has networkx; PATH's python3 may not
constexpr int64_t kHub = 15;
constexpr size_t kK = 20;

// Prints, for the GraphML in argv[1] and the hub id in argv[2]:
//   b NODE BETWEENNESS            for every node
//   n S T COUNT                   all_shortest_paths count, every ordered pair
//   k S T LENGTH...               the first kK shortest_simple_paths lengths
//   x S T COUNT                   the count without the hub, pairs without it
constexpr const char* kScript = R"(
import itertools, sys
import networkx as nx
g = nx.Graph(nx.read_graphml(sys.argv[1]))
hub = sys.argv[2]
for node, value in nx.betweenness_centrality(g).items():
    print('b', node, repr(value))
def count(graph, s, t):
    try:
        return sum(1 for _ in nx.all_shortest_paths(graph, s, t))
    except nx.NetworkXNoPath:
        return 0
def lengths(graph, s, t):
    try:
        return [len(p) - 1 for p in itertools.islice(nx.shortest_simple_paths(graph, s, t), 20)]
    except nx.NetworkXNoPath:
        return []
hubless = g.subgraph([n for n in g if n != hub])
for s, t in itertools.permutations(g, 2):
    print('n', s, t, count(g, s, t))
    print('k', s, t, *lengths(g, s, t))
    if hub not in (s, t):
        print('x', s, t, count(hubless, s, t))
)";

// A ladder (1-8), a double diamond (7, 9-14) hung on it, a hub joined to
// both, parallel relations, a relation of an entity with itself and an
// isolated entity.
GraphBuilder RichGraph() {
  GraphBuilder builder;
  for (int64_t id = 1; id <= 14; ++id)
    builder.Entity(id, id % 3 ? EntityType::kPerson : EntityType::kEvent);
  builder.Entity(kHub, EntityType::kInstitution).Entity(20);
  int64_t relation = 100;
  const auto join = [&](int64_t a, int64_t b) { builder.Relation(relation++, a, b); };
  for (auto [a, b] : std::vector<std::pair<int64_t, int64_t>>{
           {1, 2},   {2, 3},    {3, 7},    {1, 4},     {4, 5},    {5, 6},   {6, 7},
           {2, 5},   {3, 6},    {4, 8},    {8, 6},     {3, 2},    {7, 9},   {7, 10},
           {9, 11},  {10, 11},  {11, 12},  {11, 13},   {12, 14},  {13, 14}, {9, 7},
           {12, 12}, {kHub, 1}, {kHub, 8}, {kHub, 14}, {11, kHub}}) {
    join(a, b);
  }
  return builder;
}

std::string ToGraphml(const GraphData& data) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      << "<graph id=\"G\" edgedefault=\"undirected\">\n";
  for (const EntityRecord& entity : data.entities) out << "<node id=\"" << entity.id << "\"/>\n";
  for (const RelationRecord& relation : data.relations) {
    out << "<edge source=\"" << relation.source_id << "\" target=\"" << relation.target_id
        << "\"/>\n";
  }
  out << "</graph>\n</graphml>\n";
  return out.str();
}

using Pair = std::pair<int64_t, int64_t>;

class NetworkxAgreementTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kPython)) return;
    const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                                      ("guanxi_networkx_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "graph.graphml") << ToGraphml(RichGraph().data());
    std::ofstream(dir / "check.py") << kScript;
    const std::string command = std::string(kPython) + " " + (dir / "check.py").string() + " " +
                                (dir / "graph.graphml").string() + " " + std::to_string(kHub);
    FILE* pipe = ::popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    exit_status_ = ::pclose(pipe);
    std::filesystem::remove_all(dir);
    Parse(output);
  }

  static void Parse(const std::string& output) {
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
      std::istringstream fields(line);
      std::string kind;
      int64_t s = 0;
      fields >> kind >> s;
      if (kind == "b") {
        fields >> betweenness_[s];
        continue;
      }
      int64_t t = 0;
      fields >> t;
      std::vector<size_t> values;
      for (size_t value; fields >> value;) values.push_back(value);
      if (kind == "n") counts_[{s, t}] = values.at(0);
      if (kind == "x") hubless_counts_[{s, t}] = values.at(0);
      if (kind == "k") lengths_[{s, t}] = values;
    }
  }

  void SetUp() override {
    if (!std::filesystem::exists(kPython)) GTEST_SKIP() << kPython << " not installed";
    ASSERT_EQ(exit_status_, 0) << "networkx script failed";
    ASSERT_FALSE(counts_.empty());
  }

  const KnowledgeGraph graph_ = RichGraph().Build();
  static inline int exit_status_ = -1;
  static inline std::map<int64_t, double> betweenness_;
  static inline std::map<Pair, size_t> counts_;
  static inline std::map<Pair, size_t> hubless_counts_;
  static inline std::map<Pair, std::vector<size_t>> lengths_;
};

TEST_F(NetworkxAgreementTest, BetweennessAgreesWithNetworkx) {
  const std::vector<EntityCentrality> rows = ComputeCentrality(graph_);
  ASSERT_EQ(rows.size(), betweenness_.size());
  for (const EntityCentrality& row : rows) {
    EXPECT_NEAR(row.betweenness, betweenness_.at(row.entity_id), 1e-12) << row.entity_id;
  }
  EXPECT_GT(betweenness_.at(kHub), 0.0);  // the figures are not all trivial
}

TEST_F(NetworkxAgreementTest, ShortestPathCountsAgreeWithNetworkx) {
  size_t several = 0;
  for (const auto& [pair, count] : counts_) {
    const auto paths = graph_.AllShortestPaths(pair.first, pair.second, PathFilter{});
    EXPECT_EQ(paths.size(), count) << pair.first << " -> " << pair.second;
    if (count > 1) ++several;
  }
  EXPECT_GT(several, 10u);
}

TEST_F(NetworkxAgreementTest, ExcludingTheHubAgreesWithNetworkxWithoutIt) {
  PathFilter filter;
  filter.excluded_ids = {kHub};
  ASSERT_FALSE(hubless_counts_.empty());
  for (const auto& [pair, count] : hubless_counts_) {
    const auto paths = graph_.AllShortestPaths(pair.first, pair.second, filter);
    EXPECT_EQ(paths.size(), count) << pair.first << " -> " << pair.second;
  }
}

TEST_F(NetworkxAgreementTest, KShortestPathLengthsAgreeWithNetworkx) {
  for (const auto& [pair, expected] : lengths_) {
    std::vector<size_t> lengths;
    for (const ConnectionPath& path :
         graph_.KShortestPaths(pair.first, pair.second, kK, PathFilter{})) {
      lengths.push_back(path.relation_ids.size());
    }
    EXPECT_EQ(lengths, expected) << pair.first << " -> " << pair.second;
  }
}

}  // namespace
}  // namespace guanxi::graph
