// The Graphviz adapter: the only file that holds cgraph and gvc handles.
// Every cgraph NULL or non-zero return is turned into a Status where it
// happens; Graphviz's own messages are captured into that Status instead of
// being printed to stderr.

#include "render/dot_writer.h"

#include <cgraph.h>
#include <gvc.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "render/diagram_style.h"

namespace guanxi::render {
namespace {

constexpr const char* kFontName = "Noto Sans CJK SC";
constexpr const char* kHighlightColor = "#d62728";

struct GraphCloser {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

struct ContextFreer {
  void operator()(GVC_t* context) const { gvFreeContext(context); }
};
using ContextPtr = std::unique_ptr<GVC_t, ContextFreer>;

// Frees a layout made by gvLayout when it goes out of scope.
class LayoutGuard {
 public:
  LayoutGuard(GVC_t* context, Agraph_t* graph) : context_(context), graph_(graph) {}
  LayoutGuard(const LayoutGuard&) = delete;
  LayoutGuard& operator=(const LayoutGuard&) = delete;
  ~LayoutGuard() { gvFreeLayout(context_, graph_); }

 private:
  GVC_t* context_;
  Agraph_t* graph_;
};

// Collects the messages cgraph and gvc would print to stderr while alive:
// a library does not print. Graphviz keeps one global handler, so this is as
// thread-unsafe as Graphviz itself.
class ErrorCapture {
 public:
  ErrorCapture() : previous_(agseterrf(&Collect)) { Messages().clear(); }
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;
  ~ErrorCapture() { agseterrf(previous_); }

  // The messages so far on one line, or `fallback` when there were none.
  std::string Text(std::string_view fallback) const {
    std::string text = Messages();
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text.empty() ? std::string(fallback) : text;
  }

 private:
  static int Collect(char* message) {
    Messages() += message;
    return 0;
  }
  static std::string& Messages() {
    static std::string messages;
    return messages;
  }

  agusererrf previous_;
};

// agwrite into a std::string: the channel passed to agwrite is the string.
int AppendToString(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}
int FlushNothing(void* /*channel*/) { return 0; }

// The discipline of every graph built here: cgraph's defaults, except that
// output goes to a std::string. cgraph keeps the pointers, so they are static.
Agdisc_t* StringDiscipline() {
  static Agiodisc_t io = {AgIoDisc.afread, &AppendToString, &FlushNothing};
  static Agdisc_t discipline = {&AgMemDisc, &AgIdDisc, &io};
  return &discipline;
}

// cgraph takes char* but copies every string it is given (agstrdup); the
// const_cast never lets it write into ours.
char* Chars(const char* text) { return const_cast<char*>(text); }
char* Chars(const std::string& text) { return const_cast<char*>(text.c_str()); }

Status Set(void* object, const char* name, const std::string& value) {
  if (agsafeset(object, Chars(name), Chars(value), Chars("")) != 0) {
    return Status::Internal("graphviz", std::string("cannot set attribute ") + name);
  }
  return Status::Ok();
}

// Declares an attribute of every object of `kind` with its default value.
Status Declare(Agraph_t* graph, int kind, const char* name, const char* value) {
  if (agattr(graph, kind, Chars(name), Chars(value)) == nullptr) {
    return Status::Internal("graphviz", std::string("cannot declare attribute ") + name);
  }
  return Status::Ok();
}

struct AttributeDefault {
  int kind;  // AGRAPH, AGNODE or AGEDGE
  const char* name;
  const char* value;
};

// Declared once on the root graph so that the DOT text states each default
// once and objects list only what differs.
constexpr AttributeDefault kDefaults[] = {
    {AGRAPH, "charset", "UTF-8"},
    {AGRAPH, "fontname", kFontName},
    {AGRAPH, "rankdir", "LR"},
    {AGRAPH, "labelloc", "t"},
    {AGRAPH, "label", ""},
    {AGNODE, "fontname", kFontName},
    {AGNODE, "style", "filled"},
    {AGNODE, "shape", "ellipse"},
    {AGNODE, "fillcolor", "#ffffff"},
    {AGNODE, "color", "#333333"},
    {AGNODE, "penwidth", "1"},
    {AGNODE, "label", "\\N"},
    {AGNODE, "tooltip", ""},
    {AGNODE, "id", ""},
    {AGEDGE, "fontname", kFontName},
    {AGEDGE, "fontsize", "10"},
    {AGEDGE, "label", ""},
    {AGEDGE, "tooltip", ""},
    {AGEDGE, "color", "#000000"},
    {AGEDGE, "fontcolor", "#000000"},
    {AGEDGE, "style", "solid"},
    {AGEDGE, "dir", "forward"},
    {AGEDGE, "id", ""},
    {AGEDGE, "minlen", "1"},
    {AGEDGE, "penwidth", "1"},
    {AGEDGE, "constraint", "true"},
    {AGEDGE, "weight", "1"},
};

Status DeclareDefaults(Agraph_t* graph) {
  for (const AttributeDefault& attribute : kDefaults) {
    GUANXI_RETURN_IF_ERROR(Declare(graph, attribute.kind, attribute.name, attribute.value));
  }
  const std::string font_size = std::to_string(kMinNodeFontSize);
  return Declare(graph, AGNODE, "fontsize", font_size.c_str());
}

Result<Agnode_t*> MakeNode(Agraph_t* graph, const std::string& name) {
  Agnode_t* node = agnode(graph, Chars(name), 1);
  if (node == nullptr) return Status::Internal("graphviz", "cannot create node " + name);
  return node;
}

Status StyleNode(Agnode_t* node, graph::EntityType type, const std::string& label,
                 const std::string& tooltip) {
  const NodeStyle style = StyleFor(type);
  GUANXI_RETURN_IF_ERROR(Set(node, "label", EscapeLabel(label)));
  GUANXI_RETURN_IF_ERROR(Set(node, "tooltip", EscapeLabel(tooltip)));
  GUANXI_RETURN_IF_ERROR(Set(node, "shape", style.shape));
  return Set(node, "fillcolor", style.fillcolor);
}

using NodeIndex = std::unordered_map<int64_t, Agnode_t*>;

Result<NodeIndex> AddEntities(Agraph_t* graph, const graph::GraphData& data,
                              const RenderOptions& options) {
  NodeIndex nodes;
  const std::unordered_map<int64_t, std::size_t> degrees = Degrees(data);
  for (const graph::EntityRecord& entity : data.entities) {
    const std::string id = "e" + std::to_string(entity.id);
    Result<Agnode_t*> node = MakeNode(graph, id);
    if (!node.ok()) return node.status();
    GUANXI_RETURN_IF_ERROR(StyleNode(*node, entity.type, entity.name, NodeTooltip(entity)));
    GUANXI_RETURN_IF_ERROR(Set(*node, "id", id));
    auto degree = degrees.find(entity.id);
    const int font_size = NodeFontSize(degree == degrees.end() ? 0 : degree->second);
    if (font_size != kMinNodeFontSize) {
      GUANXI_RETURN_IF_ERROR(Set(*node, "fontsize", std::to_string(font_size)));
    }
    nodes[entity.id] = *node;
  }
  for (int64_t highlighted : options.highlight_ids) {
    auto found = nodes.find(highlighted);
    if (found == nodes.end()) continue;  // a highlight outside the selection draws nothing
    GUANXI_RETURN_IF_ERROR(Set(found->second, "penwidth", "3"));
    GUANXI_RETURN_IF_ERROR(Set(found->second, "color", kHighlightColor));
  }
  return nodes;
}

Result<Agnode_t*> Endpoint(const NodeIndex& nodes, const graph::RelationRecord& relation,
                           int64_t entity_id) {
  auto found = nodes.find(entity_id);
  if (found == nodes.end()) {
    return Status::InvalidInput(
        "relation " + std::to_string(relation.id),
        "entity " + std::to_string(entity_id) + " is not in the graph data");
  }
  return found->second;
}

Status StyleEdge(Agedge_t* edge, const graph::GraphData& data, const EdgeBundle& bundle,
                 const ArticleIndex& articles) {
  const graph::RelationRecord& first = data.relations[bundle.relations.front()];
  const char* color = ColorFor(first.type);
  GUANXI_RETURN_IF_ERROR(Set(edge, "id", "r" + std::to_string(first.id)));
  GUANXI_RETURN_IF_ERROR(Set(edge, "label", EscapeLabel(BundleLabel(data, bundle, articles))));
  GUANXI_RETURN_IF_ERROR(Set(edge, "tooltip", EscapeLabel(BundleTooltip(data, bundle, articles))));
  GUANXI_RETURN_IF_ERROR(Set(edge, "color", color));
  GUANXI_RETURN_IF_ERROR(Set(edge, "fontcolor", color));
  if (bundle.relations.size() > 1) GUANXI_RETURN_IF_ERROR(Set(edge, "penwidth", "2"));
  if (IsDashed(first.type)) GUANXI_RETURN_IF_ERROR(Set(edge, "style", "dashed"));
  if (graph::IsSymmetric(first.type)) GUANXI_RETURN_IF_ERROR(Set(edge, "dir", "none"));
  return Status::Ok();
}

// The entities of `path_ids` that are drawn, in hop order.
std::vector<Agnode_t*> PathNodes(const NodeIndex& nodes, const std::vector<int64_t>& path_ids) {
  std::vector<Agnode_t*> path;
  for (int64_t id : path_ids) {
    if (auto found = nodes.find(id); found != nodes.end()) path.push_back(found->second);
  }
  return path;
}

// One edge per bundle of relations (diagram_style.h). On a path the
// relations point either way (A 出席 E, B 出席 E), so they do not rank the
// entities (constraint=false); an invisible, heavy edge from each hop's
// entity to the next does, and dot draws the hops left to right in order.
Status AddRelations(Agraph_t* graph, const graph::GraphData& data, const NodeIndex& nodes,
                    const std::vector<int64_t>& path_ids) {
  ArticleIndex articles;
  for (const graph::ArticleRecord& article : data.articles) articles[article.id] = &article;
  const std::vector<Agnode_t*> path = PathNodes(nodes, path_ids);
  const bool hop_order = path.size() >= 2;
  const std::vector<int> min_lengths = EdgeMinLengths(data);
  for (const EdgeBundle& bundle : BundleRelations(data)) {
    const graph::RelationRecord& relation = data.relations[bundle.relations.front()];
    Result<Agnode_t*> tail = Endpoint(nodes, relation, relation.source_id);
    if (!tail.ok()) return tail.status();
    Result<Agnode_t*> head = Endpoint(nodes, relation, relation.target_id);
    if (!head.ok()) return head.status();
    const std::string key = "r" + std::to_string(relation.id);
    Agedge_t* edge = agedge(graph, *tail, *head, Chars(key), 1);
    if (edge == nullptr) return Status::Internal("graphviz", "cannot create edge " + key);
    GUANXI_RETURN_IF_ERROR(StyleEdge(edge, data, bundle, articles));
    if (hop_order) {
      GUANXI_RETURN_IF_ERROR(Set(edge, "constraint", "false"));
    } else if (min_lengths[bundle.relations.front()] > 1) {
      GUANXI_RETURN_IF_ERROR(
          Set(edge, "minlen", std::to_string(min_lengths[bundle.relations.front()])));
    }
  }
  if (!hop_order) return Status::Ok();
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    const std::string key = "hop" + std::to_string(i);
    Agedge_t* edge = agedge(graph, path[i], path[i + 1], Chars(key), 1);
    if (edge == nullptr) return Status::Internal("graphviz", "cannot create edge " + key);
    GUANXI_RETURN_IF_ERROR(Set(edge, "style", "invis"));
    GUANXI_RETURN_IF_ERROR(Set(edge, "weight", "100"));
  }
  return Status::Ok();
}

// The entity types that occur in `data`, in kAllEntityTypes order.
std::vector<graph::EntityType> EntityTypesPresent(const graph::GraphData& data) {
  std::vector<graph::EntityType> present;
  for (graph::EntityType type : graph::kAllEntityTypes) {
    auto is_type = [type](const graph::EntityRecord& entity) { return entity.type == type; };
    if (std::any_of(data.entities.begin(), data.entities.end(), is_type)) present.push_back(type);
  }
  return present;
}

// The relation types that occur in `data`, in kAllRelationTypes order.
std::vector<graph::RelationType> RelationTypesPresent(const graph::GraphData& data) {
  std::vector<graph::RelationType> present;
  for (graph::RelationType type : graph::kAllRelationTypes) {
    auto is_type = [type](const graph::RelationRecord& relation) { return relation.type == type; };
    if (std::any_of(data.relations.begin(), data.relations.end(), is_type)) {
      present.push_back(type);
    }
  }
  return present;
}

// The title and the legend as the root graph's label: Graphviz draws it
// above the layout, never among the nodes (a legend cluster is laid out
// with them: beside the first rank in dot, anywhere in fdp, scattered in sfdp).
Status AddHeading(Agraph_t* graph, const graph::GraphData& data, const RenderOptions& options) {
  const std::string heading =
      HeadingLabel(options.title, EntityTypesPresent(data), RelationTypesPresent(data));
  if (heading.empty()) return Status::Ok();
  Agsym_t* label = agattr(graph, AGRAPH, Chars("label"), nullptr);
  if (label == nullptr) return Status::Internal("graphviz", "label is not declared");
  // An HTML-like label is a string cgraph marks as such (agstrdup_html).
  char* html = agstrdup_html(graph, Chars(heading));
  const int failed = agxset(graph, label, html);
  agstrfree(graph, html);
  if (failed != 0) return Status::Internal("graphviz", "cannot set the heading");
  return Status::Ok();
}

Result<GraphPtr> BuildDiagram(const graph::GraphData& data, const RenderOptions& options) {
  GraphPtr graph(agopen(Chars("guanxi"), Agdirected, StringDiscipline()));
  if (graph == nullptr) return Status::Internal("graphviz", "cannot open a graph");
  GUANXI_RETURN_IF_ERROR(DeclareDefaults(graph.get()));
  Result<NodeIndex> nodes = AddEntities(graph.get(), data, options);
  if (!nodes.ok()) return nodes.status();
  GUANXI_RETURN_IF_ERROR(AddRelations(graph.get(), data, *nodes, options.path_ids));
  GUANXI_RETURN_IF_ERROR(AddHeading(graph.get(), data, options));
  return graph;
}

const char* GraphvizFormat(ImageFormat format) {
  // The cairo renderer draws text with pango and fontconfig, so CJK labels
  // get real glyphs; gd would not.
  return format == ImageFormat::kPng ? "png:cairo" : "svg";
}

// Lays `graph` out and renders it into memory: Graphviz's own file writer
// ends the process on a short write, so guanxi writes the bytes itself.
Result<std::string> LayOutAndRender(GVC_t* context, Agraph_t* graph, std::size_t node_count,
                                    const char* format, const ErrorCapture& errors) {
  const char* engine = LayoutEngine(node_count);
  if (std::strcmp(engine, "dot") != 0) {
    // Force-directed layouts otherwise let nodes and their labels overlap;
    // prism removes overlaps while keeping the layout's shape.
    GUANXI_RETURN_IF_ERROR(Set(graph, "overlap", "prism"));
  }
  if (gvLayout(context, graph, engine) != 0) {
    return Status::Internal(std::string("graphviz layout ") + engine,
                            errors.Text("layout failed; are the Graphviz plugins installed?"));
  }
  LayoutGuard layout(context, graph);
  char* bytes = nullptr;
  unsigned int length = 0;
  if (gvRenderData(context, graph, format, &bytes, &length) != 0 || bytes == nullptr) {
    if (bytes != nullptr) gvFreeRenderData(bytes);
    return Status::Internal(std::string("graphviz ") + format,
                            errors.Text("cannot render the diagram"));
  }
  std::string rendered(bytes, length);
  gvFreeRenderData(bytes);
  return rendered;
}

}  // namespace

const char* LayoutEngine(std::size_t entity_count) {
  if (entity_count > kSfdpThreshold) return "sfdp";
  if (entity_count > kFdpThreshold) return "fdp";
  return "dot";
}

std::optional<ImageFormat> ParseImageFormat(std::string_view name) {
  if (name == "dot") return ImageFormat::kDot;
  if (name == "svg") return ImageFormat::kSvg;
  if (name == "png") return ImageFormat::kPng;
  return std::nullopt;
}

Result<std::string> ToDot(const graph::GraphData& data, const RenderOptions& options) {
  ErrorCapture errors;
  Result<GraphPtr> graph = BuildDiagram(data, options);
  if (!graph.ok()) return graph.status();
  std::string text;
  if (agwrite(graph->get(), &text) != 0) {
    return Status::Internal("graphviz", errors.Text("cannot write DOT text"));
  }
  return text;
}

Result<std::string> Render(const graph::GraphData& data, const RenderOptions& options,
                           ImageFormat format) {
  if (format == ImageFormat::kDot) return ToDot(data, options);
  ErrorCapture errors;
  ContextPtr context(gvContext());
  if (context == nullptr) return Status::Internal("graphviz", "cannot create a gvc context");
  Result<GraphPtr> graph = BuildDiagram(data, options);
  if (!graph.ok()) return graph.status();
  return LayOutAndRender(context.get(), graph->get(), data.entities.size(), GraphvizFormat(format),
                         errors);
}

}  // namespace guanxi::render
