#pragma once

// The stored graph as plain records: what the SQLite store loads, what the
// Boost.Graph model is built from, and what a selection (a path, a
// neighbourhood, the whole graph) hands to the renderers and exporters.
// Ids are the store's row ids; they are stable for the life of a database.

#include <cstdint>
#include <string>
#include <vector>

#include "graph/model.h"

namespace guanxi::graph {

// A decision of a person (merge, split, rename, reject) that shaped an entity.
struct DecisionNote {
  int64_t decision_id = 0;
  std::string action;  // "merge", "split", "rename"
  std::string reason;  // as the person gave it; may be empty
};

struct EntityRecord {
  int64_t id = 0;
  EntityType type = EntityType::kPerson;
  std::string name;                  // canonical name (a rename decision's, if any)
  std::vector<std::string> aliases;  // other names seen for it, without `name`
  // Events and unresolved shorthand (县委 with no place, 我校): the one item
  // they belong to (ArticleRecord::id); 0 for entities of the whole graph.
  int64_t item_id = 0;
  bool unresolved = false;             // shorthand kept to its item (graph/identity)
  std::vector<int64_t> article_ids{};  // every item that names it, ascending: its provenance
  std::vector<DecisionNote> decisions{};  // decisions that made its identity, oldest first
};

// One publication of an item: the first, and each reprint folded into it.
struct SourceRecord {
  std::string path;      // file, as given to `guanxi build`
  int64_t item_index = 0;  // 0-based position of the item in that file
  std::string outlet;    // who published it (Article::outlet); may be empty
  std::string title;     // its headline there
  double similarity = 1;  // to the stored text (graph/identity/reprint.h); 1 for the first
};

struct ArticleRecord {
  int64_t id = 0;
  std::string path;   // file the item came from, as given to `guanxi build`
  std::string title;  // main headline
  std::string date;   // event date as written; may be empty
  std::string full_date{};  // the same as "YYYY-MM-DD" (Article::full_date); may be empty
  std::string outlet{};     // who published it first (Article::outlet); may be empty
  std::string place{};      // the division it is about (Article::place); may be empty
  std::vector<SourceRecord> sources{};  // every publication, the first first; empty if not loaded
};

struct RelationRecord {
  int64_t id = 0;
  RelationType type = RelationType::kAttended;
  int64_t source_id = 0;  // EntityRecord::id
  int64_t target_id = 0;  // EntityRecord::id
  std::string title;      // post title for holds_position, else empty
  int64_t article_id = 0;  // ArticleRecord::id of the item that states it
  Evidence evidence;
};

// A self-contained piece of the graph: every relation's endpoints and article
// are among `entities` and `articles`.
struct GraphData {
  std::vector<EntityRecord> entities;
  std::vector<ArticleRecord> articles;
  std::vector<RelationRecord> relations;
};

}  // namespace guanxi::graph
