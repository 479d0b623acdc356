#pragma once

// guanxi grep and /api/grep: the stored sentences that contain a text, each
// with its item and the entities and relations it states.

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "graph/index/graph_index.h"
#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace guanxi::cli {

struct GrepResult {
  index::EvidenceMatches found;
  graph::KnowledgeGraph graph;  // the matches' relations, their ends and items
};

// GraphIndex::FindEvidence(text, limit) with the records to print.
// InvalidInput for an empty text; the index's status otherwise.
Result<GrepResult> Grep(index::GraphIndex& index, std::string_view text, std::size_t limit);

// {query, total, shown, scanned, hits: [{sentence, char_begin, char_end,
// item: {id, title, date, full_date, outlet, path}, entities: [entity as in
// search --json], relations: [relation as in path --json]}]}.
nlohmann::json GrepJson(const GrepResult& result, std::string_view text);

}  // namespace guanxi::cli
