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

// The one entity called `name` (canonical name or alias). NotFound with
// near names as suggestions when there is none; InvalidInput listing the
// candidates with their types, ids and where they come from when the name is
// ambiguous. A name may be written "type:name" ("person:王明") or "#ID" to
// pick among same-named entities.
Result<int64_t> ResolveEntity(const graph::KnowledgeGraph& graph, std::string_view name);

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
