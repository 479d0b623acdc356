#pragma once

// What several subcommands share: the --db option, opening the store and
// loading the graph, resolving a name the user typed to one entity, and
// turning a Status into an error line and an exit code.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "graph/knowledge_graph.h"
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

// Prints "guanxi: <status>" to stderr and returns the exit code it calls for.
int ReportError(const Status& status);

// Opens an existing database for reading: NotFound naming the file when there
// is none (reading never creates an empty database by accident).
Result<store::Store> OpenExistingStore(const std::string& database);

// Opens the database and loads the whole graph.
Result<graph::KnowledgeGraph> LoadGraph(const std::string& database);

// An existing database opened for a decision, with the live graph it holds
// now (names resolve against it; Store ids are its ids).
struct StoreAndGraph {
  store::Store store;
  graph::KnowledgeGraph graph;
};
Result<StoreAndGraph> OpenStoreAndGraph(const std::string& database);

// The one entity called `name` (canonical name or alias). NotFound with
// near names as suggestions when there is none; InvalidInput listing the
// candidates with their types, ids and where they come from when the name is
// ambiguous. A name may be written "type:name" ("person:王明") or "#ID" to
// pick among same-named entities.
Result<int64_t> ResolveEntity(const graph::KnowledgeGraph& graph, std::string_view name);

// As ResolveEntity, except that a name whose every entity is unresolved
// shorthand kept to its item (县委 in several items) gives all of them, by
// ascending id, rather than InvalidInput: each is a different body, and each
// is shown. Otherwise one id.
Result<std::vector<int64_t>> ResolveEntities(const graph::KnowledgeGraph& graph,
                                             std::string_view name);

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
