// guanxi render (--around NAME [--depth N] | --path A B) -o FILE [--format dot|svg|png]

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "render/dot_writer.h"

namespace guanxi::cli {
namespace {

struct RenderCommandOptions {
  std::string around;
  int depth = 1;
  std::vector<std::string> path;
  std::string format;
  std::string output;
  std::string database;
};

// --format, or else the output file's extension.
Result<render::ImageFormat> ChooseFormat(const RenderCommandOptions& options) {
  std::string name = options.format;
  if (name.empty()) {
    name = std::filesystem::path(options.output).extension().string();
    if (!name.empty()) name.erase(0, 1);
  }
  std::optional<render::ImageFormat> format = render::ParseImageFormat(name);
  if (!format) {
    return Status::InvalidInput(options.output,
                                "cannot tell the format: give --format dot, svg or png");
  }
  return *format;
}

// The part of the graph to draw and the entities to emphasise.
Result<graph::GraphData> Select(const graph::KnowledgeGraph& graph,
                                const RenderCommandOptions& options,
                                render::RenderOptions& render_options) {
  if (!options.around.empty()) {
    Result<int64_t> centre = ResolveEntity(graph, options.around);
    if (!centre.ok()) return centre.status();
    render_options.highlight_ids = {*centre};
    render_options.title = fmt::format("{} (depth {})", options.around, options.depth);
    return graph.Neighbourhood(*centre, options.depth);
  }
  Result<int64_t> from = ResolveEntity(graph, options.path[0]);
  if (!from.ok()) return from.status();
  Result<int64_t> to = ResolveEntity(graph, options.path[1]);
  if (!to.ok()) return to.status();
  std::optional<graph::ConnectionPath> path = graph.ShortestPath(*from, *to);
  if (!path) {
    return Status::NotFound(fmt::format("{} - {}", options.path[0], options.path[1]),
                            "no connection to draw");
  }
  render_options.highlight_ids = {*from, *to};
  render_options.title = fmt::format("{} → {}", options.path[0], options.path[1]);
  return graph.Select(*path);
}

int RunRender(const RenderCommandOptions& options) {
  Result<render::ImageFormat> format = ChooseFormat(options);
  if (!format.ok()) return ReportError(format.status());
  Result<graph::KnowledgeGraph> graph = LoadGraph(options.database);
  if (!graph.ok()) return ReportError(graph.status());
  render::RenderOptions render_options;
  Result<graph::GraphData> selection = Select(*graph, options, render_options);
  if (!selection.ok()) return ReportError(selection.status());

  if (*format == render::ImageFormat::kDot && options.output == "-") {
    Result<std::string> dot = render::ToDot(*selection, render_options);
    if (!dot.ok()) return ReportError(dot.status());
    std::cout << *dot;
    return kExitOk;
  }
  Status status = render::RenderFile(*selection, render_options, *format, options.output);
  if (!status.ok()) return ReportError(status);
  std::cerr << fmt::format("wrote {} ({} entities, {} relations)\n", options.output,
                           selection->entities.size(), selection->relations.size());
  return kExitOk;
}

}  // namespace

RunFunction AddRenderCommand(CLI::App& command) {
  auto options = std::make_shared<RenderCommandOptions>();
  CLI::Option* around =
      command.add_option("--around", options->around, "Draw the neighbourhood of this entity");
  command.add_option("--depth", options->depth, "Neighbourhood depth in hops")
      ->capture_default_str()
      ->check(CLI::Range(0, 10));
  CLI::Option* path = command.add_option("--path", options->path, "Draw the path from A to B")
                          ->expected(2)
                          ->type_name("A B");
  around->excludes(path);
  command.add_option("-o,--output", options->output, "Output file (- for DOT on stdout)")
      ->required();
  command.add_option("--format", options->format, "dot, svg or png (default: from -o)")
      ->check(CLI::IsMember({"dot", "svg", "png"}));
  AddDatabaseOption(command, options->database);
  command.callback([around, path] {
    if (around->count() == 0 && path->count() == 0) {
      throw CLI::ValidationError("render", "give --around NAME or --path A B");
    }
  });
  return [options] { return RunRender(*options); };
}

}  // namespace guanxi::cli
