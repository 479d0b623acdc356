// Store::Ingest: writing pages into the database in one transaction.

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "graph/identity/identity.h"
#include "graph/identity/reprint.h"
#include "graph/store/content_hash.h"
#include "graph/store/curation.h"
#include "graph/store/sqlite_db.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::store {
namespace {

using graph::EntityType;
using graph::RelationType;

// The type a relation's endpoint usually has; used only to choose between two
// entities of one item that share a name ("中国" as country and institution).
std::optional<EntityType> PreferredSourceType(RelationType type) {
  switch (type) {
    case RelationType::kAttended:
    case RelationType::kChaired:
    case RelationType::kHoldsPosition:
      return EntityType::kPerson;
    case RelationType::kSignedWith:
      return EntityType::kInstitution;
    case RelationType::kHeldAt:
      return EntityType::kEvent;
    case RelationType::kMentionedIn:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<EntityType> PreferredTargetType(RelationType type) {
  switch (type) {
    case RelationType::kAttended:
    case RelationType::kChaired:
    case RelationType::kMentionedIn:
      return EntityType::kEvent;
    case RelationType::kSignedWith:
    case RelationType::kHoldsPosition:
      return EntityType::kInstitution;
    case RelationType::kHeldAt:
      return EntityType::kPlace;
  }
  return std::nullopt;
}

// Relation endpoints of one article as indexes into Article::entities.
struct ResolvedRelation {
  size_t source = 0;
  size_t target = 0;
};
using ArticlePlan = std::vector<ResolvedRelation>;

class EndpointIndex {
 public:
  explicit EndpointIndex(const graph::Article& article) : article_(article) {
    for (size_t i = 0; i < article.entities.size(); ++i) {
      by_name_[article.entities[i].name].push_back(i);
    }
  }

  std::optional<size_t> Find(const std::string& name, std::optional<EntityType> preferred) const {
    const auto found = by_name_.find(name);
    if (found == by_name_.end()) return std::nullopt;
    for (size_t index : found->second) {
      if (article_.entities[index].type == preferred) return index;
    }
    return found->second.front();
  }

 private:
  const graph::Article& article_;
  std::unordered_map<std::string, std::vector<size_t>> by_name_;
};

// Checks every relation of every page before anything is written.
Result<std::vector<std::vector<ArticlePlan>>> Resolve(const std::vector<graph::Page>& pages) {
  std::vector<std::vector<ArticlePlan>> plans(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    const graph::Page& page = pages[p];
    for (size_t a = 0; a < page.articles.size(); ++a) {
      const graph::Article& article = page.articles[a];
      const EndpointIndex index(article);
      ArticlePlan plan;
      for (const graph::Relation& relation : article.relations) {
        const std::optional<size_t> source =
            index.Find(relation.source, PreferredSourceType(relation.type));
        const std::optional<size_t> target =
            index.Find(relation.target, PreferredTargetType(relation.type));
        if (!source || !target) {
          return Status::InvalidInput(
              page.path, "item " + std::to_string(a + 1) + " \"" + article.title + "\": relation " +
                             std::string(graph::ToString(relation.type)) +
                             " names unknown entity \"" +
                             (source ? relation.target : relation.source) + "\"");
        }
        plan.push_back({*source, *target});
      }
      plans[p].push_back(std::move(plan));
    }
  }
  return plans;
}

// The prepared statements of one Ingest call.
struct Statements {
  Statement find_source;
  Statement insert_article;
  Statement fill_full_date;
  Statement insert_source;
  Statement insert_band;
  Statement find_banded;
  Statement insert_subtitle;
  Statement find_entities_by_key;
  Statement find_merged_into;
  Statement insert_entity;
  Statement person_evidence;
  Statement insert_mention;
  Statement insert_alias;
  Statement insert_candidate;
  Statement insert_relation;
};

Result<Statements> PrepareStatements(Database& db) {
  const char* const sql[] = {
      "SELECT article_id FROM sources WHERE content_hash = ?1",
      "INSERT INTO articles (path, item_index, content_hash, title, date, text, full_date, outlet, "
      "place, place_code, signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
      "UPDATE articles SET full_date = ?2 WHERE id = ?1 AND full_date = ''",
      "INSERT INTO sources (article_id, path, item_index, outlet, title, content_hash, similarity) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      "INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?1, ?2)",
      "SELECT DISTINCT a.id, a.signature, a.date, a.full_date FROM article_bands b "
      "JOIN articles a ON a.id = b.article_id WHERE b.band_key = ?1",
      "INSERT INTO subtitles (article_id, position, subtitle) VALUES (?1, ?2, ?3)",
      "SELECT id FROM entities WHERE type = ?1 AND key = ?2 AND article_id IS NULL ORDER BY id",
      "SELECT merged_into FROM entities WHERE id = ?1",
      "INSERT INTO entities (type, name, key, article_id) VALUES (?1, ?2, ?2, ?3)",
      "SELECT places, bodies FROM mentions WHERE entity_id = ?1 AND type = 'person' "
      "ORDER BY article_id",
      "INSERT OR IGNORE INTO mentions (article_id, entity_id, type, name, places, bodies) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      "INSERT INTO aliases (entity_id, alias, article_id) VALUES (?1, ?2, ?3) "
      "ON CONFLICT DO NOTHING",
      "INSERT OR IGNORE INTO candidates (entity_a, entity_b, reason) VALUES (?1, ?2, ?3)",
      "INSERT INTO relations (type, source_id, target_id, title, article_id, sentence, "
      "char_begin, char_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
  };
  std::vector<Statement> p;
  for (const char* text : sql) {
    Result<Statement> statement = db.Prepare(text);
    if (!statement.ok()) return statement.status();
    p.push_back(std::move(*statement));
  }
  return Statements{std::move(p[0]),  std::move(p[1]),  std::move(p[2]),  std::move(p[3]),
                    std::move(p[4]),  std::move(p[5]),  std::move(p[6]),  std::move(p[7]),
                    std::move(p[8]),  std::move(p[9]),  std::move(p[10]), std::move(p[11]),
                    std::move(p[12]), std::move(p[13]), std::move(p[14])};
}

// Person evidence as the mentions table keeps it: codes separated by spaces,
// body names by newlines (neither ever holds one).
std::string JoinedWith(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::vector<std::string> SplitOn(const std::string& text, char separator) {
  std::vector<std::string> parts;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find(separator, begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) parts.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return parts;
}

// A stored article that the new item reprints, with their similarity.
struct Original {
  int64_t article_id = 0;
  double similarity = 0;
};

class Writer {
 public:
  Writer(Database& db, Statements statements, IngestStats& stats)
      : db_(db), statements_(std::move(statements)), stats_(stats) {}

  Status WriteArticle(const std::string& path, size_t item_index, const graph::Article& article,
                      const ArticlePlan& plan) {
    const std::string hash = ContentHash(article.title, article.text);
    Result<std::optional<int64_t>> existing = FindSource(hash);
    if (!existing.ok()) return existing.status();
    if (*existing) {
      ++stats_.articles_unchanged;
      // An item stored by a version without full dates gets its date now.
      if (article.full_date.empty()) return Status::Ok();
      Statement& fill = statements_.fill_full_date;
      fill.Reset();
      GUANXI_RETURN_IF_ERROR(fill.Bind(1, **existing));
      GUANXI_RETURN_IF_ERROR(fill.Bind(2, article.full_date));
      return fill.Run();
    }

    const identity::ReprintSignature signature = identity::SignatureOf(article.text);
    Result<std::optional<Original>> original =
        identity::LongEnoughForReprint(article.text) ? FindOriginal(article, signature)
                                                     : Result(std::optional<Original>());
    if (!original.ok()) return original.status();
    if (*original) {
      ++stats_.reprints;
      return InsertSource((*original)->article_id, path, item_index, article, hash,
                          (*original)->similarity);
    }

    Result<int64_t> article_id = InsertArticle(path, item_index, hash, article, signature);
    if (!article_id.ok()) return article_id.status();

    // An item that lists one entity twice (an event under two headings) means
    // one entity.
    std::vector<int64_t> entity_ids;
    std::map<std::pair<EntityType, std::string>, int64_t> named;
    for (const graph::Entity& entity : article.entities) {
      const auto [known, is_new] = named.try_emplace({entity.type, entity.name}, 0);
      if (is_new) {
        Result<int64_t> entity_id = EntityFor(entity, article, *article_id);
        if (!entity_id.ok()) return entity_id.status();
        known->second = *entity_id;
      }
      GUANXI_RETURN_IF_ERROR(AddAliases(entity, known->second, *article_id));
      entity_ids.push_back(known->second);
    }

    for (size_t r = 0; r < article.relations.size(); ++r) {
      const graph::Relation& relation = article.relations[r];
      Statement& insert = statements_.insert_relation;
      insert.Reset();
      GUANXI_RETURN_IF_ERROR(insert.Bind(1, graph::ToString(relation.type)));
      GUANXI_RETURN_IF_ERROR(insert.Bind(2, entity_ids[plan[r].source]));
      GUANXI_RETURN_IF_ERROR(insert.Bind(3, entity_ids[plan[r].target]));
      GUANXI_RETURN_IF_ERROR(insert.Bind(4, relation.title));
      GUANXI_RETURN_IF_ERROR(insert.Bind(5, *article_id));
      GUANXI_RETURN_IF_ERROR(insert.Bind(6, relation.evidence.sentence));
      GUANXI_RETURN_IF_ERROR(insert.Bind(7, relation.evidence.char_begin));
      GUANXI_RETURN_IF_ERROR(insert.Bind(8, relation.evidence.char_end));
      GUANXI_RETURN_IF_ERROR(insert.Run());
      stats_.relations_added += db_.Changes();
    }
    return Status::Ok();
  }

 private:
  Result<std::optional<int64_t>> FindSource(const std::string& hash) {
    Statement& find = statements_.find_source;
    find.Reset();
    GUANXI_RETURN_IF_ERROR(find.Bind(1, hash));
    Result<bool> row = find.Step();
    if (!row.ok()) return row.status();
    return *row ? std::optional(find.ColumnInt(0)) : std::nullopt;
  }

  // The most similar stored article among those sharing a band key, if it is
  // similar enough and not of another date; ties go to the older article.
  Result<std::optional<Original>> FindOriginal(const graph::Article& article,
                                               const identity::ReprintSignature& signature) {
    std::optional<Original> best;
    Statement& find = statements_.find_banded;
    for (int64_t key : identity::BandKeys(signature)) {
      find.Reset();
      GUANXI_RETURN_IF_ERROR(find.Bind(1, key));
      while (true) {
        Result<bool> row = find.Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        const std::optional<identity::ReprintSignature> stored =
            identity::FromBytes(find.ColumnBlob(1));
        if (!stored || !identity::IsReprint(signature, *stored)) continue;
        if (!identity::DatesAllowReprint(article.full_date, article.date, find.ColumnText(3),
                                         find.ColumnText(2))) {
          continue;
        }
        const Original candidate{find.ColumnInt(0), identity::Similarity(signature, *stored)};
        if (!best || candidate.similarity > best->similarity ||
            (candidate.similarity == best->similarity && candidate.article_id < best->article_id)) {
          best = candidate;
        }
      }
    }
    return best;
  }

  Status InsertSource(int64_t article_id, const std::string& path, size_t item_index,
                      const graph::Article& article, const std::string& hash, double similarity) {
    Statement& insert = statements_.insert_source;
    insert.Reset();
    GUANXI_RETURN_IF_ERROR(insert.Bind(1, article_id));
    GUANXI_RETURN_IF_ERROR(insert.Bind(2, path));
    GUANXI_RETURN_IF_ERROR(insert.Bind(3, static_cast<int64_t>(item_index)));
    GUANXI_RETURN_IF_ERROR(insert.Bind(4, article.outlet));
    GUANXI_RETURN_IF_ERROR(insert.Bind(5, article.title));
    GUANXI_RETURN_IF_ERROR(insert.Bind(6, hash));
    GUANXI_RETURN_IF_ERROR(insert.BindDouble(7, similarity));
    return insert.Run();
  }

  Result<int64_t> InsertArticle(const std::string& path, size_t item_index, const std::string& hash,
                                const graph::Article& article,
                                const identity::ReprintSignature& signature) {
    Statement& insert = statements_.insert_article;
    insert.Reset();
    GUANXI_RETURN_IF_ERROR(insert.Bind(1, path));
    GUANXI_RETURN_IF_ERROR(insert.Bind(2, static_cast<int64_t>(item_index)));
    GUANXI_RETURN_IF_ERROR(insert.Bind(3, hash));
    GUANXI_RETURN_IF_ERROR(insert.Bind(4, article.title));
    GUANXI_RETURN_IF_ERROR(insert.Bind(5, article.date));
    GUANXI_RETURN_IF_ERROR(insert.Bind(6, article.text));
    GUANXI_RETURN_IF_ERROR(insert.Bind(7, article.full_date));
    GUANXI_RETURN_IF_ERROR(insert.Bind(8, article.outlet));
    GUANXI_RETURN_IF_ERROR(insert.Bind(9, article.place));
    GUANXI_RETURN_IF_ERROR(insert.Bind(10, article.place_code));
    GUANXI_RETURN_IF_ERROR(insert.BindBlob(11, identity::ToBytes(signature)));
    GUANXI_RETURN_IF_ERROR(insert.Run());
    const int64_t article_id = db_.LastInsertRowid();
    ++stats_.articles_added;
    GUANXI_RETURN_IF_ERROR(InsertSource(article_id, path, item_index, article, hash, 1.0));

    Statement& band = statements_.insert_band;
    for (int64_t key : identity::BandKeys(signature)) {
      band.Reset();
      GUANXI_RETURN_IF_ERROR(band.Bind(1, key));
      GUANXI_RETURN_IF_ERROR(band.Bind(2, article_id));
      GUANXI_RETURN_IF_ERROR(band.Run());
    }

    Statement& subtitle = statements_.insert_subtitle;
    for (size_t i = 0; i < article.subtitles.size(); ++i) {
      subtitle.Reset();
      GUANXI_RETURN_IF_ERROR(subtitle.Bind(1, article_id));
      GUANXI_RETURN_IF_ERROR(subtitle.Bind(2, static_cast<int64_t>(i)));
      GUANXI_RETURN_IF_ERROR(subtitle.Bind(3, article.subtitles[i]));
      GUANXI_RETURN_IF_ERROR(subtitle.Run());
    }
    return article_id;
  }

  // The entity a mention of `article` is (identity rules in graph/README.md),
  // with its mention and aliases recorded.
  Result<int64_t> EntityFor(const graph::Entity& entity, const graph::Article& article,
                            int64_t article_id) {
    identity::PersonEvidence evidence;
    Result<int64_t> entity_id = int64_t{0};
    if (identity::ScopeOf(entity) == identity::Scope::kItem) {
      entity_id = InsertEntity(entity, article_id);
    } else if (entity.type == EntityType::kPerson) {
      evidence = identity::EvidenceOf(article, entity.name);
      entity_id = PersonFor(entity, evidence);
    } else {
      Result<std::vector<int64_t>> known = LiveEntitiesByKey(entity);
      if (!known.ok()) return known.status();
      entity_id = known->empty() ? InsertEntity(entity, std::nullopt)
                                : Result<int64_t>(known->front());
    }
    if (!entity_id.ok()) return entity_id.status();

    Statement& mention = statements_.insert_mention;
    mention.Reset();
    GUANXI_RETURN_IF_ERROR(mention.Bind(1, article_id));
    GUANXI_RETURN_IF_ERROR(mention.Bind(2, *entity_id));
    GUANXI_RETURN_IF_ERROR(mention.Bind(3, graph::ToString(entity.type)));
    GUANXI_RETURN_IF_ERROR(mention.Bind(4, entity.name));
    GUANXI_RETURN_IF_ERROR(mention.Bind(5, JoinedWith(evidence.place_codes, ' ')));
    GUANXI_RETURN_IF_ERROR(mention.Bind(6, JoinedWith(evidence.bodies, '\n')));
    GUANXI_RETURN_IF_ERROR(mention.Run());
    return entity_id;
  }

  Status AddAliases(const graph::Entity& entity, int64_t entity_id, int64_t article_id) {
    Statement& alias = statements_.insert_alias;
    for (const std::string& name : entity.aliases) {
      if (name == entity.name) continue;  // the canonical name is not an alias
      alias.Reset();
      GUANXI_RETURN_IF_ERROR(alias.Bind(1, entity_id));
      GUANXI_RETURN_IF_ERROR(alias.Bind(2, name));
      GUANXI_RETURN_IF_ERROR(alias.Bind(3, article_id));
      GUANXI_RETURN_IF_ERROR(alias.Run());
    }
    return Status::Ok();
  }

  // A person is a known person of the name whose evidence agrees, else a new
  // one, with a candidate pair for each known person of the name.
  Result<int64_t> PersonFor(const graph::Entity& entity,
                            const identity::PersonEvidence& evidence) {
    Result<std::vector<int64_t>> ids = LiveEntitiesByKey(entity);
    if (!ids.ok()) return ids.status();
    std::vector<identity::KnownPerson> known;
    for (int64_t id : *ids) {
      Result<identity::PersonEvidence> stored = StoredEvidence(id);
      if (!stored.ok()) return stored.status();
      known.push_back({id, std::move(*stored)});
    }
    const identity::PersonMatch match = identity::MatchPerson(evidence, known);
    if (match.same_as) return *match.same_as;

    Result<int64_t> id = InsertEntity(entity, std::nullopt);
    if (!id.ok()) return id.status();
    Statement& insert = statements_.insert_candidate;
    for (const identity::Candidate& candidate : match.candidates) {
      insert.Reset();
      GUANXI_RETURN_IF_ERROR(insert.Bind(1, candidate.id));
      GUANXI_RETURN_IF_ERROR(insert.Bind(2, *id));
      GUANXI_RETURN_IF_ERROR(insert.Bind(3, candidate.reason));
      GUANXI_RETURN_IF_ERROR(insert.Run());
      stats_.candidates_added += db_.Changes();
    }
    return id;
  }

  Result<identity::PersonEvidence> StoredEvidence(int64_t entity_id) {
    identity::PersonEvidence evidence;
    Statement& find = statements_.person_evidence;
    find.Reset();
    GUANXI_RETURN_IF_ERROR(find.Bind(1, entity_id));
    while (true) {
      Result<bool> row = find.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      evidence.Add({SplitOn(find.ColumnText(0), ' '), SplitOn(find.ColumnText(1), '\n')});
    }
    return evidence;
  }

  // The entities of the whole graph with this type and key, each taken to
  // the entity a merge made it part of; in id order, without repeats.
  Result<std::vector<int64_t>> LiveEntitiesByKey(const graph::Entity& entity) {
    Statement& find = statements_.find_entities_by_key;
    find.Reset();
    GUANXI_RETURN_IF_ERROR(find.Bind(1, graph::ToString(entity.type)));
    GUANXI_RETURN_IF_ERROR(find.Bind(2, entity.name));
    std::vector<int64_t> rows;
    while (true) {
      Result<bool> row = find.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      rows.push_back(find.ColumnInt(0));
    }
    std::vector<int64_t> live;
    for (int64_t id : rows) {
      Result<int64_t> survivor = Survivor(id);
      if (!survivor.ok()) return survivor.status();
      if (std::find(live.begin(), live.end(), *survivor) == live.end()) live.push_back(*survivor);
    }
    return live;
  }

  // Follows merged_into to the entity that holds `id` now.
  Result<int64_t> Survivor(int64_t id) {
    Statement& find = statements_.find_merged_into;
    for (int hops = 0; hops < 1000; ++hops) {
      find.Reset();
      GUANXI_RETURN_IF_ERROR(find.Bind(1, id));
      Result<bool> row = find.Step();
      if (!row.ok()) return row.status();
      if (!*row || find.ColumnIsNull(0)) return id;
      id = find.ColumnInt(0);
    }
    return Status::Corrupt(db_.path().string(), "entities: a cycle of merges");
  }

  // `item` is the article of an entity kept to its item, nullopt for one of
  // the whole graph.
  Result<int64_t> InsertEntity(const graph::Entity& entity, std::optional<int64_t> item) {
    Statement& insert = statements_.insert_entity;
    insert.Reset();
    GUANXI_RETURN_IF_ERROR(insert.Bind(1, graph::ToString(entity.type)));
    GUANXI_RETURN_IF_ERROR(insert.Bind(2, entity.name));
    GUANXI_RETURN_IF_ERROR(item ? insert.Bind(3, *item) : insert.BindNull(3));
    GUANXI_RETURN_IF_ERROR(insert.Run());
    ++stats_.entities_added;
    return db_.LastInsertRowid();
  }

  Database& db_;
  Statements statements_;
  IngestStats& stats_;
};

}  // namespace

Result<IngestStats> Store::Ingest(const std::vector<graph::Page>& pages,
                                  const std::function<void(size_t, size_t)>& progress) {
  Result<std::vector<std::vector<ArticlePlan>>> plans = Resolve(pages);
  if (!plans.ok()) return plans.status();

  Database& db = *database_;
  Result<Transaction> transaction = Transaction::Begin(db);
  if (!transaction.ok()) return transaction.status();
  Result<Statements> statements = PrepareStatements(db);
  if (!statements.ok()) return statements.status();

  IngestStats stats;
  {
    // The writer's statements are finalized before COMMIT.
    Writer writer(db, std::move(*statements), stats);
    for (size_t p = 0; p < pages.size(); ++p) {
      const graph::Page& page = pages[p];
      for (size_t a = 0; a < page.articles.size(); ++a) {
        GUANXI_RETURN_IF_ERROR(writer.WriteArticle(page.path, a, page.articles[a], (*plans)[p][a]));
      }
      if (progress) progress(p + 1, pages.size());
    }
  }
  // Decisions cover the new items' mentions too.
  if (stats.articles_added > 0) GUANXI_RETURN_IF_ERROR(ApplyDecisionLog(db));
  GUANXI_RETURN_IF_ERROR(transaction->Commit());
  return stats;
}

}  // namespace guanxi::store
