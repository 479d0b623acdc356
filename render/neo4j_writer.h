#pragma once

// The graph as the two CSV files of Neo4j's offline importer (`neo4j-admin
// database import full`): a node file and a relationship file with Neo4j's
// typed headers. Columns, quoting and the import command are described once,
// in render/README.md ("Neo4j import files").

#include <ostream>
#include <string>
#include <string_view>

#include "graph/graph_data.h"
#include "graph/status.h"

namespace guanxi::render {

// The header rows, exactly as written (without the row end).
inline constexpr std::string_view kNeo4jNodeHeader =
    "entity_id:ID,name,type,aliases:string[],unresolved:boolean,:LABEL";
inline constexpr std::string_view kNeo4jRelationshipHeader =
    ":START_ID,:END_ID,:TYPE,relation_id:long,relation,title,sentence,char_begin:long,"
    "char_end:long,article_id:long,article,article_path,date,full_date";

// A node's label: its entity type with a capital ("Person", "Institution").
std::string Neo4jLabel(graph::EntityType type);
// A relationship's type: its relation type in capitals ("HOLDS_POSITION").
std::string Neo4jType(graph::RelationType type);

// Writes `data` as UTF-8 CSV (RFC 4180 quoting, no formula neutralising,
// CRLF row ends): `nodes_csv` gets a row per entity, `relationships_csv` a
// row per relation (one evidence each), each after its header row. Returns
// InvalidInput when a relation names an entity missing from `data` (then
// nothing is written). Write errors are left in the streams' state, for the
// caller that owns the files.
Status WriteNeo4jCsv(const graph::GraphData& data, std::ostream& nodes_csv,
                     std::ostream& relationships_csv);

}  // namespace guanxi::render
