#include "render/neo4j_writer.h"

#include <cctype>
#include <cstdint>
#include <ostream>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "render/csv_writer.h"
#include "render/diagram_style.h"

namespace guanxi::render {
namespace {

// As WriteCsv: RFC 4180 ends rows with CRLF, which the importer reads as one
// line end.
constexpr std::string_view kRowEnd = "\r\n";

// Joins fields quoted as RFC 4180 says. Neo4j's importer reads a doubled
// quote inside a quoted field as one quote (its default, not the legacy
// backslash style), so any name survives.
void WriteRow(std::ostream& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out << ',';
    first = false;
    out << CsvQuoted(field);
  }
  out << kRowEnd;
}

}  // namespace

std::string Neo4jLabel(graph::EntityType type) {
  std::string label(graph::ToString(type));
  if (!label.empty())
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

std::string Neo4jType(graph::RelationType type) {
  std::string name(graph::ToString(type));
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

Status WriteNeo4jCsv(const graph::GraphData& data, std::ostream& nodes_csv,
                     std::ostream& relationships_csv) {
  std::unordered_set<int64_t> entity_ids;
  for (const graph::EntityRecord& entity : data.entities) entity_ids.insert(entity.id);
  for (const graph::RelationRecord& relation : data.relations) {
    for (int64_t endpoint : {relation.source_id, relation.target_id}) {
      if (entity_ids.count(endpoint) == 0) {
        return Status::InvalidInput(
            "relation " + std::to_string(relation.id),
            "entity " + std::to_string(endpoint) + " is not in the graph data");
      }
    }
  }

  nodes_csv << kNeo4jNodeHeader << kRowEnd;
  for (const graph::EntityRecord& entity : data.entities) {
    WriteRow(nodes_csv, {std::to_string(entity.id), entity.name, graph::ToString(entity.type),
                         Join(entity.aliases, "|"), entity.unresolved ? "true" : "false",
                         Neo4jLabel(entity.type)});
  }

  std::unordered_map<int64_t, const graph::ArticleRecord*> articles;
  for (const graph::ArticleRecord& article : data.articles) articles[article.id] = &article;
  const graph::ArticleRecord no_article;
  relationships_csv << kNeo4jRelationshipHeader << kRowEnd;
  for (const graph::RelationRecord& relation : data.relations) {
    auto found = articles.find(relation.article_id);
    const graph::ArticleRecord& article = found == articles.end() ? no_article : *found->second;
    WriteRow(
        relationships_csv,
        {std::to_string(relation.source_id), std::to_string(relation.target_id),
         Neo4jType(relation.type), std::to_string(relation.id), graph::ToString(relation.type),
         relation.title, relation.evidence.sentence, std::to_string(relation.evidence.char_begin),
         std::to_string(relation.evidence.char_end), std::to_string(relation.article_id),
         article.title, article.path, article.date, article.full_date});
  }
  return Status::Ok();
}

}  // namespace guanxi::render
