#pragma once

// Whether a selection can be drawn as one readable diagram, and what to draw
// when the whole graph is too big for one: its largest connected component.

#include <cstddef>

#include "graph/graph_data.h"
#include "graph/status.h"

namespace guanxi::render {

// The most entities a whole-graph diagram shows. Above it a diagram is a
// hairball (and the layout turns to sfdp, which drops the legend cluster
// and folds paths): 300 entities of news fill about 3,500 x 2,400 px with
// every name legible at 100 % (render/README.md, "Layout").
inline constexpr std::size_t kMaxDiagramEntities = 300;

struct DiagramFit {
  graph::GraphData data;           // what to draw
  std::size_t whole_entities = 0;  // entities of the data given
  std::size_t components = 0;      // its connected components (0 for no entity)
  bool is_component = false;       // `data` is the largest component, not all
};

// `data` itself when it has at most `max_entities` entities; else its
// largest connected component (relations taken both ways; the first in data
// order among equals) with its relations and their articles, when that has
// at most `max_entities`. InvalidInput naming both sizes and the maximum
// otherwise.
Result<DiagramFit> FitDiagram(graph::GraphData data, std::size_t max_entities);

}  // namespace guanxi::render
