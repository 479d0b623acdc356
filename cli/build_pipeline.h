#pragma once

// What `guanxi build` does with the files it is given: each is looked up in
// the store's `files` table and skipped when unchanged, else read and
// extracted on one of several threads; one thread writes the items, in the
// order of the files and of the items within each, through an
// IngestSession. The queue between them is bounded, so memory does not grow
// with the archive, and the database is the same whatever the number of
// threads.

#include <cstddef>
#include <filesystem>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "graph/status.h"
#include "graph/store/ingest_session.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::cli {

struct BuildPipelineOptions {
  // Extraction threads; 0 for std::thread::hardware_concurrency().
  unsigned jobs = 0;
  // Files larger than this are extracted streaming, item by item
  // (extract::ExtractFileStreaming); smaller ones are read once, whole.
  size_t stream_bytes = size_t{1} << 20;
  // How pages are read: a forced encoding (`--encoding`), text or HTML.
  extract::ReadOptions read;
  store::IngestOptions ingest;
};

// What one file gave, for `build --report` and the warning about a file
// that gave nothing.
struct FileReport {
  enum class Outcome {
    kExtracted,  // read and extracted (possibly no items)
    kUnchanged,  // skipped: same size and time, or same bytes, as recorded
    kFailed,     // not readable or not extractable (reported through on_file_error)
  };
  std::string path;
  Outcome outcome = Outcome::kFailed;
  int64_t items = 0;           // items the file gave (kExtracted)
  int64_t items_added = 0;     // of which new to the store (the rest: stored already)
  int64_t entities_added = 0;  // the IngestSession's counts after the file less before
  int64_t relations_added = 0;
};

struct BuildReport {
  size_t files = 0;      // files given
  size_t failed = 0;     // not readable or not extractable: reported, left out
  size_t unchanged = 0;  // skipped: same size and modification time, or same bytes
  store::IngestStats stats;
  std::vector<FileReport> per_file;  // one per file given, in their order
};

// Builds `files` into `store`. A file whose size and modification time are
// those `files` records is skipped unread; one whose bytes hash as recorded is
// skipped after reading (its new time recorded); any other is extracted and
// its items written, and recorded with them. A file that cannot be read or
// extracted goes to `on_file_error` (on the calling thread, in file order)
// and is left out. `progress(files_done, files_total)` follows each file.
// Returns the store's first failure; the batches committed before it stay.
Result<BuildReport> RunBuildPipeline(store::Store& store,
                                     const std::vector<std::filesystem::path>& files,
                                     const BuildPipelineOptions& options,
                                     const std::function<void(const Status&)>& on_file_error,
                                     const std::function<void(size_t, size_t)>& progress);

}  // namespace guanxi::cli
