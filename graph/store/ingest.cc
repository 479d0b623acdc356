// Store::Ingest: writing pages into the database in one transaction.

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "graph/store/content_hash.h"
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
  Statement find_article;
  Statement insert_article;
  Statement fill_full_date;
  Statement insert_subtitle;
  Statement find_entity;
  Statement insert_entity;
  Statement insert_alias;
  Statement insert_relation;
};

Result<Statements> PrepareStatements(Database& db) {
  const char* const sql[] = {
      "SELECT id FROM articles WHERE content_hash = ?1",
      "INSERT INTO articles (path, item_index, content_hash, title, date, text, full_date) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      "UPDATE articles SET full_date = ?2 WHERE id = ?1 AND full_date = ''",
      "INSERT INTO subtitles (article_id, position, subtitle) VALUES (?1, ?2, ?3)",
      "SELECT id FROM entities WHERE type = ?1 AND name = ?2 AND article_id IS ?3",
      "INSERT INTO entities (type, name, article_id) VALUES (?1, ?2, ?3)",
      "INSERT INTO aliases (entity_id, alias) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
      "INSERT INTO relations (type, source_id, target_id, title, article_id, sentence, "
      "char_begin, char_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
  };
  std::vector<Statement> prepared;
  for (const char* text : sql) {
    Result<Statement> statement = db.Prepare(text);
    if (!statement.ok()) return statement.status();
    prepared.push_back(std::move(*statement));
  }
  return Statements{std::move(prepared[0]), std::move(prepared[1]), std::move(prepared[2]),
                    std::move(prepared[3]), std::move(prepared[4]), std::move(prepared[5]),
                    std::move(prepared[6]), std::move(prepared[7])};
}

class Writer {
 public:
  static constexpr int64_t kNoScope = 0;  // row ids start at 1

  Writer(Database& db, Statements statements, IngestStats& stats)
      : db_(db), statements_(std::move(statements)), stats_(stats) {}

  Status WriteArticle(const std::string& path, size_t item_index, const graph::Article& article,
                      const ArticlePlan& plan) {
    const std::string hash = ContentHash(article.title, article.text);
    Result<std::optional<int64_t>> existing = FindArticle(hash);
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
    Result<int64_t> article_id = InsertArticle(path, item_index, hash, article);
    if (!article_id.ok()) return article_id.status();

    std::vector<int64_t> entity_ids;
    for (const graph::Entity& entity : article.entities) {
      // Events belong to their item; everything else is shared across items.
      const int64_t scope = entity.type == EntityType::kEvent ? *article_id : kNoScope;
      Result<int64_t> entity_id = FindOrInsertEntity(entity, scope);
      if (!entity_id.ok()) return entity_id.status();
      entity_ids.push_back(*entity_id);
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
  Result<std::optional<int64_t>> FindArticle(const std::string& hash) {
    Statement& find = statements_.find_article;
    find.Reset();
    GUANXI_RETURN_IF_ERROR(find.Bind(1, hash));
    Result<bool> row = find.Step();
    if (!row.ok()) return row.status();
    return *row ? std::optional(find.ColumnInt(0)) : std::nullopt;
  }

  Result<int64_t> InsertArticle(const std::string& path, size_t item_index, const std::string& hash,
                                const graph::Article& article) {
    Statement& insert = statements_.insert_article;
    insert.Reset();
    GUANXI_RETURN_IF_ERROR(insert.Bind(1, path));
    GUANXI_RETURN_IF_ERROR(insert.Bind(2, static_cast<int64_t>(item_index)));
    GUANXI_RETURN_IF_ERROR(insert.Bind(3, hash));
    GUANXI_RETURN_IF_ERROR(insert.Bind(4, article.title));
    GUANXI_RETURN_IF_ERROR(insert.Bind(5, article.date));
    GUANXI_RETURN_IF_ERROR(insert.Bind(6, article.text));
    GUANXI_RETURN_IF_ERROR(insert.Bind(7, article.full_date));
    GUANXI_RETURN_IF_ERROR(insert.Run());
    const int64_t article_id = db_.LastInsertRowid();
    ++stats_.articles_added;

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

  // `scope` is the article id of an event, kNoScope for other entities.
  Result<int64_t> FindOrInsertEntity(const graph::Entity& entity, int64_t scope) {
    const std::string_view type = graph::ToString(entity.type);
    Statement& find = statements_.find_entity;
    find.Reset();
    GUANXI_RETURN_IF_ERROR(find.Bind(1, type));
    GUANXI_RETURN_IF_ERROR(find.Bind(2, entity.name));
    GUANXI_RETURN_IF_ERROR(scope != kNoScope ? find.Bind(3, scope) : find.BindNull(3));
    Result<bool> row = find.Step();
    if (!row.ok()) return row.status();

    int64_t entity_id = 0;
    if (*row) {
      entity_id = find.ColumnInt(0);
    } else {
      Statement& insert = statements_.insert_entity;
      insert.Reset();
      GUANXI_RETURN_IF_ERROR(insert.Bind(1, type));
      GUANXI_RETURN_IF_ERROR(insert.Bind(2, entity.name));
      GUANXI_RETURN_IF_ERROR(scope != kNoScope ? insert.Bind(3, scope) : insert.BindNull(3));
      GUANXI_RETURN_IF_ERROR(insert.Run());
      entity_id = db_.LastInsertRowid();
      ++stats_.entities_added;
    }

    Statement& alias = statements_.insert_alias;
    for (const std::string& name : entity.aliases) {
      if (name == entity.name) continue;  // the canonical name is not an alias
      alias.Reset();
      GUANXI_RETURN_IF_ERROR(alias.Bind(1, entity_id));
      GUANXI_RETURN_IF_ERROR(alias.Bind(2, name));
      GUANXI_RETURN_IF_ERROR(alias.Run());
    }
    return entity_id;
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
  GUANXI_RETURN_IF_ERROR(transaction->Commit());
  return stats;
}

}  // namespace guanxi::store
