#include "graph/centrality.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/range/iterator_range.hpp>
#include <set>
#include <unordered_map>
#include <utility>

namespace guanxi::graph {
namespace {

// Per vertex of `simple` (vertex i is entities[i]), the number of contacts:
// distinct non-event vertices other than itself, adjacent or adjacent to an
// adjacent event. `simple` already merges parallel relations.
template <typename Simple>
std::vector<size_t> CountContacts(const Simple& simple, const std::vector<EntityRecord>& entities) {
  auto is_event = [&](size_t v) { return entities[v].type == EntityType::kEvent; };
  std::vector<size_t> counts(entities.size());
  std::vector<size_t> seen_by(entities.size(), entities.size());  // marks, no clearing per vertex
  for (size_t v = 0; v < entities.size(); ++v) {
    size_t count = 0;
    auto offer = [&](size_t other) {
      if (other == v || is_event(other) || seen_by[other] == v) return;
      seen_by[other] = v;
      ++count;
    };
    for (auto neighbour : boost::make_iterator_range(boost::adjacent_vertices(v, simple))) {
      offer(neighbour);
      if (!is_event(neighbour)) continue;
      for (auto second : boost::make_iterator_range(boost::adjacent_vertices(neighbour, simple))) {
        offer(second);
      }
    }
    counts[v] = count;
  }
  return counts;
}

}  // namespace

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

  const std::vector<size_t> contacts = CountContacts(simple, entities);
  std::vector<EntityCentrality> rows;
  rows.reserve(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    EntityCentrality row;
    row.entity_id = entities[i].id;
    row.degree = graph.Degree(entities[i].id);
    row.neighbours = boost::out_degree(i, simple);
    row.contacts = contacts[i];
    row.betweenness = raw[i] * scale;
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end(), [](const EntityCentrality& a, const EntityCentrality& b) {
    return a.entity_id < b.entity_id;
  });
  return rows;
}

}  // namespace guanxi::graph
