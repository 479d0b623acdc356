#include "cli/relation_records.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>

#include "graph/printed_date.h"

namespace guanxi::cli {
namespace {

void SortUnique(std::vector<int64_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

Result<graph::KnowledgeGraph> RelationsGraph(index::GraphIndex& index,
                                             std::vector<int64_t> relation_ids,
                                             std::vector<int64_t> entity_ids) {
  SortUnique(relation_ids);
  Result<std::vector<graph::RelationRecord>> relations = index.Relations(relation_ids);
  if (!relations.ok()) return relations.status();
  std::vector<int64_t> article_ids;
  for (const graph::RelationRecord& relation : *relations) {
    entity_ids.push_back(relation.source_id);
    entity_ids.push_back(relation.target_id);
    article_ids.push_back(relation.article_id);
  }
  SortUnique(entity_ids);
  SortUnique(article_ids);
  Result<std::vector<graph::EntityRecord>> entities =
      index.Entities(entity_ids, index::EntityDetail::kCard);
  if (!entities.ok()) return entities.status();
  Result<std::vector<graph::ArticleRecord>> articles = index.Articles(article_ids, true);
  if (!articles.ok()) return articles.status();
  return graph::KnowledgeGraph(
      graph::GraphData{std::move(*entities), std::move(*articles), std::move(*relations)});
}

std::tuple<bool, int, int, int, int64_t> DateOrder(const graph::ArticleRecord* article) {
  std::optional<graph::PartialDate> date =
      article ? graph::ItemDate(article->date, article->full_date) : std::nullopt;
  const int64_t id = article ? article->id : 0;
  if (!date) return {true, 0, 0, 0, id};
  return {false, date->year.value_or(0), date->month_day.month, date->month_day.day, id};
}

std::string DisplayDate(const graph::ArticleRecord* article) {
  if (!article) return "";
  return article->full_date.empty() ? article->date : article->full_date;
}

nlohmann::json ItemJson(const graph::ArticleRecord& article) {
  return {{"id", article.id},         {"title", article.title},   {"date", article.date},
          {"full_date", article.full_date}, {"outlet", article.outlet}, {"path", article.path}};
}

}  // namespace guanxi::cli
