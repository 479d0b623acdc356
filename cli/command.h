#pragma once

// The subcommand table of the `guanxi` executable. Each subcommand lives in
// its own cmd_<name>.cc: it declares its options on the CLI11 sub-app it is
// given and returns the function that runs it once argv has been parsed.

#include <functional>
#include <string_view>

#include <CLI/CLI.hpp>

namespace guanxi::cli {

// Runs a parsed subcommand; returns the process exit code
// (0 ok, 1 bad input or data, 2 internal error).
using RunFunction = std::function<int()>;

struct CommandSpec {
  std::string_view name;
  std::string_view help;
  RunFunction (*add)(CLI::App& command);
};

RunFunction AddBuildCommand(CLI::App& command);
RunFunction AddExtractCommand(CLI::App& command);
RunFunction AddShowCommand(CLI::App& command);
RunFunction AddSearchCommand(CLI::App& command);
RunFunction AddPathCommand(CLI::App& command);
RunFunction AddNeighborsCommand(CLI::App& command);
RunFunction AddRenderCommand(CLI::App& command);
RunFunction AddExportCommand(CLI::App& command);
RunFunction AddStatsCommand(CLI::App& command);
RunFunction AddCandidatesCommand(CLI::App& command);
RunFunction AddMergeCommand(CLI::App& command);
RunFunction AddSplitCommand(CLI::App& command);
RunFunction AddRenameCommand(CLI::App& command);
RunFunction AddRejectCommand(CLI::App& command);
RunFunction AddDecisionsCommand(CLI::App& command);
RunFunction AddGrepCommand(CLI::App& command);
RunFunction AddTimelineCommand(CLI::App& command);
RunFunction AddHoldersCommand(CLI::App& command);
RunFunction AddServeCommand(CLI::App& command);
RunFunction AddCopyCommand(CLI::App& command);

inline constexpr CommandSpec kCommands[] = {
    {"build", "Extract articles from files or folders and add them to the database",
     &AddBuildCommand},
    {"extract", "Extract one page and print its items, entities and relations",
     &AddExtractCommand},
    {"show", "Show an entity: type, aliases, posts and relations with evidence",
     &AddShowCommand},
    {"search", "Find entities by name, alias, part of a name or pinyin", &AddSearchCommand},
    {"path", "Shortest connection between two entities, with the evidence of each hop",
     &AddPathCommand},
    {"neighbors", "Entities within N hops of one entity", &AddNeighborsCommand},
    {"grep", "Stored sentences of evidence that contain a text, with their entities",
     &AddGrepCommand},
    {"timeline", "An entity's events, posts and signings in date order", &AddTimelineCommand},
    {"holders", "Who held which post in a body, first and last seen, with evidence",
     &AddHoldersCommand},
    {"serve", "Serve the JSON API on 127.0.0.1 (read-only)", &AddServeCommand},
    {"render", "Draw a neighbourhood, a path or the whole graph as DOT, SVG or PNG", &AddRenderCommand},
    {"export", "Export the graph or a part of it as GraphML, CSV, JSON or Neo4j import files",
     &AddExportCommand},
    {"stats", "Counts by type and the entities with the most contacts", &AddStatsCommand},
    {"candidates", "Possible same persons (one name, evidence apart), for merge or not",
     &AddCandidatesCommand},
    {"merge", "Decide that A and B are one entity (B becomes part of A)", &AddMergeCommand},
    {"split", "Undo the merge that formed A, or split off its mentions in some items",
     &AddSplitCommand},
    {"rename", "Give an entity another canonical name (the old one stays an alias)",
     &AddRenameCommand},
    {"reject", "Hide an entity or one relation that extraction got wrong", &AddRejectCommand},
    {"decisions", "List, export or import the decisions on identity", &AddDecisionsCommand},
    {"copy", "Copy the graph between a database file and PostgreSQL (postgresql://...)",
     &AddCopyCommand},
};

}  // namespace guanxi::cli
