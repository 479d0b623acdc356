// guanxi holders BODY [--title T]: who held which post in a body, first and
// last seen, with evidence.

#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/relation_format.h"
#include "cli/timeline_query.h"

namespace guanxi::cli {
namespace {

struct HoldersOptions {
  std::string body;
  std::string title;
  std::string database;
  bool json = false;
};

int RunHolders(const HoldersOptions& options) {
  Result<index::GraphIndex> index = OpenIndex(options.database);
  if (!index.ok()) return ReportError(index.status());
  Result<int64_t> id = ResolveEntity(*index, options.body);
  if (!id.ok()) return ReportError(ExplainRejected(options.database, options.body, id.status()));
  Result<Timeline> holders = BuildHolders(*index, *id, options.title);
  if (!holders.ok()) return ReportError(holders.status());
  if (options.json) {
    std::cout << TimelineJson(*holders).dump(2) << '\n';
    return kExitOk;
  }
  const graph::KnowledgeGraph& graph = holders->graph;
  const graph::EntityRecord& body = *graph.FindEntity(*id);
  if (holders->entries.empty()) {
    if (options.title.empty()) {
      std::cout << fmt::format("no one is seen holding a post in {} ({}) #{}\n", body.name,
                               graph::ToString(body.type), body.id);
      return kExitOk;
    }
    Result<Timeline> all = BuildHolders(*index, *id, "");
    if (!all.ok()) return ReportError(all.status());
    const std::vector<std::string> titles = TitlesOf(*all);
    std::cout << fmt::format("no one is seen as {} of {} #{}{}\n", options.title, body.name,
                             body.id,
                             titles.empty() ? ""
                                            : fmt::format("; posts seen: {}",
                                                          fmt::join(titles, ", ")));
    return kExitOk;
  }
  std::cout << fmt::format("{} ({}) #{}: who held which post, first and last seen\n", body.name,
                           graph::ToString(body.type), body.id);
  std::string title;
  bool first = true;
  for (const TimelineEntry& entry : holders->entries) {
    if (first || entry.title != title) {
      title = entry.title;
      first = false;
      std::cout << fmt::format("  {}:\n", title.empty() ? "(no title)" : title);
    }
    const graph::EntityRecord* person = graph.FindEntity(entry.other_id);
    const std::size_t mentions = entry.relations.size();
    std::cout << fmt::format("    {} #{}  {}{}\n", person ? person->name : "?", entry.other_id,
                             SeenRange(graph, entry),
                             mentions > 1 ? fmt::format("  ({} mentions)", mentions) : "");
    std::cout << fmt::format("      {}\n", EvidenceLine(graph, *entry.relations.front()));
    if (mentions > 1) {
      std::cout << fmt::format("      {}\n", EvidenceLine(graph, *entry.relations.back()));
    }
  }
  return kExitOk;
}

}  // namespace

RunFunction AddHoldersCommand(CLI::App& command) {
  auto options = std::make_shared<HoldersOptions>();
  command.add_option("BODY", options->body, "Body (institution) name or alias, TYPE:NAME or #ID")
      ->required();
  command.add_option("--title", options->title, "Only this post title (exactly), e.g. 书记");
  AddDatabaseOption(command, options->database);
  command.add_flag("--json", options->json, "Print JSON");
  return [options] { return RunHolders(*options); };
}

}  // namespace guanxi::cli
