#pragma once

// Test helper: GraphData written entity by entity and relation by relation.
// Every entity is named after its id ("e7"); every relation comes from one
// article (id 1) with its id as evidence.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph_data.h"
#include "graph/knowledge_graph.h"

namespace guanxi::graph {

class GraphBuilder {
 public:
  GraphBuilder() { data_.articles.push_back({1, "a.txt", "标题", ""}); }

  GraphBuilder& Entity(int64_t id, EntityType type = EntityType::kPerson) {
    data_.entities.push_back({id, type, "e" + std::to_string(id), {}});
    return *this;
  }
  GraphBuilder& Relation(int64_t id, int64_t source, int64_t target,
                         RelationType type = RelationType::kAttended) {
    RelationRecord record;
    record.id = id;
    record.type = type;
    record.source_id = source;
    record.target_id = target;
    record.article_id = 1;
    record.evidence.sentence = "r" + std::to_string(id);
    data_.relations.push_back(std::move(record));
    return *this;
  }
  const GraphData& data() const { return data_; }
  KnowledgeGraph Build() const { return KnowledgeGraph(data_); }

 private:
  GraphData data_;
};

}  // namespace guanxi::graph
