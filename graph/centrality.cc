#include "graph/centrality.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/property_map/property_map.hpp>
#include <set>
#include <unordered_map>
#include <utility>

namespace guanxi::graph {

std::vector<EntityCentrality> ComputeCentrality(const KnowledgeGraph& graph) {
  const std::vector<EntityRecord>& entities = graph.data().entities;
  std::unordered_map<int64_t, size_t> index;  // entity id -> vertex
  for (size_t i = 0; i < entities.size(); ++i) index.emplace(entities[i].id, i);

  // Betweenness is defined on simple graphs: one edge per pair of entities.
  std::set<std::pair<size_t, size_t>> pairs;
  for (const RelationRecord& relation : graph.data().relations) {
    const auto source = index.find(relation.source_id);
    const auto target = index.find(relation.target_id);
    if (source == index.end() || target == index.end() || source->second == target->second) {
      continue;
    }
    pairs.insert(std::minmax(source->second, target->second));
  }
  using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Simple simple(entities.size());
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, simple);

  std::vector<double> raw(entities.size());
  boost::brandes_betweenness_centrality(simple,
                                        boost::centrality_map(boost::make_iterator_property_map(
                                            raw.begin(), boost::get(boost::vertex_index, simple))));

  // Boost halves its sum for an undirected graph, so `raw` counts each
  // unordered pair once; networkx's normalised figure is the sum over
  // ordered pairs, twice that, divided by (n-1)(n-2).
  const double n = static_cast<double>(entities.size());
  const double scale = entities.size() > 2 ? 2.0 / ((n - 1) * (n - 2)) : 0.0;

  std::vector<EntityCentrality> rows;
  rows.reserve(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    rows.push_back({entities[i].id, graph.Degree(entities[i].id), boost::out_degree(i, simple),
                    raw[i] * scale});
  }
  std::sort(rows.begin(), rows.end(), [](const EntityCentrality& a, const EntityCentrality& b) {
    return a.entity_id < b.entity_id;
  });
  return rows;
}

}  // namespace guanxi::graph
