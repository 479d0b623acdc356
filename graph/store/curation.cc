#include "graph/store/curation.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace guanxi::store {
namespace {

using Json = nlohmann::json;
using Value = std::variant<int64_t, std::string>;

// ---- SQL helpers ------------------------------------------------------------

// `sql` with its parameters bound to the first of `values` (a shared list of
// values may name more than one statement uses).
Result<Statement> Bound(Database& db, std::string_view sql, const std::vector<Value>& values) {
  Result<Statement> statement = db.Prepare(sql);
  if (!statement.ok()) return statement.status();
  const size_t count = std::min(values.size(), static_cast<size_t>(statement->ParameterCount()));
  for (size_t i = 0; i < count; ++i) {
    const int index = static_cast<int>(i) + 1;
    const Status bound = std::holds_alternative<int64_t>(values[i])
                             ? statement->Bind(index, std::get<int64_t>(values[i]))
                             : statement->Bind(index, std::get<std::string>(values[i]));
    if (!bound.ok()) return bound;
  }
  return statement;
}

Status Run(Database& db, const char* sql, const std::vector<Value>& values) {
  Result<Statement> statement = Bound(db, sql, values);
  if (!statement.ok()) return statement.status();
  return statement->Run();
}

// The first column of every row, as integers.
Result<std::vector<int64_t>> Ids(Database& db, const char* sql, const std::vector<Value>& values) {
  Result<Statement> statement = Bound(db, sql, values);
  if (!statement.ok()) return statement.status();
  std::vector<int64_t> ids;
  while (true) {
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) return ids;
    ids.push_back(statement->ColumnInt(0));
  }
}

void AddNew(std::vector<int64_t>& ids, int64_t id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

std::string UtcNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// ---- The JSON subject of a logged decision ----------------------------------

Json RefJson(const EntityRef& ref) {
  Json mentions = Json::array();
  for (const MentionRef& m : ref.mentions) mentions.push_back({{"item", m.item}, {"name", m.name}});
  return {{"type", graph::ToString(ref.type)}, {"name", ref.name}, {"mentions", mentions}};
}

EntityRef RefFromJson(const Json& json) {
  EntityRef ref;
  const std::string type = json.at("type").get<std::string>();
  const std::optional<graph::EntityType> parsed = graph::ParseEntityType(type);
  if (!parsed) throw std::invalid_argument("unknown entity type \"" + type + "\"");
  ref.type = *parsed;
  ref.name = json.at("name").get<std::string>();
  for (const Json& m : json.at("mentions")) {
    ref.mentions.push_back({m.at("item").get<std::string>(), m.at("name").get<std::string>()});
  }
  return ref;
}

std::string SubjectJson(const Decision& d) {
  Json subject = {{"entity", RefJson(d.entity)}};
  if (d.kind == DecisionKind::kMerge) subject["other"] = RefJson(d.other);
  if (d.kind == DecisionKind::kSplit) {
    subject["items"] = d.items;
    subject["undoes"] = d.undoes;
  }
  if (d.kind == DecisionKind::kRename) subject["name"] = d.name;
  if (d.relation) {
    const RelationRef& r = *d.relation;
    subject["relation"] = {{"type", graph::ToString(r.type)}, {"item", r.item},
                           {"source", r.source},              {"target", r.target},
                           {"title", r.title},                {"char_begin", r.char_begin}};
  }
  return subject.dump();
}

// Fills the subject fields of `d` from its stored JSON; false if malformed.
bool ParseSubject(const std::string& text, Decision& d) {
  try {
    const Json subject = Json::parse(text);
    d.entity = RefFromJson(subject.at("entity"));
    if (subject.contains("other")) d.other = RefFromJson(subject.at("other"));
    if (subject.contains("items")) d.items = subject.at("items").get<std::vector<std::string>>();
    if (subject.contains("undoes")) d.undoes = subject.at("undoes").get<int64_t>();
    if (subject.contains("name")) d.name = subject.at("name").get<std::string>();
    if (subject.contains("relation")) {
      const Json& r = subject.at("relation");
      const std::optional<graph::RelationType> type =
          graph::ParseRelationType(r.at("type").get<std::string>());
      if (!type) return false;
      d.relation = RelationRef{*type,
                               r.at("item").get<std::string>(),
                               r.at("source").get<std::string>(),
                               r.at("target").get<std::string>(),
                               r.at("title").get<std::string>(),
                               r.at("char_begin").get<int64_t>()};
    }
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

// ---- Resolving references ---------------------------------------------------

// The entities now holding the mentions of `ref`, in the order of its
// mentions; mentions of items this database does not hold resolve to nothing.
Result<std::vector<int64_t>> Resolve(Database& db, const EntityRef& ref) {
  std::vector<int64_t> entities;
  for (const MentionRef& mention : ref.mentions) {
    Result<std::vector<int64_t>> ids =
        Ids(db,
            "SELECT m.entity_id FROM sources s JOIN mentions m ON m.article_id = s.article_id "
            "WHERE s.content_hash = ?1 AND m.type = ?2 AND m.name = ?3",
            {mention.item, std::string(graph::ToString(ref.type)), mention.name});
    if (!ids.ok()) return ids.status();
    for (int64_t id : *ids) AddNew(entities, id);
  }
  return entities;
}

// The articles (row ids) of items given by content hash, in this database.
Result<std::vector<int64_t>> ArticlesOf(Database& db, const std::vector<std::string>& items) {
  std::vector<int64_t> articles;
  for (const std::string& item : items) {
    Result<std::vector<int64_t>> ids =
        Ids(db, "SELECT article_id FROM sources WHERE content_hash = ?1", {item});
    if (!ids.ok()) return ids.status();
    for (int64_t id : *ids) AddNew(articles, id);
  }
  return articles;
}

Status Note(Database& db, int64_t entity_id, int64_t decision_id) {
  return Run(db,
             "INSERT INTO entity_decisions (entity_id, decision_id) VALUES (?1, ?2) "
             "ON CONFLICT DO NOTHING",
             {entity_id, decision_id});
}

// ---- Applying ----------------------------------------------------------------

// Moves everything of `loser` to `survivor` and marks it merged.
// A row is moved only where the survivor has no row of the same key (the
// rest are deleted after), as SQLite's UPDATE OR IGNORE would, in SQL that
// PostgreSQL takes too.
Status MergeInto(Database& db, int64_t loser, int64_t survivor) {
  const std::vector<Value> ids = {loser, survivor};
  const std::string alias_order(AliasOrderColumn(db.dialect()));
  // The relation of the survivor that a moved relation would repeat
  // (relations_unique), for `end` moved to ?2.
  const auto same_relation = [](const std::string& end) {
    const std::string other_end = end == "source_id" ? "target_id" : "source_id";
    return "NOT EXISTS (SELECT 1 FROM relations o WHERE o.article_id = relations.article_id "
           "AND o.type = relations.type AND o." +
           end + " = ?2 AND o." + other_end + " = relations." + other_end +
           " AND o.char_begin = relations.char_begin AND o.char_end = relations.char_end "
           "AND o.title = relations.title)";
  };
  const auto same_candidate = [](const std::string& end) {
    const std::string other_end = end == "entity_a" ? "entity_b" : "entity_a";
    return "NOT EXISTS (SELECT 1 FROM candidates o WHERE o." + end + " = ?2 AND o." + other_end +
           " = candidates." + other_end + ")";
  };
  const std::string steps[] = {
      "UPDATE mentions SET entity_id = ?2 WHERE entity_id = ?1",
      // A relation that both stated identically becomes one.
      "UPDATE relations SET source_id = ?2 WHERE source_id = ?1 AND " + same_relation("source_id"),
      "UPDATE relations SET target_id = ?2 WHERE target_id = ?1 AND " + same_relation("target_id"),
      "DELETE FROM relations WHERE source_id = ?1 OR target_id = ?1",
      "INSERT INTO aliases (entity_id, alias, article_id) "
      "SELECT ?2, alias, article_id FROM aliases WHERE entity_id = ?1 ORDER BY " +
          alias_order + " ON CONFLICT DO NOTHING",
      "DELETE FROM aliases WHERE entity_id = ?1",
      "INSERT INTO aliases (entity_id, alias) "
      "SELECT ?2, name FROM entities WHERE id = ?1 AND name != (SELECT name FROM entities "
      "WHERE id = ?2) ON CONFLICT DO NOTHING",
      "DELETE FROM candidates WHERE (entity_a = ?1 AND entity_b = ?2) OR "
      "(entity_a = ?2 AND entity_b = ?1)",
      "UPDATE candidates SET entity_a = ?2 WHERE entity_a = ?1 AND " + same_candidate("entity_a"),
      "UPDATE candidates SET entity_b = ?2 WHERE entity_b = ?1 AND " + same_candidate("entity_b"),
      "DELETE FROM candidates WHERE entity_a = ?1 OR entity_b = ?1",
      "INSERT INTO entity_decisions (entity_id, decision_id) "
      "SELECT ?2, decision_id FROM entity_decisions WHERE entity_id = ?1 ON CONFLICT DO NOTHING",
      "UPDATE entities SET merged_into = ?2 WHERE id = ?1",
      // Named by several items now: no longer kept to one (events stay theirs).
      "UPDATE entities SET article_id = NULL WHERE id = ?2 AND type != 'event'",
  };
  for (const std::string& sql : steps) GUANXI_RETURN_IF_ERROR(Run(db, sql.c_str(), ids));
  return Status::Ok();
}

Status ApplyMerge(Database& db, const Decision& d) {
  Result<std::vector<int64_t>> keep = Resolve(db, d.entity);
  if (!keep.ok()) return keep.status();
  Result<std::vector<int64_t>> other = Resolve(db, d.other);
  if (!other.ok()) return other.status();
  if (keep->empty() || other->empty()) return Status::Ok();  // items not in this database
  const int64_t survivor = keep->front();
  std::vector<int64_t> all = *keep;
  for (int64_t id : *other) AddNew(all, id);
  for (int64_t id : all) {
    if (id != survivor) GUANXI_RETURN_IF_ERROR(MergeInto(db, id, survivor));
  }
  return Note(db, survivor, d.id);
}

Status ApplySplit(Database& db, const Decision& d) {
  Result<std::vector<int64_t>> entities = Resolve(db, d.entity);
  if (!entities.ok()) return entities.status();
  Result<std::vector<int64_t>> inside = ArticlesOf(db, d.items);
  if (!inside.ok()) return inside.status();
  for (int64_t entity : *entities) {
    Result<std::vector<int64_t>> named =
        Ids(db, "SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?1", {entity});
    if (!named.ok()) return named.status();
    std::vector<int64_t> moving;
    for (int64_t article : *named) {
      if (std::find(inside->begin(), inside->end(), article) != inside->end()) {
        moving.push_back(article);
      }
    }
    if (moving.empty() || moving.size() == named->size()) continue;  // already apart
    // The part is named as the moved items name it (罗永 split off 罗勇).
    Result<Statement> insert = Bound(
        db,
        InsertReturningIdSql(db.dialect(),
                             "INSERT INTO entities (type, name, key, article_id) SELECT e.type, "
                             "m.name, m.name, CASE WHEN e.type = 'event' THEN CAST(?2 AS BIGINT) "
                             "END FROM entities e JOIN mentions m ON m.entity_id = e.id AND "
                             "m.article_id = ?2 WHERE e.id = ?1"),
        {entity, moving.front()});
    if (!insert.ok()) return insert.status();
    Result<int64_t> inserted = db.InsertReturningId(*insert);
    if (!inserted.ok()) return inserted.status();
    const int64_t part = *inserted;
    for (int64_t article : moving) {
      const std::vector<Value> values = {entity, part, article};
      GUANXI_RETURN_IF_ERROR(Run(
          db, "UPDATE mentions SET entity_id = ?2 WHERE entity_id = ?1 AND article_id = ?3",
          values));
      GUANXI_RETURN_IF_ERROR(Run(
          db, "UPDATE relations SET source_id = ?2 WHERE source_id = ?1 AND article_id = ?3",
          values));
      GUANXI_RETURN_IF_ERROR(Run(
          db, "UPDATE relations SET target_id = ?2 WHERE target_id = ?1 AND article_id = ?3",
          values));
      GUANXI_RETURN_IF_ERROR(Run(
          db, "UPDATE aliases SET entity_id = ?2 WHERE entity_id = ?1 AND article_id = ?3",
          values));
    }
    // A name that only the moved items use is no longer the rest's alias; the
    // part's other names are its aliases.
    GUANXI_RETURN_IF_ERROR(Run(db,
                               "DELETE FROM aliases WHERE entity_id = ?1 AND alias IN (SELECT name "
                               "FROM mentions WHERE entity_id = ?2) AND alias NOT IN (SELECT name "
                               "FROM mentions WHERE entity_id = ?1)",
                               {entity, part}));
    GUANXI_RETURN_IF_ERROR(Run(db,
                               "INSERT INTO aliases (entity_id, alias, article_id) "
                               "SELECT ?1, m.name, m.article_id FROM mentions m WHERE "
                               "m.entity_id = ?1 AND m.name != (SELECT name FROM entities "
                               "WHERE id = ?1) ORDER BY m.article_id ON CONFLICT DO NOTHING",
                               {part}));
    GUANXI_RETURN_IF_ERROR(Note(db, entity, d.id));
    GUANXI_RETURN_IF_ERROR(Note(db, part, d.id));
  }
  return Status::Ok();
}

Status ApplyRename(Database& db, const Decision& d) {
  Result<std::vector<int64_t>> entities = Resolve(db, d.entity);
  if (!entities.ok()) return entities.status();
  for (int64_t entity : *entities) {
    const std::vector<Value> values = {entity, d.name};
    GUANXI_RETURN_IF_ERROR(Run(db,
                               "INSERT INTO aliases (entity_id, alias) SELECT id, name "
                               "FROM entities WHERE id = ?1 AND name != ?2 ON CONFLICT DO NOTHING",
                               values));
    GUANXI_RETURN_IF_ERROR(Run(db, "UPDATE entities SET name = ?2 WHERE id = ?1", values));
    GUANXI_RETURN_IF_ERROR(
        Run(db, "DELETE FROM aliases WHERE entity_id = ?1 AND alias = ?2", values));
    GUANXI_RETURN_IF_ERROR(Note(db, entity, d.id));
  }
  return Status::Ok();
}

Status ApplyReject(Database& db, const Decision& d) {
  if (d.relation) {
    const RelationRef& r = *d.relation;
    return Run(db,
               "UPDATE relations SET rejected = 1 WHERE id IN (SELECT r.id FROM relations r "
               "JOIN sources s ON s.article_id = r.article_id "
               "JOIN mentions ms ON ms.article_id = r.article_id AND ms.entity_id = r.source_id "
               "JOIN mentions mt ON mt.article_id = r.article_id AND mt.entity_id = r.target_id "
               "WHERE s.content_hash = ?1 AND r.type = ?2 AND r.title = ?3 AND r.char_begin = ?4 "
               "AND ms.name = ?5 AND mt.name = ?6)",
               {r.item, std::string(graph::ToString(r.type)), r.title, r.char_begin, r.source,
                r.target});
  }
  Result<std::vector<int64_t>> entities = Resolve(db, d.entity);
  if (!entities.ok()) return entities.status();
  for (int64_t entity : *entities) {
    GUANXI_RETURN_IF_ERROR(Run(db, "UPDATE entities SET rejected = 1 WHERE id = ?1", {entity}));
    GUANXI_RETURN_IF_ERROR(Note(db, entity, d.id));
  }
  return Status::Ok();
}

Status Apply(Database& db, const Decision& d) {
  switch (d.kind) {
    case DecisionKind::kMerge: return ApplyMerge(db, d);
    case DecisionKind::kSplit: return ApplySplit(db, d);
    case DecisionKind::kRename: return ApplyRename(db, d);
    case DecisionKind::kReject: return ApplyReject(db, d);
  }
  return Status::Ok();
}

}  // namespace

std::string_view ToString(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::kMerge: return "merge";
    case DecisionKind::kSplit: return "split";
    case DecisionKind::kRename: return "rename";
    case DecisionKind::kReject: return "reject";
  }
  return "merge";
}

std::optional<DecisionKind> ParseDecisionKind(std::string_view name) {
  for (DecisionKind kind : {DecisionKind::kMerge, DecisionKind::kSplit, DecisionKind::kRename,
                            DecisionKind::kReject}) {
    if (ToString(kind) == name) return kind;
  }
  return std::nullopt;
}

Result<Decision> LogAndApply(Database& db, Decision decision) {
  if (decision.at.empty()) decision.at = UtcNow();
  Result<Statement> insert = Bound(
      db,
      InsertReturningIdSql(db.dialect(),
                           "INSERT INTO decisions (at, kind, subject, reason) "
                           "VALUES (?1, ?2, ?3, ?4)"),
      {decision.at, std::string(ToString(decision.kind)), SubjectJson(decision), decision.reason});
  if (!insert.ok()) return insert.status();
  Result<int64_t> inserted = db.InsertReturningId(*insert);
  if (!inserted.ok()) return inserted.status();
  decision.id = *inserted;
  if (decision.undoes != 0) {
    GUANXI_RETURN_IF_ERROR(Run(db, "UPDATE decisions SET undone_by = ?1 WHERE id = ?2",
                               {decision.id, decision.undoes}));
  }
  if (!decision.undone) GUANXI_RETURN_IF_ERROR(Apply(db, decision));
  return decision;
}

Result<std::vector<Decision>> ReadDecisionLog(Database& db) {
  Result<Statement> statement = db.Prepare(
      "SELECT id, at, kind, subject, reason, undone_by IS NOT NULL FROM decisions ORDER BY id");
  if (!statement.ok()) return statement.status();
  std::vector<Decision> log;
  while (true) {
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) return log;
    Decision d;
    d.id = statement->ColumnInt(0);
    d.at = statement->ColumnText(1);
    const std::optional<DecisionKind> kind = ParseDecisionKind(statement->ColumnText(2));
    if (!kind || !ParseSubject(statement->ColumnText(3), d)) {
      return Status::Corrupt(db.path().string(),
                             "decisions: row " + std::to_string(d.id) + " cannot be read");
    }
    d.kind = *kind;
    d.reason = statement->ColumnText(4);
    d.undone = statement->ColumnInt(5) != 0;
    log.push_back(std::move(d));
  }
}

Status ApplyDecisionLog(Database& db) {
  Result<std::vector<Decision>> log = ReadDecisionLog(db);
  if (!log.ok()) return log.status();
  for (const Decision& d : *log) {
    if (!d.undone) GUANXI_RETURN_IF_ERROR(Apply(db, d));
  }
  return Status::Ok();
}

Result<EntityRef> RefOf(Database& db, int64_t entity_id) {
  Result<Statement> entity = Bound(db, "SELECT type, name FROM entities WHERE id = ?1", {entity_id});
  if (!entity.ok()) return entity.status();
  Result<bool> found = entity->Step();
  if (!found.ok()) return found.status();
  if (!*found) return Status::NotFound("#" + std::to_string(entity_id), "no such entity");
  EntityRef ref;
  const std::optional<graph::EntityType> type = graph::ParseEntityType(entity->ColumnText(0));
  if (!type) return Status::Corrupt(db.path().string(), "entities: unknown type");
  ref.type = *type;
  ref.name = entity->ColumnText(1);

  Result<Statement> mentions = Bound(db,
                                     "SELECT a.content_hash, m.name FROM mentions m JOIN articles a "
                                     "ON a.id = m.article_id WHERE m.entity_id = ?1 ORDER BY a.id",
                                     {entity_id});
  if (!mentions.ok()) return mentions.status();
  while (true) {
    Result<bool> row = mentions->Step();
    if (!row.ok()) return row.status();
    if (!*row) return ref;
    ref.mentions.push_back({mentions->ColumnText(0), mentions->ColumnText(1)});
  }
}

}  // namespace guanxi::store
