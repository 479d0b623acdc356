#include "cli/build_pipeline.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>

#include "extract/extractor.h"
#include "graph/store/file_hash.h"

namespace guanxi::cli {
namespace {

namespace fs = std::filesystem;

// Items a worker may hand over ahead of the writer for one streamed file; it
// waits beyond this. A page read whole (at most BuildPipelineOptions::
// stream_bytes) is handed over at once.
constexpr size_t kMaxQueuedItems = 256;
// Files claimed ahead of the one being written, per worker, while their
// bytes (a streamed file's counted as stream_bytes: it queues at most
// kMaxQueuedItems) stay under kBytesAhead; the next file the writer needs is
// always claimable. Four files a worker left the writer waiting for items a
// quarter of a 250 MB build; a page's items take about ten times its bytes.
constexpr size_t kFilesAheadPerJob = 64;
constexpr size_t kBytesAhead = size_t{16} << 20;
constexpr size_t kReadChunkBytes = size_t{1} << 20;
// extract::ExtractFileStreaming's window (its default).
constexpr size_t kStreamWindowBytes = size_t{4} << 20;

// What became of one file.
enum class Outcome {
  kExtracted,         // read and extracted: its items, then its record
  kSkipped,           // same size and modification time as recorded: not read
  kContentUnchanged,  // read, same bytes as recorded: only its record (new time)
  kFailed,            // not readable or not extractable: `error`
};

// One file's work: filled by the worker that claimed it, emptied and reset
// by the writer, then reused for a later file.
class FileSlot {
 public:
  void Reset() {
    std::lock_guard lock(mutex_);
    items_.clear();
    done_ = false;
    outcome_ = Outcome::kFailed;
    record_.reset();
    error_ = Status::Ok();
  }

  // Worker side: hands over one item, waiting while the writer has many of
  // this file's items to catch up on. Items given after `stop` are dropped.
  void Push(store::PreparedItem item, const std::atomic<bool>& stop) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return items_.size() < kMaxQueuedItems || stop; });
    if (stop) return;
    items_.push_back(std::move(item));
    ready_.notify_one();
  }

  // Hands over all of a page's items at once (one wake-up for the writer).
  void PushAll(std::vector<store::PreparedItem> items) {
    std::lock_guard lock(mutex_);
    for (store::PreparedItem& item : items) items_.push_back(std::move(item));
  }

  void Finish(Outcome outcome, std::optional<store::FileRecord> record = std::nullopt,
              Status error = Status::Ok()) {
    std::lock_guard lock(mutex_);
    outcome_ = outcome;
    record_ = std::move(record);
    error_ = std::move(error);
    done_ = true;
    ready_.notify_one();
  }

  // Writer side: moves the items ready into `out` (waiting for one or for
  // the end of the file); false once the file is done and every item taken.
  bool Take(std::deque<store::PreparedItem>& out) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty() || done_; });
    if (items_.empty()) return false;
    out.swap(items_);
    space_.notify_one();
    return true;
  }

  // Wakes a worker waiting in Push so that it sees `stop`.
  void Wake() {
    std::lock_guard lock(mutex_);
    space_.notify_all();
  }

  // Read by the writer once Take has returned false.
  Outcome outcome() const { return outcome_; }
  const std::optional<store::FileRecord>& record() const { return record_; }
  const Status& error() const { return error_; }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;  // an item or the end, for the writer
  std::condition_variable space_;  // room for items, for the worker
  std::deque<store::PreparedItem> items_;
  bool done_ = false;
  Outcome outcome_ = Outcome::kFailed;
  std::optional<store::FileRecord> record_;
  Status error_ = Status::Ok();
};

// The writer is the build's bound: on as many workers as cores, each
// worker's wake-up took the core from it (the kernel favours a thread that
// slept), and it waited runnable for a tenth of the build. Workers run at a
// lower priority (5 above the writer's nice: a third of a core's share
// against its)
// and take what the writer leaves; with idle cores they run at full speed.
// Best effort: a refusal changes nothing but speed.
constexpr int kWorkerNice = 5;

void LowerWorkerPriority() {
  const auto self = static_cast<id_t>(::gettid());
  errno = 0;
  const int nice = ::getpriority(PRIO_PROCESS, self);  // -1 is a value too: errno tells
  if (errno != 0) return;
  (void)::setpriority(PRIO_PROCESS, self, std::min(nice + kWorkerNice, 19));
}

struct FileStat {
  int64_t size = 0;
  int64_t mtime_ns = 0;
};

Result<FileStat> StatFile(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return Status::IoError(path.string(), std::string("cannot open file: ") + std::strerror(errno));
  }
  return FileStat{static_cast<int64_t>(info.st_size),
                  static_cast<int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 +
                      static_cast<int64_t>(info.st_mtim.tv_nsec)};
}

// FileContentHash of a file read a chunk at a time.
Result<std::string> HashFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string(), "cannot open file");
  store::FileHasher hasher;
  std::string buffer(kReadChunkBytes, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    hasher.Update(std::string_view(buffer).substr(0, static_cast<size_t>(in.gcount())));
  }
  if (in.bad()) return Status::IoError(path.string(), "read failed");
  return hasher.HexDigest();
}

class Pipeline {
 public:
  Pipeline(const std::vector<fs::path>& files, const BuildPipelineOptions& options,
           std::vector<store::FileRecord> known)
      : files_(files), options_(options) {
    for (store::FileRecord& record : known) {
      std::string path = record.path;
      known_.emplace(std::move(path), std::move(record));
    }
    unsigned jobs = options.jobs != 0 ? options.jobs : std::thread::hardware_concurrency();
    jobs_ = std::max(1u, jobs);
    slots_.resize(kFilesAheadPerJob * jobs_);
    for (auto& slot : slots_) slot = std::make_unique<FileSlot>();
    charged_.resize(slots_.size());
  }

  Result<BuildReport> Run(store::IngestSession& session,
                          const std::function<void(const Status&)>& on_file_error,
                          const std::function<void(size_t, size_t)>& progress) {
    std::vector<std::thread> workers;
    for (unsigned j = 0; j < jobs_; ++j) workers.emplace_back([this] { Work(); });
    Result<BuildReport> report = Write(session, on_file_error, progress);
    Stop();
    for (std::thread& worker : workers) worker.join();
    return report;
  }

 private:
  // The writer: the calling thread, taking the files in order.
  Result<BuildReport> Write(store::IngestSession& session,
                            const std::function<void(const Status&)>& on_file_error,
                            const std::function<void(size_t, size_t)>& progress) {
    BuildReport report;
    report.files = files_.size();
    report.per_file.reserve(files_.size());
    std::deque<store::PreparedItem> items;
    for (size_t i = 0; i < files_.size(); ++i) {
      FileSlot& slot = *slots_[i % slots_.size()];
      const store::IngestStats before = session.stats();
      FileReport file;
      file.path = files_[i].string();
      while (slot.Take(items)) {
        for (store::PreparedItem& item : items) {
          GUANXI_RETURN_IF_ERROR(session.Add(std::move(item)));
          ++file.items;
        }
        items.clear();
      }
      switch (slot.outcome()) {
        case Outcome::kSkipped:
          ++report.unchanged;
          file.outcome = FileReport::Outcome::kUnchanged;
          break;
        case Outcome::kContentUnchanged:
          ++report.unchanged;
          file.outcome = FileReport::Outcome::kUnchanged;
          GUANXI_RETURN_IF_ERROR(session.EndFile(slot.record()));
          break;
        case Outcome::kExtracted:
          file.outcome = FileReport::Outcome::kExtracted;
          GUANXI_RETURN_IF_ERROR(session.EndFile(slot.record()));
          break;
        case Outcome::kFailed:
          ++report.failed;
          file.outcome = FileReport::Outcome::kFailed;
          if (on_file_error) on_file_error(slot.error());
          GUANXI_RETURN_IF_ERROR(session.EndFile(std::nullopt));
          break;
      }
      // Counted after EndFile: the decisions the session applies at Finish
      // are the whole build's, not a file's.
      const store::IngestStats& after = session.stats();
      file.items_added = after.articles_added - before.articles_added;
      file.entities_added = after.entities_added - before.entities_added;
      file.relations_added = after.relations_added - before.relations_added;
      report.per_file.push_back(std::move(file));
      // The slot is emptied before a worker may claim it for a later file (the
      // writer must not find the last file's end there).
      slot.Reset();
      {
        std::lock_guard lock(claim_mutex_);
        written_ = i + 1;
        bytes_ahead_ -= std::exchange(charged_[i % slots_.size()], 0);
      }
      claimable_.notify_all();
      if (progress) progress(i + 1, files_.size());
    }
    report.stats = session.stats();
    return report;
  }

  // A worker: claims the next file within the window ahead of the writer.
  void Work() {
    LowerWorkerPriority();
    while (true) {
      size_t index = 0;
      {
        std::unique_lock lock(claim_mutex_);
        claimable_.wait(lock, [&] {
          return stop_ || next_claim_ >= files_.size() ||
               (next_claim_ < written_ + slots_.size() &&
                (bytes_ahead_ < kBytesAhead || next_claim_ == written_));
        });
        if (stop_ || next_claim_ >= files_.size()) return;
        index = next_claim_++;
      }
      FileSlot& slot = *slots_[index % slots_.size()];
      // What escapes one file's extraction (an allocation that failed, say)
      // fails that file, named, not the process: a thread's exception would
      // end it in std::terminate.
      try {
        Process(index, slot);
      } catch (const std::bad_alloc&) {
        slot.Finish(Outcome::kFailed, std::nullopt,
                    Status::Internal(files_[index].string(), "out of memory"));
      } catch (const std::exception& error) {
        slot.Finish(Outcome::kFailed, std::nullopt,
                    Status::Internal(files_[index].string(),
                                     std::string("internal error: ") + error.what()));
      }
    }
  }

  void Process(size_t index, FileSlot& slot) {
    const fs::path& path = files_[index];
    const std::string key = path.string();
    Result<FileStat> stat = StatFile(path);
    if (!stat.ok()) return slot.Finish(Outcome::kFailed, std::nullopt, stat.status());
    const auto known = known_.find(key);
    const store::FileRecord* recorded = known == known_.end() ? nullptr : &known->second;
    if (recorded != nullptr && recorded->size == stat->size &&
        recorded->mtime_ns == stat->mtime_ns) {
      return slot.Finish(Outcome::kSkipped);
    }
    store::FileRecord record{key, stat->size, stat->mtime_ns, "", 0};
    Charge(index, std::min(static_cast<size_t>(stat->size), options_.stream_bytes));

    if (static_cast<size_t>(stat->size) <= options_.stream_bytes) {
      Result<std::string> bytes = extract::ReadFileBytes(path, static_cast<size_t>(stat->size));
      if (!bytes.ok()) return slot.Finish(Outcome::kFailed, std::nullopt, bytes.status());
      record.content_hash = store::FileContentHash(*bytes);
      if (recorded != nullptr && recorded->content_hash == record.content_hash) {
        record.items = recorded->items;
        return slot.Finish(Outcome::kContentUnchanged, std::move(record));
      }
      Result<graph::Page> page = extract::ExtractText(*bytes, key, options_.read);
      if (!page.ok()) return slot.Finish(Outcome::kFailed, std::nullopt, page.status());
      // All of a page's items are prepared before any is handed over: a page
      // that fails is left out whole.
      std::vector<store::PreparedItem> prepared;
      for (size_t a = 0; a < page->articles.size(); ++a) {
        Result<store::PreparedItem> item =
            store::PrepareItem(key, a, std::move(page->articles[a]));
        if (!item.ok()) return slot.Finish(Outcome::kFailed, std::nullopt, item.status());
        prepared.push_back(std::move(*item));
      }
      record.items = static_cast<int64_t>(prepared.size());
      slot.PushAll(std::move(prepared));
      return slot.Finish(Outcome::kExtracted, std::move(record));
    }

    Result<std::string> hash = HashFile(path);
    if (!hash.ok()) return slot.Finish(Outcome::kFailed, std::nullopt, hash.status());
    record.content_hash = *hash;
    if (recorded != nullptr && recorded->content_hash == record.content_hash) {
      record.items = recorded->items;
      return slot.Finish(Outcome::kContentUnchanged, std::move(record));
    }
    // Items go to the writer as they come; those handed over before a failure
    // stay written, and the file stays unrecorded.
    size_t count = 0;
    Status failure = Status::Ok();
    Status status = extract::ExtractFileStreaming(
        path,
        [&](graph::Article&& article) {
          if (!failure.ok()) return;
          Result<store::PreparedItem> item = store::PrepareItem(key, count++, std::move(article));
          if (!item.ok()) {
            failure = item.status();
            return;
          }
          slot.Push(std::move(*item), stop_);
        },
        kStreamWindowBytes, options_.read);
    if (status.ok()) status = failure;
    if (!status.ok()) return slot.Finish(Outcome::kFailed, std::nullopt, status);
    record.items = static_cast<int64_t>(count);
    slot.Finish(Outcome::kExtracted, std::move(record));
  }

  // Counts a claimed file's bytes against kBytesAhead until it is written.
  void Charge(size_t index, size_t bytes) {
    std::lock_guard lock(claim_mutex_);
    charged_[index % slots_.size()] = bytes;
    bytes_ahead_ += bytes;
  }

  void Stop() {
    {
      std::lock_guard lock(claim_mutex_);
      stop_ = true;
    }
    claimable_.notify_all();
    for (auto& slot : slots_) slot->Wake();
  }

  const std::vector<fs::path>& files_;
  const BuildPipelineOptions& options_;
  std::unordered_map<std::string, store::FileRecord> known_;  // read-only once running
  unsigned jobs_ = 1;
  std::vector<std::unique_ptr<FileSlot>> slots_;  // file i uses slots_[i % size]

  std::mutex claim_mutex_;
  std::condition_variable claimable_;
  size_t next_claim_ = 0;  // guarded by claim_mutex_
  size_t written_ = 0;     // files the writer is done with; guarded by claim_mutex_
  // Bytes of the files claimed and not yet written, in all and by slot;
  // guarded by claim_mutex_.
  size_t bytes_ahead_ = 0;
  std::vector<size_t> charged_;
  std::atomic<bool> stop_ = false;
};

}  // namespace

Result<BuildReport> RunBuildPipeline(store::Store& store, const std::vector<fs::path>& files,
                                     const BuildPipelineOptions& options,
                                     const std::function<void(const Status&)>& on_file_error,
                                     const std::function<void(size_t, size_t)>& progress) {
  Result<std::vector<store::FileRecord>> known = store.Files();
  if (!known.ok()) return known.status();
  Result<store::IngestSession> session = store.BeginIngest(options.ingest);
  if (!session.ok()) return session.status();
  Pipeline pipeline(files, options, std::move(*known));
  Result<BuildReport> report = pipeline.Run(*session, on_file_error, progress);
  if (!report.ok()) return report.status();
  Result<store::IngestStats> stats = session->Finish();
  if (!stats.ok()) return stats.status();
  report->stats = *stats;
  return report;
}

}  // namespace guanxi::cli
