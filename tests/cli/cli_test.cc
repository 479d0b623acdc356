// End-to-end behaviour of the `guanxi` command on the bundled samples: a real
// SQLite file, real Graphviz output, GraphML read back by networkx.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace guanxi::testing {
namespace {

class GuanxiCliTest : public SamplesDatabaseTest {
 protected:
  // Runs a python3 script (with networkx) and returns its stdout as JSON.
  nlohmann::json Python(const std::string& script, const std::string& argument) const {
    std::filesystem::path file = dir_ / "script.py";
    WriteFile(file, script);
    CommandResult result = RunShell(std::string(kPython) + " " + ShellQuote(file.string()) + " " +
                                    ShellQuote(argument));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return nlohmann::json::parse(result.out);
  }
};

TEST_F(GuanxiCliTest, RebuildingTheSameSamplesAddsNothing) {
  CommandResult before = Guanxi("stats");
  ASSERT_EQ(before.exit_code, 0) << before.err;
  CommandResult again = RunGuanxi("build " + ShellQuote(SamplesDir().string()) + " --db " + Db());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find(" 0 items added"), std::string::npos) << again.out;
  EXPECT_EQ(Guanxi("stats").out, before.out);
}

TEST_F(GuanxiCliTest, BadFileIsNamedAndStoredGraphSurvives) {
  CommandResult before = Guanxi("stats");
  std::filesystem::path bad = dir_ / "gbk-page.txt";
  WriteFile(bad, "\xd3\xc0\xb4\xa8\xc7\xf8\xce\xaf\n");  // GBK, not UTF-8
  CommandResult build = Guanxi("build " + ShellQuote(bad.string()));
  EXPECT_EQ(build.exit_code, 1);
  EXPECT_NE(build.err.find("gbk-page.txt"), std::string::npos) << build.err;
  EXPECT_NE(build.err.find("UTF-8"), std::string::npos) << build.err;
  EXPECT_EQ(Guanxi("stats").out, before.out);
}

TEST_F(GuanxiCliTest, ReadingCommandsNeverCreateADatabase) {
  std::filesystem::path missing = dir_ / "none.db";
  CommandResult result = RunGuanxi("stats --db " + ShellQuote(missing.string()));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("none.db"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
}

// Node and edge counts, and every person-to-person shortest path length
// (undirected, as guanxi connects), computed by networkx on our GraphML.
constexpr char kNetworkxScript[] = R"(
import itertools, json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
u = nx.Graph(g)
persons = sorted(n for n, d in g.nodes(data=True) if d.get("type") == "person")
pairs = []
for a, b in itertools.islice(itertools.combinations(persons, 2), 60):
    try:
        length = nx.shortest_path_length(u, a, b)
    except nx.NetworkXNoPath:
        length = None
    pairs.append(["#" + str(g.nodes[a]["entity_id"]), "#" + str(g.nodes[b]["entity_id"]), length])
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "pairs": pairs},
                 ensure_ascii=False))
)";

TEST_F(GuanxiCliTest, PathAgreesWithNetworkxOnExportedGraphml) {
  std::filesystem::path graphml = dir_ / "graph.graphml";
  CommandResult exported = Guanxi("export --format graphml -o " + ShellQuote(graphml.string()));
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  nlohmann::json networkx = Python(kNetworkxScript, graphml.string());

  CommandResult stats = Guanxi("stats");
  std::ostringstream counts;
  counts << networkx["nodes"].get<int>() << " entities";
  EXPECT_NE(stats.out.find(counts.str()), std::string::npos) << stats.out;
  counts.str("");
  counts << networkx["edges"].get<int>() << " relations";
  EXPECT_NE(stats.out.find(counts.str()), std::string::npos) << stats.out;

  ASSERT_GE(networkx["pairs"].size(), 10u) << "samples should name enough people";
  int connected = 0;
  for (const nlohmann::json& pair : networkx["pairs"]) {
    // By id: persons of one name whose evidence does not agree are two entities.
    std::string from = pair[0].get<std::string>();
    std::string to = pair[1].get<std::string>();
    nlohmann::json path = GuanxiJson("path " + ShellQuote(from) + " " + ShellQuote(to));
    EXPECT_EQ(path["length"], pair[2]) << from << " -> " << to;
    if (!pair[2].is_null()) {
      ++connected;
      ASSERT_EQ(path["paths"].size(), 1u);
      EXPECT_EQ(path["paths"][0]["edges"].size(), pair[2].get<std::size_t>());
      for (const nlohmann::json& edge : path["paths"][0]["edges"]) {
        EXPECT_FALSE(edge["evidence"]["sentence"].get<std::string>().empty());
      }
    }
  }
  EXPECT_GT(connected, 0) << "some sample people should be connected";
}

constexpr char kSvgScript[] = R"(
import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
texts = ["".join(e.itertext()) for e in root.iter() if e.tag.endswith("}text")]
print(json.dumps({"texts": texts}, ensure_ascii=False))
)";

TEST_F(GuanxiCliTest, RenderedNeighbourhoodSvgParsesAndNamesEveryNeighbour) {
  std::filesystem::path graphml = dir_ / "graph.graphml";
  ASSERT_EQ(Guanxi("export -o " + ShellQuote(graphml.string())).exit_code, 0);
  nlohmann::json best = Python(R"(
import json, sys, networkx as nx
g = nx.Graph(nx.read_graphml(sys.argv[1]))
persons = [n for n, d in g.nodes(data=True) if d.get("type") == "person"]
n = max(persons, key=lambda p: (g.degree(p), p))
print(json.dumps({"name": g.nodes[n]["name"], "id": g.nodes[n]["entity_id"],
                  "neighbours": sorted(g.nodes[m]["name"] for m in g.neighbors(n))},
                 ensure_ascii=False))
)",
                               graphml.string());
  std::string centre = "#" + std::to_string(best["id"].get<int64_t>());
  std::filesystem::path svg = dir_ / "around.svg";
  CommandResult render = Guanxi("render --around " + ShellQuote(centre) + " --depth 1 -o " +
                                ShellQuote(svg.string()));
  ASSERT_EQ(render.exit_code, 0) << render.err;
  nlohmann::json texts = Python(kSvgScript, svg.string())["texts"];
  auto drawn = [&](const std::string& name) {
    for (const nlohmann::json& text : texts) {
      if (text.get<std::string>().find(name) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(drawn(best["name"].get<std::string>()));
  for (const nlohmann::json& neighbour : best["neighbours"]) {
    EXPECT_TRUE(drawn(neighbour.get<std::string>())) << neighbour;
  }
}

TEST_F(GuanxiCliTest, UnknownNameFailsAndSuggestsNearNames) {
  nlohmann::json graph = GuanxiJson("search 区 --limit 1");
  ASSERT_FALSE(graph.empty());
  std::string known = graph[0]["name"];
  std::string typo = known + "某";
  CommandResult show = Guanxi("show " + ShellQuote(typo));
  EXPECT_EQ(show.exit_code, 1);
  EXPECT_NE(show.err.find("no entity"), std::string::npos) << show.err;
  EXPECT_NE(show.err.find(known), std::string::npos) << show.err;
}

TEST_F(GuanxiCliTest, ShowPrintsPostsWithEvidence) {
  std::filesystem::path graphml = dir_ / "graph.graphml";
  ASSERT_EQ(Guanxi("export -o " + ShellQuote(graphml.string())).exit_code, 0);
  nlohmann::json holder = Python(R"(
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
for a, b, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1])):
    if d.get("relation") == "holds_position":
        print(json.dumps({"person": g.nodes[a]["name"], "id": g.nodes[a]["entity_id"],
                          "institution": g.nodes[b]["name"],
                          "title": d.get("title", ""), "evidence": d.get("evidence", "")},
                         ensure_ascii=False))
        break
)",
                                 graphml.string());
  CommandResult show =
      Guanxi("show " + ShellQuote("#" + std::to_string(holder["id"].get<int64_t>())));
  EXPECT_NE(show.out.find(holder["person"].get<std::string>()), std::string::npos);
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("posts:"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find(holder["institution"].get<std::string>()), std::string::npos);
  EXPECT_NE(show.out.find(holder["title"].get<std::string>()), std::string::npos);
  EXPECT_NE(show.out.find(holder["evidence"].get<std::string>()), std::string::npos);
}


// For person pairs joined through someone else: the number of shortest paths
// networkx counts, and the same count with the busiest middle entity removed.
constexpr char kAllPathsScript[] = R"(
import itertools, json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
u = nx.Graph(g)
persons = sorted(n for n, d in g.nodes(data=True) if d.get("type") == "person")
out = []
for a, b in itertools.combinations(persons, 2):
    if not nx.has_path(u, a, b):
        continue
    paths = list(nx.all_shortest_paths(u, a, b))
    if len(paths[0]) < 4:
        continue
    middle = max(set(paths[0][1:-1]), key=lambda n: (u.degree(n), n))
    v = u.copy()
    v.remove_node(middle)
    try:
        without = nx.shortest_path_length(v, a, b)
    except nx.NetworkXNoPath:
        without = None
    out.append({"from": "#" + str(g.nodes[a]["entity_id"]),
                "to": "#" + str(g.nodes[b]["entity_id"]), "count": len(paths),
                "length": len(paths[0]) - 1, "middle": g.nodes[middle]["name"],
                "middle_id": g.nodes[middle]["entity_id"], "without": without})
    if len(out) == 8:
        break
print(json.dumps(out, ensure_ascii=False))
)";

TEST_F(GuanxiCliTest, AllShortestPathsAndExclusionAgreeWithNetworkx) {
  std::filesystem::path graphml = dir_ / "graph.graphml";
  ASSERT_EQ(Guanxi("export -o " + ShellQuote(graphml.string())).exit_code, 0);
  nlohmann::json cases = Python(kAllPathsScript, graphml.string());
  ASSERT_FALSE(cases.empty()) << "samples should join people through others";
  for (const nlohmann::json& c : cases) {
    std::string ends =
        ShellQuote(c["from"].get<std::string>()) + " " + ShellQuote(c["to"].get<std::string>());
    nlohmann::json all = GuanxiJson("path " + ends + " --all");
    EXPECT_EQ(all["paths"].size(), c["count"].get<std::size_t>()) << ends;
    EXPECT_EQ(all["length"], c["length"]) << ends;

    std::string hub = "#" + std::to_string(c["middle_id"].get<int64_t>());
    nlohmann::json without = GuanxiJson("path " + ends + " --exclude " + ShellQuote(hub));
    EXPECT_EQ(without["length"], c["without"]) << ends << " without " << hub;
    for (const nlohmann::json& node : without["paths"].empty() ? nlohmann::json::array()
                                                                : without["paths"][0]["nodes"]) {
      EXPECT_NE(node["name"], c["middle"]) << "the excluded hub is still on the path";
    }
  }
}

TEST_F(GuanxiCliTest, SearchFindsPeopleByPinyinAndPartOfName) {
  // 钱若溪 and the institutions of 云岭市 are written into samples/.
  auto names = [&](const std::string& query) {
    std::vector<std::string> found;
    for (const nlohmann::json& hit : GuanxiJson("search " + ShellQuote(query))) {
      found.push_back(hit["name"]);
    }
    return found;
  };
  EXPECT_EQ(names("qianruoxi").front(), "钱若溪");
  EXPECT_EQ(names("若溪").front(), "钱若溪");
  std::vector<std::string> yunling = names("yunling");
  EXPECT_GE(yunling.size(), 2u);
  for (const std::string& name : yunling) EXPECT_NE(name.find("云岭"), std::string::npos) << name;
  CommandResult nothing = Guanxi("search zzzzqqq");
  EXPECT_EQ(nothing.exit_code, 1);
}


// The ids, names and relation ids that each export format holds, read by
// networkx (GraphML, JSON), igraph (GraphML) and Python's csv module.
constexpr char kExportsScript[] = R"(
import csv, json, sys
import igraph
import networkx as nx
from networkx.readwrite import json_graph
folder = sys.argv[1]
g = nx.read_graphml(folder + "/sub.graphml")
graphml = {"nodes": sorted((int(d["entity_id"]), d["name"]) for _, d in g.nodes(data=True)),
           "edges": sorted(int(d["relation_id"]) for _, _, d in g.edges(data=True))}
with open(folder + "/sub.json", encoding="utf-8") as f:
    j = json_graph.node_link_graph(json.load(f), link="edges")
as_json = {"nodes": sorted((int(n), d["name"]) for n, d in j.nodes(data=True)),
           "edges": sorted(int(k) for _, _, k in j.edges(keys=True))}
with open(folder + "/csv/nodes.csv", encoding="utf-8", newline="") as f:
    nodes = sorted((int(r["id"]), r["name"]) for r in csv.DictReader(f))
with open(folder + "/csv/edges.csv", encoding="utf-8", newline="") as f:
    edges = sorted(int(r["id"]) for r in csv.DictReader(f))
ig = igraph.Graph.Read_GraphML(folder + "/sub.graphml")
print(json.dumps({"graphml": graphml, "json": as_json, "csv": {"nodes": nodes, "edges": edges},
                  "igraph": [ig.vcount(), ig.ecount()]}, ensure_ascii=False))
)";

TEST_F(GuanxiCliTest, GraphmlCsvAndJsonExportsOfOneSubgraphAgree) {
  nlohmann::json people = GuanxiJson("search 钱若溪");
  std::string centre = "#" + std::to_string(people[0]["id"].get<int64_t>());
  std::string selector = " --around " + ShellQuote(centre) + " --depth 2";
  std::string folder = dir_.path().string();
  ASSERT_EQ(Guanxi("export" + selector + " -o " + ShellQuote(folder + "/sub.graphml")).exit_code, 0);
  ASSERT_EQ(Guanxi("export --format json" + selector + " -o " + ShellQuote(folder + "/sub.json"))
                .exit_code,
            0);
  ASSERT_EQ(Guanxi("export --format csv" + selector + " -o " + ShellQuote(folder + "/csv"))
                .exit_code,
            0);
  nlohmann::json read = Python(kExportsScript, folder);
  nlohmann::json neighbours = GuanxiJson("neighbors " + ShellQuote(centre) + " --depth 2");

  EXPECT_EQ(read["graphml"]["nodes"].size(), neighbours["neighbors"].size() + 1);
  EXPECT_EQ(read["graphml"]["edges"].size(), neighbours["relations"].size());
  EXPECT_EQ(read["json"], read["graphml"]);
  EXPECT_EQ(read["csv"], read["graphml"]);
  EXPECT_EQ(read["igraph"][0], read["graphml"]["nodes"].size());
  EXPECT_EQ(read["igraph"][1], read["graphml"]["edges"].size());
}

TEST_F(GuanxiCliTest, PathSvgCarriesEvidenceTooltips) {
  std::filesystem::path svg = dir_ / "path.svg";
  CommandResult render = Guanxi("render --path 阿米尔·哈桑 庞可欣 -o " + ShellQuote(svg.string()));
  ASSERT_EQ(render.exit_code, 0) << render.err;
  nlohmann::json path = GuanxiJson("path 阿米尔·哈桑 庞可欣");
  nlohmann::json read = Python(R"(
import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
titles = [v for e in root.iter() for k, v in e.attrib.items() if k.endswith("title")]
texts = ["".join(e.itertext()) for e in root.iter() if e.tag.endswith("}text")]
print(json.dumps({"tooltips": titles, "texts": texts}, ensure_ascii=False))
)",
                               svg.string());
  std::string tooltips = read["tooltips"].dump();
  std::string texts = read["texts"].dump();
  ASSERT_FALSE(path["paths"].empty());
  for (const nlohmann::json& node : path["paths"][0]["nodes"]) {
    EXPECT_NE(texts.find(node["name"].get<std::string>()), std::string::npos) << node;
  }
  for (const nlohmann::json& edge : path["paths"][0]["edges"]) {
    std::string sentence = edge["evidence"]["sentence"];
    EXPECT_NE(tooltips.find(sentence), std::string::npos) << sentence;
  }
}


TEST_F(GuanxiCliTest, DateRangeAndHopLimitNarrowPaths) {
  nlohmann::json open = GuanxiJson("path 阿米尔·哈桑 庞可欣");
  ASSERT_FALSE(open["length"].is_null());
  int hops = open["length"].get<int>();
  std::string first_date = open["paths"][0]["edges"][0]["article"]["date"];

  // Every hop of the path is dated; a range that ends before the first one leaves nothing.
  nlohmann::json before = GuanxiJson("path 阿米尔·哈桑 庞可欣 --until 1-1");
  EXPECT_TRUE(before["length"].is_null());
  EXPECT_TRUE(before["paths"].empty());
  nlohmann::json from_first = GuanxiJson("path 阿米尔·哈桑 庞可欣 --since " + ShellQuote(first_date));
  EXPECT_EQ(from_first["length"], hops);

  nlohmann::json short_only =
      GuanxiJson("path 阿米尔·哈桑 庞可欣 --max-hops " + std::to_string(hops - 1));
  EXPECT_TRUE(short_only["length"].is_null());

  CommandResult bad = Guanxi("path 阿米尔·哈桑 庞可欣 --since yesterday");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("not a date"), std::string::npos) << bad.err;
}

// Two pages a year apart, each dated by its furniture line, in which the same
// two people (holding the same posts of one real county, so one person each)
// attend a meeting on the same month and day.
TEST_F(GuanxiCliTest, FullDateRangesTellYearsApart) {
  const std::string db = ShellQuote((dir_ / "years.db").string());
  WriteFile(dir_ / "2023.txt",
            "峡江县召开招商推介会\n\n发布时间:2023-05-10 09:00 来源:峡江县融媒体中心\n\n"
            "5月9日,峡江县召开招商推介会。县委书记王建国、县长李明华出席会议。\n\n责任编辑:赵某\n");
  WriteFile(dir_ / "2024.txt",
            "峡江县召开项目签约会\n\n发布时间:2024-05-10 09:00 来源:峡江县融媒体中心\n\n"
            "5月9日,峡江县召开项目签约会。县委书记王建国、县长李明华出席会议。\n\n责任编辑:赵某\n");
  for (const char* page : {"2023.txt", "2024.txt"}) {
    CommandResult build = RunGuanxi("build " + ShellQuote((dir_ / page).string()) + " --db " + db);
    ASSERT_EQ(build.exit_code, 0) << build.err;
  }
  auto titles = [&](const std::string& range) {
    CommandResult result = RunGuanxi("path 王建国 李明华 " + range + " --json --db " + db);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<std::string> seen;
    nlohmann::json path = nlohmann::json::parse(result.out);
    for (const nlohmann::json& found : path["paths"]) {
      for (const nlohmann::json& edge : found["edges"]) {
        seen.push_back(edge["article"]["title"]);
      }
    }
    return seen;
  };
  std::vector<std::string> in_2024 = titles("--since 2024-01-01");
  ASSERT_FALSE(in_2024.empty());
  for (const std::string& title : in_2024) EXPECT_EQ(title, "峡江县召开项目签约会");
  std::vector<std::string> in_2023 = titles("--since 2023-01-01 --until 2023-12-31");
  ASSERT_FALSE(in_2023.empty());
  for (const std::string& title : in_2023) EXPECT_EQ(title, "峡江县召开招商推介会");
  EXPECT_TRUE(titles("--since 2025-01-01").empty());
  EXPECT_FALSE(titles("--since 5-9 --until 5-9").empty());  // month and day: any year
}

}  // namespace
}  // namespace guanxi::testing
