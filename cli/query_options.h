#pragma once

// Options shared by path, neighbors, render and export: the filters that
// restrict which relations and entities a query may use, and the selectors
// that pick the part of the graph to draw or export.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "graph/graph_data.h"
#include "graph/knowledge_graph.h"
#include "graph/path_filter.h"
#include "graph/status.h"

namespace guanxi::cli {

// What the user typed for --relations, --via, --exclude, --max-hops, --since
// and --until.
struct FilterOptions {
  std::vector<std::string> relation_types;
  std::vector<std::string> via_types;
  std::vector<std::string> excluded;
  int max_hops = -1;
  std::string since;  // "2024-07-01", or "7-1"/"7月1日" (any year)
  std::string until;

  bool empty() const {
    return relation_types.empty() && via_types.empty() && excluded.empty() && max_hops < 0 &&
           since.empty() && until.empty();
  }
};

// Declares the filter options on `command`.
void AddFilterOptions(CLI::App& command, FilterOptions& options);

// The filter the options describe; NotFound/InvalidInput for an excluded name
// that names no entity or several, InvalidInput for a date it cannot read.
Result<graph::PathFilter> MakeFilter(const graph::KnowledgeGraph& graph,
                                     const FilterOptions& options);

// Which part of the graph to draw or export: a neighbourhood, a path, or all.
struct SelectionOptions {
  std::string around;
  int depth = 1;
  std::vector<std::string> path;  // two names
  bool all = false;
  FilterOptions filter;
};

// Declares --around/--depth, --path A B and --all (for_render: one of them is
// required; for export the whole graph is the default).
void AddSelectionOptions(CLI::App& command, SelectionOptions& options, bool for_render);

struct Selection {
  graph::GraphData data;
  std::vector<int64_t> highlight_ids;  // the centre, or the ends of the path
  std::string title;
  // A --path selection's entities and relations in hop order; else empty.
  std::vector<int64_t> path_entity_ids;
  std::vector<int64_t> path_relation_ids;
};

// The selected subgraph. NotFound when a path's ends are not connected.
Result<Selection> Select(const graph::KnowledgeGraph& graph, const SelectionOptions& options);

}  // namespace guanxi::cli
