// guanxi export [--format graphml|csv|json|neo4j] -o FILE [--around NAME | --path A B]

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/output_file.h"
#include "cli/query_options.h"
#include "render/csv_writer.h"
#include "render/graphml_writer.h"
#include "render/json_writer.h"
#include "render/neo4j_writer.h"

namespace guanxi::cli {
namespace {

struct ExportOptions {
  SelectionOptions selection;
  std::string format = "graphml";
  std::string output;
  std::string database;
  std::size_t limit = kMaxNeighbourhood;  // of an --around selection
};

// Writes GraphML or JSON to `output` ("-": stdout), whole or not at all.
Status WriteStreamed(const graph::GraphData& data, const ExportOptions& options) {
  Result<OutputFile> output = OutputFile::Open(options.output);
  if (!output.ok()) return output.status();
  Status written = options.format == "json" ? render::WriteJson(data, output->stream())
                                            : render::WriteGraphml(data, output->stream());
  // A writer's IoError is the stream's failure, which Commit names with the
  // file and the system's reason.
  if (!written.ok() && written.code() != Status::Code::kIoError) return written;
  Status committed = output->Commit();
  return committed.ok() ? written : committed;
}

// Writes the two tables of `format` (csv: OUTPUT/nodes.csv and
// OUTPUT/edges.csv; neo4j: OUTPUT/nodes.csv and OUTPUT/relationships.csv),
// each whole or not at all.
Status WriteTablePair(const graph::GraphData& data, const std::string& format,
                      const std::string& output) {
  std::error_code error;
  std::filesystem::create_directories(output, error);
  if (error) return Status::IoError(output, "cannot create folder: " + error.message());
  const std::filesystem::path folder(output);
  const bool neo4j = format == "neo4j";
  Result<OutputFile> nodes = OutputFile::Open((folder / "nodes.csv").string());
  if (!nodes.ok()) return nodes.status();
  Result<OutputFile> edges =
      OutputFile::Open((folder / (neo4j ? "relationships.csv" : "edges.csv")).string());
  if (!edges.ok()) return edges.status();
  GUANXI_RETURN_IF_ERROR(neo4j ? render::WriteNeo4jCsv(data, nodes->stream(), edges->stream())
                               : render::WriteCsv(data, nodes->stream(), edges->stream()));
  // Both written before either is put in place: never one table alone.
  GUANXI_RETURN_IF_ERROR(nodes->Finish());
  GUANXI_RETURN_IF_ERROR(edges->Finish());
  GUANXI_RETURN_IF_ERROR(nodes->Commit());
  return edges->Commit();
}

int RunExport(const ExportOptions& options) {
  Result<index::GraphIndex> index = OpenIndex(options.database);
  if (!index.ok()) return ReportError(index.status());
  Result<Selection> selection = Select(*index, options.database, options.selection, options.limit);
  if (!selection.ok()) return ReportError(selection.status());
  const bool tables = options.format == "csv" || options.format == "neo4j";
  if (tables && options.output == "-") {
    return ReportError(Status::InvalidInput(
        "-o -", fmt::format("{} export writes two files: give a folder", options.format)));
  }
  Status status = tables ? WriteTablePair(selection->data, options.format, options.output)
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
  command
      .add_option("--format", options->format,
                  "graphml, csv (a folder with nodes.csv and edges.csv), json or neo4j (a "
                  "folder with nodes.csv and relationships.csv for neo4j-admin)")
      ->capture_default_str()
      ->check(CLI::IsMember({"graphml", "csv", "json", "neo4j"}));
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
