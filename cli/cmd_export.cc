// guanxi export --format graphml -o FILE: the whole graph for other tools.

#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "render/graphml_writer.h"

namespace guanxi::cli {
namespace {

struct ExportOptions {
  std::string format = "graphml";
  std::string output;
  std::string database;
};

int RunExport(const ExportOptions& options) {
  Result<graph::KnowledgeGraph> graph = LoadGraph(options.database);
  if (!graph.ok()) return ReportError(graph.status());
  if (options.output == "-") {
    Status status = render::WriteGraphml(graph->data(), std::cout);
    return status.ok() ? kExitOk : ReportError(status);
  }
  std::ofstream out(options.output, std::ios::binary);
  if (!out) return ReportError(Status::IoError(options.output, "cannot open for writing"));
  Status status = render::WriteGraphml(graph->data(), out);
  out.close();
  if (status.ok() && !out) status = Status::IoError(options.output, "write failed");
  if (!status.ok()) return ReportError(status);
  std::cerr << fmt::format("wrote {} ({} entities, {} relations)\n", options.output,
                           graph->data().entities.size(), graph->data().relations.size());
  return kExitOk;
}

}  // namespace

RunFunction AddExportCommand(CLI::App& command) {
  auto options = std::make_shared<ExportOptions>();
  command.add_option("--format", options->format, "Export format")
      ->capture_default_str()
      ->check(CLI::IsMember({"graphml"}));
  command.add_option("-o,--output", options->output, "Output file (- for stdout)")->required();
  AddDatabaseOption(command, options->database);
  return [options] { return RunExport(*options); };
}

}  // namespace guanxi::cli
