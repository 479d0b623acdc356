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

struct EntityRecord {
  int64_t id = 0;
  EntityType type = EntityType::kPerson;
  std::string name;                  // canonical name
  std::vector<std::string> aliases;  // other names seen for it, without `name`
};

struct ArticleRecord {
  int64_t id = 0;
  std::string path;   // file the item came from, as given to `guanxi build`
  std::string title;  // main headline
  std::string date;   // event date as written; may be empty
  std::string full_date{};  // the same as "YYYY-MM-DD" (Article::full_date); may be empty
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
