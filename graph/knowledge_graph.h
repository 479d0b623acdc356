#pragma once

// The graph in memory: GraphData indexed by id and by name, plus a
// Boost.Graph adjacency list for connection queries. Relations are followed
// in both directions: "connected" ignores who attended what. The connection
// queries (paths, neighbourhoods) are defined in graph/path_query.cc.

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/graph_data.h"
#include "graph/path_filter.h"

namespace guanxi::graph {

// A chain of relations: relation_ids[i] joins entity_ids[i] and
// entity_ids[i + 1] (in either direction), so a path of n entities has n - 1
// relations. A path of one entity and no relation connects it to itself.
// Paths are told apart by their entity sequence alone: where several
// relations join the same two entities (attended and chaired one event, or a
// post stated by two articles), a hop names the lowest admissible relation id.
struct ConnectionPath {
  std::vector<int64_t> entity_ids;
  std::vector<int64_t> relation_ids;
};

class KnowledgeGraph {
 public:
  // Takes `data` as loaded by Store::LoadGraph or a selection of it. A
  // relation whose endpoint is not among data.entities is kept in data() but
  // joins nothing.
  explicit KnowledgeGraph(GraphData data);
  // Moving is cheap and keeps record pointers valid; a moved-from graph may
  // only be destroyed or assigned to.
  KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept = default;

  const GraphData& data() const { return data_; }

  // Ids of the entities whose canonical name or one of whose aliases is
  // exactly `name`, ascending; empty if none.
  std::vector<int64_t> FindByName(std::string_view name) const;

  // The record with that id, or nullptr. Pointers stay valid for the life of
  // the graph.
  const EntityRecord* FindEntity(int64_t id) const;
  const ArticleRecord* FindArticle(int64_t id) const;
  const RelationRecord* FindRelation(int64_t id) const;

  // Relations with `entity_id` as source or target, by ascending id; a
  // relation of an entity with itself appears once. Empty for an unknown id.
  std::vector<const RelationRecord*> RelationsOf(int64_t entity_id) const;

  // A path with the fewest relations from `from` to `to` (breadth-first
  // search; among equally short paths the choice is the same for the same
  // data, preferring lower relation ids), or nullopt if the two
  // are not connected or either id is unknown. from == to gives a path of
  // that one entity.
  std::optional<ConnectionPath> ShortestPath(int64_t from, int64_t to) const;
  // The same under `filter`: only admissible relations and intermediate
  // entities (see PathFilter), and nullopt when the shortest admissible path
  // has more than filter.max_hops relations.
  std::optional<ConnectionPath> ShortestPath(int64_t from, int64_t to,
                                             const PathFilter& filter) const;

  // Every shortest admissible path from `from` to `to`, as distinct entity
  // sequences (parallel relations do not multiply paths; each hop names its
  // lowest admissible relation id), so the count equals networkx's
  // all_shortest_paths on nx.Graph of the same relations. At most `limit`
  // paths, ordered by entity sequence (lexicographically by id), so a limit
  // keeps the first of that order. Empty when unconnected, longer than
  // filter.max_hops, an id is unknown, or limit is 0.
  std::vector<ConnectionPath> AllShortestPaths(int64_t from, int64_t to, const PathFilter& filter,
                                               size_t limit = 1000) const;

  // Up to `k` shortest simple admissible paths (no entity twice), by Yen's
  // algorithm over entity sequences with every relation counting 1: ordered
  // by length, equal lengths by entity sequence. The lengths agree with
  // networkx's shortest_simple_paths on nx.Graph. The caller bounds k (the
  // CLI is meant to allow at most 20): the cost grows with k times the path
  // length. Empty when k is 0 or there is no admissible path.
  std::vector<ConnectionPath> KShortestPaths(int64_t from, int64_t to, size_t k,
                                             const PathFilter& filter) const;

  // The entities at most `depth` relations from `center` (depth 0: just the
  // center; negative counts as 0), every relation between two of them, and
  // the articles of those relations; each list by ascending id. Empty for an
  // unknown center.
  GraphData Neighbourhood(int64_t center, int depth) const;
  // The same under `filter`: only relations of filter.relation_types are
  // followed or kept; entities of filter.excluded_ids are left out (except
  // the center); entities not of filter.via_types are kept but not expanded
  // through (the center always is); filter.max_hops, when not negative,
  // caps `depth`.
  GraphData Neighbourhood(int64_t center, int depth, const PathFilter& filter) const;

  // The entities of Neighbourhood(center, depth, filter), each with its
  // distance from `center` in relations (the center at 0), by ascending id.
  // Empty for an unknown center.
  std::vector<std::pair<int64_t, int>> Distances(int64_t center, int depth,
                                                 const PathFilter& filter) const;

  // The entities and relations of `path` in path order and the articles of
  // its relations in order of first use. Unknown ids are left out.
  GraphData Select(const ConnectionPath& path) const;

  // The number of relations of the entity (RelationsOf(entity_id).size()).
  size_t Degree(int64_t entity_id) const;

 private:
  struct VertexProperties {
    int64_t entity_id = 0;
  };
  struct EdgeProperties {
    int64_t relation_id = 0;
    RelationType type = RelationType::kAttended;  // copied so filters need no lookup
  };
  // vecS everywhere: vertex i is data_.entities[i], out-edges keep the
  // insertion (relation id) order, which makes searches deterministic.
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                      VertexProperties, EdgeProperties>;
  using Vertex = Graph::vertex_descriptor;
  // The filtered breadth-first walk behind the connection queries; defined
  // in graph/path_query.h, an internal header.
  class PathSearch;

  std::optional<Vertex> VertexOf(int64_t entity_id) const;
  // Builds a GraphData from entity and relation indexes into data_.
  // Per entity index, the distance from `center` under `filter` within
  // `depth` (capped by filter.max_hops), or -1.
  std::vector<int> DistancesByIndex(int64_t center, int depth, const PathFilter& filter) const;
  GraphData Collect(const std::vector<size_t>& entity_indexes,
                    const std::vector<size_t>& relation_indexes) const;

  GraphData data_;
  // Behind a pointer because Boost 1.74's adjacency_list copies when moved.
  std::unique_ptr<Graph> graph_;
  std::unordered_map<int64_t, size_t> entity_index_;    // id -> index in data_.entities
  std::unordered_map<int64_t, size_t> article_index_;   // id -> index in data_.articles
  std::unordered_map<int64_t, size_t> relation_index_;  // id -> index in data_.relations
  std::unordered_map<std::string, std::vector<int64_t>> ids_by_name_;  // names and aliases
  std::vector<std::vector<size_t>> relations_of_;  // per entity index: relation indexes
};

}  // namespace guanxi::graph
