#pragma once

// The full-text index of the evidence (schema version 7, graph/README.md):
// every distinct sentence that states a relation, once per item and offsets,
// in the FTS5 table evidence_fts with the trigram tokenizer (any three
// characters of Chinese are a term). Internal to guanxi_store.
//
// The index holds text only. Curation never changes a sentence (a merge
// moves relations to other entities, a reject flags them), so a query reads
// a hit's live relations from `relations` at query time and needs nothing
// rewritten here; a sentence whose relations are all rejected is no hit.

#include <string>

#include "graph/status.h"
#include "graph/store/sqlite_db.h"

namespace guanxi::store {

// The version-7 tables: evidence_fts and evidence_indexed (the last article
// id whose sentences are in it). DDL for CreateSchema and Migration.
extern const char* const kEvidenceTables;

// The SQL of IndexNewEvidence (the migration to version 7 runs it too).
std::string IndexNewEvidenceSql();

// Adds the sentences of every article stored since the last call (article
// ids above evidence_indexed's), in one INSERT ... SELECT over the relations'
// unique index, and records the new last id. Call inside the transaction
// that wrote those articles, before its COMMIT, so the index and the
// relations commit together. The adapter's status on a SQLite failure.
Status IndexNewEvidence(Database& database);

// FTS5 merges the index's segments a little at every insert (its
// 'automerge'). A build pauses that while it writes: each batch adds one
// segment (FTS5 still merges 16 of a level at once, its 'crisismerge'), and
// the next inserts after the build merge them again. In the sqlite3 shell,
// the 905,640 sentences of the 250 MB archive in 20 transactions took 13.8 s
// merging and 9.8 s not; a phrase found in 126,363 of them, 0.02 s. Each
// writes the setting (stored in the table) in the open transaction, or in
// one of its own.
Status PauseEvidenceMerges(Database& database);
Status ResumeEvidenceMerges(Database& database);

}  // namespace guanxi::store
