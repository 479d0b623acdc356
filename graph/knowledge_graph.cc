#include "graph/knowledge_graph.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace guanxi::graph {
namespace {

template <typename Record>
std::unordered_map<int64_t, size_t> IndexById(const std::vector<Record>& records) {
  std::unordered_map<int64_t, size_t> index;
  index.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i) index.emplace(records[i].id, i);
  return index;
}

}  // namespace

KnowledgeGraph::KnowledgeGraph(GraphData data)
    : data_(std::move(data)),
      graph_(std::make_unique<Graph>(data_.entities.size())),
      entity_index_(IndexById(data_.entities)),
      article_index_(IndexById(data_.articles)),
      relation_index_(IndexById(data_.relations)),
      relations_of_(data_.entities.size()) {
  for (size_t i = 0; i < data_.entities.size(); ++i) {
    const EntityRecord& entity = data_.entities[i];
    (*graph_)[i].entity_id = entity.id;
    ids_by_name_[entity.name].push_back(entity.id);
    for (const std::string& alias : entity.aliases) ids_by_name_[alias].push_back(entity.id);
  }
  for (auto& [name, ids] : ids_by_name_) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }

  // Edges in relation id order, so that searches prefer older relations.
  std::vector<size_t> order(data_.relations.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [this](size_t a, size_t b) { return data_.relations[a].id < data_.relations[b].id; });
  for (size_t r : order) {
    const RelationRecord& relation = data_.relations[r];
    const std::optional<Vertex> source = VertexOf(relation.source_id);
    const std::optional<Vertex> target = VertexOf(relation.target_id);
    if (!source || !target) continue;
    boost::add_edge(*source, *target, EdgeProperties{relation.id, relation.type}, *graph_);
    relations_of_[*source].push_back(r);
    if (*target != *source) relations_of_[*target].push_back(r);
  }
}

std::optional<KnowledgeGraph::Vertex> KnowledgeGraph::VertexOf(int64_t entity_id) const {
  const auto found = entity_index_.find(entity_id);
  if (found == entity_index_.end()) return std::nullopt;
  return static_cast<Vertex>(found->second);
}

std::vector<int64_t> KnowledgeGraph::FindByName(std::string_view name) const {
  const auto found = ids_by_name_.find(std::string(name));
  if (found == ids_by_name_.end()) return {};
  return found->second;
}

const EntityRecord* KnowledgeGraph::FindEntity(int64_t id) const {
  const auto found = entity_index_.find(id);
  return found == entity_index_.end() ? nullptr : &data_.entities[found->second];
}

const ArticleRecord* KnowledgeGraph::FindArticle(int64_t id) const {
  const auto found = article_index_.find(id);
  return found == article_index_.end() ? nullptr : &data_.articles[found->second];
}

const RelationRecord* KnowledgeGraph::FindRelation(int64_t id) const {
  const auto found = relation_index_.find(id);
  return found == relation_index_.end() ? nullptr : &data_.relations[found->second];
}

std::vector<const RelationRecord*> KnowledgeGraph::RelationsOf(int64_t entity_id) const {
  std::vector<const RelationRecord*> relations;
  const std::optional<Vertex> vertex = VertexOf(entity_id);
  if (!vertex) return relations;
  for (size_t r : relations_of_[*vertex]) relations.push_back(&data_.relations[r]);
  return relations;  // already in id order: edges were added that way
}

size_t KnowledgeGraph::Degree(int64_t entity_id) const {
  const std::optional<Vertex> vertex = VertexOf(entity_id);
  return vertex ? relations_of_[*vertex].size() : 0;
}

GraphData KnowledgeGraph::Select(const ConnectionPath& path) const {
  std::vector<size_t> entities;
  for (int64_t id : path.entity_ids) {
    if (const auto found = entity_index_.find(id); found != entity_index_.end()) {
      entities.push_back(found->second);
    }
  }
  std::vector<size_t> relations;
  for (int64_t id : path.relation_ids) {
    if (const auto found = relation_index_.find(id); found != relation_index_.end()) {
      relations.push_back(found->second);
    }
  }
  return Collect(entities, relations);
}

GraphData KnowledgeGraph::Collect(const std::vector<size_t>& entity_indexes,
                                  const std::vector<size_t>& relation_indexes) const {
  GraphData selection;
  for (size_t e : entity_indexes) selection.entities.push_back(data_.entities[e]);
  std::unordered_set<int64_t> articles_seen;
  for (size_t r : relation_indexes) {
    const RelationRecord& relation = data_.relations[r];
    selection.relations.push_back(relation);
    if (!articles_seen.insert(relation.article_id).second) continue;
    if (const ArticleRecord* article = FindArticle(relation.article_id)) {
      selection.articles.push_back(*article);
    }
  }
  return selection;
}

}  // namespace guanxi::graph
