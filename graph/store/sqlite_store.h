#pragma once

// The persistent graph: news items, their entities and relations in one
// SQLite file (schema in graph/README.md), or in a PostgreSQL database that
// a team shares (docs/postgresql.md), with the same behaviour. Building the graph is ingesting
// pages into a Store; exploring it is LoadGraph into a KnowledgeGraph.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_data.h"
#include "graph/model.h"
#include "graph/status.h"

namespace guanxi::store {

class Database;       // the database connection, graph/store/database.h
class IngestSession;  // writing an archive item by item, graph/store/ingest_session.h
struct IngestOptions;

// What one Ingest call added.
struct IngestStats {
  int64_t articles_added = 0;
  int64_t articles_unchanged = 0;  // items whose content hash was already stored
  int64_t reprints = 0;            // items folded into a stored article as a further source
  int64_t entities_added = 0;      // new entity rows (a known entity is not counted)
  int64_t relations_added = 0;
  int64_t candidates_added = 0;    // new "possible same person" pairs
};

// A possible same person: two persons of one name whose evidence does not
// agree (graph/identity/identity.h), for a person to merge or leave apart.
struct CandidateRecord {
  int64_t entity_a = 0;  // the one stored first
  int64_t entity_b = 0;
  std::string reason;    // "same name; places 522634 and 500118 apart"
};

// An entity as its mentions name it: stable across databases and rebuilds
// (row ids are not), so that a decision can be exported and applied again.
struct MentionRef {
  std::string item;  // content hash of an item that names the entity (ContentHash)
  std::string name;  // the entity's canonical name in that item
};
struct EntityRef {
  graph::EntityType type = graph::EntityType::kPerson;
  std::string name;                  // its name when the decision was made, for people
  std::vector<MentionRef> mentions;  // every mention it had then
};
// A relation as its item states it.
struct RelationRef {
  graph::RelationType type = graph::RelationType::kAttended;
  std::string item;    // content hash of the item
  std::string source;  // the endpoints' names in that item
  std::string target;
  std::string title;
  int64_t char_begin = 0;  // Evidence::char_begin
};

enum class DecisionKind { kMerge, kSplit, kRename, kReject };
std::string_view ToString(DecisionKind kind);  // "merge", "split", "rename", "reject"
std::optional<DecisionKind> ParseDecisionKind(std::string_view name);

// A person's decision on identity. Stored in the database as a log, applied
// when made and again after each ingest and import (so re-ingest and
// re-extraction keep it), exported and imported as a file.
struct Decision {
  int64_t id = 0;      // order in the log, from 1
  std::string at;      // UTC time it was made, "2026-11-30T14:05:00Z"
  DecisionKind kind = DecisionKind::kMerge;
  std::string reason;  // free text; may be empty
  // merge: the entity kept; split: the entity split; rename and reject: the
  // entity (unless `relation` is set).
  EntityRef entity;
  EntityRef other;                     // merge: the entity merged into `entity`
  std::vector<std::string> items;      // split: content hashes of the items whose mentions
                                       // become a new entity
  std::string name;                    // rename: the new name
  std::optional<RelationRef> relation;  // reject of one relation
  int64_t undoes = 0;                  // split: the merge decision it undoes, 0 for none
  bool undone = false;                 // a merge undone by a later split: no longer applied
};

// An input file as the `files` table records it: what a later build compares
// to skip the file when it has not changed.
struct FileRecord {
  std::string path;          // as given to `guanxi build` (Page::path)
  int64_t size = 0;          // bytes
  int64_t mtime_ns = 0;      // modification time, nanoseconds since the epoch
  std::string content_hash;  // FileContentHash of its bytes (file_hash.h), 32 hex digits
  int64_t items = 0;         // items it gave
};

// Row counts of a store, in total and per type.
struct StoreCounts {
  int64_t articles = 0;
  int64_t entities = 0;
  int64_t aliases = 0;
  int64_t relations = 0;
  std::map<graph::EntityType, int64_t> entities_by_type;     // types with no entity absent
  std::map<graph::RelationType, int64_t> relations_by_type;  // likewise
};

// A guanxi database file. Move-only; closing happens on destruction.
//
// Identity rules (graph/README.md, graph/identity/):
// - An item (Article) is identified by its content hash (ContentHash of title
//   and text); ingesting a stored item again adds nothing, except its full
//   date when the stored item has none (stored before full dates existed).
//   An item whose text nearly equals a stored one (identity::IsReprint) is a
//   further source of that article and adds no entity or relation.
// - Events and unresolved shorthand belong to their item; persons of one name
//   are one entity when their evidence agrees (identity::MatchPerson), else
//   two and a candidate pair; other entities of one (type, canonical name)
//   are one entity across items. Aliases of all occurrences accumulate.
// - Relations are unique over all their fields.
// - Decisions (merge, split, rename, reject) override all of the above.
class Store {
 public:
  // Opens or creates the database at `path` and creates its schema
  // (PRAGMA user_version = 4), migrates an older one (graph/README.md says
  // what each version adds; nothing stored is lost), or checks it.
  // Corrupt ("PATH: not a guanxi database (...)") for a file that is not
  // SQLite, or SQLite with another schema or an unknown schema version;
  // IoError if the file cannot be opened or created.
  // IoError "PATH: read-only (...)" when SQLite can open the file for
  // reading only (no permission to write it, its folder or its file system).
  // A PostgreSQL URI ("postgresql://USER@HOST:PORT/DBNAME") opens that
  // database, creating the schema in an empty one (PreparePgSchema):
  // PgConnection::Open's status for a bad or unreachable URI, Corrupt for a
  // database of another schema version. Any number of processes may write
  // it at once; each write transaction waits for the others'.
  static Result<Store> Open(const std::filesystem::path& path);
  // Opens an existing database for reading only (SQLite's read-only mode):
  // never creates or writes it, except that an older schema version is
  // migrated first, as Open does. Corrupt "PATH: not a guanxi database (an
  // empty file)" for an empty file, and as Open for other foreign files;
  // IoError when it cannot be opened. Every write through it fails.
  // A PostgreSQL URI opens that database without writing: NotFound "URI: no
  // guanxi graph here" when it holds none (CheckPgSchema).
  static Result<Store> OpenReadOnly(const std::filesystem::path& path);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::filesystem::path& path() const;

  // Adds `pages` in one transaction: all or nothing, and on error nothing
  // already stored is lost. Within a page, Relation::source and ::target name
  // an Entity::name of the same Article; an unknown name is InvalidInput
  // ("PAGE-PATH: item N "TITLE": relation TYPE names unknown entity "NAME"),
  // checked for every page before anything is written. SQLite failures are
  // IoError/Corrupt/Internal naming the database path.
  // `progress`, if set, is called after each page with (pages_done, pages_total).
  Result<IngestStats> Ingest(const std::vector<graph::Page>& pages,
                             const std::function<void(size_t, size_t)>& progress = {});

  // Starts ingesting items one at a time, committed in batches
  // (ingest_session.h): what `guanxi build` does with an archive too large to
  // hold in memory. The store must outlive the session, and nothing else may
  // write through this Store while it is open. The adapter's status when a
  // setting cannot be made.
  Result<IngestSession> BeginIngest(const IngestOptions& options);

  // Every file recorded by earlier builds, by path.
  Result<std::vector<FileRecord>> Files() const;

  // The live graph, each list ordered by id; aliases in the order first seen.
  // Entities merged into others and rejected ones are left out, and so are
  // rejected relations and those of rejected entities; articles come with
  // their sources. Read in one read transaction: one committed state, even
  // while a build writes. Corrupt for rows naming an unknown entity or
  // relation type.
  Result<graph::GraphData> LoadGraph() const;

  // The same graph's structure only, for whole-graph statistics: entities
  // with their type and name, relations with their type, ends and item; no
  // aliases, mentions, decisions, articles, titles or evidence. A fraction
  // of LoadGraph's time and memory on a large archive.
  Result<graph::GraphData> LoadStructure() const;

  // What the database holds: the totals, and with `by_type` the counts of
  // each entity and relation type too (at 250 MB the relations' by type
  // reads the whole table, a second or more; the totals read indexes).
  enum class CountDetail { kTotals, kByType };
  Result<StoreCounts> Counts(CountDetail detail = CountDetail::kByType) const;

  // Possible same persons between live entities, the pairs with more
  // evidence on both sides first. The evidence itself is in the graph.
  Result<std::vector<CandidateRecord>> Candidates() const;

  // Decisions. Each is logged and applied in one transaction; ids are row ids
  // of the live graph (LoadGraph). InvalidInput for an unknown or hidden id,
  // merging an entity with itself or with another type, splitting an entity
  // by items it is not named in or by all of them, splitting without items
  // an entity no merge made, an empty name.
  // Merge: `other` becomes part of `keep` (its relations, mentions and
  // aliases; its name an alias).
  Result<Decision> Merge(int64_t keep, int64_t other, const std::string& reason);
  // Split: the mentions of `entity` in `article_ids` become a new entity; with
  // no article ids, undoes the latest merge that formed `entity`.
  Result<Decision> Split(int64_t entity, const std::vector<int64_t>& article_ids,
                         const std::string& reason);
  Result<Decision> Rename(int64_t entity, const std::string& name, const std::string& reason);
  // Reject: the entity (with its relations), or one relation, is an
  // extraction error: hidden from LoadGraph, kept in the file.
  Result<Decision> RejectEntity(int64_t entity, const std::string& reason);
  Result<Decision> RejectRelation(int64_t relation, const std::string& reason);

  // The log, oldest first.
  Result<std::vector<Decision>> Decisions() const;
  // Appends the decisions not already in the log (same kind, subject and
  // time) and applies the whole log; returns how many were appended.
  Result<int64_t> ImportDecisions(const std::vector<Decision>& decisions);

 private:
  Store(std::filesystem::path path, std::unique_ptr<Database> database);
  // Open and OpenReadOnly of a postgresql:// URI: the schema made if
  // missing when `write`, else checked.
  static Result<Store> OpenPostgres(std::string_view uri, bool write);
  Result<graph::GraphData> Load(bool structure_only) const;

  std::filesystem::path path_;
  std::unique_ptr<Database> database_;  // never null except after a move
};

}  // namespace guanxi::store
