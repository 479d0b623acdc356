#pragma once

// The data `guanxi render --format html` embeds in its page: a selection in
// the shapes of the API (cli/query_json.h), for app.js to draw without a
// server. Described in render/README.md ("HTML page").

#include <nlohmann/json.hpp>

#include "cli/query_options.h"

namespace guanxi::cli {

// {title, kind ("path", "around" or "all"), highlight (entity ids), path
// ({nodes, edges}: ids in hop order, or null), entities (as search --json),
// relations (as path --json, each article with its outlet and full_date
// too)}. Relations and entities in the selection's order.
nlohmann::json PageDataJson(const Selection& selection, const SelectionOptions& options);

}  // namespace guanxi::cli
