// guanxi stats: what the database holds.

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "graph/centrality.h"

namespace guanxi::cli {
namespace {

struct StatsOptions {
  std::string database;
  std::size_t top = 10;
};

int RunStats(const StatsOptions& options) {
  Result<store::Store> store = OpenExistingStore(options.database);
  if (!store.ok()) return ReportError(store.status());
  Result<store::StoreCounts> counts = store->Counts();
  if (!counts.ok()) return ReportError(counts.status());
  Result<graph::GraphData> data = store->LoadGraph();
  if (!data.ok()) return ReportError(data.status());
  graph::KnowledgeGraph graph(std::move(data).value());

  std::cout << fmt::format("{}: {} items, {} entities ({} aliases), {} relations\n",
                           options.database, counts->articles, counts->entities, counts->aliases,
                           counts->relations);
  std::cout << "entities by type:\n";
  for (const auto& [type, count] : counts->entities_by_type) {
    std::cout << fmt::format("  {:<16}{:>8}\n", graph::ToString(type), count);
  }
  std::cout << "relations by type:\n";
  for (const auto& [type, count] : counts->relations_by_type) {
    std::cout << fmt::format("  {:<16}{:>8}\n", graph::ToString(type), count);
  }

  std::vector<graph::EntityCentrality> centrality = graph::ComputeCentrality(graph);
  std::size_t top = std::min(options.top, centrality.size());
  std::partial_sort(centrality.begin(), centrality.begin() + top, centrality.end(),
                    [](const graph::EntityCentrality& a, const graph::EntityCentrality& b) {
                      if (a.degree != b.degree) return a.degree > b.degree;
                      return a.betweenness > b.betweenness;
                    });
  std::cout << "most connected (degree = relations, betweenness normalised to 0..1):\n";
  std::cout << fmt::format("  {:>6}  {:>11}  {}\n", "degree", "betweenness", "entity");
  for (std::size_t i = 0; i < top; ++i) {
    std::cout << fmt::format("  {:>6}  {:>11.4f}  {}\n", centrality[i].degree,
                             centrality[i].betweenness,
                             Describe(*graph.FindEntity(centrality[i].entity_id)));
  }
  return kExitOk;
}

}  // namespace

RunFunction AddStatsCommand(CLI::App& command) {
  auto options = std::make_shared<StatsOptions>();
  AddDatabaseOption(command, options->database);
  command.add_option("--top", options->top, "How many of the most connected to list")
      ->capture_default_str();
  return [options] { return RunStats(*options); };
}

}  // namespace guanxi::cli
