#pragma once

// PathFilter: which relations and entities a connection query may use. One
// filter serves every query of KnowledgeGraph (ShortestPath, AllShortestPaths,
// KShortestPaths, Neighbourhood); each query's comment says how it applies it.

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/model.h"
#include "graph/printed_date.h"

namespace guanxi::graph {

struct PathFilter {
  // The most relations a path may have; negative means no limit. A query
  // whose shortest answer is longer finds nothing (nullopt or empty).
  int max_hops = -1;
  // The relation types a path may follow; empty allows every type.
  std::vector<RelationType> relation_types;
  // The entity types a path may pass THROUGH (its intermediate entities);
  // empty allows every type. The two ends of a path are always allowed.
  std::vector<EntityType> via_types;
  // Entities a path never passes through, e.g. a hub such as a city
  // government that joins everyone. The two ends of a path are always
  // allowed, even when listed here.
  std::vector<int64_t> excluded_ids;
  // Only relations stated by items dated within [since, until], both ends
  // included; an unset end is open. An item's date is its full date when it
  // has one (Article::full_date), else the month and day it prints; years
  // are compared when both the bound and the item have one, month and day
  // otherwise (NotAfter in printed_date.h). With either end set, items with
  // neither ("是日" without a page date) are left out.
  std::optional<PartialDate> since;
  std::optional<PartialDate> until;
};

}  // namespace guanxi::graph
