#pragma once

// The graph as two CSV tables, nodes and edges, for spreadsheets, pandas and
// database loaders. Columns and quoting are described once, in
// render/README.md.

#include <ostream>
#include <string>
#include <string_view>

#include "graph/graph_data.h"
#include "graph/status.h"

namespace guanxi::render {

// Writes `data` as two UTF-8 CSV tables (RFC 4180, no byte-order mark, CRLF
// row ends): `nodes_csv` gets a row per entity and `edges_csv` a row per
// relation, each after a header row. Returns InvalidInput when a relation
// names an entity missing from `data` (then nothing is written). Write
// errors are left in the streams' state, for the caller that owns the files.
Status WriteCsv(const graph::GraphData& data, std::ostream& nodes_csv, std::ostream& edges_csv);

// One CSV field as RFC 4180 writes it: unchanged unless it holds a comma, a
// double quote, CR or LF, else enclosed in double quotes with every double
// quote doubled. A field starting with =, +, -, @, tab or CR, which a
// spreadsheet would run as a formula, gets a leading ' first (OWASP, "CSV
// injection"; render/README.md).
std::string CsvField(std::string_view text);

// RFC 4180 quoting alone, for readers that are not spreadsheets (Neo4j's
// importer): `text` enclosed in double quotes with every double quote doubled
// when it holds a comma, a double quote, CR or LF; unchanged otherwise.
std::string CsvQuoted(std::string_view text);

}  // namespace guanxi::render
