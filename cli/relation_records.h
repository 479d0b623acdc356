#pragma once

// Loading the records a list of relations prints from, through the query
// index, and ordering them by their items' dates: shared by grep, timeline,
// holders and the server.

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/index/graph_index.h"
#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace guanxi::cli {

// The graph of the live relations among `relation_ids` with both their ends
// and `entity_ids` (names, aliases, decisions: EntityDetail::kCard) and
// their items (with sources). Ids of nothing live are left out. The index's
// status on failure.
Result<graph::KnowledgeGraph> RelationsGraph(index::GraphIndex& index,
                                             std::vector<int64_t> relation_ids,
                                             std::vector<int64_t> entity_ids);

// Where an item falls in date order: by year where the page gave one, items
// with only a month and day by that (as year 0, before dated years), undated
// items last; item id breaks ties.
std::tuple<bool, int, int, int, int64_t> DateOrder(const graph::ArticleRecord* article);

// The item's date as printed on a timeline: the full date where the page
// gave a year ("2024-03-20"), else the printed date ("3月20日"), else "".
std::string DisplayDate(const graph::ArticleRecord* article);

// The item as JSON: id, title, date, full_date, outlet, path.
nlohmann::json ItemJson(const graph::ArticleRecord& article);

}  // namespace guanxi::cli
