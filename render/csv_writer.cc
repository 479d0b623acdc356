#include "render/csv_writer.h"

#include <cstdint>
#include <ostream>
#include <unordered_map>
#include <vector>

#include "render/diagram_style.h"

namespace guanxi::render {
namespace {

// RFC 4180 ends rows with CRLF; Python's csv, pandas and Excel expect it, and
// a bare LF inside a quoted field stays part of the field.
constexpr std::string_view kRowEnd = "\r\n";

constexpr std::string_view kNodeColumns[] = {"id", "name", "type", "aliases"};
constexpr std::string_view kEdgeColumns[] = {
    "id",      "source",       "target", "source_name", "target_name", "relation", "title",
    "article", "article_path", "date",   "evidence",    "char_begin",  "char_end"};

template <std::size_t N>
void WriteRow(std::ostream& out, const std::string_view (&fields)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out << ',';
    out << CsvField(fields[i]);
  }
  out << kRowEnd;
}

using EntityIndex = std::unordered_map<int64_t, const graph::EntityRecord*>;

Result<EntityIndex> IndexEntities(const graph::GraphData& data) {
  EntityIndex entities;
  for (const graph::EntityRecord& entity : data.entities) entities[entity.id] = &entity;
  for (const graph::RelationRecord& relation : data.relations) {
    for (int64_t endpoint : {relation.source_id, relation.target_id}) {
      if (entities.count(endpoint) == 0) {
        return Status::InvalidInput(
            "relation " + std::to_string(relation.id),
            "entity " + std::to_string(endpoint) + " is not in the graph data");
      }
    }
  }
  return entities;
}

void WriteNodes(const graph::GraphData& data, std::ostream& out) {
  WriteRow(out, kNodeColumns);
  for (const graph::EntityRecord& entity : data.entities) {
    const std::string id = std::to_string(entity.id);
    const std::string aliases = Join(entity.aliases, "|");
    const std::string_view row[] = {id, entity.name, graph::ToString(entity.type), aliases};
    WriteRow(out, row);
  }
}

void WriteEdges(const graph::GraphData& data, const EntityIndex& entities, std::ostream& out) {
  std::unordered_map<int64_t, const graph::ArticleRecord*> articles;
  for (const graph::ArticleRecord& article : data.articles) articles[article.id] = &article;
  const graph::ArticleRecord no_article;
  WriteRow(out, kEdgeColumns);
  for (const graph::RelationRecord& relation : data.relations) {
    auto found = articles.find(relation.article_id);
    const graph::ArticleRecord& article = found == articles.end() ? no_article : *found->second;
    const std::string id = std::to_string(relation.id);
    const std::string source = std::to_string(relation.source_id);
    const std::string target = std::to_string(relation.target_id);
    const std::string char_begin = std::to_string(relation.evidence.char_begin);
    const std::string char_end = std::to_string(relation.evidence.char_end);
    const std::string_view row[] = {id,
                                    source,
                                    target,
                                    entities.at(relation.source_id)->name,
                                    entities.at(relation.target_id)->name,
                                    graph::ToString(relation.type),
                                    relation.title,
                                    article.title,
                                    article.path,
                                    article.date,
                                    relation.evidence.sentence,
                                    char_begin,
                                    char_end};
    WriteRow(out, row);
  }
}

}  // namespace

std::string CsvField(std::string_view raw) {
  // OWASP's advice against CSV injection: a spreadsheet runs a cell starting
  // with =, +, -, @ (or tab, CR) as a formula; a leading ' makes it text.
  std::string neutralised;
  std::string_view text = raw;
  if (!raw.empty() && std::string_view("=+-@\t\r").find(raw.front()) != std::string_view::npos) {
    neutralised = "'" + std::string(raw);
    text = neutralised;
  }
  return CsvQuoted(text);
}

std::string CsvQuoted(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

Status WriteCsv(const graph::GraphData& data, std::ostream& nodes_csv, std::ostream& edges_csv) {
  Result<EntityIndex> entities = IndexEntities(data);
  if (!entities.ok()) return entities.status();
  WriteNodes(data, nodes_csv);
  WriteEdges(data, *entities, edges_csv);
  return Status::Ok();
}

}  // namespace guanxi::render
