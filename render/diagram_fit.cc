#include "render/diagram_fit.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace guanxi::render {
namespace {

using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// The component of each entity (parallel to data.entities) and their count.
std::pair<std::vector<int>, std::size_t> Components(const graph::GraphData& data) {
  std::unordered_map<int64_t, std::size_t> index;
  for (std::size_t i = 0; i < data.entities.size(); ++i) index[data.entities[i].id] = i;
  UndirectedGraph graph(data.entities.size());
  for (const graph::RelationRecord& relation : data.relations) {
    auto source = index.find(relation.source_id);
    auto target = index.find(relation.target_id);
    if (source == index.end() || target == index.end()) continue;
    boost::add_edge(source->second, target->second, graph);
  }
  std::vector<int> component(data.entities.size());
  const int count =
      data.entities.empty() ? 0 : boost::connected_components(graph, component.data());
  return {std::move(component), static_cast<std::size_t>(count)};
}

graph::GraphData ComponentData(graph::GraphData data, const std::vector<int>& component,
                               int wanted) {
  graph::GraphData kept;
  std::unordered_set<int64_t> entity_ids;
  for (std::size_t i = 0; i < data.entities.size(); ++i) {
    if (component[i] != wanted) continue;
    entity_ids.insert(data.entities[i].id);
    kept.entities.push_back(std::move(data.entities[i]));
  }
  std::unordered_set<int64_t> article_ids;
  for (graph::RelationRecord& relation : data.relations) {
    if (entity_ids.count(relation.source_id) == 0) continue;
    article_ids.insert(relation.article_id);
    kept.relations.push_back(std::move(relation));
  }
  for (graph::ArticleRecord& article : data.articles) {
    if (article_ids.count(article.id) > 0) kept.articles.push_back(std::move(article));
  }
  return kept;
}

}  // namespace

Result<DiagramFit> FitDiagram(graph::GraphData data, std::size_t max_entities) {
  DiagramFit fit;
  fit.whole_entities = data.entities.size();
  auto [component, count] = Components(data);
  fit.components = count;
  if (data.entities.size() <= max_entities) {
    fit.data = std::move(data);
    return fit;
  }
  std::vector<std::size_t> sizes(count, 0);
  for (int c : component) ++sizes[c];
  // Components are numbered in order of their first entity, so the first
  // largest is the one of the earliest entity.
  const auto largest = std::max_element(sizes.begin(), sizes.end());
  if (*largest > max_entities) {
    return Status::InvalidInput("diagram", std::to_string(fit.whole_entities) +
                                               " entities, the largest connected part " +
                                               std::to_string(*largest) + "; at most " +
                                               std::to_string(max_entities) + " can be drawn");
  }
  fit.data = ComponentData(std::move(data), component, static_cast<int>(largest - sizes.begin()));
  fit.is_component = true;
  return fit;
}

}  // namespace guanxi::render
