// GraphIndex::FindEvidence: full-text search of the stored evidence
// (store/evidence_index.h holds the table and how it is kept in step).

#include <string>
#include <string_view>

#include "graph/index/graph_index.h"
#include "graph/store/sqlite_db.h"

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

}  // namespace

Result<EvidenceMatches> GraphIndex::FindEvidence(std::string_view text, size_t limit) {
  if (text.empty()) return Status::InvalidInput("TEXT", "empty: give the text to look for");
  store::Database& db = *database_;
  EvidenceMatches found;
  found.scanned = CharacterCount(text) < kIndexedLength;
  // rowid order is the order sentences were indexed: by item, then offset.
  Result<store::Statement> sentences = db.Prepare(
      found.scanned
          ? "SELECT article_id, char_begin, char_end, sentence FROM evidence_fts "
            "WHERE instr(sentence, ?1) > 0 ORDER BY rowid"
          : "SELECT article_id, char_begin, char_end, sentence FROM evidence_fts "
            "WHERE evidence_fts MATCH ?1 ORDER BY rowid");
  if (!sentences.ok()) return sentences.status();
  GUANXI_RETURN_IF_ERROR(sentences->Bind(1, found.scanned ? std::string(text) : FtsPhrase(text)));
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
