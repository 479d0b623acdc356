// guanxi rename A NEW [--reason TEXT]: the entity's canonical name is NEW; its
// old name stays an alias, so it is still found by it.

#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/decision_format.h"

namespace guanxi::cli {
namespace {

struct RenameOptions {
  std::string name;
  std::string new_name;
  std::string reason;
  std::string database;
};

int RunRename(const RenameOptions& options) {
  if (options.new_name.find_first_not_of(" \t\n") == std::string::npos) {
    return ReportError(Status::InvalidInput("NEW", "the new name is empty"));
  }
  Result<StoreAndGraph> opened = OpenStoreAndGraph(options.database, Access::kWrite);
  if (!opened.ok()) return ReportError(opened.status());
  store::Store& store = opened->store;
  Result<int64_t> id = ResolveEntity(opened->graph, options.name);
  if (!id.ok()) return ReportError(ExplainRejected(options.database, options.name, id.status()));
  const graph::EntityRecord& entity = *opened->graph.FindEntity(*id);
  if (entity.name == options.new_name) {
    return ReportError(Status::InvalidInput(
        options.new_name,
        fmt::format("{} #{} is already called that", Describe(entity), entity.id)));
  }
  Result<store::Decision> decision = store.Rename(entity.id, options.new_name, options.reason);
  if (!decision.ok()) return ReportError(decision.status());

  std::cout << fmt::format("decision {}: renamed {} #{} to {}; {} stays an alias{}\n", decision->id,
                           Describe(entity), entity.id, options.new_name, entity.name,
                           options.reason.empty() ? "" : " (" + options.reason + ")");
  Result<graph::GraphData> data = store.LoadGraph();
  if (!data.ok()) return ReportError(data.status());
  graph::KnowledgeGraph after(std::move(data).value());
  if (const graph::EntityRecord* renamed = after.FindEntity(entity.id)) {
    std::cout << "  now " << EntitySummary(after, *renamed) << '\n';
  }
  return kExitOk;
}

}  // namespace

RunFunction AddRenameCommand(CLI::App& command) {
  auto options = std::make_shared<RenameOptions>();
  command.add_option("A", options->name, "The entity (name, TYPE:NAME or #ID)")->required();
  command.add_option("NEW", options->new_name, "Its canonical name from now on")->required();
  AddReasonOption(command, options->reason);
  AddDatabaseOption(command, options->database);
  return [options] { return RunRename(*options); };
}

}  // namespace guanxi::cli
