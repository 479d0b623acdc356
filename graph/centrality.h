#pragma once

// How central each entity is: its degree, its contacts (whom it deals with)
// and its betweenness, the share of shortest connections between other
// entities that pass through it.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/knowledge_graph.h"

namespace guanxi::graph {

struct EntityCentrality {
  int64_t entity_id = 0;
  size_t degree = 0;      // relations of the entity, as KnowledgeGraph::Degree
  size_t neighbours = 0;  // distinct other entities joined to it by a relation
  // Distinct other non-event entities it deals with: those joined to it by a
  // relation, and those joined to an event it is joined to (two people who
  // attended one meeting are contacts; so are a person and the body they
  // hold a post in, or the place of a meeting they attended). Parallel
  // relations and repeated mentions count once; events are never contacts,
  // only what joins them.
  size_t contacts = 0;
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

// How betweenness is computed.
enum class BetweennessMethod {
  kSkipped,  // not at all: every figure 0 (degrees and contacts are linear in size)
  kExact,    // Brandes' algorithm from every entity: O(entities * relations)
  kSampled,  // Brandes' algorithm from `pivots` entities drawn at random, the sum scaled by
             // entities / pivots (Brandes and Pich 2007; networkx's betweenness_centrality(G, k))
};

struct CentralityOptions {
  BetweennessMethod betweenness = BetweennessMethod::kExact;
  size_t pivots = 0;   // kSampled: how many sources (1 to the entities; all of them: exact)
  uint64_t seed = 1;   // kSampled: the draw of pivots (the same seed, the same figures)
};

// Exact betweenness up to this many entities; `stats` samples beyond it.
inline constexpr size_t kExactBetweennessLimit = 20000;

// One row per entity of the graph, by ascending entity id. Contacts cost the
// sum over events of their squared number of relations; betweenness as
// `options` says (exact by default).
std::vector<EntityCentrality> ComputeCentrality(const KnowledgeGraph& graph,
                                                const CentralityOptions& options = {});

}  // namespace guanxi::graph
