#pragma once

// The JSON answers of the query commands, as `--json` prints them, for the
// commands and for `guanxi serve` (cli/api_server.h), which answers the same.
// Each is defined in its command's cmd_<name>.cc. Errors as the command
// reports them (NotFound for an unknown name, InvalidInput for an ambiguous
// one or a neighbourhood over `limit`); the index's status otherwise.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "graph/index/graph_index.h"
#include "graph/path_filter.h"
#include "graph/status.h"

namespace guanxi::cli {

// show NAME --json: one card, or an array of cards for unresolved shorthand.
Result<nlohmann::json> ShowQueryJson(index::GraphIndex& index, std::string_view name);

// search TEXT --json: the hits, best first, at most `limit`.
Result<nlohmann::json> SearchQueryJson(index::GraphIndex& index, std::string_view query,
                                       std::size_t limit);

// path A B --json: the shortest path (every one with `all`, the `k` shortest
// simple ones with k > 0) between two entities under `filter`.
Result<nlohmann::json> PathQueryJson(index::GraphIndex& index, int64_t from, int64_t to,
                                     const graph::PathFilter& filter, bool all, std::size_t k);

// neighbors NAME --json: the entities within `depth` hops of `centre` and
// the relations among them, at most `limit` entities (0: no limit).
Result<nlohmann::json> NeighborsQueryJson(index::GraphIndex& index, int64_t centre, int depth,
                                          const graph::PathFilter& filter, std::size_t limit);

}  // namespace guanxi::cli
