#include "graph/store/article_writer.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "graph/store/content_hash.h"
#include "graph/store/database.h"
#include "graph/store/reprint_lookup.h"
#include "graph/store/schema.h"

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

// One mention's evidence as it reads back from the mentions table.
identity::PersonEvidence StoredForm(const std::string& places, const std::string& bodies) {
  return {SplitOn(places, ' '), SplitOn(bodies, '\n')};
}

// The byte offset of each code point of UTF-8 `text`, and the text's size
// after them: code point offsets into byte offsets, the text decoded once
// for all of an item's relations.
std::vector<int32_t> CodePointOffsets(std::string_view text) {
  const auto length = static_cast<int32_t>(text.size());
  std::vector<int32_t> offsets;
  offsets.reserve(text.size() / 2);
  int32_t offset = 0;
  while (offset < length) {
    offsets.push_back(offset);
    UChar32 c = 0;
    U8_NEXT(text.data(), offset, length, c);
  }
  offsets.push_back(length);
  return offsets;
}

// Whether `sentence` is `text` from code point `begin` to code point `end`
// (`offsets`: CodePointOffsets(text)).
bool IsSpanOf(std::string_view text, const std::vector<int32_t>& offsets, int64_t begin,
              int64_t end, std::string_view sentence) {
  if (begin < 0 || end < begin || end >= std::ssize(offsets)) return false;
  const int32_t begin_byte = offsets[static_cast<size_t>(begin)];
  const int32_t end_byte = offsets[static_cast<size_t>(end)];
  return text.substr(begin_byte, end_byte - begin_byte) == sentence;
}

// In-memory copies stop growing here (then they are dropped and read again),
// so that a build's memory does not grow with the archive without bound:
// about 150 bytes a key, 300 a person.
constexpr size_t kMaxCachedKeys = size_t{1} << 20;
constexpr size_t kMaxCachedPersons = size_t{1} << 19;

// An item's relations are written up to this many to a statement (an item
// has about 14): each statement SQLite runs costs as much again as the row
// it writes.
constexpr int kRelationRowsPerInsert = 16;
constexpr int kRelationColumns = 8;

}  // namespace

Result<ItemFacts> FactsOf(const std::string& path, size_t item_index,
                          const graph::Article& article) {
  ItemFacts facts;
  const EndpointIndex index(article);
  const std::vector<int32_t> offsets = CodePointOffsets(article.text);
  for (const graph::Relation& relation : article.relations) {
    const std::optional<size_t> source =
        index.Find(relation.source, PreferredSourceType(relation.type));
    const std::optional<size_t> target =
        index.Find(relation.target, PreferredTargetType(relation.type));
    if (!source || !target) {
      return Status::InvalidInput(
          path, "item " + std::to_string(item_index + 1) + " \"" + article.title + "\": relation " +
                    std::string(graph::ToString(relation.type)) + " names unknown entity \"" +
                    (source ? relation.target : relation.source) + "\"");
    }
    facts.relations.push_back({*source, *target,
                               IsSpanOf(article.text, offsets, relation.evidence.char_begin,
                                        relation.evidence.char_end, relation.evidence.sentence)});
  }
  facts.content_hash = ContentHash(article.title, article.text);
  facts.signature = identity::SignatureOf(article.text);
  facts.long_enough_for_reprint = identity::LongEnoughForReprint(article.text);
  facts.evidence.resize(article.entities.size());
  for (size_t i = 0; i < article.entities.size(); ++i) {
    const graph::Entity& entity = article.entities[i];
    if (entity.type != EntityType::kPerson ||
        identity::ScopeOf(entity) != identity::Scope::kGraph) {
      continue;
    }
    // A name listed twice is one mention: its first entry is the one written.
    const bool first = std::none_of(
        article.entities.begin(), article.entities.begin() + static_cast<std::ptrdiff_t>(i),
        [&](const graph::Entity& e) { return e.type == entity.type && e.name == entity.name; });
    if (first) facts.evidence[i] = identity::EvidenceOf(article, entity.name);
  }
  return facts;
}

namespace {

// The prepared statements of one writer, in the order of PrepareStatements.
struct WriterStatements {
  Statement find_source;
  Statement insert_article;
  Statement fill_full_date;
  Statement insert_source;
  Statement insert_subtitle;
  Statement find_entities_by_key;
  Statement find_merged_into;
  Statement insert_entity;
  Statement person_evidence;
  Statement insert_mention;
  Statement insert_alias;
  Statement insert_candidate;
  std::vector<Statement> insert_relations;  // [n - 1] writes n rows

  std::vector<Statement*> All() {
    std::vector<Statement*> all = {&find_source,      &insert_article,  &fill_full_date,
                                   &insert_source,    &insert_subtitle, &find_entities_by_key,
                                   &find_merged_into, &insert_entity,   &person_evidence,
                                   &insert_mention,   &insert_alias,    &insert_candidate};
    for (Statement& statement : insert_relations) all.push_back(&statement);
    return all;
  }
};

Result<std::unique_ptr<WriterStatements>> PrepareStatements(Database& db) {
  const Dialect dialect = db.dialect();
  const std::string sql[] = {
      "SELECT article_id FROM sources WHERE content_hash = ?1",
      InsertReturningIdSql(dialect,
                           "INSERT INTO articles (path, item_index, content_hash, title, date, "
                           "text, full_date, outlet, place, place_code, signature, encoding) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"),
      "UPDATE articles SET full_date = ?2 WHERE id = ?1 AND full_date = ''",
      "INSERT INTO sources (article_id, path, item_index, outlet, title, content_hash, similarity) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      "INSERT INTO subtitles (article_id, position, subtitle) VALUES (?1, ?2, ?3)",
      "SELECT id FROM entities WHERE type = ?1 AND key = ?2 AND article_id IS NULL ORDER BY id",
      "SELECT merged_into FROM entities WHERE id = ?1",
      InsertReturningIdSql(dialect,
                           "INSERT INTO entities (type, name, key, article_id) "
                           "VALUES (?1, ?2, ?2, ?3)"),
      "SELECT places, bodies FROM mentions WHERE entity_id = ?1 AND type = 'person' "
      "ORDER BY article_id",
      "INSERT INTO mentions (article_id, entity_id, type, name, places, bodies) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
      "INSERT INTO aliases (entity_id, alias, article_id) VALUES (?1, ?2, ?3) "
      "ON CONFLICT DO NOTHING",
      "INSERT INTO candidates (entity_a, entity_b, reason) VALUES (?1, ?2, ?3) "
      "ON CONFLICT DO NOTHING",
  };
  std::vector<Statement> p;
  for (const std::string& text : sql) {
    Result<Statement> statement = db.Prepare(text);
    if (!statement.ok()) return statement.status();
    p.push_back(std::move(*statement));
  }
  std::vector<Statement> insert_relations;
  for (int rows = 1; rows <= kRelationRowsPerInsert; ++rows) {
    Result<Statement> statement = db.Prepare(MultiRowInsertSql(
        "INSERT INTO relations (type, source_id, target_id, title, article_id, sentence, "
        "char_begin, char_end) VALUES ",
        kRelationColumns, rows, " ON CONFLICT DO NOTHING"));
    if (!statement.ok()) return statement.status();
    insert_relations.push_back(std::move(*statement));
  }
  return std::unique_ptr<WriterStatements>(new WriterStatements{
      std::move(p[0]), std::move(p[1]), std::move(p[2]), std::move(p[3]), std::move(p[4]),
      std::move(p[5]), std::move(p[6]), std::move(p[7]), std::move(p[8]), std::move(p[9]),
      std::move(p[10]), std::move(p[11]), std::move(insert_relations)});
}

}  // namespace

class ArticleWriter::Impl {
 public:
  Impl(Database& db, std::unique_ptr<WriterStatements> statements,
       std::unique_ptr<ReprintLookup> reprints)
      : db_(db), statements_(std::move(statements)), reprints_(std::move(reprints)) {}

  Status Write(const std::string& path, size_t item_index, const graph::Article& article,
               const ItemFacts& facts, IngestStats& stats) {
    Result<std::optional<int64_t>> existing = FindSource(facts.content_hash);
    if (!existing.ok()) return existing.status();
    if (*existing) {
      ++stats.articles_unchanged;
      // An item stored by a version without full dates gets its date now.
      if (article.full_date.empty()) return Status::Ok();
      Statement& fill = statements_->fill_full_date;
      fill.Reset();
      GUANXI_RETURN_IF_ERROR(fill.Bind(1, **existing));
      GUANXI_RETURN_IF_ERROR(fill.Bind(2, article.full_date));
      reprints_->DatesChanged(**existing);
      return fill.Run();
    }

    Result<std::optional<Original>> original =
        facts.long_enough_for_reprint ? reprints_->FindOriginal(article, facts.signature)
                                      : Result(std::optional<Original>());
    if (!original.ok()) return original.status();
    if (*original) {
      ++stats.reprints;
      return InsertSource((*original)->article_id, path, item_index, article, facts.content_hash,
                          (*original)->similarity);
    }

    GUANXI_RETURN_IF_ERROR(CheckTypes(article));
    Result<int64_t> article_id = InsertArticle(path, item_index, article, facts, stats);
    if (!article_id.ok()) return article_id.status();

    // An item that lists one entity twice (an event under two headings) means
    // one entity.
    std::vector<int64_t> entity_ids;
    std::map<std::pair<EntityType, std::string>, int64_t> named;
    for (size_t i = 0; i < article.entities.size(); ++i) {
      const graph::Entity& entity = article.entities[i];
      const auto [known, is_new] = named.try_emplace({entity.type, entity.name}, 0);
      if (is_new) {
        Result<int64_t> entity_id = EntityFor(entity, facts.evidence[i], *article_id, stats);
        if (!entity_id.ok()) return entity_id.status();
        known->second = *entity_id;
      }
      GUANXI_RETURN_IF_ERROR(AddAliases(entity, known->second, *article_id));
      entity_ids.push_back(known->second);
    }

    const std::vector<graph::Relation>& relations = article.relations;
    for (size_t first = 0; first < relations.size(); first += kRelationRowsPerInsert) {
      const size_t rows = std::min<size_t>(kRelationRowsPerInsert, relations.size() - first);
      Statement& insert = statements_->insert_relations[rows - 1];
      insert.Reset();
      for (size_t r = first; r < first + rows; ++r) {
        const graph::Relation& relation = relations[r];
        const ResolvedRelation& fact = facts.relations[r];
        const int at = static_cast<int>(r - first) * kRelationColumns;  // the row's ?1 is at + 1
        GUANXI_RETURN_IF_ERROR(insert.Bind(at + 1, graph::ToString(relation.type)));
        GUANXI_RETURN_IF_ERROR(insert.Bind(at + 2, entity_ids[fact.source]));
        GUANXI_RETURN_IF_ERROR(insert.Bind(at + 3, entity_ids[fact.target]));
        GUANXI_RETURN_IF_ERROR(insert.Bind(at + 4, relation.title));
        GUANXI_RETURN_IF_ERROR(insert.Bind(at + 5, *article_id));
        GUANXI_RETURN_IF_ERROR(insert.Bind(
            at + 6, fact.sentence_in_text ? std::string_view()
                                          : std::string_view(relation.evidence.sentence)));
        GUANXI_RETURN_IF_ERROR(insert.Bind(at + 7, relation.evidence.char_begin));
        GUANXI_RETURN_IF_ERROR(insert.Bind(at + 8, relation.evidence.char_end));
      }
      GUANXI_RETURN_IF_ERROR(insert.Run());
      stats.relations_added += db_.Changes();
    }
    return Status::Ok();
  }

  Status Flush() { return reprints_->Flush(); }

  void ForgetCaches() {
    for (auto& by_key : live_by_key_) by_key.clear();
    cached_keys_ = 0;
    evidence_.clear();
    reprints_->Forget();
  }

  void ResetStatements() {
    deferred_indexes_checked_ = false;  // another connection may drop them between batches
    for (Statement* statement : statements_->All()) statement->Reset();
    reprints_->ResetStatements();
  }

 private:
  using KeyMap = std::unordered_map<std::string, std::vector<int64_t>>;  // key -> live ids

  // What the schema's CHECKs on a type refuse, refused before anything of
  // the item is written: a bulk load turns them off (IngestSession).
  Status CheckTypes(const graph::Article& article) const {
    const auto refuse = [&](std::string_view what) {
      return Status::InvalidInput(db_.path().string(), "item \"" + article.title +
                                                           "\": " + std::string(what) +
                                                           " of a type the store does not know");
    };
    for (const graph::Entity& entity : article.entities) {
      if (std::ranges::find(graph::kAllEntityTypes, entity.type) ==
          std::end(graph::kAllEntityTypes)) {
        return refuse("entity \"" + entity.name + "\"");
      }
    }
    for (const graph::Relation& relation : article.relations) {
      if (std::ranges::find(graph::kAllRelationTypes, relation.type) ==
          std::end(graph::kAllRelationTypes)) {
        return refuse("a relation");
      }
    }
    return Status::Ok();
  }

  Result<std::optional<int64_t>> FindSource(const std::string& hash) {
    Statement& find = statements_->find_source;
    find.Reset();
    GUANXI_RETURN_IF_ERROR(find.Bind(1, hash));
    Result<bool> row = find.Step();
    if (!row.ok()) return row.status();
    return *row ? std::optional(find.ColumnInt(0)) : std::nullopt;
  }

  Status InsertSource(int64_t article_id, const std::string& path, size_t item_index,
                      const graph::Article& article, const std::string& hash, double similarity) {
    Statement& insert = statements_->insert_source;
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

  Result<int64_t> InsertArticle(const std::string& path, size_t item_index,
                                const graph::Article& article, const ItemFacts& facts,
                                IngestStats& stats) {
    Statement& insert = statements_->insert_article;
    insert.Reset();
    GUANXI_RETURN_IF_ERROR(insert.Bind(1, path));
    GUANXI_RETURN_IF_ERROR(insert.Bind(2, static_cast<int64_t>(item_index)));
    GUANXI_RETURN_IF_ERROR(insert.Bind(3, facts.content_hash));
    GUANXI_RETURN_IF_ERROR(insert.Bind(4, article.title));
    GUANXI_RETURN_IF_ERROR(insert.Bind(5, article.date));
    GUANXI_RETURN_IF_ERROR(insert.Bind(6, article.text));
    GUANXI_RETURN_IF_ERROR(insert.Bind(7, article.full_date));
    GUANXI_RETURN_IF_ERROR(insert.Bind(8, article.outlet));
    GUANXI_RETURN_IF_ERROR(insert.Bind(9, article.place));
    GUANXI_RETURN_IF_ERROR(insert.Bind(10, article.place_code));
    GUANXI_RETURN_IF_ERROR(insert.BindBlob(11, identity::ToBytes(facts.signature)));
    GUANXI_RETURN_IF_ERROR(insert.Bind(12, article.encoding));
    Result<int64_t> inserted = db_.InsertReturningId(insert);
    if (!inserted.ok()) return inserted.status();
    const int64_t article_id = *inserted;
    ++stats.articles_added;
    GUANXI_RETURN_IF_ERROR(
        InsertSource(article_id, path, item_index, article, facts.content_hash, 1.0));
    GUANXI_RETURN_IF_ERROR(reprints_->Record(article_id, facts.signature));

    Statement& subtitle = statements_->insert_subtitle;
    for (size_t i = 0; i < article.subtitles.size(); ++i) {
      subtitle.Reset();
      GUANXI_RETURN_IF_ERROR(subtitle.Bind(1, article_id));
      GUANXI_RETURN_IF_ERROR(subtitle.Bind(2, static_cast<int64_t>(i)));
      GUANXI_RETURN_IF_ERROR(subtitle.Bind(3, article.subtitles[i]));
      GUANXI_RETURN_IF_ERROR(subtitle.Run());
    }
    return article_id;
  }

  // The entity a mention is (identity rules in graph/README.md), with its
  // mention recorded. `evidence` is the person's (ItemFacts::evidence).
  Result<int64_t> EntityFor(const graph::Entity& entity, const identity::PersonEvidence& evidence,
                            int64_t article_id, IngestStats& stats) {
    const bool graph_person =
        entity.type == EntityType::kPerson && identity::ScopeOf(entity) == identity::Scope::kGraph;
    Result<int64_t> entity_id = int64_t{0};
    if (identity::ScopeOf(entity) == identity::Scope::kItem) {
      entity_id = InsertEntity(entity, article_id, stats);
    } else if (graph_person) {
      entity_id = PersonFor(entity, evidence, stats);
    } else {
      Result<std::vector<int64_t>*> known = LiveEntitiesByKey(entity);
      if (!known.ok()) return known.status();
      entity_id = (*known)->empty() ? InsertEntity(entity, std::nullopt, stats)
                                    : Result<int64_t>((*known)->front());
    }
    if (!entity_id.ok()) return entity_id.status();

    const std::string places = JoinedWith(evidence.place_codes, ' ');
    const std::string bodies = JoinedWith(evidence.bodies, '\n');
    Statement& mention = statements_->insert_mention;
    mention.Reset();
    GUANXI_RETURN_IF_ERROR(mention.Bind(1, article_id));
    GUANXI_RETURN_IF_ERROR(mention.Bind(2, *entity_id));
    GUANXI_RETURN_IF_ERROR(mention.Bind(3, graph::ToString(entity.type)));
    GUANXI_RETURN_IF_ERROR(mention.Bind(4, entity.name));
    GUANXI_RETURN_IF_ERROR(mention.Bind(5, places));
    GUANXI_RETURN_IF_ERROR(mention.Bind(6, bodies));
    GUANXI_RETURN_IF_ERROR(mention.Run());
    // The person's evidence in memory grows as the mentions table does: new
    // articles come last in article_id order, as StoredEvidence reads them.
    if (graph_person && db_.Changes() > 0) {
      const auto cached = evidence_.find(*entity_id);
      if (cached != evidence_.end()) cached->second.Add(StoredForm(places, bodies));
    }
    return entity_id;
  }

  Status AddAliases(const graph::Entity& entity, int64_t entity_id, int64_t article_id) {
    Statement& alias = statements_->insert_alias;
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
  Result<int64_t> PersonFor(const graph::Entity& entity, const identity::PersonEvidence& evidence,
                            IngestStats& stats) {
    Result<std::vector<int64_t>*> ids = LiveEntitiesByKey(entity);
    if (!ids.ok()) return ids.status();
    std::vector<identity::KnownPerson> known;
    known.reserve((*ids)->size());
    for (int64_t id : **ids) {
      Result<const identity::PersonEvidence*> stored = StoredEvidence(id);
      if (!stored.ok()) return stored.status();
      known.push_back({id, **stored});
    }
    const identity::PersonMatch match = identity::MatchPerson(evidence, known);
    if (match.same_as) return *match.same_as;

    Result<int64_t> id = InsertEntity(entity, std::nullopt, stats);
    if (!id.ok()) return id.status();
    // Its one mention, written next, is all the evidence it has.
    identity::PersonEvidence own;
    own.Add(StoredForm(JoinedWith(evidence.place_codes, ' '), JoinedWith(evidence.bodies, '\n')));
    if (evidence_.size() < kMaxCachedPersons) evidence_.emplace(*id, std::move(own));
    Statement& insert = statements_->insert_candidate;
    for (const identity::Candidate& candidate : match.candidates) {
      insert.Reset();
      GUANXI_RETURN_IF_ERROR(insert.Bind(1, candidate.id));
      GUANXI_RETURN_IF_ERROR(insert.Bind(2, *id));
      GUANXI_RETURN_IF_ERROR(insert.Bind(3, candidate.reason));
      GUANXI_RETURN_IF_ERROR(insert.Run());
      stats.candidates_added += db_.Changes();
    }
    return id;
  }

  // The evidence of all the stored mentions of person `entity_id`, in
  // article order.
  Result<const identity::PersonEvidence*> StoredEvidence(int64_t entity_id) {
    const auto cached = evidence_.find(entity_id);
    if (cached != evidence_.end()) return &cached->second;
    if (evidence_.size() >= kMaxCachedPersons) evidence_.clear();
    // A bulk load may have deferred the index this reads by (schema.h).
    if (!deferred_indexes_checked_) {
      GUANXI_RETURN_IF_ERROR(CreateBulkLoadIndexes(db_));
      deferred_indexes_checked_ = true;
    }
    identity::PersonEvidence evidence;
    Statement& find = statements_->person_evidence;
    find.Reset();
    GUANXI_RETURN_IF_ERROR(find.Bind(1, entity_id));
    while (true) {
      Result<bool> row = find.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      evidence.Add(StoredForm(find.ColumnText(0), find.ColumnText(1)));
    }
    return &evidence_.emplace(entity_id, std::move(evidence)).first->second;
  }

  // The entities of the whole graph with this type and key, each taken to
  // the entity a merge made it part of; in id order, without repeats. The
  // list stays valid until ForgetCaches; InsertEntity extends it.
  Result<std::vector<int64_t>*> LiveEntitiesByKey(const graph::Entity& entity) {
    KeyMap* by_key = KeysOf(entity.type);
    if (by_key != nullptr) {
      if (const auto cached = by_key->find(entity.name); cached != by_key->end()) {
        return &cached->second;
      }
      if (cached_keys_ >= kMaxCachedKeys) {
        for (auto& map : live_by_key_) map.clear();
        cached_keys_ = 0;
      }
    }
    Statement& find = statements_->find_entities_by_key;
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
    if (by_key == nullptr) {
      uncached_ = std::move(live);
      return &uncached_;
    }
    ++cached_keys_;
    return &by_key->emplace(entity.name, std::move(live)).first->second;
  }

  // The cache of a type; null for a value outside EntityType, which SQLite's
  // CHECK refuses when it is written.
  KeyMap* KeysOf(EntityType type) {
    const auto index = static_cast<size_t>(type);
    return index < live_by_key_.size() ? &live_by_key_[index] : nullptr;
  }

  // Follows merged_into to the entity that holds `id` now.
  Result<int64_t> Survivor(int64_t id) {
    Statement& find = statements_->find_merged_into;
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
  // the whole graph (which joins the list of its key: a new row, the last in
  // id order and its own survivor).
  Result<int64_t> InsertEntity(const graph::Entity& entity, std::optional<int64_t> item,
                               IngestStats& stats) {
    Statement& insert = statements_->insert_entity;
    insert.Reset();
    GUANXI_RETURN_IF_ERROR(insert.Bind(1, graph::ToString(entity.type)));
    GUANXI_RETURN_IF_ERROR(insert.Bind(2, entity.name));
    GUANXI_RETURN_IF_ERROR(item ? insert.Bind(3, *item) : insert.BindNull(3));
    Result<int64_t> inserted = db_.InsertReturningId(insert);
    if (!inserted.ok()) return inserted.status();
    ++stats.entities_added;
    const int64_t id = *inserted;
    if (KeyMap* by_key = KeysOf(entity.type); by_key != nullptr && !item) {
      if (const auto cached = by_key->find(entity.name); cached != by_key->end()) {
        cached->second.push_back(id);
      }
    }
    return id;
  }

  Database& db_;
  std::unique_ptr<WriterStatements> statements_;
  std::unique_ptr<ReprintLookup> reprints_;
  // Live entities by key, one map per EntityType.
  std::array<KeyMap, std::size(graph::kAllEntityTypes)> live_by_key_;
  size_t cached_keys_ = 0;
  std::vector<int64_t> uncached_;  // LiveEntitiesByKey's answer for a type outside the maps
  std::unordered_map<int64_t, identity::PersonEvidence> evidence_;  // persons by id
  bool deferred_indexes_checked_ = false;  // since the last ResetStatements
};

Result<std::unique_ptr<ArticleWriter>> ArticleWriter::Create(Database& db) {
  Result<std::unique_ptr<WriterStatements>> statements = PrepareStatements(db);
  if (!statements.ok()) return statements.status();
  Result<std::unique_ptr<ReprintLookup>> reprints = ReprintLookup::Create(db);
  if (!reprints.ok()) return reprints.status();
  return std::unique_ptr<ArticleWriter>(
      new ArticleWriter(std::make_unique<Impl>(db, std::move(*statements), std::move(*reprints))));
}

ArticleWriter::ArticleWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ArticleWriter::~ArticleWriter() = default;

Status ArticleWriter::Write(const std::string& path, size_t item_index,
                            const graph::Article& article, const ItemFacts& facts,
                            IngestStats& stats) {
  return impl_->Write(path, item_index, article, facts, stats);
}

Status ArticleWriter::Flush() { return impl_->Flush(); }
void ArticleWriter::ForgetCaches() { impl_->ForgetCaches(); }
void ArticleWriter::ResetStatements() { impl_->ResetStatements(); }

}  // namespace guanxi::store
