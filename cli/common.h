#pragma once

// What several subcommands share: the --db option, opening the store and
// loading the graph, resolving a name the user typed to one entity, and
// turning a Status into an error line and an exit code.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cli/query_options.h"
#include "graph/index/graph_index.h"
#include "graph/index/region.h"
#include "graph/knowledge_graph.h"
#include "graph/path_filter.h"
#include "graph/status.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::cli {

inline constexpr char kDefaultDatabase[] = "guanxi.db";

// Exit codes of every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitInternal = 2;

// Declares `--db FILE` on `command`, bound to `database`.
void AddDatabaseOption(CLI::App& command, std::string& database);

// Declares `--encoding NAME` on `command` (read every page in NAME instead
// of detecting its encoding), bound to `encoding`; the command checks the
// name with extract::CanonicalEncoding.
void AddEncodingOption(CLI::App& command, std::string& encoding);

// Prints "guanxi: <status>" to stderr and returns the exit code it calls for.
int ReportError(const Status& status);

// What a command does with the database: reading commands open it
// read-only (store::Store::OpenReadOnly), writing ones refuse a database
// they may not write before any work (store::Store::Open).
enum class Access { kRead, kWrite };

// Opens an existing database: a file (NotFound naming it when there is
// none: no command but build creates a database), or a postgresql:// URI,
// read and written in place (Store::OpenReadOnly, Store::Open).
Result<store::Store> OpenExistingStore(const std::string& database, Access access);

// Opens the database and loads the whole graph. Only for commands that use
// all of it (stats, whole-graph exports, decisions); queries use OpenIndex.
Result<graph::KnowledgeGraph> LoadGraph(const std::string& database);

// Opens an existing database's query index (graph/index/), read-only (a
// postgresql:// URI read in place): NotFound as OpenExistingStore. A database of an older schema
// version is migrated first (Store::Open, as every command used to), and a file that is not a
// guanxi database gets Store::Open's message.
Result<index::GraphIndex> OpenIndex(const std::string& database);

// The most entities a neighbourhood query loads unless --limit says
// otherwise: a hub with tens of thousands of relations would pull in most of
// a large graph. A busy person of a 250 MB archive has about 2,400 entities
// within one or two hops (graph/index/README.md): the limit stays well above.
inline constexpr std::size_t kMaxNeighbourhood = 10000;

// index::FindNeighbourhood, with InvalidInput naming the centre and the hub
// when more than `limit` (0: no limit) entities are within reach.
Result<index::NeighbourhoodRegion> LimitedNeighbourhood(index::GraphIndex& index, int64_t centre,
                                                        int depth, const graph::PathFilter& filter,
                                                        std::size_t limit, bool with_relations);

// The graph of `data` with every record completed (GraphIndex::Complete):
// what a command prints from.
Result<graph::KnowledgeGraph> Completed(index::GraphIndex& index, graph::GraphData data,
                                        index::EntityDetail detail);

// MakeFilter with --exclude names resolved through the index.
Result<graph::PathFilter> MakeFilter(index::GraphIndex& index, const FilterOptions& options);

// Select (query_options.h) through the index: --around loads the
// neighbourhood (at most `limit` entities), --path the shortest path; only
// --all, or no selection, loads the whole graph.
Result<Selection> Select(index::GraphIndex& index, const std::string& database,
                         const SelectionOptions& options, std::size_t limit);

// An existing database opened for a decision, with the live graph it holds
// now (names resolve against it; Store ids are its ids).
struct StoreAndGraph {
  store::Store store;
  graph::KnowledgeGraph graph;
};
Result<StoreAndGraph> OpenStoreAndGraph(const std::string& database, Access access);

// The one entity called `name` (canonical name or alias). NotFound with
// near names as suggestions when there is none; InvalidInput listing the
// candidates with their types, ids and where they come from when the name is
// ambiguous. A name may be written "type:name" ("person:王明") or "#ID" to
// pick among same-named entities.
Result<int64_t> ResolveEntity(const graph::KnowledgeGraph& graph, std::string_view name);

// The same through the query index, with the same answers and messages.
Result<int64_t> ResolveEntity(index::GraphIndex& index, std::string_view name);

// As ResolveEntity, except that a name whose every entity is unresolved
// shorthand kept to its item (县委 in several items) gives all of them, by
// ascending id, rather than InvalidInput: each is a different body, and each
// is shown. Otherwise one id.
Result<std::vector<int64_t>> ResolveEntities(const graph::KnowledgeGraph& graph,
                                             std::string_view name);
Result<std::vector<int64_t>> ResolveEntities(index::GraphIndex& index, std::string_view name);

// Where an entity comes from, to tell same-named ones apart: "in \"TITLE\"
// DATE, PATH" of its item (or first item), or "no items".
std::string Context(const graph::KnowledgeGraph& graph, int64_t id);

// When `status` (from ResolveEntity) is NotFound and the database's log holds
// a reject of an entity called `name`, the same status with the decision
// added ("rejected by decision 4: not a body"); `status` otherwise.
Status ExplainRejected(const std::string& database, std::string_view name, Status status);

// "name (type)" for messages.
std::string Describe(const graph::EntityRecord& entity);

// Writes a progress line to stderr when it is a terminal; nothing otherwise.
class ProgressLine {
 public:
  explicit ProgressLine(std::string_view label);
  ~ProgressLine();
  void Update(std::size_t done, std::size_t total);

 private:
  std::string label_;
  bool enabled_;
  bool shown_ = false;
};

}  // namespace guanxi::cli
