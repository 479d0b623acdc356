// guanxi merge A B [--reason TEXT]: A and B are one real-world entity; B
// becomes part of A (its relations, items and aliases; its name an alias).

#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/decision_format.h"

namespace guanxi::cli {
namespace {

struct MergeOptions {
  std::string keep;
  std::string other;
  std::string reason;
  std::string database;
};

int RunMerge(const MergeOptions& options) {
  Result<StoreAndGraph> opened = OpenStoreAndGraph(options.database, Access::kWrite);
  if (!opened.ok()) return ReportError(opened.status());
  store::Store& store = opened->store;
  const graph::KnowledgeGraph& graph = opened->graph;
  Result<int64_t> keep = ResolveEntity(graph, options.keep);
  if (!keep.ok())
    return ReportError(ExplainRejected(options.database, options.keep, keep.status()));
  Result<int64_t> other = ResolveEntity(graph, options.other);
  if (!other.ok()) {
    return ReportError(ExplainRejected(options.database, options.other, other.status()));
  }
  const graph::EntityRecord& a = *graph.FindEntity(*keep);
  const graph::EntityRecord& b = *graph.FindEntity(*other);
  if (a.id == b.id) {
    return ReportError(Status::InvalidInput(
        options.other, fmt::format("is {} #{} itself: nothing to merge", Describe(a), a.id)));
  }
  if (a.type != b.type) {
    return ReportError(Status::InvalidInput(
        fmt::format("{} #{} and {} #{}", Describe(a), a.id, Describe(b), b.id),
        fmt::format("a {} and a {} are never one entity: only entities of one type merge",
                    graph::ToString(a.type), graph::ToString(b.type))));
  }
  Result<store::Decision> decision = store.Merge(a.id, b.id, options.reason);
  if (!decision.ok()) return ReportError(decision.status());

  std::cout << fmt::format("decision {}: merged {} #{} into {} #{}{}\n", decision->id, Describe(b),
                           b.id, Describe(a), a.id,
                           options.reason.empty() ? "" : " (" + options.reason + ")");
  Result<graph::GraphData> after = store.LoadGraph();
  if (!after.ok()) return ReportError(after.status());
  graph::KnowledgeGraph merged(std::move(after).value());
  if (const graph::EntityRecord* kept = merged.FindEntity(a.id)) {
    std::cout << "  now " << EntitySummary(merged, *kept) << '\n';
  }
  std::cout << fmt::format(
      "  undo: {}\n", CommandLine("split", ShellWord(fmt::format("#{}", a.id)), options.database));
  return kExitOk;
}

}  // namespace

RunFunction AddMergeCommand(CLI::App& command) {
  auto options = std::make_shared<MergeOptions>();
  command.add_option("A", options->keep, "The entity kept (name, TYPE:NAME or #ID)")->required();
  command.add_option("B", options->other, "The entity merged into it")->required();
  AddReasonOption(command, options->reason);
  AddDatabaseOption(command, options->database);
  return [options] { return RunMerge(*options); };
}

}  // namespace guanxi::cli
