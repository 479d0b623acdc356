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
  std::string type;  // rank only entities of this type; empty for all
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

  Result<std::vector<store::CandidateRecord>> candidates = store->Candidates();
  if (!candidates.ok()) return ReportError(candidates.status());
  Result<std::vector<store::Decision>> decisions = store->Decisions();
  if (!decisions.ok()) return ReportError(decisions.status());
  std::cout << fmt::format("identity: {} possible same persons (guanxi candidates), {} decisions "
                           "(guanxi decisions)\n",
                           candidates->size(), decisions->size());

  std::vector<graph::EntityCentrality> centrality = graph::ComputeCentrality(graph);
  if (!options.type.empty()) {
    const graph::EntityType type = *graph::ParseEntityType(options.type);  // checked by CLI11
    std::erase_if(centrality, [&](const graph::EntityCentrality& row) {
      return graph.FindEntity(row.entity_id)->type != type;
    });
  }
  // Contacts first: whom one deals with, not how often one is named.
  std::size_t top = std::min(options.top, centrality.size());
  std::partial_sort(centrality.begin(), centrality.begin() + top, centrality.end(),
                    [](const graph::EntityCentrality& a, const graph::EntityCentrality& b) {
                      if (a.contacts != b.contacts) return a.contacts > b.contacts;
                      if (a.betweenness != b.betweenness) return a.betweenness > b.betweenness;
                      if (a.degree != b.degree) return a.degree > b.degree;
                      return a.entity_id < b.entity_id;
                    });
  std::cout << fmt::format(
      "most connected{} (contacts = distinct entities dealt with, directly or at a shared event; "
      "relations = mentions; betweenness normalised to 0..1):\n",
      options.type.empty() ? "" : " " + options.type + "s");
  std::cout << fmt::format("  {:>8}  {:>9}  {:>11}  {}\n", "contacts", "relations", "betweenness",
                           "entity");
  for (std::size_t i = 0; i < top; ++i) {
    const graph::EntityRecord& entity = *graph.FindEntity(centrality[i].entity_id);
    std::cout << fmt::format("  {:>8}  {:>9}  {:>11.4f}  {} #{}\n", centrality[i].contacts,
                             centrality[i].degree, centrality[i].betweenness, Describe(entity),
                             entity.id);
  }
  return kExitOk;
}

}  // namespace

RunFunction AddStatsCommand(CLI::App& command) {
  auto options = std::make_shared<StatsOptions>();
  AddDatabaseOption(command, options->database);
  command.add_option("--top", options->top, "How many of the most connected to list")
      ->capture_default_str();
  std::vector<std::string> types;
  for (graph::EntityType type : graph::kAllEntityTypes) types.emplace_back(graph::ToString(type));
  command.add_option("--type", options->type, "Rank only entities of this type, e.g. person")
      ->check(CLI::IsMember(types));
  return [options] { return RunStats(*options); };
}

}  // namespace guanxi::cli
