#pragma once

// Ingesting an archive item by item: what `guanxi build` uses instead of
// Store::Ingest, whose pages must all be in memory at once. Items are
// prepared on any thread (PrepareItem) and written by one IngestSession, in
// the order given, with the identity rules of Store::Ingest; the session
// commits them in batches, so that memory does not grow with the archive and
// an interrupted build leaves every batch before it stored.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "graph/model.h"
#include "graph/status.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::store {

// An item ready to be written: the article with what the identity rules
// compute from it alone (content hash, reprint signature, relation endpoints,
// person evidence). Move-only.
class PreparedItem {
 public:
  PreparedItem(PreparedItem&&) noexcept;
  PreparedItem& operator=(PreparedItem&&) noexcept;
  ~PreparedItem();

 private:
  struct Data;  // ingest_session.cc
  explicit PreparedItem(std::unique_ptr<Data> data);
  friend Result<PreparedItem> PrepareItem(std::string path, size_t item_index,
                                          graph::Article article);
  friend class IngestSession;

  std::unique_ptr<Data> data_;
};

// Item `item_index` (0-based) of the page at `path`, ready for
// IngestSession::Add. Pure: may run on any thread. InvalidInput, as
// Store::Ingest's, when a relation names no entity of the item.
Result<PreparedItem> PrepareItem(std::string path, size_t item_index, graph::Article article);

struct IngestOptions {
  // A batch (one transaction) ends at the end of a file once it holds this
  // many items or is this old; within a file only when that file alone has
  // given this many items.
  int64_t batch_items = 20000;
  double batch_seconds = 10;
  // SQLite's page cache while the session is open, in MiB (the default is 2).
  int64_t cache_mib = 256;
};

// Writes prepared items in batches. Each batch is one transaction: an
// interrupted build keeps the batches committed before it, and running it
// again (files recorded by a batch are skipped, items stored are
// `articles_unchanged`) ends with the database an uninterrupted build makes.
// Ids depend only on the order of the items, not on where batches end. Into
// an empty store, the indexes no write reads are built once by Finish
// (schema.h, DropBulkLoadIndexes): queries during that first build scan. While
// the session is open synchronous is NORMAL (the write-ahead log still keeps
// each commit whole; a power cut may lose the last batches, which a rerun
// writes again). Move-only; destroying an unfinished session rolls
// back its open batch.
class IngestSession {
 public:
  IngestSession(IngestSession&&) noexcept;
  IngestSession& operator=(IngestSession&&) noexcept;
  ~IngestSession();

  // Writes `item` by the identity rules (graph/README.md). SQLite failures as
  // the adapter reports them; after a failure the open batch is rolled back
  // and every later call returns the same status.
  Status Add(PreparedItem item);

  // Ends a file whose items were all given to Add: `record` is written in the
  // transaction of its last items (nullopt for a file that failed part-way,
  // which stays unrecorded so that the next build reads it again). A file
  // whose content was found unchanged is ended with its new record and no
  // items. The batch is committed here when it is due.
  Status EndFile(const std::optional<FileRecord>& record);

  // Applies the decision log (graph/README.md, "Decisions") when items were
  // added, or when the log is not empty (an interrupted build may have added
  // items without it; applying it again changes nothing), commits the last
  // batch and returns what the whole session did.
  Result<IngestStats> Finish();

  // What the session has written so far.
  const IngestStats& stats() const;

 private:
  struct State;  // ingest_session.cc
  explicit IngestSession(std::unique_ptr<State> state);
  friend class Store;

  std::unique_ptr<State> state_;
};

}  // namespace guanxi::store
