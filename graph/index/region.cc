// The searches behind region.h. Why each region gives the whole graph's
// answer is argued in graph/index/README.md; the comments here say which
// step each argument needs.

#include "graph/index/region.h"

#include <algorithm>
#include <array>
#include <climits>
#include <deque>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

namespace guanxi::index {
namespace {

using graph::ConnectionPath;
using graph::EntityType;
using graph::GraphData;
using graph::PathFilter;
using graph::RelationType;

// A region bound meaning "every entity on some walk, however long".
constexpr int kAll = INT_MAX / 4;

// PathFilter over the index: which relations may be followed and which
// entities passed through (graph/path_query.cc RelationAdmission and
// PathSearch::MayEnter/MayLeave), with what it read cached.
class Walker {
 public:
  Walker(GraphIndex& index, const PathFilter& filter) : index_(index), filter_(filter) {
    type_allowed_.fill(filter.relation_types.empty());
    for (RelationType type : filter.relation_types) type_allowed_[static_cast<size_t>(type)] = true;
    via_allowed_.fill(filter.via_types.empty());
    for (EntityType type : filter.via_types) via_allowed_[static_cast<size_t>(type)] = true;
    excluded_.insert(filter.excluded_ids.begin(), filter.excluded_ids.end());
  }

  GraphIndex& index() { return index_; }
  bool dated() const { return filter_.since || filter_.until; }

  // The admissible relations of `id` (a relation with itself included), read
  // once per query.
  Result<const std::vector<Hop>*> HopsOf(int64_t id) {
    if (const auto found = hops_.find(id); found != hops_.end()) return &found->second;
    std::vector<Hop> all;
    GUANXI_RETURN_IF_ERROR(index_.AppendHops(id, all));
    if (filter_.relation_types.empty() && !dated()) {
      return &hops_.emplace(id, std::move(all)).first->second;
    }
    std::vector<Hop> admitted;
    admitted.reserve(all.size());
    for (const Hop& hop : all) {
      Result<bool> admits = Admits(hop);
      if (!admits.ok()) return admits.status();
      if (*admits) admitted.push_back(hop);
    }
    return &hops_.emplace(id, std::move(admitted)).first->second;
  }
  // The hops read so far for `id`, or nullptr.
  const std::vector<Hop>* CachedHops(int64_t id) const {
    const auto found = hops_.find(id);
    return found == hops_.end() ? nullptr : &found->second;
  }
  const std::unordered_map<int64_t, std::vector<Hop>>& cache() const { return hops_; }

  bool Excluded(int64_t id) const { return excluded_.count(id) != 0; }

  // Whether a walk may pass through `id`: not excluded, and of a via type.
  Result<bool> Passable(int64_t id) {
    if (Excluded(id)) return false;
    if (filter_.via_types.empty()) return true;
    if (const auto found = via_ok_.find(id); found != via_ok_.end()) return found->second;
    Result<std::optional<EntityType>> type = index_.TypeOf(id);
    if (!type.ok()) return type.status();
    const bool ok = *type && via_allowed_[static_cast<size_t>(**type)];
    via_ok_.emplace(id, ok);
    return ok;
  }

 private:
  Result<bool> Admits(const Hop& hop) {
    if (!type_allowed_[static_cast<size_t>(hop.type)]) return false;
    if (!dated()) return true;
    auto found = dates_.find(hop.article_id);
    if (found == dates_.end()) {
      Result<std::optional<graph::PartialDate>> date = index_.ItemDate(hop.article_id);
      if (!date.ok()) return date.status();
      found = dates_.emplace(hop.article_id, *date).first;
    }
    const std::optional<graph::PartialDate>& date = found->second;
    return date && (!filter_.since || graph::NotAfter(*filter_.since, *date)) &&
           (!filter_.until || graph::NotAfter(*date, *filter_.until));
  }

  GraphIndex& index_;
  const PathFilter& filter_;
  std::array<bool, std::size(graph::kAllRelationTypes)> type_allowed_{};
  std::array<bool, std::size(graph::kAllEntityTypes)> via_allowed_{};
  std::unordered_set<int64_t> excluded_;
  std::unordered_map<int64_t, std::vector<Hop>> hops_;
  std::unordered_map<int64_t, bool> via_ok_;
  std::unordered_map<int64_t, std::optional<graph::PartialDate>> dates_;
};

// One breadth-first walk as PathSearch walks: it leaves `source` and every
// passable entity except `target`, and enters `target` and every entity not
// excluded. Layers 0..depth are complete.
struct Side {
  Side(int64_t from, std::optional<int64_t> to) : source(from), target(to), frontier{from} {
    distance.emplace(from, 0);
  }
  int64_t source;
  std::optional<int64_t> target;
  std::unordered_map<int64_t, int> distance;
  // Per entity reached, the entities of the layer before that reach it.
  std::unordered_map<int64_t, std::vector<int64_t>> predecessors;
  std::vector<int64_t> frontier;  // layer `depth`
  int depth = 0;
  bool exhausted = false;  // the last expansion reached nothing new
};

Result<bool> MayLeave(Walker& walker, const Side& side, int64_t id) {
  if (id == side.source) return true;
  if (id == side.target) return false;
  return walker.Passable(id);
}

bool MayEnter(const Walker& walker, const Side& side, int64_t id) {
  return id == side.target || !walker.Excluded(id);
}

// Expands the frontier of `side` by one layer. `busiest`, if given, keeps
// the expanded entity with the most admissible relations; with `limit` > 0
// the expansion stops, unfinished, once more entities than that are reached.
Status Expand(Walker& walker, Side& side, bool keep_predecessors,
              NeighbourhoodRegion::Hub* busiest = nullptr, size_t limit = 0) {
  std::vector<int64_t> next;
  const int reached = side.depth + 1;
  for (int64_t id : side.frontier) {
    Result<bool> leaves = MayLeave(walker, side, id);
    if (!leaves.ok()) return leaves.status();
    if (!*leaves) continue;
    Result<const std::vector<Hop>*> hops = walker.HopsOf(id);
    if (!hops.ok()) return hops.status();
    if (busiest && (*hops)->size() > busiest->relations) *busiest = {id, (*hops)->size()};
    for (const Hop& hop : **hops) {
      if (hop.other_id == id || !MayEnter(walker, side, hop.other_id)) continue;
      const auto [entry, added] = side.distance.try_emplace(hop.other_id, reached);
      if (added) next.push_back(hop.other_id);
      if (keep_predecessors && entry->second == reached) {
        std::vector<int64_t>& before = side.predecessors[hop.other_id];
        if (before.empty() || before.back() != id) before.push_back(id);
      }
    }
    if (limit > 0 && side.distance.size() > limit) break;
  }
  side.frontier = std::move(next);
  side.depth = reached;
  side.exhausted = side.frontier.empty();
  return Status::Ok();
}

// Every admissible relation between two entities of `members` that the
// walker has read (from either end).
std::vector<graph::RelationRecord> RelationsAmong(const Walker& walker,
                                                  const std::unordered_set<int64_t>& members) {
  std::vector<graph::RelationRecord> relations;
  std::unordered_set<int64_t> seen;
  for (int64_t id : members) {
    const std::vector<Hop>* hops = walker.CachedHops(id);
    if (!hops) continue;
    for (const Hop& hop : *hops) {
      if (members.count(hop.other_id) == 0 || !seen.insert(hop.relation_id).second) continue;
      graph::RelationRecord record;
      record.id = hop.relation_id;
      record.type = hop.type;
      record.source_id = hop.outgoing ? id : hop.other_id;
      record.target_id = hop.outgoing ? hop.other_id : id;
      record.article_id = hop.article_id;
      relations.push_back(std::move(record));
    }
  }
  std::sort(relations.begin(), relations.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  return relations;
}

// A light GraphData of `members` and `relations` (region.h).
Result<GraphData> LightRegion(Walker& walker, const std::unordered_set<int64_t>& members,
                              std::vector<graph::RelationRecord> relations) {
  std::vector<int64_t> ids(members.begin(), members.end());
  std::sort(ids.begin(), ids.end());
  GraphData data;
  Result<std::vector<graph::EntityRecord>> entities =
      walker.index().Entities(ids, EntityDetail::kType);
  if (!entities.ok()) return entities.status();
  data.entities = std::move(*entities);
  std::vector<int64_t> article_ids;
  for (const graph::RelationRecord& relation : relations)
    article_ids.push_back(relation.article_id);
  std::sort(article_ids.begin(), article_ids.end());
  article_ids.erase(std::unique(article_ids.begin(), article_ids.end()), article_ids.end());
  if (walker.dated()) {
    // Date ranges read the items' dates.
    Result<std::vector<graph::ArticleRecord>> articles =
        walker.index().Articles(article_ids, /*with_sources=*/false);
    if (!articles.ok()) return articles.status();
    data.articles = std::move(*articles);
  } else {
    // Only ids, so that KnowledgeGraph::Select and Neighbourhood name them.
    for (int64_t id : article_ids) {
      graph::ArticleRecord article;
      article.id = id;
      data.articles.push_back(std::move(article));
    }
  }
  data.relations = std::move(relations);
  return data;
}

// The bidirectional search between two entities, kept so that a k-paths
// query can go on expanding after the shortest distance is known.
class PathSearch {
 public:
  PathSearch(GraphIndex& index, int64_t from, int64_t to, const PathFilter& filter)
      : walker_(index, filter), filter_(filter), forward_(from, to), backward_(to, from) {}

  // The length of a shortest admissible path, or nullopt when there is none
  // within filter.max_hops. Expands the side with the smaller frontier until
  // a meeting entity proves the distance: with layers 0..a and 0..b complete
  // on the two sides, every path of length <= a + b has an entity in both.
  Result<std::optional<int>> Distance() {
    while (best_ > forward_.depth + backward_.depth) {
      if (forward_.exhausted || backward_.exhausted) break;  // best_ is exact, or no path
      if (filter_.max_hops >= 0 && forward_.depth + backward_.depth >= filter_.max_hops) break;
      GUANXI_RETURN_IF_ERROR(ExpandOne());
    }
    if (best_ == kAll || (filter_.max_hops >= 0 && best_ > filter_.max_hops)) {
      return std::optional<int>();
    }
    return std::optional<int>(best_);
  }

  // The entities on every shortest path (distance `length`): the meeting
  // entities whose distances add up to it, and the predecessors of those on
  // each side, back to the two ends; with the relations among them.
  Result<GraphData> OnShortestPaths(int length) {
    std::unordered_set<int64_t> members;
    std::vector<std::pair<int64_t, const Side*>> pending;
    const bool forward_smaller = forward_.distance.size() <= backward_.distance.size();
    const Side& scan = forward_smaller ? forward_ : backward_;
    const Side& other = forward_smaller ? backward_ : forward_;
    for (const auto& [id, distance] : scan.distance) {
      const auto found = other.distance.find(id);
      if (found == other.distance.end() || distance + found->second != length) continue;
      Result<bool> meets = Meets(id);
      if (!meets.ok()) return meets.status();
      if (!*meets) continue;
      members.insert(id);
      pending.emplace_back(id, &forward_);
      pending.emplace_back(id, &backward_);
    }
    while (!pending.empty()) {
      const auto [id, side] = pending.back();
      pending.pop_back();
      const auto found = side->predecessors.find(id);
      if (found == side->predecessors.end()) continue;
      for (int64_t before : found->second) {
        if (members.insert(before).second) pending.emplace_back(before, side);
      }
    }
    // Every relation between consecutive entities of a shortest path was
    // read from its end nearer to the side that expanded it; only relations
    // within one layer may be missing, and no shortest path takes those.
    std::vector<graph::RelationRecord> relations = RelationsAmong(walker_, members);
    return LightRegion(walker_, members, std::move(relations));
  }

  // The entities on some admissible walk of at most `bound` relations
  // (dA + dB <= bound) with every admissible relation among them. Expands
  // until a + b > bound, which puts every such entity on a side that has
  // expanded it; when a side runs out first, `bound` becomes kAll.
  Result<GraphData> Within(int& bound) {
    while (forward_.depth + backward_.depth <= bound) {
      if (forward_.exhausted || backward_.exhausted) {
        bound = kAll;
        break;
      }
      GUANXI_RETURN_IF_ERROR(ExpandOne());
    }
    // Distances inside what both sides reached, over the relations read:
    // exact for every entity within the bound (README).
    std::unordered_map<int64_t, std::vector<int64_t>> adjacent;
    for (const auto& [id, hops] : walker_.cache()) {
      for (const Hop& hop : hops) {
        if (hop.other_id == id) continue;
        adjacent[id].push_back(hop.other_id);
        adjacent[hop.other_id].push_back(id);
      }
    }
    Result<std::unordered_map<int64_t, int>> from_start = Distances(forward_, adjacent);
    if (!from_start.ok()) return from_start.status();
    Result<std::unordered_map<int64_t, int>> from_end = Distances(backward_, adjacent);
    if (!from_end.ok()) return from_end.status();
    std::unordered_set<int64_t> members;
    for (const auto& [id, distance] : *from_start) {
      const auto found = from_end->find(id);
      if (found == from_end->end() || distance + found->second > bound) continue;
      Result<bool> meets = Meets(id);
      if (!meets.ok()) return meets.status();
      if (*meets) members.insert(id);
    }
    std::vector<graph::RelationRecord> relations = RelationsAmong(walker_, members);
    return LightRegion(walker_, members, std::move(relations));
  }

 private:
  // Expands the side whose next layer reads fewer index entries: the sum of
  // its frontier's degrees. Frontier sizes mislead: a person has hundreds of
  // relations, an event a dozen.
  Status ExpandOne() {
    Result<double> forward_cost = Cost(forward_);
    if (!forward_cost.ok()) return forward_cost.status();
    Result<double> backward_cost = Cost(backward_);
    if (!backward_cost.ok()) return backward_cost.status();
    const bool forward = *forward_cost <= *backward_cost;
    Side& side = forward ? forward_ : backward_;
    const Side& other = forward ? backward_ : forward_;
    GUANXI_RETURN_IF_ERROR(Expand(walker_, side, /*keep_predecessors=*/true));
    for (int64_t id : side.frontier) {
      const auto found = other.distance.find(id);
      if (found == other.distance.end() || side.depth + found->second >= best_) continue;
      Result<bool> meets = Meets(id);
      if (!meets.ok()) return meets.status();
      if (*meets) best_ = side.depth + found->second;
    }
    return Status::Ok();
  }

  // The index entries the next expansion of `side` reads, estimated from at
  // most kSample of its frontier, each counted up to kCap: counting reads
  // the entries too, and a hub only needs to count as large.
  Result<double> Cost(const Side& side) {
    constexpr size_t kSample = 256;
    constexpr int64_t kCap = 1000;
    const size_t step = std::max<size_t>(1, side.frontier.size() / kSample);
    double cost = 0;
    size_t counted = 0;
    for (size_t i = 0; i < side.frontier.size(); i += step, ++counted) {
      const int64_t id = side.frontier[i];
      Result<bool> leaves = MayLeave(walker_, side, id);
      if (!leaves.ok()) return leaves.status();
      if (!*leaves) continue;
      if (const std::vector<Hop>* hops = walker_.CachedHops(id)) {
        cost += static_cast<double>(hops->size());
        continue;
      }
      auto [degree, added] = degrees_.try_emplace(id, 0);
      if (added) {
        Result<size_t> read = walker_.index().EntriesAtMost(id, kCap);
        if (!read.ok()) return read.status();
        degree->second = *read;
      }
      cost += static_cast<double>(degree->second);
    }
    return counted == 0
               ? 0
               : cost * static_cast<double>(side.frontier.size()) / static_cast<double>(counted);
  }

  // Whether a path may pass through `id` where the two walks meet: an end,
  // or an entity a path may pass through.
  Result<bool> Meets(int64_t id) {
    if (id == forward_.source || id == backward_.source) return true;
    return walker_.Passable(id);
  }

  // The walk of `side` again, restricted to `adjacent`.
  Result<std::unordered_map<int64_t, int>> Distances(
      const Side& side, const std::unordered_map<int64_t, std::vector<int64_t>>& adjacent) {
    std::unordered_map<int64_t, int> distance{{side.source, 0}};
    std::deque<int64_t> queue{side.source};
    while (!queue.empty()) {
      const int64_t id = queue.front();
      queue.pop_front();
      Result<bool> leaves = MayLeave(walker_, side, id);
      if (!leaves.ok()) return leaves.status();
      const auto found = adjacent.find(id);
      if (!*leaves || found == adjacent.end()) continue;
      for (int64_t next : found->second) {
        if (!MayEnter(walker_, side, next)) continue;
        if (distance.try_emplace(next, distance.at(id) + 1).second) queue.push_back(next);
      }
    }
    return distance;
  }

  Walker walker_;
  const PathFilter& filter_;
  Side forward_;
  Side backward_;
  int best_ = kAll;                              // the shortest length proven so far
  std::unordered_map<int64_t, size_t> degrees_;  // read for Cost
};

}  // namespace

Result<GraphData> ShortestPathRegion(GraphIndex& index, int64_t from, int64_t to,
                                     const PathFilter& filter) {
  std::vector<int64_t> ends = {std::min(from, to), std::max(from, to)};
  if (from == to) ends.pop_back();
  PathSearch search(index, from, to, filter);
  std::optional<int> length;
  if (from != to) {
    Result<std::optional<int>> distance = search.Distance();
    if (!distance.ok()) return distance.status();
    length = *distance;
  }
  if (!length) {
    Result<std::vector<graph::EntityRecord>> entities = index.Entities(ends, EntityDetail::kType);
    if (!entities.ok()) return entities.status();
    return GraphData{std::move(*entities), {}, {}};
  }
  return search.OnShortestPaths(*length);
}

Result<KPaths> KShortestPaths(GraphIndex& index, int64_t from, int64_t to, size_t k,
                              const PathFilter& filter) {
  KPaths found;
  if (from == to || k == 0) {
    Result<GraphData> region = ShortestPathRegion(index, from, to, filter);
    if (!region.ok()) return region.status();
    found.paths = graph::KnowledgeGraph(*region).KShortestPaths(from, to, k, filter);
    found.region = std::move(*region);
    return found;
  }
  PathSearch search(index, from, to, filter);
  Result<std::optional<int>> distance = search.Distance();
  if (!distance.ok()) return distance.status();
  if (!*distance) return found;
  int bound = **distance;
  Result<GraphData> region = search.OnShortestPaths(bound);
  while (true) {
    if (!region.ok()) return region.status();
    found.paths = graph::KnowledgeGraph(*region).KShortestPaths(from, to, k, filter);
    size_t longest = 0;
    for (const ConnectionPath& path : found.paths) {
      longest = std::max(longest, path.relation_ids.size());
    }
    // Every path Yen's algorithm considers of at most `bound` relations lies
    // in the region, so k paths within it are the whole graph's k.
    const bool enough = found.paths.size() == k && longest <= static_cast<size_t>(bound);
    const bool capped = filter.max_hops >= 0 && bound >= filter.max_hops;
    if (enough || capped || bound == kAll) break;
    // k paths found here exist in the whole graph: its k-th is no longer.
    bound = found.paths.size() == k ? std::max(bound + 1, static_cast<int>(longest)) : bound + 1;
    if (filter.max_hops >= 0) bound = std::min(bound, filter.max_hops);
    region = search.Within(bound);
  }
  found.region = std::move(*region);
  return found;
}

Result<NeighbourhoodRegion> FindNeighbourhood(GraphIndex& index, int64_t center, int depth,
                                              const PathFilter& filter, size_t max_entities,
                                              bool with_relations) {
  NeighbourhoodRegion found;
  Walker walker(index, filter);
  depth = std::max(depth, 0);
  if (filter.max_hops >= 0) depth = std::min(depth, filter.max_hops);
  Side side(center, std::nullopt);
  NeighbourhoodRegion::Hub busiest;
  while (side.depth < depth && !side.exhausted) {
    GUANXI_RETURN_IF_ERROR(
        Expand(walker, side, /*keep_predecessors=*/false, &busiest, max_entities));
    if (max_entities > 0 && side.distance.size() > max_entities) {
      found.hub = busiest;
      found.reached = side.distance.size();
      return found;
    }
  }
  found.reached = side.distance.size();
  std::unordered_set<int64_t> members;
  for (const auto& [id, distance] : side.distance) {
    members.insert(id);
    found.distances.emplace_back(id, distance);
  }
  std::sort(found.distances.begin(), found.distances.end());
  std::vector<graph::RelationRecord> relations;
  if (with_relations) {
    // Entities of the last layer, and those a walk may not leave, were not
    // expanded: their relations among the members are read here.
    for (int64_t id : members) {
      Result<const std::vector<Hop>*> hops = walker.HopsOf(id);
      if (!hops.ok()) return hops.status();
    }
    relations = RelationsAmong(walker, members);
  }
  Result<GraphData> region = LightRegion(walker, members, std::move(relations));
  if (!region.ok()) return region.status();
  found.data = std::move(*region);
  return found;
}

}  // namespace guanxi::index
