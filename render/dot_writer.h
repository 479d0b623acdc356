#pragma once

// The graph as a Graphviz diagram: DOT text, SVG or PNG. The diagram is built
// with libcgraph and laid out and rendered with libgvc in this process (no
// `dot` program is run). Look and conventions: render/README.md.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_data.h"
#include "graph/status.h"

namespace guanxi::render {

enum class ImageFormat { kDot, kSvg, kPng };

// "dot", "svg" or "png" (lower case, as on the command line); nullopt for
// anything else.
std::optional<ImageFormat> ParseImageFormat(std::string_view name);

struct RenderOptions {
  std::string title;                   // heading above the diagram; none when empty
  std::vector<int64_t> highlight_ids;  // EntityRecord::id drawn emphasised
  // A path's entities in hop order (EntityRecord::id): drawn left to right in
  // that order. Empty for any other selection; ids not in the data are ignored.
  std::vector<int64_t> path_ids;
};

// Render lays out with "dot" (ranks, left to right) up to kFdpThreshold
// entities; above, dot draws a strip one node wide and thousands of points
// high, so "fdp" (force-directed, keeps the legend cluster together, no node
// overlaps) up to kSfdpThreshold, and "sfdp" (multilevel, fast, ignores
// clusters) above.
inline constexpr std::size_t kFdpThreshold = 60;
inline constexpr std::size_t kSfdpThreshold = 300;

// The Graphviz layout engine Render uses for `entity_count` entities:
// "dot", "fdp" or "sfdp".
const char* LayoutEngine(std::size_t entity_count);

// Builds the diagram of `data` and returns it as DOT text (not laid out).
// Nodes are named "e<entity id>" and labelled with the entity's name; the
// relations of one type between the same two entities are one edge, keyed
// "r<id of the first>" and labelled with their count ("任职 ×4"); with
// `path_ids`, invisible edges keyed "hop<i>" keep the hops in order. The
// title and the legend are the root graph's HTML-like label (cells
// "legend_<type>"), so every node of the graph is an entity.
// Returns InvalidInput when a relation names an entity missing from `data`,
// Internal when cgraph fails.
Result<std::string> ToDot(const graph::GraphData& data, const RenderOptions& options);

// Lays the diagram out and renders it in `format` into memory (Graphviz's
// gvRenderData): the bytes of an SVG or PNG file; kDot gives the text of
// ToDot (no layout). The caller writes them (cli/output_file.h), so that a
// failed write is its error, not Graphviz's. Returns InvalidInput as ToDot
// does, Internal when Graphviz cannot lay out or render (e.g. its plugins
// are not installed).
Result<std::string> Render(const graph::GraphData& data, const RenderOptions& options,
                           ImageFormat format);

}  // namespace guanxi::render
