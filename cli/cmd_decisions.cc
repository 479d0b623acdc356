// guanxi decisions [--json | --export FILE | --import FILE]: the log of
// identity decisions (merge, split, rename, reject), and moving it between
// databases as a file (cli/decision_file.h, README.md "Decision files").

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/decision_file.h"
#include "cli/decision_format.h"

namespace guanxi::cli {
namespace {

struct DecisionsOptions {
  std::string database;
  bool json = false;
  std::string export_path;
  std::string import_path;
};

void PrintLog(const std::vector<store::Decision>& log, const std::string& database) {
  if (log.empty()) {
    std::cout << fmt::format("no decisions in {}\n", database);
    return;
  }
  std::map<int64_t, int64_t> undone_by;  // merge id -> the split that undid it
  for (const store::Decision& decision : log) {
    if (decision.undoes != 0) undone_by[decision.undoes] = decision.id;
  }
  for (const store::Decision& decision : log) {
    std::string undone;
    if (decision.undone) {
      auto by = undone_by.find(decision.id);
      undone = by == undone_by.end() ? "  [undone]"
                                     : fmt::format("  [undone by decision {}]", by->second);
    }
    std::cout << fmt::format("{:>4}  {}  {:<6}  {}{}{}\n", decision.id, decision.at,
                             store::ToString(decision.kind), DescribeSubject(decision),
                             decision.reason.empty() ? "" : "  — " + decision.reason, undone);
  }
}

int Import(store::Store& store, const DecisionsOptions& options) {
  // The whole file is read and checked before the store is touched.
  Result<std::vector<store::Decision>> decisions = ReadDecisionFile(options.import_path);
  if (!decisions.ok()) return ReportError(decisions.status());
  Result<int64_t> added = store.ImportDecisions(*decisions);
  if (!added.ok()) return ReportError(added.status());
  std::cout << fmt::format("{}: {} decisions read, {} added to {} ({} already in its log)\n",
                           options.import_path, decisions->size(), *added, options.database,
                           static_cast<int64_t>(decisions->size()) - *added);
  return kExitOk;
}

int RunDecisions(const DecisionsOptions& options) {
  Result<store::Store> store = OpenExistingStore(
      options.database, options.import_path.empty() ? Access::kRead : Access::kWrite);
  if (!store.ok()) return ReportError(store.status());
  if (!options.import_path.empty()) return Import(*store, options);

  Result<std::vector<store::Decision>> log = store->Decisions();
  if (!log.ok()) return ReportError(log.status());
  if (!options.export_path.empty()) {
    if (Status status = WriteDecisionFile(*log, options.export_path); !status.ok()) {
      return ReportError(status);
    }
    std::cout << fmt::format("wrote {} decisions to {}\n", log->size(), options.export_path);
    return kExitOk;
  }
  if (options.json) {
    std::cout << DecisionsToJson(*log).dump(2) << '\n';
    return kExitOk;
  }
  PrintLog(*log, options.database);
  return kExitOk;
}

}  // namespace

RunFunction AddDecisionsCommand(CLI::App& command) {
  auto options = std::make_shared<DecisionsOptions>();
  AddDatabaseOption(command, options->database);
  CLI::Option* json = command.add_flag("--json", options->json, "Print the log as JSON");
  CLI::Option* exported =
      command.add_option("--export", options->export_path, "Write the log to FILE (JSON)")
          ->excludes(json);
  command
      .add_option("--import", options->import_path,
                  "Apply the decisions of FILE (written by --export) to this database")
      ->excludes(json)
      ->excludes(exported);
  return [options] { return RunDecisions(*options); };
}

}  // namespace guanxi::cli
