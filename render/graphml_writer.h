#pragma once

// The graph as GraphML, for networkx, igraph, Gephi and yEd. The keys and
// their types are described once, in render/README.md.

#include <ostream>

#include "graph/graph_data.h"
#include "graph/status.h"

namespace guanxi::render {

// Writes `data` to `out` as one directed GraphML graph (boost::write_graphml):
// a node per entity, an edge per relation, every attribute a typed key.
// Returns InvalidInput when a relation names an entity missing from `data`,
// IoError when `out` fails.
Status WriteGraphml(const graph::GraphData& data, std::ostream& out);

}  // namespace guanxi::render
