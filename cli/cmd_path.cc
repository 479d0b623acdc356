// guanxi path A B: the shortest connection between two entities, with evidence.

#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/relation_format.h"

namespace guanxi::cli {
namespace {

struct PathOptions {
  std::string from;
  std::string to;
  std::string database;
  bool json = false;
};

nlohmann::json PathJson(const graph::KnowledgeGraph& graph, const graph::ConnectionPath& path) {
  nlohmann::json nodes = nlohmann::json::array();
  for (int64_t id : path.entity_ids) nodes.push_back(EntityJson(*graph.FindEntity(id)));
  nlohmann::json edges = nlohmann::json::array();
  for (int64_t id : path.relation_ids) edges.push_back(RelationJson(graph, *graph.FindRelation(id)));
  return {{"nodes", nodes}, {"edges", edges}};
}

void PrintPath(const graph::KnowledgeGraph& graph, const graph::ConnectionPath& path) {
  std::cout << fmt::format("{} hops\n", path.relation_ids.size());
  for (std::size_t i = 0; i < path.relation_ids.size(); ++i) {
    const graph::RelationRecord& relation = *graph.FindRelation(path.relation_ids[i]);
    std::cout << fmt::format("{}. {}\n   {}\n", i + 1, HopLine(graph, relation, path.entity_ids[i]),
                             EvidenceLine(graph, relation));
  }
}

int RunPath(const PathOptions& options) {
  Result<graph::KnowledgeGraph> graph = LoadGraph(options.database);
  if (!graph.ok()) return ReportError(graph.status());
  Result<int64_t> from = ResolveEntity(*graph, options.from);
  if (!from.ok()) return ReportError(from.status());
  Result<int64_t> to = ResolveEntity(*graph, options.to);
  if (!to.ok()) return ReportError(to.status());

  std::optional<graph::ConnectionPath> path = graph->ShortestPath(*from, *to);
  if (options.json) {
    nlohmann::json out = {{"from", EntityJson(*graph->FindEntity(*from))},
                          {"to", EntityJson(*graph->FindEntity(*to))},
                          {"length", nullptr},
                          {"paths", nlohmann::json::array()}};
    if (path) {
      out["length"] = path->relation_ids.size();
      out["paths"].push_back(PathJson(*graph, *path));
    }
    std::cout << out.dump(2) << '\n';
  } else if (path) {
    PrintPath(*graph, *path);
  } else {
    std::cout << fmt::format("no connection between {} and {}\n",
                             Describe(*graph->FindEntity(*from)), Describe(*graph->FindEntity(*to)));
  }
  return kExitOk;
}

}  // namespace

RunFunction AddPathCommand(CLI::App& command) {
  auto options = std::make_shared<PathOptions>();
  command.add_option("A", options->from, "Where the path starts (name or alias)")->required();
  command.add_option("B", options->to, "Where it ends")->required();
  AddDatabaseOption(command, options->database);
  command.add_flag("--json", options->json, "Print JSON: length and paths with evidence");
  return [options] { return RunPath(*options); };
}

}  // namespace guanxi::cli
