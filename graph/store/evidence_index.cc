#include "graph/store/evidence_index.h"

#include "graph/store/schema.h"

namespace guanxi::store {

// One row per sentence: an item's relations drawn from one sentence share
// its offsets, so several relations are one hit. article_id and the offsets
// are UNINDEXED (stored for the join back to relations, not searched);
// columnsize=0 drops the per-row token counts, which only ranking reads.
const char* const kEvidenceTables = R"sql(
CREATE VIRTUAL TABLE evidence_fts USING fts5 (
  sentence, article_id UNINDEXED, char_begin UNINDEXED, char_end UNINDEXED,
  tokenize = 'trigram', columnsize = 0
);
CREATE TABLE evidence_indexed (article_id INTEGER NOT NULL);
INSERT INTO evidence_indexed (article_id) VALUES (0);
)sql";

// Articles are never deleted and their relations are written with them, so
// the ids above the last one indexed are exactly the new items. Reprints add
// sources, not relations. The sentence as kEvidenceSentence reads it, taken
// from the item's text once per distinct sentence: grouped after the join,
// every relation read its item's whole text and the grouping sorted the
// sentences (at 50 MB the query took 1.7 s of CPU; grouped first, 0.5 s).
std::string IndexNewEvidenceSql() {
  return std::string(R"sql(
INSERT INTO evidence_fts (sentence, article_id, char_begin, char_end)
  SELECT )sql") + kEvidenceSentence + R"sql(, r.article_id, r.char_begin, r.char_end
  FROM (SELECT article_id, char_begin, char_end, sentence FROM relations
        WHERE article_id > (SELECT article_id FROM evidence_indexed)
        GROUP BY article_id, char_begin, char_end) r
  JOIN articles a ON a.id = r.article_id
  ORDER BY r.article_id, r.char_begin, r.char_end;
UPDATE evidence_indexed SET article_id = (SELECT ifnull(max(id), 0) FROM articles);
)sql";
}

Status IndexNewEvidence(Database& database) {
  static const std::string sql = IndexNewEvidenceSql();
  return database.Exec(sql);
}

Status PauseEvidenceMerges(Database& database) {
  return database.Exec("INSERT INTO evidence_fts (evidence_fts, rank) VALUES ('automerge', 0)");
}

Status ResumeEvidenceMerges(Database& database) {
  // FTS5's default.
  return database.Exec("INSERT INTO evidence_fts (evidence_fts, rank) VALUES ('automerge', 4)");
}

}  // namespace guanxi::store
