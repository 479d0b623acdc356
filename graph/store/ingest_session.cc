#include "graph/store/ingest_session.h"

#include <chrono>
#include <utility>

#include "graph/store/article_writer.h"
#include "graph/store/curation.h"
#include "graph/store/database.h"
#include "graph/store/evidence_index.h"
#include "graph/store/schema.h"

namespace guanxi::store {

// ---- PreparedItem -----------------------------------------------------------

struct PreparedItem::Data {
  std::string path;
  size_t item_index = 0;
  graph::Article article;
  ItemFacts facts;
};

PreparedItem::PreparedItem(std::unique_ptr<Data> data) : data_(std::move(data)) {}
PreparedItem::PreparedItem(PreparedItem&&) noexcept = default;
PreparedItem& PreparedItem::operator=(PreparedItem&&) noexcept = default;
PreparedItem::~PreparedItem() = default;

Result<PreparedItem> PrepareItem(std::string path, size_t item_index, graph::Article article) {
  Result<ItemFacts> facts = FactsOf(path, item_index, article);
  if (!facts.ok()) return facts.status();
  return PreparedItem(std::make_unique<PreparedItem::Data>(PreparedItem::Data{
      std::move(path), item_index, std::move(article), std::move(*facts)}));
}

// ---- IngestSession ----------------------------------------------------------

namespace {

using Clock = std::chrono::steady_clock;

// The single integer a PRAGMA or an aggregate query returns.
Result<int64_t> QueryInt(Statement& statement) {
  statement.Reset();
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  const int64_t value = *row ? statement.ColumnInt(0) : 0;
  statement.Reset();
  return value;
}

// Records a file a build read (FileRecord), in place of an earlier record.
constexpr const char* kRecordFile =
    "INSERT INTO files (path, size, mtime_ns, content_hash, items) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
    "content_hash = excluded.content_hash, items = excluded.items";

// How long a session waits for another writer's batch, in milliseconds.
constexpr int64_t kWriterWaitMs = 10 * 60 * 1000;

// The connection's settings before the session, put back after it.
struct Settings {
  int64_t synchronous = 2;
  int64_t cache_size = -2000;
  int64_t foreign_keys = 1;
  int64_t busy_timeout = 0;
  int64_t ignore_check_constraints = 0;
};

}  // namespace

struct IngestSession::State {
  State(Database& database, const IngestOptions& session_options,
        std::unique_ptr<ArticleWriter> article_writer, Statement record, Statement version,
        Settings saved_settings)
      : db(database),
        options(session_options),
        writer(std::move(article_writer)),
        record_file(std::move(record)),
        data_version(std::move(version)),
        saved(saved_settings) {}

  ~State() {
    batch.reset();  // rolls back an unfinished batch
    // A session that failed or was dropped keeps what it committed queryable.
    if (indexes_deferred) (void)CreateBulkLoadIndexes(db);
    if (merges_paused) (void)ResumeEvidenceMerges(db);
    RestoreSettings();
  }

  // Puts back the connection's own settings (the store reads on afterwards).
  void RestoreSettings() {
    if (restored) return;
    restored = true;
    if (db.dialect() != Dialect::kSqlite) return;
    (void)db.Exec("PRAGMA synchronous = " + std::to_string(saved.synchronous));
    (void)db.Exec("PRAGMA cache_size = " + std::to_string(saved.cache_size));
    (void)db.Exec("PRAGMA foreign_keys = " + std::to_string(saved.foreign_keys));
    (void)db.Exec("PRAGMA busy_timeout = " + std::to_string(saved.busy_timeout));
    (void)db.Exec("PRAGMA ignore_check_constraints = " +
                  std::to_string(saved.ignore_check_constraints));
  }

  // Opens a batch unless one is open. Another connection's commit since ours
  // (another build's batch, a decision made while the build ran) may have
  // changed what the writer holds in memory: SQLite's PRAGMA data_version
  // changes with every other connection's commit; PostgreSQL's count of
  // write transactions (PgDatabase::BeginSql) grows by one with each,
  // this one included.
  Status EnsureBatch() {
    if (batch) return Status::Ok();
    Result<Transaction> begun = Transaction::Begin(db);
    if (!begun.ok()) return begun.status();
    batch.emplace(std::move(*begun));
    Result<int64_t> version = QueryInt(data_version);
    if (!version.ok()) return version.status();
    const int64_t unchanged =
        db.dialect() == Dialect::kSqlite ? seen_data_version : seen_data_version + 1;
    if (*version != unchanged) writer->ForgetCaches();
    seen_data_version = *version;
    batch_items = 0;
    batch_start = Clock::now();
    return Status::Ok();
  }

  bool BatchDue() const {
    return batch && (batch_items >= options.batch_items ||
                     std::chrono::duration<double>(Clock::now() - batch_start).count() >=
                         options.batch_seconds);
  }

  Status CommitBatch() {
    if (!batch) return Status::Ok();
    GUANXI_RETURN_IF_ERROR(writer->Flush());
    writer->ResetStatements();
    record_file.Reset();
    // The batch's sentences, searchable from the same commit on (SQLite's
    // full-text index; PostgreSQL holds none).
    if (db.dialect() == Dialect::kSqlite) GUANXI_RETURN_IF_ERROR(IndexNewEvidence(db));
    Status committed = batch->Commit();
    batch.reset();
    return committed;
  }

  // Remembers the first failure: the open batch is rolled back, and every
  // later call reports it.
  Status Fail(Status status) {
    if (!status.ok() && failure.ok()) {
      failure = status;
      batch.reset();
    }
    return status;
  }

  Database& db;
  IngestOptions options;
  std::unique_ptr<ArticleWriter> writer;
  Statement record_file;
  Statement data_version;
  Settings saved;
  bool restored = false;
  bool indexes_deferred = false;  // a bulk load into an empty store (schema.h)
  bool merges_paused = false;     // the evidence index's (PauseEvidenceMerges)

  std::optional<Transaction> batch;
  int64_t seen_data_version = -1;
  int64_t batch_items = 0;  // items written in the open batch
  int64_t file_items = 0;   // items of the current file so far
  Clock::time_point batch_start;
  IngestStats stats;
  Status failure = Status::Ok();
  bool finished = false;
};

IngestSession::IngestSession(std::unique_ptr<State> state) : state_(std::move(state)) {}
IngestSession::IngestSession(IngestSession&&) noexcept = default;
IngestSession& IngestSession::operator=(IngestSession&&) noexcept = default;
IngestSession::~IngestSession() = default;

const IngestStats& IngestSession::stats() const { return state_->stats; }

Status IngestSession::Add(PreparedItem item) {
  State& s = *state_;
  if (!s.failure.ok()) return s.failure;
  if (s.finished) return Status::Internal(s.db.path().string(), "ingest session already finished");
  // A file larger than a batch is committed part-way: its items stay stored
  // and its record follows with its last items.
  if (s.file_items >= s.options.batch_items && s.BatchDue()) {
    GUANXI_RETURN_IF_ERROR(s.Fail(s.CommitBatch()));
  }
  GUANXI_RETURN_IF_ERROR(s.Fail(s.EnsureBatch()));
  const PreparedItem::Data& data = *item.data_;
  GUANXI_RETURN_IF_ERROR(
      s.Fail(s.writer->Write(data.path, data.item_index, data.article, data.facts, s.stats)));
  ++s.batch_items;
  ++s.file_items;
  return Status::Ok();
}

Status IngestSession::EndFile(const std::optional<FileRecord>& record) {
  State& s = *state_;
  if (!s.failure.ok()) return s.failure;
  s.file_items = 0;
  if (record) {
    GUANXI_RETURN_IF_ERROR(s.Fail(s.EnsureBatch()));
    Statement& write = s.record_file;
    write.Reset();
    GUANXI_RETURN_IF_ERROR(s.Fail(write.Bind(1, record->path)));
    GUANXI_RETURN_IF_ERROR(s.Fail(write.Bind(2, record->size)));
    GUANXI_RETURN_IF_ERROR(s.Fail(write.Bind(3, record->mtime_ns)));
    GUANXI_RETURN_IF_ERROR(s.Fail(write.Bind(4, record->content_hash)));
    GUANXI_RETURN_IF_ERROR(s.Fail(write.Bind(5, record->items)));
    GUANXI_RETURN_IF_ERROR(s.Fail(write.Run()));
  }
  if (s.BatchDue()) GUANXI_RETURN_IF_ERROR(s.Fail(s.CommitBatch()));
  return Status::Ok();
}

Result<IngestStats> IngestSession::Finish() {
  State& s = *state_;
  if (!s.failure.ok()) return s.failure;
  if (s.finished) return Status::Internal(s.db.path().string(), "ingest session already finished");
  bool apply_log = s.stats.articles_added > 0;
  if (!apply_log) {
    Result<Statement> any = s.db.Prepare("SELECT EXISTS (SELECT 1 FROM decisions)");
    if (!any.ok()) return s.Fail(any.status());
    Result<int64_t> logged = QueryInt(*any);
    if (!logged.ok()) return s.Fail(logged.status());
    apply_log = *logged != 0;
  }
  if (s.indexes_deferred) {
    // Before the log, whose merges look relations up by their ends.
    GUANXI_RETURN_IF_ERROR(s.Fail(s.EnsureBatch()));
    GUANXI_RETURN_IF_ERROR(s.Fail(CreateBulkLoadIndexes(s.db)));
    s.indexes_deferred = false;
  }
  if (apply_log) {
    GUANXI_RETURN_IF_ERROR(s.Fail(s.EnsureBatch()));
    s.writer->ResetStatements();
    GUANXI_RETURN_IF_ERROR(s.Fail(ApplyDecisionLog(s.db)));
  }
  GUANXI_RETURN_IF_ERROR(s.Fail(s.CommitBatch()));
  if (s.merges_paused) {
    GUANXI_RETURN_IF_ERROR(s.Fail(ResumeEvidenceMerges(s.db)));
    s.merges_paused = false;
  }
  s.finished = true;
  s.RestoreSettings();
  return s.stats;
}

Result<IngestSession> Store::BeginIngest(const IngestOptions& options) {
  Database& db = *database_;
  // PostgreSQL has no connection settings to change and no index to defer
  // (its writers share the database); its count of write transactions
  // stands for SQLite's data_version.
  const bool sqlite = db.dialect() == Dialect::kSqlite;
  Settings saved;
  if (sqlite) {
    for (auto [name, value] :
         {std::pair{"synchronous", &saved.synchronous}, std::pair{"cache_size", &saved.cache_size},
          std::pair{"foreign_keys", &saved.foreign_keys},
          std::pair{"busy_timeout", &saved.busy_timeout},
          std::pair{"ignore_check_constraints", &saved.ignore_check_constraints}}) {
      Result<Statement> pragma = db.Prepare(std::string("PRAGMA ") + name);
      if (!pragma.ok()) return pragma.status();
      Result<int64_t> read = QueryInt(*pragma);
      if (!read.ok()) return read.status();
      *value = *read;
    }
  }

  Result<std::unique_ptr<ArticleWriter>> writer = ArticleWriter::Create(db);
  if (!writer.ok()) return writer.status();
  Result<Statement> record = db.Prepare(kRecordFile);
  if (!record.ok()) return record.status();
  Result<Statement> version =
      db.Prepare(sqlite ? "PRAGMA data_version"
                        : "SELECT CAST(value AS BIGINT) FROM guanxi_meta WHERE key = 'writes'");
  if (!version.ok()) return version.status();

  auto state = std::make_unique<IngestSession::State>(
      db, options, std::move(*writer), std::move(*record), std::move(*version),
      saved);
  if (!sqlite) return IngestSession(std::move(state));
  // A bulk load: fewer syncs (each commit is still whole: in WAL mode only
  // checkpoints sync, and a lost commit is a batch a rerun writes again) and
  // a page cache that holds the indexes being filled (negative cache_size is
  // in KiB).
  GUANXI_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = NORMAL"));
  // Another build writing into the same file holds the write lock for one
  // batch at a time (IngestOptions: seconds, not minutes): wait for it
  // rather than fail, so that two builds at once store the union.
  GUANXI_RETURN_IF_ERROR(db.Exec("PRAGMA busy_timeout = " + std::to_string(kWriterWaitMs)));
  GUANXI_RETURN_IF_ERROR(
      db.Exec("PRAGMA cache_size = " + std::to_string(-options.cache_mib * 1024)));
  // The writer only writes ids it has just read or inserted on this
  // connection, so the foreign keys' three lookups per relation (a sixth of
  // its time) check nothing; they are on again when the session ends.
  GUANXI_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = OFF"));
  // Nor do the CHECKs on a type (ArticleWriter refuses a type outside the
  // model's), and SQLite tests each IN list through a temporary B-tree
  // opened and closed for every row: a tenth of the writer's CPU.
  GUANXI_RETURN_IF_ERROR(db.Exec("PRAGMA ignore_check_constraints = ON"));
  // The evidence index merges its segments once the build is over.
  GUANXI_RETURN_IF_ERROR(PauseEvidenceMerges(db));
  state->merges_paused = true;
  // Into an empty store, the indexes no write reads are built once at the end.
  Result<Statement> any_relation = db.Prepare("SELECT EXISTS (SELECT 1 FROM relations)");
  if (!any_relation.ok()) return any_relation.status();
  Result<int64_t> has_relations = QueryInt(*any_relation);
  if (!has_relations.ok()) return has_relations.status();
  if (*has_relations == 0) {
    GUANXI_RETURN_IF_ERROR(DropBulkLoadIndexes(db));
    state->indexes_deferred = true;
  }
  return IngestSession(std::move(state));
}

}  // namespace guanxi::store
