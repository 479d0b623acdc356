// KnowledgeGraph's connection queries (declared in knowledge_graph.h) and the
// filtered walk they share (path_query.h).

#include "graph/path_query.h"

#include <algorithm>
#include <deque>
#include <unordered_set>
#include <utility>

namespace guanxi::graph {
namespace {

// Flags indexed by enumerator; an empty list allows every value.
template <typename Enum, size_t N>
std::array<bool, N> Allowed(const std::vector<Enum>& listed) {
  std::array<bool, N> allowed{};
  allowed.fill(listed.empty());
  for (Enum value : listed) allowed.at(static_cast<size_t>(value)) = true;
  return allowed;
}

bool ShorterOrFirstById(const ConnectionPath& a, const ConnectionPath& b) {
  if (a.entity_ids.size() != b.entity_ids.size()) {
    return a.entity_ids.size() < b.entity_ids.size();
  }
  return a.entity_ids < b.entity_ids;
}

}  // namespace

RelationAdmission::RelationAdmission(const KnowledgeGraph& graph, const PathFilter& filter)
    : graph_(graph),
      type_allowed_(Allowed<RelationType, std::size(kAllRelationTypes)>(filter.relation_types)),
      since_(filter.since),
      until_(filter.until) {}

bool RelationAdmission::operator()(RelationType type, int64_t relation_id) const {
  if (!type_allowed_[static_cast<size_t>(type)]) return false;
  return (!since_ && !until_) || (*this)(*graph_.FindRelation(relation_id));
}

bool RelationAdmission::operator()(const RelationRecord& relation) const {
  if (!type_allowed_[static_cast<size_t>(relation.type)]) return false;
  if (!since_ && !until_) return true;
  const ArticleRecord* article = graph_.FindArticle(relation.article_id);
  std::optional<PartialDate> date =
      article ? ItemDate(article->date, article->full_date) : std::nullopt;
  return date && (!since_ || NotAfter(*since_, *date)) && (!until_ || NotAfter(*date, *until_));
}

KnowledgeGraph::PathSearch::PathSearch(const KnowledgeGraph& graph, const PathFilter& filter,
                                       Vertex source, std::optional<Vertex> target)
    : graph_(graph),
      source_(source),
      target_(target),
      admits_(graph, filter),
      via_allowed_(Allowed<EntityType, std::size(kAllEntityTypes)>(filter.via_types)),
      excluded_(graph.data_.entities.size()),
      blocked_(graph.data_.entities.size()) {
  for (int64_t id : filter.excluded_ids) {
    if (const std::optional<Vertex> vertex = graph.VertexOf(id)) excluded_[*vertex] = true;
  }
}

bool KnowledgeGraph::PathSearch::MayEnter(Vertex vertex) const {
  return vertex == target_ || (!excluded_[vertex] && !blocked_[vertex]);
}

bool KnowledgeGraph::PathSearch::MayLeave(Vertex vertex) const {
  if (vertex == source_) return true;
  const EntityType type = graph_.data_.entities[vertex].type;
  return vertex != target_ && MayEnter(vertex) && via_allowed_[static_cast<size_t>(type)];
}

std::vector<KnowledgeGraph::PathSearch::Hop> KnowledgeGraph::PathSearch::HopsFrom(
    Vertex vertex) const {
  std::vector<Hop> hops;
  if (!MayLeave(vertex)) return hops;
  std::unordered_set<Vertex> reached;  // out-edges come in relation id order
  const Graph& graph = *graph_.graph_;
  for (const auto& edge : boost::make_iterator_range(boost::out_edges(vertex, graph))) {
    const Vertex next = boost::target(edge, graph);
    if (next == vertex || !admits_(graph[edge].type, graph[edge].relation_id)) continue;
    if (!MayEnter(next) || blocked_hops_.count(std::minmax(vertex, next)) != 0) continue;
    if (reached.insert(next).second) hops.push_back({next, graph[edge].relation_id});
  }
  return hops;
}

KnowledgeGraph::PathSearch::Layers KnowledgeGraph::PathSearch::Run(int max_depth) const {
  const size_t size = graph_.data_.entities.size();
  Layers layers{std::vector<int>(size, -1), std::vector<std::vector<Hop>>(size)};
  layers.distance[source_] = 0;
  std::deque<Vertex> queue{source_};
  while (!queue.empty()) {
    const Vertex vertex = queue.front();
    queue.pop_front();
    const int distance = layers.distance[vertex];
    // Breadth-first order: every vertex still queued is at least this far.
    if (max_depth >= 0 && distance >= max_depth) break;
    if (target_ && layers.distance[*target_] >= 0 && distance >= layers.distance[*target_]) break;
    for (const Hop& hop : HopsFrom(vertex)) {
      int& reached = layers.distance[hop.vertex];
      if (reached == -1) {
        reached = distance + 1;
        queue.push_back(hop.vertex);
      }
      if (reached == distance + 1) {
        layers.predecessors[hop.vertex].push_back({vertex, hop.relation_id});
      }
    }
  }
  return layers;
}

ConnectionPath KnowledgeGraph::PathSearch::PathTo(const Layers& layers, Vertex vertex) const {
  ConnectionPath path;
  for (; vertex != source_; vertex = layers.predecessors[vertex].front().vertex) {
    path.entity_ids.push_back(graph_.data_.entities[vertex].id);
    path.relation_ids.push_back(layers.predecessors[vertex].front().relation_id);
  }
  path.entity_ids.push_back(graph_.data_.entities[source_].id);
  std::reverse(path.entity_ids.begin(), path.entity_ids.end());
  std::reverse(path.relation_ids.begin(), path.relation_ids.end());
  return path;
}

std::optional<ConnectionPath> KnowledgeGraph::PathSearch::Shortest(int max_hops) const {
  const Layers layers = Run(max_hops);
  if (layers.distance[*target_] < 0) return std::nullopt;
  return PathTo(layers, *target_);
}

std::optional<ConnectionPath> KnowledgeGraph::ShortestPath(int64_t from, int64_t to) const {
  return ShortestPath(from, to, PathFilter{});
}

std::optional<ConnectionPath> KnowledgeGraph::ShortestPath(int64_t from, int64_t to,
                                                           const PathFilter& filter) const {
  const std::optional<Vertex> start = VertexOf(from);
  const std::optional<Vertex> goal = VertexOf(to);
  if (!start || !goal) return std::nullopt;
  return PathSearch(*this, filter, *start, *goal).Shortest(filter.max_hops);
}

std::vector<ConnectionPath> KnowledgeGraph::AllShortestPaths(int64_t from, int64_t to,
                                                             const PathFilter& filter,
                                                             size_t limit) const {
  std::vector<ConnectionPath> paths;
  const std::optional<Vertex> start = VertexOf(from);
  const std::optional<Vertex> goal = VertexOf(to);
  if (!start || !goal || limit == 0) return paths;
  const PathSearch search(*this, filter, *start, *goal);
  const PathSearch::Layers layers = search.Run(filter.max_hops);
  if (layers.distance[*goal] < 0) return paths;

  // Turn the predecessors of the vertices on some shortest path into
  // successors, by entity id, so that paths come out in id order.
  std::vector<std::vector<PathSearch::Hop>> successors(data_.entities.size());
  std::vector<bool> on_path(data_.entities.size());
  std::vector<Vertex> pending{*goal};
  on_path[*goal] = true;
  while (!pending.empty()) {
    const Vertex vertex = pending.back();
    pending.pop_back();
    for (const PathSearch::Hop& back : layers.predecessors[vertex]) {
      successors[back.vertex].push_back({vertex, back.relation_id});
      if (!on_path[back.vertex]) pending.push_back(back.vertex);
      on_path[back.vertex] = true;
    }
  }
  for (std::vector<PathSearch::Hop>& hops : successors) {
    std::sort(hops.begin(), hops.end(), [this](const auto& a, const auto& b) {
      return data_.entities[a.vertex].id < data_.entities[b.vertex].id;
    });
  }

  ConnectionPath current{{from}, {}};
  const auto extend = [&](const auto& self, Vertex vertex) -> void {
    if (vertex == *goal) {
      paths.push_back(current);
      return;
    }
    for (const PathSearch::Hop& hop : successors[vertex]) {
      if (paths.size() == limit) return;
      current.entity_ids.push_back(data_.entities[hop.vertex].id);
      current.relation_ids.push_back(hop.relation_id);
      self(self, hop.vertex);
      current.entity_ids.pop_back();
      current.relation_ids.pop_back();
    }
  };
  extend(extend, *start);
  return paths;
}

std::vector<ConnectionPath> KnowledgeGraph::KShortestPaths(int64_t from, int64_t to, size_t k,
                                                           const PathFilter& filter) const {
  std::vector<ConnectionPath> found;
  const std::optional<Vertex> goal = VertexOf(to);
  std::optional<ConnectionPath> first = ShortestPath(from, to, filter);
  if (k == 0 || !first) return found;
  found.push_back(std::move(*first));

  // Yen's algorithm: each next path leaves the last one found at some spur
  // entity, keeping its root, and avoids the hops that paths with the same
  // root took from there.
  std::vector<ConnectionPath> candidates;
  const auto known = [&](const std::vector<int64_t>& entity_ids) {
    const auto same = [&](const ConnectionPath& path) { return path.entity_ids == entity_ids; };
    return std::any_of(found.begin(), found.end(), same) ||
           std::any_of(candidates.begin(), candidates.end(), same);
  };
  while (found.size() < k) {
    const ConnectionPath last = found.back();
    for (size_t spur = 0; spur + 1 < last.entity_ids.size(); ++spur) {
      PathSearch search(*this, filter, *VertexOf(last.entity_ids[spur]), goal);
      for (size_t i = 0; i < spur; ++i) search.Block(*VertexOf(last.entity_ids[i]));
      for (const ConnectionPath& path : found) {
        if (path.entity_ids.size() > spur + 1 &&
            std::equal(last.entity_ids.begin(), last.entity_ids.begin() + spur + 1,
                       path.entity_ids.begin())) {
          search.BlockHop(*VertexOf(path.entity_ids[spur]), *VertexOf(path.entity_ids[spur + 1]));
        }
      }
      const int budget = filter.max_hops < 0 ? -1 : filter.max_hops - static_cast<int>(spur);
      std::optional<ConnectionPath> tail = search.Shortest(budget);
      if (!tail) continue;
      ConnectionPath path{{last.entity_ids.begin(), last.entity_ids.begin() + spur},
                          {last.relation_ids.begin(), last.relation_ids.begin() + spur}};
      path.entity_ids.insert(path.entity_ids.end(), tail->entity_ids.begin(),
                             tail->entity_ids.end());
      path.relation_ids.insert(path.relation_ids.end(), tail->relation_ids.begin(),
                               tail->relation_ids.end());
      if (!known(path.entity_ids)) candidates.push_back(std::move(path));
    }
    if (candidates.empty()) break;
    const auto best = std::min_element(candidates.begin(), candidates.end(), ShorterOrFirstById);
    found.push_back(std::move(*best));
    candidates.erase(best);
  }
  return found;
}

GraphData KnowledgeGraph::Neighbourhood(int64_t center, int depth) const {
  return Neighbourhood(center, depth, PathFilter{});
}

std::vector<int> KnowledgeGraph::DistancesByIndex(int64_t center, int depth,
                                                  const PathFilter& filter) const {
  const std::optional<Vertex> start = VertexOf(center);
  if (!start) return std::vector<int>(data_.entities.size(), -1);
  depth = std::max(depth, 0);
  if (filter.max_hops >= 0) depth = std::min(depth, filter.max_hops);
  return PathSearch(*this, filter, *start, std::nullopt).Run(depth).distance;
}

std::vector<std::pair<int64_t, int>> KnowledgeGraph::Distances(int64_t center, int depth,
                                                               const PathFilter& filter) const {
  const std::vector<int> distance = DistancesByIndex(center, depth, filter);
  std::vector<std::pair<int64_t, int>> found;
  for (size_t entity = 0; entity < distance.size(); ++entity) {
    if (distance[entity] >= 0) found.emplace_back(data_.entities[entity].id, distance[entity]);
  }
  std::sort(found.begin(), found.end());
  return found;
}

GraphData KnowledgeGraph::Neighbourhood(int64_t center, int depth, const PathFilter& filter) const {
  if (!VertexOf(center)) return {};
  const std::vector<int> distance = DistancesByIndex(center, depth, filter);

  std::vector<size_t> entities;
  std::vector<size_t> relations;
  const RelationAdmission admits(*this, filter);
  for (size_t entity = 0; entity < distance.size(); ++entity) {
    if (distance[entity] < 0) continue;
    entities.push_back(entity);
    for (size_t r : relations_of_[entity]) {
      const RelationRecord& relation = data_.relations[r];
      // Both ends are known (else no edge); keep relations inside the set.
      if (admits(relation) &&
          distance[entity_index_.at(relation.source_id)] != -1 &&
          distance[entity_index_.at(relation.target_id)] != -1) {
        relations.push_back(r);
      }
    }
  }
  const auto by_id = [](const auto& records) {
    return [&records](size_t a, size_t b) { return records[a].id < records[b].id; };
  };
  std::sort(entities.begin(), entities.end(), by_id(data_.entities));
  std::sort(relations.begin(), relations.end(), by_id(data_.relations));
  relations.erase(std::unique(relations.begin(), relations.end()), relations.end());

  GraphData selection = Collect(entities, relations);
  std::sort(selection.articles.begin(), selection.articles.end(),
            [](const ArticleRecord& a, const ArticleRecord& b) { return a.id < b.id; });
  return selection;
}

}  // namespace guanxi::graph
