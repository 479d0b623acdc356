#pragma once

// guanxi timeline and holders (and /api/timeline, /api/holders): an entity's
// relations grouped and put in date order by their items' dates.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/index/graph_index.h"
#include "graph/knowledge_graph.h"
#include "graph/status.h"

namespace guanxi::cli {

// Relations of one type between the entity and one other entity, seen from
// the entity, with one post title: a post held over several items is one
// entry with its first and last sighting.
struct TimelineEntry {
  graph::RelationType type = graph::RelationType::kAttended;
  bool outgoing = true;  // the entity is the relation's source (always for symmetric types)
  int64_t other_id = 0;
  std::string title;  // the post, for holds_position
  std::vector<const graph::RelationRecord*> relations;  // by DateOrder: first and last seen
};

struct Timeline {
  int64_t entity_id = 0;
  graph::KnowledgeGraph graph;  // the relations, both ends and their items
  std::vector<TimelineEntry> entries;  // by the date each was first seen
};

// Every live relation of `entity_id` (events attended and chaired, posts,
// signings, and the rest) as entries in date order. The index's status on
// failure.
Result<Timeline> BuildTimeline(index::GraphIndex& index, int64_t entity_id);

// Who held which post in the body `body_id`: its incoming holds_position
// relations, one entry per person and title, by title and then first seen.
// With `title` not empty, only posts of exactly that title.
Result<Timeline> BuildHolders(index::GraphIndex& index, int64_t body_id, std::string_view title);

// The post titles held in the body (for a message when --title matched none).
std::vector<std::string> TitlesOf(const Timeline& holders);

// {entity, entries: [{type, verb, direction ("out"/"in"), other, title,
// first_seen, last_seen (the item's date as DisplayDate, "" when undated),
// year_known (of the first sighting), items (how many), evidence: [relation
// as in path --json, with the item's outlet]}]}.
nlohmann::json TimelineJson(const Timeline& timeline);

// One entry's sighting dates: "2024-03-20" or "2024-03-20 … 3月25日".
std::string SeenRange(const graph::KnowledgeGraph& graph, const TimelineEntry& entry);

}  // namespace guanxi::cli
