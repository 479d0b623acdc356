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
#include <functional>
#include <vector>

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
  store::IngestOptions ingest;
};

struct BuildReport {
  size_t files = 0;      // files given
  size_t failed = 0;     // not readable or not extractable: reported, left out
  size_t unchanged = 0;  // skipped: same size and modification time, or same bytes
  store::IngestStats stats;
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
