#include "render/json_writer.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace guanxi::render {
namespace {

// ordered_json keeps keys in the order written here, which reads better
// than nlohmann's default alphabetical order.
using Json = nlohmann::ordered_json;

Status CheckEndpoints(const graph::GraphData& data) {
  std::unordered_set<int64_t> ids;
  for (const graph::EntityRecord& entity : data.entities) ids.insert(entity.id);
  for (const graph::RelationRecord& relation : data.relations) {
    for (int64_t endpoint : {relation.source_id, relation.target_id}) {
      if (ids.count(endpoint) == 0) {
        return Status::InvalidInput(
            "relation " + std::to_string(relation.id),
            "entity " + std::to_string(endpoint) + " is not in the graph data");
      }
    }
  }
  return Status::Ok();
}

Json NodeFor(const graph::EntityRecord& entity) {
  return Json{{"id", entity.id},
              {"name", entity.name},
              {"type", std::string(graph::ToString(entity.type))},
              {"aliases", entity.aliases},
              {"unresolved", entity.unresolved},
              {"articles", entity.article_ids}};
}

// Every publication of the article: the first and its reprints.
Json SourcesOf(const graph::ArticleRecord& article) {
  Json sources = Json::array();
  for (const graph::SourceRecord& source : article.sources) {
    sources.push_back({{"path", source.path}, {"outlet", source.outlet}, {"title", source.title}});
  }
  return sources;
}

Json EdgeFor(const graph::RelationRecord& relation, const graph::ArticleRecord& article) {
  return Json{
      {"id", relation.id},
      // networkx takes "key" as the multigraph edge key, so two relations
      // between the same entities stay apart under their relation ids.
      {"key", relation.id},
      {"source", relation.source_id},
      {"target", relation.target_id},
      {"relation", std::string(graph::ToString(relation.type))},
      {"title", relation.title},
      {"article",
       {{"id", article.id},
        {"title", article.title},
        {"path", article.path},
        {"date", article.date},
        {"outlet", article.outlet},
        {"sources", SourcesOf(article)}}},
      {"evidence",
       {{"sentence", relation.evidence.sentence},
        {"char_begin", relation.evidence.char_begin},
        {"char_end", relation.evidence.char_end}}},
  };
}

Json Document(const graph::GraphData& data) {
  std::unordered_map<int64_t, const graph::ArticleRecord*> articles;
  for (const graph::ArticleRecord& article : data.articles) articles[article.id] = &article;
  const graph::ArticleRecord no_article;
  Json nodes = Json::array();
  for (const graph::EntityRecord& entity : data.entities) nodes.push_back(NodeFor(entity));
  Json edges = Json::array();
  for (const graph::RelationRecord& relation : data.relations) {
    auto found = articles.find(relation.article_id);
    edges.push_back(EdgeFor(relation, found == articles.end() ? no_article : *found->second));
  }
  return Json{{"directed", true},
              {"multigraph", true},
              {"graph", Json::object()},
              {"nodes", std::move(nodes)},
              {"edges", std::move(edges)}};
}

}  // namespace

Status WriteJson(const graph::GraphData& data, std::ostream& out) {
  GUANXI_RETURN_IF_ERROR(CheckEndpoints(data));
  // error_handler_t::replace: dump() would otherwise throw on bytes that are
  // not UTF-8, and no exception leaves this module.
  out << Document(data).dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace)
      << '\n';
  if (!out) return Status::IoError("json", "cannot write to the output stream");
  return Status::Ok();
}

}  // namespace guanxi::render
