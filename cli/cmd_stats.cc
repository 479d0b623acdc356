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
#include "graph/store/store_copy.h"

namespace guanxi::cli {
namespace {

struct StatsOptions {
  std::string database;
  std::size_t top = 10;
  std::string type;  // rank only entities of this type; empty for all
  bool betweenness = false;
  std::size_t pivots = 256;
};

// Exact betweenness for a graph of up to kExactBetweennessLimit entities,
// sampled from `pivots` entities beyond; none unless asked for.
graph::CentralityOptions BetweennessOptions(const StatsOptions& options, std::size_t entities) {
  if (!options.betweenness) return {.betweenness = graph::BetweennessMethod::kSkipped};
  if (entities <= graph::kExactBetweennessLimit || options.pivots >= entities) return {};
  return {.betweenness = graph::BetweennessMethod::kSampled, .pivots = options.pivots, .seed = 1};
}

int RunStats(const StatsOptions& options) {
  Result<store::Store> store = OpenExistingStore(options.database, Access::kRead);
  if (!store.ok()) return ReportError(store.status());
  Result<store::StoreCounts> counts = store->Counts();
  if (!counts.ok()) return ReportError(counts.status());
  // Counts and contacts need the structure alone, not the evidence.
  Result<graph::GraphData> data = store->LoadStructure();
  if (!data.ok()) return ReportError(data.status());
  graph::KnowledgeGraph graph(std::move(data).value());

  std::cout << fmt::format("{}: {} items, {} entities ({} aliases), {} relations\n",
                           store::RedactedUri(options.database), counts->articles,
                           counts->entities, counts->aliases, counts->relations);
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

  const graph::CentralityOptions how = BetweennessOptions(options, graph.data().entities.size());
  std::vector<graph::EntityCentrality> centrality = graph::ComputeCentrality(graph, how);
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
  const bool with_betweenness = how.betweenness != graph::BetweennessMethod::kSkipped;
  std::string betweenness_note = "betweenness on request: --betweenness";
  if (how.betweenness == graph::BetweennessMethod::kExact) {
    betweenness_note = "betweenness normalised to 0..1";
  } else if (how.betweenness == graph::BetweennessMethod::kSampled) {
    betweenness_note = fmt::format(
        "betweenness normalised to 0..1, estimated from {} of {} entities as sources (--pivots)",
        how.pivots, graph.data().entities.size());
  }
  std::cout << fmt::format(
      "most connected{} (contacts = distinct entities dealt with, directly or at a shared event; "
      "relations = mentions; {}):\n",
      options.type.empty() ? "" : " " + options.type + "s", betweenness_note);
  std::cout << fmt::format("  {:>8}  {:>9}{}  {}\n", "contacts", "relations",
                           with_betweenness ? fmt::format("  {:>11}", "betweenness") : "",
                           "entity");
  for (std::size_t i = 0; i < top; ++i) {
    const graph::EntityRecord& entity = *graph.FindEntity(centrality[i].entity_id);
    std::cout << fmt::format(
        "  {:>8}  {:>9}{}  {} #{}\n", centrality[i].contacts, centrality[i].degree,
        with_betweenness ? fmt::format("  {:>11.4f}", centrality[i].betweenness) : "",
        Describe(entity), entity.id);
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
  command.add_flag("--betweenness", options->betweenness,
                   "Also compute betweenness: exact up to 20,000 entities, sampled beyond");
  command.add_option("--pivots", options->pivots,
                     "Sources sampled for betweenness beyond 20,000 entities")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  return [options] { return RunStats(*options); };
}

}  // namespace guanxi::cli
