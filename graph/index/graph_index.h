#pragma once

// The query index: a read-only view of a guanxi database that answers what a
// query needs through SQLite's indexes instead of loading the whole graph
// (graph/index/README.md says how and why). It reads an entity's relations
// from the covering indexes relations_out and relations_in, names from
// entities_by_name and aliases_by_alias, and whole records by id, exactly as
// Store::LoadGraph would give them: merged and rejected entities, rejected
// relations and the relations of rejected entities are left out.
//
// Methods are not const: they reuse prepared statements. One GraphIndex is
// for one thread.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/graph_data.h"
#include "graph/model.h"
#include "graph/printed_date.h"
#include "graph/status.h"
#include "graph/store/schema.h"

namespace guanxi::index {

// The schema version this index reads: the store's (graph/README.md). An older
// file must be migrated first by store::Store::Open, which a read-only index
// cannot do.
inline constexpr int64_t kSchemaVersion = store::kSchemaVersion;

// One live relation seen from one of its ends.
struct Hop {
  int64_t other_id = 0;  // the other end (the entity itself for a relation with itself)
  int64_t relation_id = 0;
  int64_t article_id = 0;  // the item that states it
  graph::RelationType type = graph::RelationType::kAttended;
  bool outgoing = false;  // the entity is the relation's source
};

// A sentence of evidence that contains the text searched for (FindEvidence).
struct EvidenceMatch {
  int64_t article_id = 0;  // the item it is in
  int64_t char_begin = 0;  // its offsets in the item's text, in characters
  int64_t char_end = 0;
  std::string sentence;
  std::vector<int64_t> relation_ids;  // the live relations it states, ascending
};

struct EvidenceMatches {
  std::vector<EvidenceMatch> matches;  // at most the limit, by item id, then offset
  size_t total = 0;                    // every matching sentence with a live relation
  bool scanned = false;  // under three characters: every sentence read, not the index
};

// How much of an entity to read.
enum class EntityDetail {
  kType,  // id, type, item_id and unresolved: what the connection queries need
  kCard,  // and name, aliases and decisions: what a line or a JSON entry prints
  kFull,  // and article_ids (provenance): every field LoadGraph fills
};

class GraphIndex {
 public:
  // Opens the database at `path` read-only. NotFound when there is no such
  // file; Corrupt when it is not a guanxi database; InvalidInput ("needs
  // migrating") when its schema version is older than kSchemaVersion, Corrupt
  // when newer; IoError when SQLite cannot read it. The index answers from
  // the state committed when it opened (one read transaction for its life):
  // open a new one to see a later build.
  // A PostgreSQL URI ("postgresql://USER@HOST:PORT/DBNAME") opens that
  // database instead, read in one REPEATABLE READ snapshot for the index's
  // life: PgConnection::Open's status for a bad or unreachable URI,
  // CheckPgSchema's when it holds no guanxi graph of this version.
  static Result<GraphIndex> Open(const std::filesystem::path& path);

  GraphIndex(GraphIndex&&) noexcept;
  GraphIndex& operator=(GraphIndex&&) noexcept;
  ~GraphIndex();

  const std::filesystem::path& path() const { return path_; }

  // Appends to `hops` the live relations of `entity_id` (not rejected, other
  // end not rejected), each once, a relation of an entity with itself
  // included; in no particular order. Nothing for an unknown entity.
  // Corrupt for a relation of an unknown type.
  Status AppendHops(int64_t entity_id, std::vector<Hop>& hops);

  // The number of live relations of a live entity: KnowledgeGraph::Degree.
  Result<size_t> Degree(int64_t entity_id);
  // The number of index entries AppendHops reads for the entity, counted up
  // to `cap` per direction (a cost estimate: counting reads entries too).
  Result<size_t> EntriesAtMost(int64_t entity_id, int64_t cap);

  // The type of the live entity `id`; nullopt when there is none (unknown,
  // merged into another, or rejected).
  Result<std::optional<graph::EntityType>> TypeOf(int64_t id);

  // Ids of the live entities whose name, or one of whose aliases, is exactly
  // `name`; ascending (KnowledgeGraph::FindByName).
  Result<std::vector<int64_t>> IdsByName(std::string_view name);

  // Ids of the live entities whose name or an alias contains one of `parts`
  // (as bytes); ascending. Reads every name: a scan, not an index look-up.
  Result<std::vector<int64_t>> IdsByNamePart(const std::vector<std::string>& parts);

  // Calls `each(id, name)` for the name and every alias of each live entity,
  // by entity id and then in LoadGraph's order (name first, aliases as first
  // seen). Stops at the first error `each` returns.
  Status ForEachName(const std::function<Status(int64_t, const std::string&)>& each);

  // The records with these ids, in the order given, as LoadGraph fills them
  // up to `detail`. Ids of no live entity (or of no relation that
  // LoadGraph keeps, or of no article) are left out.
  Result<std::vector<graph::EntityRecord>> Entities(const std::vector<int64_t>& ids,
                                                    EntityDetail detail);
  Result<std::vector<graph::RelationRecord>> Relations(const std::vector<int64_t>& ids);
  Result<std::vector<graph::ArticleRecord>> Articles(const std::vector<int64_t>& ids,
                                                     bool with_sources);

  // Replaces every record of `data` by the one stored under its id, keeping
  // the order: entities up to `detail`, relations with their evidence,
  // articles with their sources. Records not stored are dropped.
  Status Complete(graph::GraphData& data, EntityDetail detail);

  // The stored sentences of evidence that contain `text` (as typed; Latin
  // letters in any case through the index), each once with its live relations; sentences
  // whose relations are all rejected, or whose ends are, are left out. From
  // three characters on the full-text index (evidence_fts, trigram) answers;
  // a shorter text is looked for in every sentence (`scanned`). At most
  // `limit` matches (0: all). InvalidInput for an empty text.
  // Implemented in evidence_search.cc.
  Result<EvidenceMatches> FindEvidence(std::string_view text, size_t limit);

  // The date of an item as PathFilter's date range reads it
  // (graph::ItemDate of its printed and full date); nullopt when it has
  // neither or there is no such article.
  Result<std::optional<graph::PartialDate>> ItemDate(int64_t article_id);

 private:
  struct Statements;
  GraphIndex(std::filesystem::path path, std::unique_ptr<store::Database> database);
  static Result<GraphIndex> OpenPostgres(const std::string& uri);
  // Prepares the statements and reads the rejected entities, inside the
  // read transaction Open began.
  Status Prepare();

  std::filesystem::path path_;
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<Statements> statements_;
  // Rejected entities: their relations stay in the table, so hops to them
  // are skipped. Few (each is a person's decision).
  std::unordered_set<int64_t> rejected_;
};

}  // namespace guanxi::index
