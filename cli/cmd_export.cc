// guanxi export [--format graphml|csv|json] -o FILE [--around NAME | --path A B]

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/query_options.h"
#include "render/csv_writer.h"
#include "render/graphml_writer.h"
#include "render/json_writer.h"

namespace guanxi::cli {
namespace {

struct ExportOptions {
  SelectionOptions selection;
  std::string format = "graphml";
  std::string output;
  std::string database;
  std::size_t limit = kMaxNeighbourhood;  // of an --around selection
};

// Writes GraphML or JSON to `output` ("-": stdout).
Status WriteStreamed(const graph::GraphData& data, const ExportOptions& options) {
  auto write = [&](std::ostream& out) {
    return options.format == "json" ? render::WriteJson(data, out)
                                    : render::WriteGraphml(data, out);
  };
  if (options.output == "-") return write(std::cout);
  std::ofstream out(options.output, std::ios::binary);
  if (!out) return Status::IoError(options.output, "cannot open for writing");
  GUANXI_RETURN_IF_ERROR(write(out));
  out.close();
  return out ? Status::Ok() : Status::IoError(options.output, "write failed");
}

// Writes OUTPUT/nodes.csv and OUTPUT/edges.csv.
Status WriteCsvPair(const graph::GraphData& data, const std::string& output) {
  std::error_code error;
  std::filesystem::create_directories(output, error);
  if (error) return Status::IoError(output, "cannot create folder: " + error.message());
  std::filesystem::path folder(output);
  return render::WriteCsv(data, folder / "nodes.csv", folder / "edges.csv");
}

int RunExport(const ExportOptions& options) {
  Result<index::GraphIndex> index = OpenIndex(options.database);
  if (!index.ok()) return ReportError(index.status());
  Result<Selection> selection = Select(*index, options.database, options.selection, options.limit);
  if (!selection.ok()) return ReportError(selection.status());
  if (options.format == "csv" && options.output == "-") {
    return ReportError(Status::InvalidInput("-o -", "CSV export writes two files: give a folder"));
  }
  Status status = options.format == "csv" ? WriteCsvPair(selection->data, options.output)
                                          : WriteStreamed(selection->data, options);
  if (!status.ok()) return ReportError(status);
  std::cerr << fmt::format("wrote {} {} ({} entities, {} relations)\n", options.format,
                           options.output, selection->data.entities.size(),
                           selection->data.relations.size());
  return kExitOk;
}

}  // namespace

RunFunction AddExportCommand(CLI::App& command) {
  auto options = std::make_shared<ExportOptions>();
  command.add_option("--format", options->format, "graphml, csv (a folder with nodes.csv and edges.csv) or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"graphml", "csv", "json"}));
  command.add_option("-o,--output", options->output, "Output file or folder (- for stdout)")
      ->required();
  AddSelectionOptions(command, options->selection, /*for_render=*/false);
  command
      .add_option("--limit", options->limit,
                  "With --around: stop with a message when more entities than this are "
                  "within reach (0: no limit)")
      ->capture_default_str();
  AddDatabaseOption(command, options->database);
  return [options] { return RunExport(*options); };
}

}  // namespace guanxi::cli
