#pragma once

// Decisions of a person on identity (merge, split, rename, reject): how they
// are stored (the `decisions` table, one JSON subject each) and applied to the
// stored rows. Internal to guanxi_store; Store's curation methods
// (sqlite_store.h) and Store::Ingest call it.

#include <cstdint>
#include <string>
#include <vector>

#include "graph/status.h"
#include "graph/store/database.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::store {

// Logs `decision` (its id and time are set here when 0 and empty) and applies
// it. Runs inside the caller's transaction.
Result<Decision> LogAndApply(Database& db, Decision decision);

// Applies every decision of the log that is not undone, oldest first. Each is
// idempotent: applied to rows that already reflect it, it changes nothing.
Status ApplyDecisionLog(Database& db);

// The log, oldest first.
Result<std::vector<Decision>> ReadDecisionLog(Database& db);

// The stable reference of a live entity: its type, name and every mention.
Result<EntityRef> RefOf(Database& db, int64_t entity_id);

}  // namespace guanxi::store
