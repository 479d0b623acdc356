// guanxi build PATH... [--db FILE] [--jobs N] [--encoding NAME] [--report]:
// extract pages and add them to the database (cli/build_pipeline.h: on
// several threads, unchanged files skipped).

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "cli/build_pipeline.h"
#include "cli/command.h"
#include "cli/common.h"
#include "extract/encoding.h"
#include "graph/store/store_copy.h"

namespace guanxi::cli {
namespace {

namespace fs = std::filesystem;

struct BuildOptions {
  std::vector<std::string> paths;
  std::string database;
  unsigned jobs = 0;        // extraction threads; 0: one per core
  int64_t batch_items = 0;  // items per transaction; 0: the store's default
  std::string encoding;     // --encoding; empty: detect each page's
  bool report = false;      // --report: a line per file
};

// The pages a build reads, and whether every path given could be read.
struct Inputs {
  std::vector<fs::path> files;
  bool complete = true;  // false: a path missing, a folder without pages, an entry unreadable
};

void Warn(const std::string& path, const std::string& what) {
  std::cerr << "guanxi: warning: " << path << ": " << what << '\n';
}

// True for the names of pages in a folder: *.txt, *.text, *.html, *.htm, in
// any case.
bool IsPageName(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".txt" || extension == ".text" || extension == ".html" ||
         extension == ".htm";
}

std::string_view KindOf(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::block:
    case fs::file_type::character:
      return "a device";
    default:
      return "not a regular file";
  }
}

// Why a path's type cannot be read through its links.
std::string LinkProblem(const std::error_code& error) {
  if (error == std::errc::too_many_symbolic_link_levels) return "a symbolic link loop";
  if (error == std::errc::no_such_file_or_directory) return "a broken symbolic link";
  return error.message();
}

// Adds the pages below `folder` to `found`. Entries that are not pages are
// passed over; those that cannot be read as files are named in a warning:
// symbolic-link loops and broken links, links to folders (not followed, so
// that no loop is walked), FIFOs, sockets, devices, and files or folders
// without read permission (these make the inputs incomplete). No
// filesystem_error escapes: every call takes an error_code.
void WalkFolder(const fs::path& folder, std::vector<fs::path>& found, bool& complete) {
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied,
                                      error);
  if (error) {
    ReportError(Status::IoError(folder.string(), error.message()));
    complete = false;
    return;
  }
  for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
    if (error) break;
    const fs::path& path = it->path();
    std::error_code entry_error;
    const fs::file_status link = it->symlink_status(entry_error);
    if (entry_error) {
      Warn(path.string(), "skipped (" + entry_error.message() + ")");
      continue;
    }
    if (fs::is_directory(link)) {
      if (::access(path.c_str(), R_OK | X_OK) != 0) {
        Warn(path.string(), "skipped (folder not readable: permission denied)");
        complete = false;
        it.disable_recursion_pending();
      }
      continue;
    }
    fs::file_status target = link;
    if (fs::is_symlink(link)) {
      target = fs::status(path, entry_error);
      if (entry_error) {
        Warn(path.string(), "skipped (" + LinkProblem(entry_error) + ")");
        continue;
      }
      if (fs::is_directory(target)) {
        Warn(path.string(), "skipped (a symbolic link to a folder; not followed)");
        continue;
      }
    }
    if (!fs::is_regular_file(target)) {
      Warn(path.string(), "skipped (" + std::string(KindOf(target.type())) + ")");
      continue;
    }
    if (!IsPageName(path)) continue;
    if (::access(path.c_str(), R_OK) != 0) {
      Warn(path.string(), "skipped (not readable: permission denied)");
      complete = false;
      continue;
    }
    found.push_back(path);
  }
  if (error) {
    ReportError(Status::IoError(folder.string(), error.message()));
    complete = false;
  }
}

// The files named, and the pages below the folders named, in a stable order.
// A path that cannot be read (missing, a folder without pages, not a file)
// is named on stderr and left out; the others are built.
Inputs CollectFiles(const std::vector<std::string>& paths) {
  Inputs inputs;
  for (const std::string& path : paths) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (status.type() == fs::file_type::not_found) {
      std::error_code link_error;
      const bool dangling = fs::is_symlink(fs::symlink_status(path, link_error));
      ReportError(Status::NotFound(path, dangling ? "a broken symbolic link"
                                                  : "no such file or folder"));
      inputs.complete = false;
    } else if (error) {
      ReportError(Status::IoError(path, LinkProblem(error)));
      inputs.complete = false;
    } else if (fs::is_directory(status)) {
      std::vector<fs::path> found;
      WalkFolder(path, found, inputs.complete);
      if (found.empty()) {
        ReportError(Status::NotFound(path, "no pages (*.txt, *.text, *.html) found"));
        inputs.complete = false;
      }
      std::sort(found.begin(), found.end());
      inputs.files.insert(inputs.files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(status)) {
      inputs.files.emplace_back(path);
    } else {
      ReportError(Status::InvalidInput(path, std::string(KindOf(status.type())) +
                                                 ", not a page file"));
      inputs.complete = false;
    }
  }
  return inputs;
}

// The warning for each file that gave nothing, and with --report a line per file.
void PrintFileReport(const BuildReport& report, bool all) {
  for (const FileReport& file : report.per_file) {
    if (file.outcome == FileReport::Outcome::kExtracted && file.items == 0) {
      Warn(file.path, "no news items found");
    }
  }
  if (!all) return;
  for (const FileReport& file : report.per_file) {
    switch (file.outcome) {
      case FileReport::Outcome::kExtracted:
        std::cout << fmt::format("{}: {} item{} ({} new), {} entities and {} relations added\n",
                                 file.path, file.items, file.items == 1 ? "" : "s",
                                 file.items_added, file.entities_added, file.relations_added);
        break;
      case FileReport::Outcome::kUnchanged:
        std::cout << fmt::format("{}: unchanged (skipped)\n", file.path);
        break;
      case FileReport::Outcome::kFailed:
        std::cout << fmt::format("{}: failed (named above), left out\n", file.path);
        break;
    }
  }
}

// Builds `inputs` into `database` (a file or a postgresql:// URI), named
// `shown` in the summary; the exit code.
int BuildInto(const std::string& database, const std::string& shown, const BuildOptions& options,
              const Inputs& inputs, BuildPipelineOptions pipeline) {
  Result<store::Store> store = store::Store::Open(database);
  if (!store.ok()) return ReportError(store.status());
  pipeline.jobs = options.jobs;
  if (options.batch_items > 0) pipeline.ingest.batch_items = options.batch_items;
  // A file that cannot be read is named and left out; the others are stored.
  Result<BuildReport> report = [&] {
    ProgressLine progress("building");
    return RunBuildPipeline(
        *store, inputs.files, pipeline, [](const Status& status) { ReportError(status); },
        [&](std::size_t done, std::size_t total) { progress.Update(done, total); });
  }();
  if (!report.ok()) return ReportError(report.status());
  const store::IngestStats& stats = report->stats;
  Result<store::StoreCounts> counts = store->Counts(store::Store::CountDetail::kTotals);
  if (!counts.ok()) return ReportError(counts.status());

  PrintFileReport(*report, options.report);
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
        options.database == kDefaultDatabase ? "" : " --db " + shown);
  }
  std::cout << fmt::format("{}: {} items, {} entities, {} relations\n", shown, counts->articles,
                           counts->entities, counts->relations);
  return report->failed == 0 && inputs.complete ? kExitOk : kExitBadInput;
}

int RunBuild(const BuildOptions& options) {
  BuildPipelineOptions pipeline;
  if (!options.encoding.empty()) {
    Result<std::string> encoding = extract::CanonicalEncoding(options.encoding);
    if (!encoding.ok()) return ReportError(encoding.status());
    pipeline.read.encoding = *encoding;
  }
  const Inputs inputs = CollectFiles(options.paths);
  // Nothing to read: the database is not opened (nor created).
  if (inputs.files.empty()) return kExitBadInput;
  // A PostgreSQL graph is built in place, each batch one transaction; any
  // number of builds may write it at once (store::Store::Open).
  const std::string shown = store::IsPostgresUri(options.database)
                                ? store::RedactedUri(options.database)
                                : options.database;
  return BuildInto(options.database, shown, options, inputs, pipeline);
}

}  // namespace

RunFunction AddBuildCommand(CLI::App& command) {
  auto options = std::make_shared<BuildOptions>();
  command
      .add_option("PATH", options->paths,
                  "Page files, or folders searched for pages (*.txt, *.text, *.html, *.htm)")
      ->required();
  AddDatabaseOption(command, options->database);
  command.add_option("-j,--jobs", options->jobs, "Extraction threads (default: one per core)")
      ->check(CLI::PositiveNumber);
  AddEncodingOption(command, options->encoding);
  command.add_flag("-v,--report", options->report,
                   "A line per file: its items, and the entities and relations it added");
  // For tests: a batch boundary in a small build.
  command.add_option("--batch-items", options->batch_items, "Items per transaction")
      ->check(CLI::PositiveNumber)
      ->group("");
  return [options] { return RunBuild(*options); };
}

}  // namespace guanxi::cli
