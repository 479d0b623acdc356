// GraphIndex::FindEvidence: full-text search of the stored evidence
// (store/evidence_index.h holds the table and how it is kept in step).

#include <string>
#include <string_view>

#include "graph/index/graph_index.h"
#include "graph/store/database.h"
#include "graph/store/schema.h"

namespace guanxi::index {
namespace {

// The number of characters (code points) of UTF-8 `text`.
size_t CharacterCount(std::string_view text) {
  size_t count = 0;
  for (unsigned char byte : text) count += (byte & 0xC0) != 0x80;
  return count;
}

// The trigram tokenizer needs three characters for a term.
constexpr size_t kIndexedLength = 3;

// `text` as one FTS5 string: a phrase of its trigrams, so that it matches as
// a substring whatever quotes, operators or brackets it holds.
std::string FtsPhrase(std::string_view text) {
  std::string phrase = "\"";
  for (char c : text) {
    if (c == '"') phrase += '"';
    phrase += c;
  }
  return phrase + '"';
}

// Every stored sentence holding ?1, each once, by item and then offset, as
// (article_id, char_begin, char_end, sentence). SQLite reads its full-text
// index (rowid order is the order sentences were indexed: by item, then
// offset), scanning it for a text too short for a trigram. PostgreSQL holds
// no full-text index (docs/postgresql.md) and reads every relation's
// sentence, folding ASCII letters' case as the trigram index does.
std::string SentencesSql(store::Dialect dialect, bool scanned) {
  if (dialect == store::Dialect::kSqlite) {
    return scanned ? "SELECT article_id, char_begin, char_end, sentence FROM evidence_fts "
                     "WHERE instr(sentence, ?1) > 0 ORDER BY rowid"
                   : "SELECT article_id, char_begin, char_end, sentence FROM evidence_fts "
                     "WHERE evidence_fts MATCH ?1 ORDER BY rowid";
  }
  const std::string sentence = store::kEvidenceSentence;
  const std::string condition = scanned ? "strpos(" + sentence + ", ?1) > 0"
                                        : "strpos(lower(" + sentence + "), lower(?1)) > 0";
  return "SELECT DISTINCT r.article_id, r.char_begin, r.char_end, " + sentence +
         " FROM relations r JOIN articles a ON a.id = r.article_id WHERE " + condition +
         " ORDER BY r.article_id, r.char_begin, r.char_end";
}

}  // namespace

Result<EvidenceMatches> GraphIndex::FindEvidence(std::string_view text, size_t limit) {
  if (text.empty()) return Status::InvalidInput("TEXT", "empty: give the text to look for");
  store::Database& db = *database_;
  EvidenceMatches found;
  found.scanned = CharacterCount(text) < kIndexedLength;
  Result<store::Statement> sentences = db.Prepare(SentencesSql(db.dialect(), found.scanned));
  if (!sentences.ok()) return sentences.status();
  const bool phrase = db.dialect() == store::Dialect::kSqlite && !found.scanned;
  GUANXI_RETURN_IF_ERROR(sentences->Bind(1, phrase ? FtsPhrase(text) : std::string(text)));
  Result<store::Statement> relations = db.Prepare(
      "SELECT id, source_id, target_id FROM relations WHERE article_id = ?1 AND "
      "char_begin = ?2 AND char_end = ?3 AND rejected = 0 ORDER BY id");
  if (!relations.ok()) return relations.status();
  while (true) {
    Result<bool> row = sentences->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    EvidenceMatch match{sentences->ColumnInt(0), sentences->ColumnInt(1),
                        sentences->ColumnInt(2), sentences->ColumnText(3), {}};
    relations->Reset();
    GUANXI_RETURN_IF_ERROR(relations->Bind(1, match.article_id));
    GUANXI_RETURN_IF_ERROR(relations->Bind(2, match.char_begin));
    GUANXI_RETURN_IF_ERROR(relations->Bind(3, match.char_end));
    while (true) {
      Result<bool> relation = relations->Step();
      if (!relation.ok()) return relation.status();
      if (!*relation) break;
      if (rejected_.count(relations->ColumnInt(1)) != 0 ||
          rejected_.count(relations->ColumnInt(2)) != 0) {
        continue;
      }
      match.relation_ids.push_back(relations->ColumnInt(0));
    }
    if (match.relation_ids.empty()) continue;  // curated away
    ++found.total;
    if (limit == 0 || found.matches.size() < limit) found.matches.push_back(std::move(match));
  }
  return found;
}

}  // namespace guanxi::index
