#include "cli/relation_format.h"

#include <fmt/format.h>

namespace guanxi::cli {
namespace {

const std::string& NameOf(const graph::KnowledgeGraph& graph, int64_t id) {
  static const std::string kUnknown = "?";
  const graph::EntityRecord* entity = graph.FindEntity(id);
  return entity ? entity->name : kUnknown;
}

}  // namespace

std::string HopLine(const graph::KnowledgeGraph& graph, const graph::RelationRecord& relation,
                    int64_t from_id) {
  std::string verb(graph::Verb(relation.type));
  if (!relation.title.empty()) verb += " " + relation.title;
  const graph::ArticleRecord* article = graph.FindArticle(relation.article_id);
  std::string date = article && !article->date.empty() ? " (" + article->date + ")" : "";
  const bool forward = relation.source_id == from_id || graph::IsSymmetric(relation.type);
  if (forward) {
    int64_t to_id = relation.source_id == from_id ? relation.target_id : relation.source_id;
    return fmt::format("{} —{}→ {}{}", NameOf(graph, from_id), verb, NameOf(graph, to_id), date);
  }
  return fmt::format("{} ←{}— {}{}", NameOf(graph, from_id), verb,
                     NameOf(graph, relation.source_id), date);
}

std::string EvidenceLine(const graph::KnowledgeGraph& graph,
                         const graph::RelationRecord& relation) {
  const graph::ArticleRecord* article = graph.FindArticle(relation.article_id);
  if (!article) return fmt::format("「{}」", relation.evidence.sentence);
  return fmt::format("「{}」 — {}{}, {}", relation.evidence.sentence, article->title,
                     article->date.empty() ? "" : ", " + article->date, article->path);
}

nlohmann::json RelationJson(const graph::KnowledgeGraph& graph,
                            const graph::RelationRecord& relation) {
  nlohmann::json out = {
      {"id", relation.id},
      {"type", graph::ToString(relation.type)},
      {"source", NameOf(graph, relation.source_id)},
      {"target", NameOf(graph, relation.target_id)},
      {"source_id", relation.source_id},
      {"target_id", relation.target_id},
      {"evidence",
       {{"sentence", relation.evidence.sentence},
        {"char_begin", relation.evidence.char_begin},
        {"char_end", relation.evidence.char_end}}},
  };
  if (!relation.title.empty()) out["title"] = relation.title;
  if (const graph::ArticleRecord* article = graph.FindArticle(relation.article_id)) {
    out["article"] = {{"title", article->title}, {"date", article->date}, {"path", article->path}};
  }
  return out;
}

nlohmann::json EntityJson(const graph::EntityRecord& entity) {
  nlohmann::json decisions = nlohmann::json::array();
  for (const graph::DecisionNote& note : entity.decisions) {
    decisions.push_back(
        {{"decision", note.decision_id}, {"action", note.action}, {"reason", note.reason}});
  }
  return {{"id", entity.id},
          {"type", graph::ToString(entity.type)},
          {"name", entity.name},
          {"aliases", entity.aliases},
          {"unresolved", entity.unresolved},
          {"decisions", std::move(decisions)}};
}

}  // namespace guanxi::cli
