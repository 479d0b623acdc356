#pragma once

// How identity decisions and provenance read on a terminal, shared by the
// decision commands (merge, split, rename, reject, decisions), candidates,
// show and path.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "graph/graph_data.h"
#include "graph/knowledge_graph.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::cli {

// Declares `--reason TEXT` on `command`, bound to `reason`.
void AddReasonOption(CLI::App& command, std::string& reason);

// "merged by decision 3: same man, moved from 峡江 to 新干" (the reason left
// out when empty; in brackets instead when `bracket_reason`); "split off by",
// "renamed by", "rejected by" for the others.
std::string IdentityNote(const graph::DecisionNote& note, bool bracket_reason = false);

// "罗勇 (person)": an entity as a decision names it.
std::string DescribeRef(const store::EntityRef& ref);

// What a decision is about, on one line: "罗勇 (person) ← 罗勇 (person)" for a
// merge (kept ← merged), "罗勇 (person) by 2 items" for a split, "罗永 (person)
// → 罗勇" for a rename, "县委 (institution)" or "relation attended 王明 → 会议"
// for a reject; a split that undoes a merge says "undoes decision 3".
std::string DescribeSubject(const store::Decision& decision);

// For unresolved shorthand (EntityRecord::unresolved): "unresolved: no place
// resolves this name; kept to its item 5 「TITLE」 DATE, PATH". Empty otherwise.
std::string UnresolvedNote(const graph::KnowledgeGraph& graph, const graph::EntityRecord& entity);

// An item as one line: "「TITLE」 DATE, PATH" (date left out when none).
std::string ArticleLine(const graph::ArticleRecord& article);

// Every publication of an item with several sources: "PATH item N (OUTLET)
// 「TITLE there」", joined by "; ". Empty when the item has one source.
std::string SourcesLine(const graph::ArticleRecord& article);

// The command a user types to run `verb` on the named entities: "guanxi merge
// '#12' '#40'", with "--db FILE" when `database` is not the default one.
std::string CommandLine(std::string_view verb, std::string_view arguments,
                        const std::string& database);

// Single-quotes `text` for a POSIX shell when it needs quoting ('#12' does).
std::string ShellWord(std::string_view text);

// An entity after a decision, on one line: "罗勇 (person) #12: 3 items, 5
// relations; aliases 罗永".
std::string EntitySummary(const graph::KnowledgeGraph& graph, const graph::EntityRecord& entity);

// The entities of `after` that `before` does not have, by ascending id: what a
// split or an undone merge has just made (or brought back).
std::vector<const graph::EntityRecord*> NewEntities(const graph::KnowledgeGraph& before,
                                                    const graph::KnowledgeGraph& after);

}  // namespace guanxi::cli
