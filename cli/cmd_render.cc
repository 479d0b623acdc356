// guanxi render (--around NAME [--depth N] | --path A B | --all) -o FILE
//   [--format dot|svg|png|html]

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/output_file.h"
#include "cli/page_data.h"
#include "cli/query_options.h"
#include "render/diagram_fit.h"
#include "render/dot_writer.h"
#include "render/html_page.h"

namespace guanxi::cli {
namespace {

// Above this many entities a diagram stops being readable as a picture.
constexpr std::size_t kLargeDiagram = render::kMaxDiagramEntities;

struct RenderCommandOptions {
  SelectionOptions selection;
  std::string format;
  std::string output;
  std::string database;
  std::string assets = GUANXI_WEB_DIR;    // the page's files, for html
  std::size_t limit = kMaxNeighbourhood;  // of an --around selection
};

// A diagram format, or nullopt for the HTML page.
using Format = std::optional<render::ImageFormat>;

// --format, or else the output file's extension.
Result<Format> ChooseFormat(const RenderCommandOptions& options) {
  std::string name = options.format;
  if (name.empty()) {
    name = std::filesystem::path(options.output).extension().string();
    if (!name.empty()) name.erase(0, 1);
  }
  if (name == "html" || name == "htm") return Format();
  std::optional<render::ImageFormat> format = render::ParseImageFormat(name);
  if (!format) {
    return Status::InvalidInput(options.output,
                                "cannot tell the format: give --format dot, svg, png or html");
  }
  return Format(*format);
}

bool IsWholeGraph(const SelectionOptions& options) {
  return options.around.empty() && options.path.empty();
}

// The whole graph, if it is larger than a diagram can show: its largest
// connected component, said on stderr, or an error with the options that
// select less.
Status FitWholeGraph(Selection& selection) {
  Result<render::DiagramFit> fit =
      render::FitDiagram(std::move(selection.data), render::kMaxDiagramEntities);
  if (!fit.ok()) {
    return Status::InvalidInput(
        "--all", fit.status().detail() +
                     ": draw a part with --around NAME [--depth N] [--limit N] or --path A B");
  }
  if (fit->is_component) {
    std::cerr << fmt::format(
        "guanxi: the whole graph has {} entities, more than the {} a diagram shows; drawing its "
        "largest connected component ({} entities of {} components). Draw other parts with "
        "--around NAME [--depth N] or --path A B\n",
        fit->whole_entities, render::kMaxDiagramEntities, fit->data.entities.size(),
        fit->components);
    selection.title = fmt::format("guanxi: largest connected component ({} of {} entities)",
                                  fit->data.entities.size(), fit->whole_entities);
  }
  selection.data = std::move(fit->data);
  return Status::Ok();
}

Result<std::string> RenderPage(const Selection& selection, const RenderCommandOptions& options) {
  Result<render::PageAssets> assets = render::ReadPageAssets(options.assets);
  if (!assets.ok()) return assets.status();
  // Names are data: dump escapes them; invalid UTF-8 is replaced, not thrown.
  const std::string data = PageDataJson(selection, options.selection)
                               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return render::StandalonePage(*assets, selection.title, data);
}

Result<std::string> RenderDiagram(const Selection& selection, render::ImageFormat format) {
  render::RenderOptions render_options;
  render_options.title = selection.title;
  render_options.highlight_ids = selection.highlight_ids;
  render_options.path_ids = selection.path_entity_ids;
  return render::Render(selection.data, render_options, format);
}

int RunRender(const RenderCommandOptions& options) {
  Result<Format> format = ChooseFormat(options);
  if (!format.ok()) return ReportError(format.status());
  Result<index::GraphIndex> index = OpenIndex(options.database);
  if (!index.ok()) return ReportError(index.status());
  Result<Selection> selection = Select(*index, options.database, options.selection, options.limit);
  if (!selection.ok()) return ReportError(selection.status());
  if (IsWholeGraph(options.selection)) {
    if (Status fitted = FitWholeGraph(*selection); !fitted.ok()) return ReportError(fitted);
  } else if (selection->data.entities.size() > kLargeDiagram && format->has_value()) {
    std::cerr << fmt::format(
        "guanxi: warning: drawing {} entities; laid out with {}, which takes a while and is "
        "hard to read (select less with --around or --path)\n",
        selection->data.entities.size(), render::LayoutEngine(selection->data.entities.size()));
  }

  Result<std::string> bytes =
      format->has_value() ? RenderDiagram(*selection, **format) : RenderPage(*selection, options);
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
  command
      .add_option("--format", options->format,
                  "dot, svg, png, or html: the page of guanxi serve as one file, data included "
                  "(default: from -o)")
      ->check(CLI::IsMember({"dot", "svg", "png", "html"}));
  command
      .add_option("--limit", options->limit,
                  "With --around: stop with a message when more entities than this are "
                  "within reach (0: no limit)")
      ->capture_default_str();
  command.add_option("--assets", options->assets, "With html: folder of the page's files")
      ->capture_default_str();
  AddDatabaseOption(command, options->database);
  return [options] { return RunRender(*options); };
}

}  // namespace guanxi::cli
