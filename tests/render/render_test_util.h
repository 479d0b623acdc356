#pragma once

// Shared by the render tests: a hand-built graph, a scratch directory, and a
// way to ask /usr/bin/python3 (with networkx, igraph) about our files.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graph/graph_data.h"
#include "graph/status.h"

namespace guanxi::render::testing {

// A name made of every character that can break DOT, SVG or XML.
inline const std::string kHostileName = "王\"五'<b>&amp;\\N\\\n六";

// Entity ids of the sample graph.
inline constexpr int64_t kLiQiang = 1;
inline constexpr int64_t kCommittee = 2;
inline constexpr int64_t kProject = 3;
inline constexpr int64_t kChina = 4;
inline constexpr int64_t kSigning = 5;
inline constexpr int64_t kExpoCentre = 6;
inline constexpr int64_t kHostile = 7;
inline constexpr int64_t kCompany = 8;

// Eight entities of all six types (one named kHostileName), one article and
// eight relations of all six types, two of them between the same pair:
//   李强 -holds_position x2-> 市委 <-signed_with- 开发公司
//   李强 -attended-> 签约仪式 -held_at-> 会展中心
//   kHostile -chaired-> 签约仪式 <-mentioned_in- 中国, 新区项目
graph::GraphData SampleGraph();

// A chain e1 -> e2 -> ... -> e<count> of people.
graph::GraphData ChainGraph(int count);

// A whole-graph selection shaped like a city paper's news: events held at
// places, chaired and attended by people (a few officials at most of them),
// people holding posts at institutions, institutions signing agreements,
// countries and projects mentioned. Exactly `count` entities (count >= 20)
// with realistic Chinese name lengths, about 1.7 relations per entity.
// Entity ids are 1..count; person 1 (the mayor) is the biggest hub.
graph::GraphData NewsGraph(int count);

// A fresh empty directory, removed with its content on destruction.
class ScratchDir {
 public:
  ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Writes `script` into `dir`, runs it with /usr/bin/python3 and `args`, and
// parses the JSON it prints. Fails the current test (and returns null) when
// the script exits non-zero or prints no JSON.
nlohmann::json RunPython(const ScratchDir& dir, const std::string& script,
                         const std::vector<std::string>& args);

std::string ReadFile(const std::filesystem::path& path);

// What Python's csv module reads from `nodes_csv` and `second_csv` (edges or
// relationships): {"nodes": {"header": [...], "rows": [[...], ...]},
// second_name: {...}}; null (the test failed) when Python fails.
nlohmann::json ReadCsvTables(const ScratchDir& dir, const std::filesystem::path& nodes_csv,
                             const std::string& second_name,
                             const std::filesystem::path& second_csv);

// render::WriteCsv into the files `nodes_csv` and `edges_csv`.
Status WriteCsvFiles(const graph::GraphData& data, const std::filesystem::path& nodes_csv,
                     const std::filesystem::path& edges_csv);

// Splits `text` at newlines.
std::vector<std::string> Lines(const std::string& text);

}  // namespace guanxi::render::testing
