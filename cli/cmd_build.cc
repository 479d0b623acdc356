// guanxi build PATH... [--db FILE] [--jobs N]: extract pages and add them to the
// database (cli/build_pipeline.h: on several threads, unchanged files skipped).

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/build_pipeline.h"
#include "cli/command.h"
#include "cli/common.h"

namespace guanxi::cli {
namespace {

namespace fs = std::filesystem;

struct BuildOptions {
  std::vector<std::string> paths;
  std::string database;
  unsigned jobs = 0;        // extraction threads; 0: one per core
  int64_t batch_items = 0;  // items per transaction; 0: the store's default
};

// The files named, and the *.txt files below the folders named, in a stable order.
Result<std::vector<fs::path>> CollectFiles(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> found;
      for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
           it.increment(error)) {
        if (it->is_regular_file() && it->path().extension() == ".txt") found.push_back(it->path());
      }
      if (error) return Status::IoError(path, error.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(path, error)) {
      files.emplace_back(path);
    } else {
      return Status::NotFound(path, "no such file or folder");
    }
  }
  return files;
}

int RunBuild(const BuildOptions& options) {
  Result<std::vector<fs::path>> files = CollectFiles(options.paths);
  if (!files.ok()) return ReportError(files.status());

  Result<store::Store> store = store::Store::Open(options.database);
  if (!store.ok()) return ReportError(store.status());
  BuildPipelineOptions pipeline;
  pipeline.jobs = options.jobs;
  if (options.batch_items > 0) pipeline.ingest.batch_items = options.batch_items;
  // A file that cannot be read is named and left out; the others are stored.
  Result<BuildReport> report = [&] {
    ProgressLine progress("building");
    return RunBuildPipeline(
        *store, *files, pipeline, [](const Status& status) { ReportError(status); },
        [&](std::size_t done, std::size_t total) { progress.Update(done, total); });
  }();
  if (!report.ok()) return ReportError(report.status());
  const store::IngestStats& stats = report->stats;
  Result<store::StoreCounts> counts = store->Counts();
  if (!counts.ok()) return ReportError(counts.status());

  std::cout << fmt::format(
      "{} files read ({} failed): {} items added, {} already stored; {} entities and {} "
      "relations added\n",
      report->files, report->failed, stats.articles_added, stats.articles_unchanged,
      stats.entities_added, stats.relations_added);
  std::cout << fmt::format("{} files unchanged (skipped)\n", report->unchanged);
  std::cout << fmt::format("{} reprint{} folded into stored articles (kept as further sources)\n",
                           stats.reprints, stats.reprints == 1 ? "" : "s");
  if (stats.candidates_added > 0) {
    std::cout << fmt::format(
        "{} possible same person{}: see guanxi candidates{}\n", stats.candidates_added,
        stats.candidates_added == 1 ? "" : "s",
        options.database == kDefaultDatabase ? "" : " --db " + options.database);
  }
  std::cout << fmt::format("{}: {} items, {} entities, {} relations\n", options.database,
                           counts->articles, counts->entities, counts->relations);
  return report->failed == 0 ? kExitOk : kExitBadInput;
}

}  // namespace

RunFunction AddBuildCommand(CLI::App& command) {
  auto options = std::make_shared<BuildOptions>();
  command.add_option("PATH", options->paths, "Page files, or folders searched for *.txt")
      ->required();
  AddDatabaseOption(command, options->database);
  command.add_option("-j,--jobs", options->jobs, "Extraction threads (default: one per core)")
      ->check(CLI::PositiveNumber);
  // For tests: a batch boundary in a small build.
  command.add_option("--batch-items", options->batch_items, "Items per transaction")
      ->check(CLI::PositiveNumber)
      ->group("");
  return [options] { return RunBuild(*options); };
}

}  // namespace guanxi::cli
