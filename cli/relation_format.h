#pragma once

// How relations read on a terminal and in --json output, shared by show and path.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "graph/knowledge_graph.h"

namespace guanxi::cli {

// One hop seen from `from_id`: "常晓勇 —出席→ 签约仪式" or, walked against the
// relation's direction, "签约仪式 ←出席— 常晓勇". A post title follows the verb.
std::string HopLine(const graph::KnowledgeGraph& graph, const graph::RelationRecord& relation,
                    int64_t from_id);

// The evidence of a relation on one line: 「sentence」 — item title, date, file.
std::string EvidenceLine(const graph::KnowledgeGraph& graph,
                         const graph::RelationRecord& relation);

// The relation as JSON: id, type, source and target (names), source_id and
// target_id, title, article (title, date, path), evidence.
nlohmann::json RelationJson(const graph::KnowledgeGraph& graph,
                            const graph::RelationRecord& relation);

// The entity as JSON: id, type, name, aliases, unresolved (shorthand kept to
// its item) and decisions (the decisions that shaped its identity: decision
// id, action, reason).
nlohmann::json EntityJson(const graph::EntityRecord& entity);

}  // namespace guanxi::cli
