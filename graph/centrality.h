#pragma once

// How central each entity is: its degree and its betweenness, the share of
// shortest connections between other entities that pass through it.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/knowledge_graph.h"

namespace guanxi::graph {

struct EntityCentrality {
  int64_t entity_id = 0;
  size_t degree = 0;      // relations of the entity, as KnowledgeGraph::Degree
  size_t neighbours = 0;  // distinct other entities joined to it by a relation
  // Betweenness on the simple undirected graph (relations followed both
  // ways; parallel relations and relations of an entity with itself count
  // nothing), normalised as networkx's betweenness_centrality(G) with its
  // defaults does for an undirected G: the number of shortest paths through
  // the entity over all ordered pairs of other entities, each pair weighted
  // by the share of its shortest paths that pass, divided by (n-1)(n-2), n
  // the number of entities (0 for every entity when n <= 2). So the centre
  // of a star is 1, its leaves 0, and figures equal networkx's on
  // nx.Graph of the same relations.
  double betweenness = 0;
};

// One row per entity of the graph, by ascending entity id. Brandes'
// algorithm (Boost.Graph): O(entities * relations) time.
std::vector<EntityCentrality> ComputeCentrality(const KnowledgeGraph& graph);

}  // namespace guanxi::graph
