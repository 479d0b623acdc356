#include "cli/page_data.h"

#include "cli/relation_format.h"
#include "graph/knowledge_graph.h"

namespace guanxi::cli {
namespace {

const char* Kind(const SelectionOptions& options) {
  if (!options.path.empty()) return "path";
  if (!options.around.empty()) return "around";
  return "all";
}

}  // namespace

nlohmann::json PageDataJson(const Selection& selection, const SelectionOptions& options) {
  const graph::KnowledgeGraph graph(selection.data);
  nlohmann::json entities = nlohmann::json::array();
  for (const graph::EntityRecord& entity : selection.data.entities) {
    entities.push_back(EntityJson(entity));
  }
  nlohmann::json relations = nlohmann::json::array();
  for (const graph::RelationRecord& relation : selection.data.relations) {
    nlohmann::json out = RelationJson(graph, relation);
    // The card of the page names who published the item and its full date.
    if (const graph::ArticleRecord* article = graph.FindArticle(relation.article_id)) {
      out["article"]["outlet"] = article->outlet;
      out["article"]["full_date"] = article->full_date;
    }
    relations.push_back(std::move(out));
  }
  nlohmann::json path = nullptr;
  if (!selection.path_entity_ids.empty()) {
    path = {{"nodes", selection.path_entity_ids}, {"edges", selection.path_relation_ids}};
  }
  return {{"title", selection.title},
          {"kind", Kind(options)},
          {"highlight", selection.highlight_ids},
          {"path", std::move(path)},
          {"entities", std::move(entities)},
          {"relations", std::move(relations)}};
}

}  // namespace guanxi::cli
