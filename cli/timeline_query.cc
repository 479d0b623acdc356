#include "cli/timeline_query.h"

#include <algorithm>
#include <utility>

#include "cli/relation_format.h"
#include "cli/relation_records.h"
#include "graph/printed_date.h"

namespace guanxi::cli {
namespace {

// Groups `relations` (all of `entity_id`) into entries and orders each
// entry's relations by date.
std::vector<TimelineEntry> Group(const graph::KnowledgeGraph& graph, int64_t entity_id,
                                 const std::vector<const graph::RelationRecord*>& relations) {
  std::vector<TimelineEntry> entries;
  for (const graph::RelationRecord* relation : relations) {
    const bool outgoing =
        relation->source_id == entity_id || graph::IsSymmetric(relation->type);
    const int64_t other = relation->source_id == entity_id ? relation->target_id
                                                           : relation->source_id;
    auto same = std::find_if(entries.begin(), entries.end(), [&](const TimelineEntry& entry) {
      return entry.type == relation->type && entry.outgoing == outgoing &&
             entry.other_id == other && entry.title == relation->title;
    });
    if (same == entries.end()) {
      same = entries.insert(entries.end(),
                            TimelineEntry{relation->type, outgoing, other, relation->title, {}});
    }
    same->relations.push_back(relation);
  }
  for (TimelineEntry& entry : entries) {
    std::stable_sort(entry.relations.begin(), entry.relations.end(),
                     [&](const graph::RelationRecord* a, const graph::RelationRecord* b) {
                       return DateOrder(graph.FindArticle(a->article_id)) <
                              DateOrder(graph.FindArticle(b->article_id));
                     });
  }
  return entries;
}

auto FirstSeen(const graph::KnowledgeGraph& graph, const TimelineEntry& entry) {
  return DateOrder(graph.FindArticle(entry.relations.front()->article_id));
}

Result<Timeline> Load(index::GraphIndex& index, int64_t entity_id, bool holders_only) {
  std::vector<index::Hop> hops;
  GUANXI_RETURN_IF_ERROR(index.AppendHops(entity_id, hops));
  std::vector<int64_t> relation_ids;
  for (const index::Hop& hop : hops) {
    if (holders_only && (hop.type != graph::RelationType::kHoldsPosition || hop.outgoing)) continue;
    relation_ids.push_back(hop.relation_id);
  }
  Result<graph::KnowledgeGraph> graph = RelationsGraph(index, std::move(relation_ids), {entity_id});
  if (!graph.ok()) return graph.status();
  Timeline timeline{entity_id, std::move(*graph), {}};
  // The relations by id: the order of ties among undated items.
  std::vector<const graph::RelationRecord*> relations = timeline.graph.RelationsOf(entity_id);
  std::sort(relations.begin(), relations.end(),
            [](const auto* a, const auto* b) { return a->id < b->id; });
  timeline.entries = Group(timeline.graph, entity_id, relations);
  return timeline;
}

}  // namespace

Result<Timeline> BuildTimeline(index::GraphIndex& index, int64_t entity_id) {
  Result<Timeline> timeline = Load(index, entity_id, false);
  if (!timeline.ok()) return timeline.status();
  const graph::KnowledgeGraph& graph = timeline->graph;
  std::stable_sort(timeline->entries.begin(), timeline->entries.end(),
                   [&](const TimelineEntry& a, const TimelineEntry& b) {
                     return FirstSeen(graph, a) < FirstSeen(graph, b);
                   });
  return timeline;
}

Result<Timeline> BuildHolders(index::GraphIndex& index, int64_t body_id, std::string_view title) {
  Result<Timeline> holders = Load(index, body_id, true);
  if (!holders.ok()) return holders.status();
  const graph::KnowledgeGraph& graph = holders->graph;
  std::vector<TimelineEntry>& entries = holders->entries;
  if (!title.empty()) {
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const TimelineEntry& entry) { return entry.title != title; }),
                  entries.end());
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const TimelineEntry& a, const TimelineEntry& b) {
                     if (a.title != b.title) return a.title < b.title;
                     return FirstSeen(graph, a) < FirstSeen(graph, b);
                   });
  return holders;
}

std::vector<std::string> TitlesOf(const Timeline& holders) {
  std::vector<std::string> titles;
  for (const TimelineEntry& entry : holders.entries) {
    if (std::find(titles.begin(), titles.end(), entry.title) == titles.end()) {
      titles.push_back(entry.title);
    }
  }
  return titles;
}

std::string SeenRange(const graph::KnowledgeGraph& graph, const TimelineEntry& entry) {
  const std::string first = DisplayDate(graph.FindArticle(entry.relations.front()->article_id));
  const std::string last = DisplayDate(graph.FindArticle(entry.relations.back()->article_id));
  if (first == last) return first.empty() ? "undated" : first;
  return (first.empty() ? "undated" : first) + " … " + (last.empty() ? "undated" : last);
}

nlohmann::json TimelineJson(const Timeline& timeline) {
  const graph::KnowledgeGraph& graph = timeline.graph;
  nlohmann::json entries = nlohmann::json::array();
  for (const TimelineEntry& entry : timeline.entries) {
    const graph::ArticleRecord* first = graph.FindArticle(entry.relations.front()->article_id);
    const graph::ArticleRecord* last = graph.FindArticle(entry.relations.back()->article_id);
    std::optional<graph::PartialDate> date =
        first ? graph::ItemDate(first->date, first->full_date) : std::nullopt;
    nlohmann::json evidence = nlohmann::json::array();
    std::vector<int64_t> items;
    for (const graph::RelationRecord* relation : entry.relations) {
      nlohmann::json one = RelationJson(graph, *relation);
      if (const graph::ArticleRecord* article = graph.FindArticle(relation->article_id)) {
        one["article"] = ItemJson(*article);
      }
      evidence.push_back(std::move(one));
      if (std::find(items.begin(), items.end(), relation->article_id) == items.end()) {
        items.push_back(relation->article_id);
      }
    }
    const graph::EntityRecord* other = graph.FindEntity(entry.other_id);
    entries.push_back({{"type", graph::ToString(entry.type)},
                       {"verb", graph::Verb(entry.type)},
                       {"direction", entry.outgoing ? "out" : "in"},
                       {"other", other ? EntityJson(*other) : nlohmann::json(nullptr)},
                       {"title", entry.title},
                       {"first_seen", DisplayDate(first)},
                       {"last_seen", DisplayDate(last)},
                       {"year_known", date && date->year.has_value()},
                       {"items", items.size()},
                       {"evidence", std::move(evidence)}});
  }
  const graph::EntityRecord* entity = graph.FindEntity(timeline.entity_id);
  return {{"entity", entity ? EntityJson(*entity) : nlohmann::json(nullptr)},
          {"entries", std::move(entries)}};
}

}  // namespace guanxi::cli
