#include "render/graphml_writer.h"

// GCC 12 reports a false -Wmaybe-uninitialized inside Boost's edge iterator
// (boost::optional storage) when write_graphml walks the edges.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#pragma GCC diagnostic pop

#include <cstdint>
#include <string>
#include <unordered_map>

#include "render/diagram_style.h"
#include "render/xml_text.h"

namespace guanxi::render {
namespace {

// `long` rather than int64_t: boost::write_graphml names the GraphML type
// from the C++ type and knows `long`, not the typedef.
struct NodeAttributes {
  std::string name;
  std::string type;
  std::string aliases;
  long entity_id = 0;
  long degree = 0;
  bool unresolved = false;
  long articles = 0;
};

struct EdgeAttributes {
  std::string relation;
  std::string title;
  std::string article;
  std::string article_path;
  std::string outlet;
  std::string sources;
  std::string date;
  std::string evidence;
  long char_begin = 0;
  long char_end = 0;
  long relation_id = 0;
};

using GraphmlGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                           NodeAttributes, EdgeAttributes>;
using Vertex = GraphmlGraph::vertex_descriptor;

// write_graphml escapes markup but passes characters XML 1.0 cannot carry
// (controls, U+FFFE, U+FFFF), which would make a reader reject the file:
// they become U+FFFD (xml_text.h). Tab, newline and carriage return are kept.
std::string XmlText(const std::string& text) { return XmlSafe(text); }

EdgeAttributes EdgeFor(const graph::RelationRecord& relation, const graph::ArticleRecord* article) {
  EdgeAttributes edge;
  edge.relation = std::string(graph::ToString(relation.type));
  edge.title = XmlText(relation.title);
  if (article != nullptr) {
    edge.article = XmlText(article->title);
    edge.article_path = XmlText(article->path);
    edge.outlet = XmlText(article->outlet);
    std::vector<std::string> paths;
    for (const graph::SourceRecord& source : article->sources) paths.push_back(source.path);
    edge.sources = XmlText(Join(paths, "|"));
    edge.date = XmlText(article->date);
  }
  edge.evidence = XmlText(relation.evidence.sentence);
  edge.char_begin = relation.evidence.char_begin;
  edge.char_end = relation.evidence.char_end;
  edge.relation_id = relation.id;
  return edge;
}

void AddVertices(const graph::GraphData& data, GraphmlGraph& graph,
                 std::unordered_map<int64_t, Vertex>& vertices) {
  for (const graph::EntityRecord& entity : data.entities) {
    const Vertex vertex = boost::add_vertex(graph);
    NodeAttributes& node = graph[vertex];
    node.name = XmlText(entity.name);
    node.type = std::string(graph::ToString(entity.type));
    node.aliases = XmlText(Join(entity.aliases, "|"));
    node.entity_id = entity.id;
    node.unresolved = entity.unresolved;
    node.articles = static_cast<long>(entity.article_ids.size());
    vertices[entity.id] = vertex;
  }
}

Status AddEdges(const graph::GraphData& data, GraphmlGraph& graph,
                const std::unordered_map<int64_t, Vertex>& vertices) {
  std::unordered_map<int64_t, const graph::ArticleRecord*> articles;
  for (const graph::ArticleRecord& article : data.articles) articles[article.id] = &article;
  for (const graph::RelationRecord& relation : data.relations) {
    auto source = vertices.find(relation.source_id);
    auto target = vertices.find(relation.target_id);
    if (source == vertices.end() || target == vertices.end()) {
      return Status::InvalidInput("relation " + std::to_string(relation.id),
                                  "an endpoint is not in the graph data");
    }
    auto article = articles.find(relation.article_id);
    boost::add_edge(source->second, target->second,
                    EdgeFor(relation, article == articles.end() ? nullptr : article->second),
                    graph);
    ++graph[source->second].degree;
    ++graph[target->second].degree;
  }
  return Status::Ok();
}

boost::dynamic_properties Properties(GraphmlGraph& graph) {
  boost::dynamic_properties properties;
  properties.property("name", boost::get(&NodeAttributes::name, graph));
  properties.property("type", boost::get(&NodeAttributes::type, graph));
  properties.property("aliases", boost::get(&NodeAttributes::aliases, graph));
  properties.property("entity_id", boost::get(&NodeAttributes::entity_id, graph));
  properties.property("degree", boost::get(&NodeAttributes::degree, graph));
  properties.property("unresolved", boost::get(&NodeAttributes::unresolved, graph));
  properties.property("articles", boost::get(&NodeAttributes::articles, graph));
  properties.property("relation", boost::get(&EdgeAttributes::relation, graph));
  properties.property("title", boost::get(&EdgeAttributes::title, graph));
  properties.property("article", boost::get(&EdgeAttributes::article, graph));
  properties.property("article_path", boost::get(&EdgeAttributes::article_path, graph));
  properties.property("outlet", boost::get(&EdgeAttributes::outlet, graph));
  properties.property("sources", boost::get(&EdgeAttributes::sources, graph));
  properties.property("date", boost::get(&EdgeAttributes::date, graph));
  properties.property("evidence", boost::get(&EdgeAttributes::evidence, graph));
  properties.property("char_begin", boost::get(&EdgeAttributes::char_begin, graph));
  properties.property("char_end", boost::get(&EdgeAttributes::char_end, graph));
  properties.property("relation_id", boost::get(&EdgeAttributes::relation_id, graph));
  return properties;
}

}  // namespace

Status WriteGraphml(const graph::GraphData& data, std::ostream& out) {
  GraphmlGraph graph;
  std::unordered_map<int64_t, Vertex> vertices;
  AddVertices(data, graph, vertices);
  GUANXI_RETURN_IF_ERROR(AddEdges(data, graph, vertices));
  boost::write_graphml(out, graph, Properties(graph), /*ordered_vertices=*/true);
  if (!out) return Status::IoError("graphml", "cannot write to the output stream");
  return Status::Ok();
}

}  // namespace guanxi::render
