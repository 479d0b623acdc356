#pragma once

// The graph as one JSON document in networkx's node-link shape, for scripts
// and web front ends. The document is described once, in render/README.md.

#include <ostream>

#include "graph/graph_data.h"
#include "graph/status.h"

namespace guanxi::render {

// Writes `data` to `out` as one UTF-8 JSON object (indented, not ASCII-
// escaped): "nodes" with an object per entity, "edges" with an object per
// relation, plus "directed", "multigraph" and "graph" so that networkx's
// json_graph.node_link_graph(document, link="edges") reads it as a
// MultiDiGraph. Bytes that are not UTF-8 are written as U+FFFD. Returns
// InvalidInput when a relation names an entity missing from `data` (then
// nothing is written), IoError when `out` fails.
Status WriteJson(const graph::GraphData& data, std::ostream& out);

}  // namespace guanxi::render
