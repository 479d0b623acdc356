#pragma once

// Internal to guanxi_graph: the filtered breadth-first walk that every
// connection query of KnowledgeGraph shares (ShortestPath, AllShortestPaths,
// KShortestPaths, Neighbourhood; all defined in graph/path_query.cc). Include
// it from graph/ only; the public API is knowledge_graph.h.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/model.h"
#include "graph/path_filter.h"

namespace guanxi::graph {

// Which relations a PathFilter lets a query follow: by type and by the date
// of the item that states them.
class RelationAdmission {
 public:
  RelationAdmission(const KnowledgeGraph& graph, const PathFilter& filter);
  bool operator()(const RelationRecord& relation) const;
  // The same from an edge's properties: the record is looked up only when
  // a date range needs its item.
  bool operator()(RelationType type, int64_t relation_id) const;

 private:
  const KnowledgeGraph& graph_;
  std::array<bool, std::size(kAllRelationTypes)> type_allowed_{};
  std::optional<PartialDate> since_;
  std::optional<PartialDate> until_;
};

// A walk from one source under a PathFilter, with an optional target.
// Vertices are KnowledgeGraph's (index i is data().entities[i]). The walk
// leaves the source and every vertex the filter lets it pass through; it
// enters any vertex not excluded, and the target always; it never leaves the
// target, so every path it finds ends there. Holds references: the graph and
// the filter must outlive it.
class KnowledgeGraph::PathSearch {
 public:
  // One step of a walk: onto `vertex` over relation `relation_id`. As a
  // predecessor, `vertex` is the vertex the step came from.
  struct Hop {
    Vertex vertex;
    int64_t relation_id;
  };
  // What a breadth-first search found: per vertex its distance in relations
  // (-1: not reached) and the hops it was reached by from the layer before,
  // in the order the search took them.
  struct Layers {
    std::vector<int> distance;
    std::vector<std::vector<Hop>> predecessors;
  };

  PathSearch(const KnowledgeGraph& graph, const PathFilter& filter, Vertex source,
             std::optional<Vertex> target);

  // Keeps the walk off `vertex` (Yen's algorithm: the root of a spur path).
  void Block(Vertex vertex) { blocked_[vertex] = true; }
  // Keeps the walk from stepping between `a` and `b` over any relation.
  void BlockHop(Vertex a, Vertex b) { blocked_hops_.insert(std::minmax(a, b)); }

  // The steps the walk may take out of `vertex`: one per admissible
  // neighbour, by the lowest admissible relation id, in relation id order.
  // Empty when the walk may not leave `vertex`.
  std::vector<Hop> HopsFrom(Vertex vertex) const;

  // Breadth-first search from the source. Expands nothing at distance
  // `max_depth` or beyond (negative: no limit) and, once the target is
  // reached, nothing at the target's distance or beyond, so the target's
  // predecessors are complete.
  Layers Run(int max_depth) const;

  // A shortest path from the source to the target with at most `max_hops`
  // relations (negative: no limit), along each vertex's first predecessor,
  // or nullopt. Needs a target.
  std::optional<ConnectionPath> Shortest(int max_hops) const;

  // The path back from `vertex` along first predecessors, source first.
  ConnectionPath PathTo(const Layers& layers, Vertex vertex) const;

 private:
  bool MayEnter(Vertex vertex) const;
  bool MayLeave(Vertex vertex) const;

  const KnowledgeGraph& graph_;
  Vertex source_;
  std::optional<Vertex> target_;
  RelationAdmission admits_;
  std::array<bool, std::size(kAllEntityTypes)> via_allowed_{};
  std::vector<bool> excluded_;                        // per vertex
  std::vector<bool> blocked_;                         // per vertex
  std::set<std::pair<Vertex, Vertex>> blocked_hops_;  // (lower, higher) vertex
};

}  // namespace guanxi::graph
