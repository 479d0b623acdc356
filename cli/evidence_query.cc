#include "cli/evidence_query.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "cli/relation_format.h"
#include "cli/relation_records.h"

namespace guanxi::cli {

Result<GrepResult> Grep(index::GraphIndex& index, std::string_view text, std::size_t limit) {
  Result<index::EvidenceMatches> found = index.FindEvidence(text, limit);
  if (!found.ok()) return found.status();
  std::vector<int64_t> relation_ids;
  for (const index::EvidenceMatch& match : found->matches) {
    relation_ids.insert(relation_ids.end(), match.relation_ids.begin(), match.relation_ids.end());
  }
  Result<graph::KnowledgeGraph> graph = RelationsGraph(index, std::move(relation_ids), {});
  if (!graph.ok()) return graph.status();
  return GrepResult{std::move(*found), std::move(*graph)};
}

nlohmann::json GrepJson(const GrepResult& result, std::string_view text) {
  nlohmann::json hits = nlohmann::json::array();
  for (const index::EvidenceMatch& match : result.found.matches) {
    nlohmann::json hit = {{"sentence", match.sentence},
                          {"char_begin", match.char_begin},
                          {"char_end", match.char_end},
                          {"item", nullptr},
                          {"entities", nlohmann::json::array()},
                          {"relations", nlohmann::json::array()}};
    if (const graph::ArticleRecord* article = result.graph.FindArticle(match.article_id)) {
      hit["item"] = ItemJson(*article);
    }
    std::vector<int64_t> entity_ids;
    for (int64_t id : match.relation_ids) {
      const graph::RelationRecord* relation = result.graph.FindRelation(id);
      if (!relation) continue;
      hit["relations"].push_back(RelationJson(result.graph, *relation));
      for (int64_t end : {relation->source_id, relation->target_id}) {
        if (std::find(entity_ids.begin(), entity_ids.end(), end) == entity_ids.end()) {
          entity_ids.push_back(end);
        }
      }
    }
    for (int64_t id : entity_ids) {
      if (const graph::EntityRecord* entity = result.graph.FindEntity(id)) {
        hit["entities"].push_back(EntityJson(*entity));
      }
    }
    hits.push_back(std::move(hit));
  }
  return {{"query", std::string(text)},
          {"total", result.found.total},
          {"shown", result.found.matches.size()},
          {"scanned", result.found.scanned},
          {"hits", std::move(hits)}};
}

}  // namespace guanxi::cli
