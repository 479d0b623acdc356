#include "graph/centrality.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstdint>
#include <deque>
#include <numeric>
#include <random>
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

using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// Brandes' dependency accumulation from each of `sources`, summed into
// `sums` (over ordered pairs (s, t) with s a source, as networkx counts).
void AccumulateDependencies(const Simple& simple, const std::vector<size_t>& sources,
                            std::vector<double>& sums) {
  const size_t n = boost::num_vertices(simple);
  std::vector<std::vector<size_t>> predecessors(n);
  std::vector<double> paths(n);
  std::vector<double> dependency(n);
  std::vector<int64_t> distance(n);
  std::vector<size_t> order;  // vertices in order of distance from the source
  std::deque<size_t> queue;
  for (size_t source : sources) {
    std::fill(paths.begin(), paths.end(), 0.0);
    std::fill(dependency.begin(), dependency.end(), 0.0);
    std::fill(distance.begin(), distance.end(), -1);
    for (auto& list : predecessors) list.clear();
    order.clear();
    paths[source] = 1;
    distance[source] = 0;
    queue.push_back(source);
    while (!queue.empty()) {
      const size_t v = queue.front();
      queue.pop_front();
      order.push_back(v);
      for (auto w : boost::make_iterator_range(boost::adjacent_vertices(v, simple))) {
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          queue.push_back(w);
        }
        if (distance[w] == distance[v] + 1) {
          paths[w] += paths[v];
          predecessors[w].push_back(v);
        }
      }
    }
    for (auto w = order.rbegin(); w != order.rend(); ++w) {
      for (size_t v : predecessors[*w]) {
        dependency[v] += paths[v] / paths[*w] * (1 + dependency[*w]);
      }
      if (*w != source) sums[*w] += dependency[*w];
    }
  }
}

// `count` distinct vertices of `n`, drawn with `seed` (a partial
// Fisher-Yates shuffle with a fixed generator: the same on every machine).
std::vector<size_t> DrawPivots(size_t n, size_t count, uint64_t seed) {
  std::vector<size_t> vertices(n);
  std::iota(vertices.begin(), vertices.end(), size_t{0});
  std::mt19937_64 random(seed);
  for (size_t i = 0; i < count; ++i) {
    const size_t j = i + static_cast<size_t>(random() % (n - i));
    std::swap(vertices[i], vertices[j]);
  }
  vertices.resize(count);
  std::sort(vertices.begin(), vertices.end());
  return vertices;
}

// Normalised betweenness (networkx's default figure) by `options`.
std::vector<double> Betweenness(const Simple& simple, const CentralityOptions& options) {
  const size_t n = boost::num_vertices(simple);
  std::vector<double> figures(n);
  if (options.betweenness == BetweennessMethod::kSkipped || n <= 2) return figures;
  const double scale = 1.0 / ((static_cast<double>(n) - 1) * (static_cast<double>(n) - 2));
  if (options.betweenness == BetweennessMethod::kSampled) {
    const size_t pivots = std::clamp<size_t>(options.pivots, 1, n);
    AccumulateDependencies(simple, DrawPivots(n, pivots, options.seed), figures);
    const double sampled = scale * static_cast<double>(n) / static_cast<double>(pivots);
    for (double& figure : figures) figure *= sampled;
    return figures;
  }
  boost::brandes_betweenness_centrality(simple,
                                        boost::centrality_map(boost::make_iterator_property_map(
                                            figures.begin(), boost::get(boost::vertex_index, simple))));
  // Boost halves its sum for an undirected graph, so it counts each
  // unordered pair once; networkx's normalised figure is the sum over
  // ordered pairs, twice that, divided by (n-1)(n-2).
  for (double& figure : figures) figure *= 2 * scale;
  return figures;
}

}  // namespace

std::vector<EntityCentrality> ComputeCentrality(const KnowledgeGraph& graph,
                                                const CentralityOptions& options) {
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
  Simple simple(entities.size());
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, simple);
  const std::vector<double> betweenness = Betweenness(simple, options);

  const std::vector<size_t> contacts = CountContacts(simple, entities);
  std::vector<EntityCentrality> rows;
  rows.reserve(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    EntityCentrality row;
    row.entity_id = entities[i].id;
    row.degree = graph.Degree(entities[i].id);
    row.neighbours = boost::out_degree(i, simple);
    row.contacts = contacts[i];
    row.betweenness = betweenness[i];
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end(), [](const EntityCentrality& a, const EntityCentrality& b) {
    return a.entity_id < b.entity_id;
  });
  return rows;
}

}  // namespace guanxi::graph
