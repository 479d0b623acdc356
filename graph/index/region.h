#pragma once

// The part of the graph a connection query needs, found by searching the
// query index (graph_index.h) instead of the whole graph in memory. Each
// region is a GraphData on which KnowledgeGraph's own algorithms give exactly
// the answer they give on the whole graph (graph/index/README.md proves it
// for each query), so paths, their order and tie-breaks stay those of
// graph/path_query.cc. A region's records are light: entities with
// EntityDetail::kType, relations without title or evidence, and their
// articles by id only (with their dates when the filter has a date range);
// GraphIndex::Complete fills in what a command prints.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "graph/graph_data.h"
#include "graph/index/graph_index.h"
#include "graph/knowledge_graph.h"
#include "graph/path_filter.h"
#include "graph/status.h"

namespace guanxi::index {

// Every entity on a shortest admissible path from `from` to `to` under
// `filter` and every admissible relation between two of them that a path
// could take, found by a breadth-first search from both ends. ShortestPath
// and AllShortestPaths of KnowledgeGraph(region) equal those of the whole
// graph. Just the two ends when there is no path within filter.max_hops;
// just `from` when from == to. Both must be live entities.
Result<graph::GraphData> ShortestPathRegion(GraphIndex& index, int64_t from, int64_t to,
                                            const graph::PathFilter& filter);

// KnowledgeGraph::KShortestPaths(from, to, k, filter) of the whole graph,
// computed on the entities that lie on some admissible walk of at most L
// relations from `from` to `to`, L growing from the shortest distance until
// the k paths found are all that short (the k shortest simple paths of the
// whole graph are then the k found). Also returns that last region.
struct KPaths {
  std::vector<graph::ConnectionPath> paths;
  graph::GraphData region;
};
Result<KPaths> KShortestPaths(GraphIndex& index, int64_t from, int64_t to, size_t k,
                              const graph::PathFilter& filter);

// The entities at most `depth` relations from `center` as
// KnowledgeGraph::Neighbourhood(center, depth, filter) keeps them.
struct NeighbourhoodRegion {
  // Entities by ascending id; with `with_relations`, every admissible
  // relation between two of them, so that KnowledgeGraph(data).Neighbourhood
  // and Distances equal the whole graph's.
  graph::GraphData data;
  // Each entity's distance from the center, by ascending id
  // (KnowledgeGraph::Distances).
  std::vector<std::pair<int64_t, int>> distances;
  // When more than `max_entities` were reached, the search stops: `data` and
  // `distances` are empty and `hub` names the entity expanded so far with
  // the most admissible relations (the likely reason), with their number.
  struct Hub {
    int64_t id = 0;
    size_t relations = 0;
  };
  std::optional<Hub> hub;
  size_t reached = 0;  // entities reached when the search stopped
};
// `max_entities` 0: no limit. `center` must be a live entity.
Result<NeighbourhoodRegion> FindNeighbourhood(GraphIndex& index, int64_t center, int depth,
                                              const graph::PathFilter& filter, size_t max_entities,
                                              bool with_relations);

}  // namespace guanxi::index
