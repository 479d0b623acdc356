#pragma once

// The graph as two CSV tables, nodes and edges, for spreadsheets, pandas and
// database loaders. Columns and quoting are described once, in
// render/README.md.

#include <filesystem>
#include <string>
#include <string_view>

#include "graph/graph_data.h"
#include "graph/status.h"

namespace guanxi::render {

// Writes `data` as two UTF-8 CSV files (RFC 4180, no byte-order mark, CRLF
// row ends), replacing them: `nodes_csv` with a row per entity and
// `edges_csv` with a row per relation, each after a header row. Returns
// InvalidInput when a relation names an entity missing from `data` (then
// neither file is touched), IoError naming the file that cannot be written.
Status WriteCsv(const graph::GraphData& data, const std::filesystem::path& nodes_csv,
                const std::filesystem::path& edges_csv);

// One CSV field as RFC 4180 writes it: unchanged unless it holds a comma, a
// double quote, CR or LF, else enclosed in double quotes with every double
// quote doubled.
std::string CsvField(std::string_view text);

}  // namespace guanxi::render
