// guanxi split A [--article ID ...] [--reason TEXT]: what was taken for one
// entity is two. With items, A's mentions in them become a new entity;
// without, the latest merge that formed A is undone.

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/decision_format.h"

namespace guanxi::cli {
namespace {

struct SplitOptions {
  std::string name;
  std::vector<int64_t> article_ids;
  std::string reason;
  std::string database;
};

// InvalidInput for an item that does not name the entity, listing those that do.
Status CheckItems(const graph::KnowledgeGraph& graph, const graph::EntityRecord& entity,
                  const std::vector<int64_t>& article_ids) {
  for (int64_t id : article_ids) {
    if (std::find(entity.article_ids.begin(), entity.article_ids.end(), id) !=
        entity.article_ids.end()) {
      continue;
    }
    std::string problem = graph.FindArticle(id) == nullptr
                              ? "no such item"
                              : fmt::format("does not name {} #{}", Describe(entity), entity.id);
    return Status::InvalidInput(
        fmt::format("--article {}", id),
        fmt::format("{} (its items: {}; `guanxi show '#{}'` lists them)", problem,
                    fmt::join(entity.article_ids, ", "), entity.id));
  }
  if (!article_ids.empty() &&
      std::all_of(entity.article_ids.begin(), entity.article_ids.end(), [&](int64_t id) {
        return std::find(article_ids.begin(), article_ids.end(), id) != article_ids.end();
      })) {
    return Status::InvalidInput(
        fmt::format("{} #{}", Describe(entity), entity.id),
        "those are all its items: a split leaves some with the entity (rename it instead?)");
  }
  return Status::Ok();
}

int RunSplit(const SplitOptions& options) {
  Result<StoreAndGraph> opened = OpenStoreAndGraph(options.database, Access::kWrite);
  if (!opened.ok()) return ReportError(opened.status());
  store::Store& store = opened->store;
  const graph::KnowledgeGraph& before = opened->graph;
  Result<int64_t> id = ResolveEntity(before, options.name);
  if (!id.ok()) return ReportError(ExplainRejected(options.database, options.name, id.status()));
  const graph::EntityRecord& entity = *before.FindEntity(*id);
  if (Status status = CheckItems(before, entity, options.article_ids); !status.ok()) {
    return ReportError(status);
  }
  Result<store::Decision> decision = store.Split(entity.id, options.article_ids, options.reason);
  if (!decision.ok()) return ReportError(decision.status());

  Result<graph::GraphData> data = store.LoadGraph();
  if (!data.ok()) return ReportError(data.status());
  graph::KnowledgeGraph after(std::move(data).value());
  if (options.article_ids.empty()) {
    std::cout << fmt::format("decision {}: split {} #{}: undid the merge of decision {}\n",
                             decision->id, Describe(entity), entity.id, decision->undoes);
  } else {
    std::cout << fmt::format(
        "decision {}: split {} #{}: its mentions in item{} {} are one "
        "entity of their own\n",
        decision->id, Describe(entity), entity.id, options.article_ids.size() == 1 ? "" : "s",
        fmt::join(options.article_ids, ", "));
  }
  if (const graph::EntityRecord* kept = after.FindEntity(entity.id)) {
    std::cout << "  now " << EntitySummary(after, *kept) << '\n';
  }
  for (const graph::EntityRecord* made : NewEntities(before, after)) {
    std::cout << "  and " << EntitySummary(after, *made) << '\n';
  }
  return kExitOk;
}

}  // namespace

RunFunction AddSplitCommand(CLI::App& command) {
  auto options = std::make_shared<SplitOptions>();
  command.add_option("A", options->name, "The entity to split (name, TYPE:NAME or #ID)")
      ->required();
  command.add_option("--article", options->article_ids,
                     "An item (id from `guanxi show`) whose mentions become a new entity "
                     "(repeatable); without it, undo the merge that formed A");
  AddReasonOption(command, options->reason);
  AddDatabaseOption(command, options->database);
  return [options] { return RunSplit(*options); };
}

}  // namespace guanxi::cli
