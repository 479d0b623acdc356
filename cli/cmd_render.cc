// guanxi render (--around NAME [--depth N] | --path A B | --all) -o FILE [--format dot|svg|png]

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/output_file.h"
#include "cli/query_options.h"
#include "render/dot_writer.h"

namespace guanxi::cli {
namespace {

// Above this many entities a diagram stops being readable as a picture.
constexpr std::size_t kLargeDiagram = 300;

struct RenderCommandOptions {
  SelectionOptions selection;
  std::string format;
  std::string output;
  std::string database;
  std::size_t limit = kMaxNeighbourhood;  // of an --around selection
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

int RunRender(const RenderCommandOptions& options) {
  Result<render::ImageFormat> format = ChooseFormat(options);
  if (!format.ok()) return ReportError(format.status());
  Result<index::GraphIndex> index = OpenIndex(options.database);
  if (!index.ok()) return ReportError(index.status());
  Result<Selection> selection = Select(*index, options.database, options.selection, options.limit);
  if (!selection.ok()) return ReportError(selection.status());
  if (selection->data.entities.size() > kLargeDiagram) {
    std::cerr << fmt::format(
        "guanxi: warning: drawing {} entities; laid out with {}, which takes a while and is "
        "hard to read (select less with --around or --path)\n",
        selection->data.entities.size(), render::LayoutEngine(selection->data.entities.size()));
  }

  render::RenderOptions render_options;
  render_options.title = selection->title;
  render_options.highlight_ids = selection->highlight_ids;
  Result<std::string> bytes = render::Render(selection->data, render_options, *format);
  if (!bytes.ok()) return ReportError(bytes.status());
  if (Status status = WriteOutput(options.output, *bytes); !status.ok()) {
    return ReportError(status);
  }
  if (options.output == "-") return kExitOk;
  std::cerr << fmt::format("wrote {} ({} entities, {} relations)\n", options.output,
                           selection->data.entities.size(), selection->data.relations.size());
  return kExitOk;
}

}  // namespace

RunFunction AddRenderCommand(CLI::App& command) {
  auto options = std::make_shared<RenderCommandOptions>();
  AddSelectionOptions(command, options->selection, /*for_render=*/true);
  command.add_option("-o,--output", options->output, "Output file (- for standard output)")
      ->required();
  command.add_option("--format", options->format, "dot, svg or png (default: from -o)")
      ->check(CLI::IsMember({"dot", "svg", "png"}));
  command
      .add_option("--limit", options->limit,
                  "With --around: stop with a message when more entities than this are "
                  "within reach (0: no limit)")
      ->capture_default_str();
  AddDatabaseOption(command, options->database);
  return [options] { return RunRender(*options); };
}

}  // namespace guanxi::cli
