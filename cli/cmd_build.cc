// guanxi build PATH... [--db FILE]: extract pages and add them to the database.

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "extract/extractor.h"

namespace guanxi::cli {
namespace {

namespace fs = std::filesystem;

struct BuildOptions {
  std::vector<std::string> paths;
  std::string database;
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

  // Extract everything first: a file that cannot be read is named and left
  // out, and the database is only opened for writing once there is work.
  std::vector<graph::Page> pages;
  int failed = 0;
  {
    ProgressLine progress("extracting");
    for (std::size_t i = 0; i < files->size(); ++i) {
      Result<graph::Page> page = extract::ExtractFile((*files)[i]);
      if (page.ok()) {
        pages.push_back(std::move(page).value());
      } else {
        ReportError(page.status());
        ++failed;
      }
      progress.Update(i + 1, files->size());
    }
  }

  Result<store::Store> store = store::Store::Open(options.database);
  if (!store.ok()) return ReportError(store.status());
  Result<store::IngestStats> stats = [&] {
    ProgressLine progress("storing");
    return store->Ingest(pages, [&](std::size_t done, std::size_t total) {
      progress.Update(done, total);
    });
  }();
  if (!stats.ok()) return ReportError(stats.status());
  Result<store::StoreCounts> counts = store->Counts();
  if (!counts.ok()) return ReportError(counts.status());

  std::cout << fmt::format(
      "{} files read ({} failed): {} items added, {} already stored; {} entities and {} "
      "relations added\n",
      files->size(), failed, stats->articles_added, stats->articles_unchanged,
      stats->entities_added, stats->relations_added);
  std::cout << fmt::format("{} reprint{} folded into stored articles (kept as further sources)\n",
                           stats->reprints, stats->reprints == 1 ? "" : "s");
  if (stats->candidates_added > 0) {
    std::cout << fmt::format(
        "{} possible same person{}: see guanxi candidates{}\n", stats->candidates_added,
        stats->candidates_added == 1 ? "" : "s",
        options.database == kDefaultDatabase ? "" : " --db " + options.database);
  }
  std::cout << fmt::format("{}: {} items, {} entities, {} relations\n", options.database,
                           counts->articles, counts->entities, counts->relations);
  return failed == 0 ? kExitOk : kExitBadInput;
}

}  // namespace

RunFunction AddBuildCommand(CLI::App& command) {
  auto options = std::make_shared<BuildOptions>();
  command.add_option("PATH", options->paths, "Page files, or folders searched for *.txt")
      ->required();
  AddDatabaseOption(command, options->database);
  return [options] { return RunBuild(*options); };
}

}  // namespace guanxi::cli
