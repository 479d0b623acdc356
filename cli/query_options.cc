#include "cli/query_options.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "cli/common.h"
#include "graph/printed_date.h"

namespace guanxi::cli {
namespace {

std::vector<std::string> Names(const auto& all_values) {
  std::vector<std::string> names;
  for (auto value : all_values) names.emplace_back(graph::ToString(value));
  return names;
}

}  // namespace

void AddFilterOptions(CLI::App& command, FilterOptions& options) {
  command
      .add_option("--relations", options.relation_types,
                  "Follow only these relation types (comma-separated)")
      ->delimiter(',')
      ->check(CLI::IsMember(Names(graph::kAllRelationTypes)));
  command
      .add_option("--via", options.via_types,
                  "Pass only through these entity types, e.g. person,event")
      ->delimiter(',')
      ->check(CLI::IsMember(Names(graph::kAllEntityTypes)));
  command.add_option("--exclude", options.excluded,
                     "Never pass through this entity, e.g. a hub (repeatable)");
  command.add_option("--max-hops", options.max_hops, "At most this many hops")
      ->check(CLI::NonNegativeNumber);
  command.add_option("--since", options.since,
                     "Only relations from items dated on or after this day (2024-07-01, or a "
                     "month and day of any year: 7-1, 7月1日)");
  command.add_option("--until", options.until,
                     "Only relations from items dated on or before this day (2024-07-31, 7-31)");
}

Result<graph::PathFilter> MakeFilter(const graph::KnowledgeGraph& graph,
                                     const FilterOptions& options) {
  graph::PathFilter filter;
  filter.max_hops = options.max_hops;
  for (const std::string& name : options.relation_types) {
    filter.relation_types.push_back(*graph::ParseRelationType(name));  // checked by CLI11
  }
  for (const std::string& name : options.via_types) {
    filter.via_types.push_back(*graph::ParseEntityType(name));
  }
  for (auto [text, bound] : {std::pair{&options.since, &filter.since},
                             std::pair{&options.until, &filter.until}}) {
    if (text->empty()) continue;
    *bound = graph::ParseDateBound(*text);
    if (!*bound) {
      return Status::InvalidInput(
          *text, "not a date: write 2024-07-16, or month and day as 7-16 or 7月16日");
    }
  }
  for (const std::string& name : options.excluded) {
    Result<int64_t> id = ResolveEntity(graph, name);
    if (!id.ok()) return id.status();
    filter.excluded_ids.push_back(*id);
  }
  return filter;
}

void AddSelectionOptions(CLI::App& command, SelectionOptions& options, bool for_render) {
  CLI::Option* around =
      command.add_option("--around", options.around, "The neighbourhood of this entity");
  command.add_option("--depth", options.depth, "Neighbourhood depth in hops")
      ->capture_default_str()
      ->check(CLI::Range(0, 10));
  CLI::Option* path = command.add_option("--path", options.path, "The shortest path from A to B")
                          ->expected(2)
                          ->type_name("A B");
  CLI::Option* all = command.add_flag("--all", options.all, "The whole graph");
  around->excludes(path)->excludes(all);
  path->excludes(all);
  AddFilterOptions(command, options.filter);
  if (for_render) {
    command.callback([around, path, all] {
      if (around->count() + path->count() + all->count() == 0) {
        throw CLI::ValidationError("selection", "give --around NAME, --path A B or --all");
      }
    });
  }
}

Result<Selection> Select(const graph::KnowledgeGraph& graph, const SelectionOptions& options) {
  Result<graph::PathFilter> filter = MakeFilter(graph, options.filter);
  if (!filter.ok()) return filter.status();
  Selection selection;
  if (!options.around.empty()) {
    Result<int64_t> centre = ResolveEntity(graph, options.around);
    if (!centre.ok()) return centre.status();
    selection.data = graph.Neighbourhood(*centre, options.depth, *filter);
    selection.highlight_ids = {*centre};
    selection.title = fmt::format("{} (depth {})", options.around, options.depth);
    return selection;
  }
  if (!options.path.empty()) {
    Result<int64_t> from = ResolveEntity(graph, options.path[0]);
    if (!from.ok()) return from.status();
    Result<int64_t> to = ResolveEntity(graph, options.path[1]);
    if (!to.ok()) return to.status();
    std::optional<graph::ConnectionPath> path = graph.ShortestPath(*from, *to, *filter);
    if (!path) {
      return Status::NotFound(fmt::format("{} - {}", options.path[0], options.path[1]),
                              "no connection within the filters, nothing to select");
    }
    selection.data = graph.Select(*path);
    selection.highlight_ids = {*from, *to};
    selection.path_entity_ids = path->entity_ids;
    selection.path_relation_ids = path->relation_ids;
    selection.title = fmt::format("{} → {}", options.path[0], options.path[1]);
    return selection;
  }
  if (!options.filter.empty()) {
    return Status::InvalidInput("--all", "filters apply to --around and --path selections");
  }
  selection.data = graph.data();
  selection.title = "guanxi";
  return selection;
}

}  // namespace guanxi::cli
