// Store's curation methods: candidates, and a person's decisions on identity
// (the log and its application are in curation.cc).

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "graph/store/curation.h"
#include "graph/store/database.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::store {
namespace {

// InvalidInput unless `id` is an entity of the live graph (not merged into
// another, not rejected).
Status CheckLive(Database& db, int64_t id) {
  Result<Statement> find = db.Prepare("SELECT merged_into, rejected FROM entities WHERE id = ?1");
  if (!find.ok()) return find.status();
  GUANXI_RETURN_IF_ERROR(find->Bind(1, id));
  Result<bool> row = find->Step();
  if (!row.ok()) return row.status();
  const std::string context = db.path().string();
  const std::string name = "entity #" + std::to_string(id);
  if (!*row) return Status::InvalidInput(context, name + " does not exist");
  if (!find->ColumnIsNull(0)) {
    return Status::InvalidInput(context, name + " was merged into #" +
                                             std::to_string(find->ColumnInt(0)));
  }
  if (find->ColumnInt(1) != 0) return Status::InvalidInput(context, name + " is rejected");
  return Status::Ok();
}

// A decision of `kind` on the live entity `id`, which it names by its
// mentions as they are now.
Result<Decision> DecisionOn(Database& db, int64_t id, DecisionKind kind,
                            const std::string& reason) {
  GUANXI_RETURN_IF_ERROR(CheckLive(db, id));
  Result<EntityRef> ref = RefOf(db, id);
  if (!ref.ok()) return ref.status();
  Decision d;
  d.kind = kind;
  d.reason = reason;
  d.entity = std::move(*ref);
  return d;
}

// Runs `decide` (which builds the decision from the stored rows) and logs and
// applies its decision, all in one transaction.
template <typename BuildDecision>
Result<Decision> Decide(Database& db, BuildDecision decide) {
  Result<Transaction> transaction = Transaction::Begin(db);
  if (!transaction.ok()) return transaction.status();
  Result<Decision> decision = decide();
  if (!decision.ok()) return decision.status();
  Result<Decision> logged = LogAndApply(db, std::move(*decision));
  if (!logged.ok()) return logged.status();
  GUANXI_RETURN_IF_ERROR(transaction->Commit());
  return logged;
}

Result<std::vector<std::string>> ItemsOf(Database& db, const std::vector<int64_t>& article_ids) {
  std::vector<std::string> items;
  Result<Statement> find = db.Prepare("SELECT content_hash FROM articles WHERE id = ?1");
  if (!find.ok()) return find.status();
  for (int64_t id : article_ids) {
    find->Reset();
    GUANXI_RETURN_IF_ERROR(find->Bind(1, id));
    Result<bool> row = find->Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      return Status::InvalidInput(db.path().string(),
                                  "article #" + std::to_string(id) + " does not exist");
    }
    items.push_back(find->ColumnText(0));
  }
  return items;
}

// The items of `ref`'s mentions, without repeats.
std::vector<std::string> ItemsOf(const EntityRef& ref) {
  std::vector<std::string> items;
  for (const MentionRef& m : ref.mentions) {
    if (std::find(items.begin(), items.end(), m.item) == items.end()) items.push_back(m.item);
  }
  return items;
}

// The latest merge still in force that made `entity`, or nullopt.
Result<std::optional<Decision>> LatestMergeOf(Database& db, int64_t entity) {
  Result<Statement> find = db.Prepare(
      "SELECT d.id FROM entity_decisions e JOIN decisions d ON d.id = e.decision_id "
      "WHERE e.entity_id = ?1 AND d.kind = 'merge' AND d.undone_by IS NULL "
      "ORDER BY d.id DESC LIMIT 1");
  if (!find.ok()) return find.status();
  GUANXI_RETURN_IF_ERROR(find->Bind(1, entity));
  Result<bool> row = find->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<Decision>();
  const int64_t id = find->ColumnInt(0);
  Result<std::vector<Decision>> log = ReadDecisionLog(db);
  if (!log.ok()) return log.status();
  for (Decision& d : *log) {
    if (d.id == id) return std::optional(std::move(d));
  }
  return std::optional<Decision>();
}

}  // namespace

Result<std::vector<CandidateRecord>> Store::Candidates() const {
  Database& db = *database_;
  // Pairs of live entities; those with more items on both sides first (more
  // evidence to compare), then the oldest.
  Result<Statement> find = db.Prepare(
      "SELECT entity_a, entity_b, reason FROM ("
      "  SELECT c.entity_a, c.entity_b, c.reason,"
      "    (SELECT count(*) FROM mentions WHERE entity_id = c.entity_a) AS items_a,"
      "    (SELECT count(*) FROM mentions WHERE entity_id = c.entity_b) AS items_b"
      "  FROM candidates c "
      "  JOIN entities a ON a.id = c.entity_a JOIN entities b ON b.id = c.entity_b "
      "  WHERE a.merged_into IS NULL AND b.merged_into IS NULL AND a.rejected = 0 "
      "  AND b.rejected = 0) AS pairs "
      "ORDER BY CASE WHEN items_a < items_b THEN items_a ELSE items_b END DESC, "
      "entity_a, entity_b");
  if (!find.ok()) return find.status();
  std::vector<CandidateRecord> candidates;
  while (true) {
    Result<bool> row = find->Step();
    if (!row.ok()) return row.status();
    if (!*row) return candidates;
    candidates.push_back({find->ColumnInt(0), find->ColumnInt(1), find->ColumnText(2)});
  }
}

Result<Decision> Store::Merge(int64_t keep, int64_t other, const std::string& reason) {
  Database& db = *database_;
  return Decide(db, [&]() -> Result<Decision> {
    Result<Decision> d = DecisionOn(db, keep, DecisionKind::kMerge, reason);
    if (!d.ok()) return d.status();
    GUANXI_RETURN_IF_ERROR(CheckLive(db, other));
    if (keep == other) {
      return Status::InvalidInput(db.path().string(), "cannot merge an entity with itself");
    }
    Result<EntityRef> merged = RefOf(db, other);
    if (!merged.ok()) return merged.status();
    const EntityRef& a = d->entity;
    const EntityRef& b = *merged;
    if (a.type != b.type) {
      return Status::InvalidInput(db.path().string(),
                                  "cannot merge " + std::string(graph::ToString(b.type)) + " \"" +
                                      b.name + "\" into " + std::string(graph::ToString(a.type)) +
                                      " \"" + a.name + "\": the types differ");
    }
    d->other = std::move(*merged);
    return d;
  });
}

Result<Decision> Store::Split(int64_t entity, const std::vector<int64_t>& article_ids,
                              const std::string& reason) {
  Database& db = *database_;
  return Decide(db, [&]() -> Result<Decision> {
    Result<Decision> split = DecisionOn(db, entity, DecisionKind::kSplit, reason);
    if (!split.ok()) return split.status();
    Decision& d = *split;
    const std::string& name = d.entity.name;
    const std::vector<std::string> named = ItemsOf(d.entity);
    if (article_ids.empty()) {
      Result<std::optional<Decision>> merge = LatestMergeOf(db, entity);
      if (!merge.ok()) return merge.status();
      if (!*merge) {
        return Status::InvalidInput(db.path().string(),
                                    "\"" + name + "\" was not made by a merge; name the "
                                    "articles to split off");
      }
      const std::vector<std::string> kept = ItemsOf((*merge)->entity);
      for (const std::string& item : ItemsOf((*merge)->other)) {
        if (std::find(kept.begin(), kept.end(), item) == kept.end()) d.items.push_back(item);
      }
      d.undoes = (*merge)->id;
    } else {
      Result<std::vector<std::string>> items = ItemsOf(db, article_ids);
      if (!items.ok()) return items.status();
      for (size_t i = 0; i < items->size(); ++i) {
        if (std::find(named.begin(), named.end(), (*items)[i]) == named.end()) {
          return Status::InvalidInput(db.path().string(),
                                      "article #" + std::to_string(article_ids[i]) +
                                          " does not name \"" + name + "\"");
        }
      }
      d.items = std::move(*items);
    }
    size_t staying = 0;
    for (const std::string& item : named) {
      staying += std::find(d.items.begin(), d.items.end(), item) == d.items.end();
    }
    if (d.items.empty() || staying == 0) {
      return Status::InvalidInput(db.path().string(),
                                  "splitting \"" + name +
                                      "\" by these articles leaves nothing on one side");
    }
    return split;
  });
}

Result<Decision> Store::Rename(int64_t entity, const std::string& name,
                               const std::string& reason) {
  Database& db = *database_;
  return Decide(db, [&]() -> Result<Decision> {
    if (name.find_first_not_of(" \t\r\n") == std::string::npos) {
      return Status::InvalidInput(db.path().string(), "the new name is empty");
    }
    Result<Decision> d = DecisionOn(db, entity, DecisionKind::kRename, reason);
    if (d.ok()) d->name = name;
    return d;
  });
}

Result<Decision> Store::RejectEntity(int64_t entity, const std::string& reason) {
  Database& db = *database_;
  return Decide(db, [&] { return DecisionOn(db, entity, DecisionKind::kReject, reason); });
}

Result<Decision> Store::RejectRelation(int64_t relation, const std::string& reason) {
  Database& db = *database_;
  return Decide(db, [&]() -> Result<Decision> {
    Result<Statement> find = db.Prepare(
        "SELECT r.type, a.content_hash, ms.name, mt.name, r.title, r.char_begin, r.rejected, "
        "r.source_id FROM relations r JOIN articles a ON a.id = r.article_id "
        "JOIN mentions ms ON ms.article_id = r.article_id AND ms.entity_id = r.source_id "
        "JOIN mentions mt ON mt.article_id = r.article_id AND mt.entity_id = r.target_id "
        "WHERE r.id = ?1");
    if (!find.ok()) return find.status();
    GUANXI_RETURN_IF_ERROR(find->Bind(1, relation));
    Result<bool> row = find->Step();
    if (!row.ok()) return row.status();
    const std::string name = "relation #" + std::to_string(relation);
    if (!*row) return Status::InvalidInput(db.path().string(), name + " does not exist");
    if (find->ColumnInt(6) != 0) {
      return Status::InvalidInput(db.path().string(), name + " is rejected already");
    }
    const std::optional<graph::RelationType> type = graph::ParseRelationType(find->ColumnText(0));
    if (!type) return Status::Corrupt(db.path().string(), "relations: unknown type");
    Decision d;
    d.kind = DecisionKind::kReject;
    d.reason = reason;
    d.relation = RelationRef{*type,
                             find->ColumnText(1),
                             find->ColumnText(2),
                             find->ColumnText(3),
                             find->ColumnText(4),
                             find->ColumnInt(5)};
    Result<EntityRef> source = RefOf(db, find->ColumnInt(7));
    if (!source.ok()) return source.status();
    d.entity = std::move(*source);  // for people reading the log: whose relation
    return d;
  });
}

Result<std::vector<Decision>> Store::Decisions() const { return ReadDecisionLog(*database_); }

Result<int64_t> Store::ImportDecisions(const std::vector<Decision>& decisions) {
  Database& db = *database_;
  Result<Transaction> transaction = Transaction::Begin(db);
  if (!transaction.ok()) return transaction.status();
  Result<std::vector<Decision>> log = ReadDecisionLog(db);
  if (!log.ok()) return log.status();
  // A decision already logged (same time, kind and subject) is not repeated;
  // the ids of the file map to the ids of this log.
  std::vector<std::pair<int64_t, int64_t>> ids;
  int64_t appended = 0;
  for (Decision d : decisions) {
    const auto same = std::find_if(log->begin(), log->end(), [&](const Decision& known) {
      return known.at == d.at && known.kind == d.kind && known.reason == d.reason &&
             known.entity.mentions.size() == d.entity.mentions.size() &&
             known.name == d.name && known.items == d.items;
    });
    const int64_t file_id = d.id;
    if (same != log->end()) {
      ids.emplace_back(file_id, same->id);
      continue;
    }
    if (d.undoes != 0) {
      const auto mapped = std::find_if(ids.begin(), ids.end(),
                                       [&](const auto& pair) { return pair.first == d.undoes; });
      d.undoes = mapped != ids.end() ? mapped->second : 0;
    }
    // Applied all together below, once every undo is known.
    d.id = 0;
    d.undone = true;
    Result<Decision> logged = LogAndApply(db, std::move(d));
    if (!logged.ok()) return logged.status();
    ids.emplace_back(file_id, logged->id);
    ++appended;
  }
  GUANXI_RETURN_IF_ERROR(ApplyDecisionLog(db));
  GUANXI_RETURN_IF_ERROR(transaction->Commit());
  return appended;
}

}  // namespace guanxi::store
