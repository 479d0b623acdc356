// guanxi timeline NAME: an entity's events, posts and signings in date order.

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

struct TimelineOptions {
  std::string name;
  std::string database;
  bool json = false;
};

// "任职 常委 青溪区委", "出席 签约仪式", "←出席— 王明" (an event's attendee).
std::string EntryLine(const graph::KnowledgeGraph& graph, const TimelineEntry& entry) {
  const graph::EntityRecord* other = graph.FindEntity(entry.other_id);
  const std::string name = other ? other->name : "?";
  std::string verb(graph::Verb(entry.type));
  if (!entry.outgoing) verb = "←" + verb + "—";
  return entry.title.empty() ? fmt::format("{}  {}", verb, name)
                             : fmt::format("{}  {}  {}", verb, name, entry.title);
}

int RunTimeline(const TimelineOptions& options) {
  Result<index::GraphIndex> index = OpenIndex(options.database);
  if (!index.ok()) return ReportError(index.status());
  Result<int64_t> id = ResolveEntity(*index, options.name);
  if (!id.ok()) return ReportError(ExplainRejected(options.database, options.name, id.status()));
  Result<Timeline> timeline = BuildTimeline(*index, *id);
  if (!timeline.ok()) return ReportError(timeline.status());
  if (options.json) {
    std::cout << TimelineJson(*timeline).dump(2) << '\n';
    return kExitOk;
  }
  const graph::KnowledgeGraph& graph = timeline->graph;
  const graph::EntityRecord& entity = *graph.FindEntity(*id);
  std::cout << fmt::format("{} ({}) #{}: {} entr{} in date order\n", entity.name,
                           graph::ToString(entity.type), entity.id, timeline->entries.size(),
                           timeline->entries.size() == 1 ? "y" : "ies");
  for (const TimelineEntry& entry : timeline->entries) {
    const std::string seen = SeenRange(graph, entry);
    const std::size_t items = entry.relations.size();
    std::cout << fmt::format("  {}  {}{}\n", seen, EntryLine(graph, entry),
                             items > 1 ? fmt::format("  ({} mentions)", items) : "");
    // The first and the last sighting prove the range.
    std::cout << fmt::format("      {}\n", EvidenceLine(graph, *entry.relations.front()));
    if (items > 1) std::cout << fmt::format("      {}\n", EvidenceLine(graph, *entry.relations.back()));
  }
  return kExitOk;
}

}  // namespace

RunFunction AddTimelineCommand(CLI::App& command) {
  auto options = std::make_shared<TimelineOptions>();
  command.add_option("NAME", options->name, "Entity name or alias (TYPE:NAME or #ID if ambiguous)")
      ->required();
  AddDatabaseOption(command, options->database);
  command.add_flag("--json", options->json, "Print JSON");
  return [options] { return RunTimeline(*options); };
}

}  // namespace guanxi::cli
