// guanxi reject A [--reason TEXT] | guanxi reject --relation ID [--reason TEXT]:
// an entity (with its relations) or one relation is an extraction error. It is
// hidden from every command and kept in the file, in the decision log.

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/decision_format.h"
#include "cli/relation_format.h"

namespace guanxi::cli {
namespace {

struct RejectOptions {
  std::string name;
  std::optional<int64_t> relation_id;
  std::string reason;
  std::string database;
};

int RunReject(const RejectOptions& options) {
  if (options.name.empty() == !options.relation_id.has_value()) {
    return ReportError(Status::InvalidInput("reject", "give an entity A or --relation ID"));
  }
  Result<StoreAndGraph> opened = OpenStoreAndGraph(options.database, Access::kWrite);
  if (!opened.ok()) return ReportError(opened.status());
  store::Store& store = opened->store;
  const graph::KnowledgeGraph& graph = opened->graph;
  const std::string because = options.reason.empty() ? "" : " (" + options.reason + ")";

  if (options.relation_id) {
    const graph::RelationRecord* relation = graph.FindRelation(*options.relation_id);
    if (relation == nullptr) {
      return ReportError(Status::NotFound(
          fmt::format("--relation {}", *options.relation_id),
          "no such relation (`guanxi show NAME` gives each relation's id after its evidence)"));
    }
    Result<store::Decision> decision = store.RejectRelation(relation->id, options.reason);
    if (!decision.ok()) return ReportError(decision.status());
    std::cout << fmt::format("decision {}: rejected relation {}: {}{}\n  {}\n", decision->id,
                             relation->id, HopLine(graph, *relation, relation->source_id), because,
                             EvidenceLine(graph, *relation));
    return kExitOk;
  }

  Result<int64_t> id = ResolveEntity(graph, options.name);
  if (!id.ok()) return ReportError(ExplainRejected(options.database, options.name, id.status()));
  const graph::EntityRecord& entity = *graph.FindEntity(*id);
  Result<store::Decision> decision = store.RejectEntity(entity.id, options.reason);
  if (!decision.ok()) return ReportError(decision.status());
  const std::size_t relations = graph.Degree(entity.id);
  std::cout << fmt::format(
      "decision {}: rejected {} #{} and its {} relation{}{}; hidden from search, show, path, "
      "render and export\n",
      decision->id, Describe(entity), entity.id, relations, relations == 1 ? "" : "s", because);
  return kExitOk;
}

}  // namespace

RunFunction AddRejectCommand(CLI::App& command) {
  auto options = std::make_shared<RejectOptions>();
  CLI::Option* name = command.add_option("A", options->name,
                                         "The entity that is no entity (name, TYPE:NAME or #ID)");
  command
      .add_option("--relation", options->relation_id,
                  "Reject one relation instead (its id, from `guanxi show`)")
      ->excludes(name);
  AddReasonOption(command, options->reason);
  AddDatabaseOption(command, options->database);
  return [options] { return RunReject(*options); };
}

}  // namespace guanxi::cli
