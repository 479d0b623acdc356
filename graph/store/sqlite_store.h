#pragma once

// The persistent graph: news items, their entities and relations in one
// SQLite file (schema in graph/README.md). Building the graph is ingesting
// pages into a Store; exploring it is LoadGraph into a KnowledgeGraph.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "graph/graph_data.h"
#include "graph/model.h"
#include "graph/status.h"

namespace guanxi::store {

class Database;  // the SQLite adapter, graph/store/sqlite_db.h

// What one Ingest call added.
struct IngestStats {
  int64_t articles_added = 0;
  int64_t articles_unchanged = 0;  // items whose content hash was already stored
  int64_t entities_added = 0;      // new entity rows (a known entity is not counted)
  int64_t relations_added = 0;
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
// Identity rules:
// - An item (Article) is identified by its content hash (ContentHash of title
//   and text); ingesting a stored item again adds nothing, except its full
//   date when the stored item has none (stored before full dates existed).
// - Entities of any article with the same (type, canonical name) are one
//   entity, except events: an event belongs to its item, so two items'
//   "会议" are two entities. Aliases of all occurrences accumulate.
// - Relations are unique over all their fields.
class Store {
 public:
  // Opens or creates the database at `path` and creates its schema
  // (PRAGMA user_version = 2), migrates a version-1 database (adding each
  // item's full date, empty for the items already stored), or checks it.
  // Corrupt ("PATH: not a guanxi database (...)") for a file that is not
  // SQLite, or SQLite with another schema or an unknown schema version;
  // IoError if the file cannot be opened or created.
  static Result<Store> Open(const std::filesystem::path& path);

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

  // Everything stored, each list ordered by id; aliases in the order first seen.
  // Corrupt for rows naming an unknown entity or relation type.
  Result<graph::GraphData> LoadGraph() const;

  Result<StoreCounts> Counts() const;

 private:
  Store(std::filesystem::path path, std::unique_ptr<Database> database);

  std::filesystem::path path_;
  std::unique_ptr<Database> database_;  // never null except after a move
};

}  // namespace guanxi::store
