// guanxi neighbors NAME [--depth N]: whom an entity deals with, hop by hop.

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/query_json.h"
#include "cli/query_options.h"
#include "cli/relation_format.h"

namespace guanxi::cli {
namespace {

struct NeighborsOptions {
  std::string name;
  int depth = 1;
  FilterOptions filter;
  std::size_t limit = kMaxNeighbourhood;
  std::string database;
  bool json = false;
};

// The entities other than the centre, nearest first.
std::vector<const graph::EntityRecord*> ByDistance(const graph::KnowledgeGraph& graph,
                                                   int64_t centre,
                                                   std::map<int64_t, int>& distance) {
  std::vector<const graph::EntityRecord*> neighbours;
  for (const graph::EntityRecord& entity : graph.data().entities) {
    if (entity.id != centre) neighbours.push_back(&entity);
  }
  std::stable_sort(neighbours.begin(), neighbours.end(),
                   [&](const graph::EntityRecord* a, const graph::EntityRecord* b) {
                     return distance[a->id] < distance[b->id];
                   });
  return neighbours;
}

int RunNeighbors(const NeighborsOptions& options) {
  Result<index::GraphIndex> index = OpenIndex(options.database);
  if (!index.ok()) return ReportError(index.status());
  Result<int64_t> centre = ResolveEntity(*index, options.name);
  if (!centre.ok()) return ReportError(centre.status());
  Result<graph::PathFilter> filter = MakeFilter(*index, options.filter);
  if (!filter.ok()) return ReportError(filter.status());
  if (options.json) {
    Result<nlohmann::json> out =
        NeighborsQueryJson(*index, *centre, options.depth, *filter, options.limit);
    if (!out.ok()) return ReportError(out.status());
    std::cout << out->dump(2) << '\n';
    return kExitOk;
  }
  // The relations among the neighbours are read only for JSON, which prints them.
  Result<index::NeighbourhoodRegion> region = LimitedNeighbourhood(
      *index, *centre, options.depth, *filter, options.limit, /*with_relations=*/false);
  if (!region.ok()) return ReportError(region.status());
  Result<graph::KnowledgeGraph> graph =
      Completed(*index, std::move(region->data), index::EntityDetail::kCard);
  if (!graph.ok()) return ReportError(graph.status());
  std::map<int64_t, int> distance(region->distances.begin(), region->distances.end());
  const std::vector<const graph::EntityRecord*> neighbours = ByDistance(*graph, *centre, distance);
  std::cout << fmt::format("{}: {} entities within {} hops\n", Describe(*graph->FindEntity(*centre)),
                           neighbours.size(), options.depth);
  for (const graph::EntityRecord* entity : neighbours) {
    std::cout << fmt::format("  {}  {}\n", distance[entity->id], Describe(*entity));
  }
  return kExitOk;
}

}  // namespace

Result<nlohmann::json> NeighborsQueryJson(index::GraphIndex& index, int64_t centre, int depth,
                                          const graph::PathFilter& filter, std::size_t limit) {
  Result<index::NeighbourhoodRegion> region =
      LimitedNeighbourhood(index, centre, depth, filter, limit, /*with_relations=*/true);
  if (!region.ok()) return region.status();
  graph::GraphData selection =
      graph::KnowledgeGraph(std::move(region->data)).Neighbourhood(centre, depth, filter);
  Result<graph::KnowledgeGraph> graph =
      Completed(index, std::move(selection), index::EntityDetail::kCard);
  if (!graph.ok()) return graph.status();
  std::map<int64_t, int> distance(region->distances.begin(), region->distances.end());
  nlohmann::json out = {{"centre", EntityJson(*graph->FindEntity(centre))},
                        {"depth", depth},
                        {"neighbors", nlohmann::json::array()},
                        {"relations", nlohmann::json::array()}};
  for (const graph::EntityRecord* entity : ByDistance(*graph, centre, distance)) {
    nlohmann::json entry = EntityJson(*entity);
    entry["hops"] = distance[entity->id];
    out["neighbors"].push_back(std::move(entry));
  }
  for (const graph::RelationRecord& relation : graph->data().relations) {
    out["relations"].push_back(RelationJson(*graph, relation));
  }
  return out;
}

RunFunction AddNeighborsCommand(CLI::App& command) {
  auto options = std::make_shared<NeighborsOptions>();
  command.add_option("NAME", options->name, "Entity name or alias")->required();
  command.add_option("--depth", options->depth, "How many hops out")
      ->capture_default_str()
      ->check(CLI::Range(0, 10));
  AddFilterOptions(command, options->filter);
  command
      .add_option("--limit", options->limit,
                  "Stop with a message when more entities than this are within reach (0: no "
                  "limit)")
      ->capture_default_str();
  AddDatabaseOption(command, options->database);
  command.add_flag("--json", options->json, "Print JSON");
  return [options] { return RunNeighbors(*options); };
}

}  // namespace guanxi::cli
