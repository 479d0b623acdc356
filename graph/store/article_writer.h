#pragma once

// Writing one news item by the identity rules (graph/README.md): its source
// or reprint, its article row, entities, mentions, aliases, candidate pairs
// and relations. Internal to guanxi_store: Store::Ingest and IngestSession
// call it inside the transactions they own.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "graph/identity/identity.h"
#include "graph/identity/reprint.h"
#include "graph/model.h"
#include "graph/status.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::store {

class Database;

// Relation endpoints of one article as indexes into Article::entities, in the
// order of Article::relations.
struct ResolvedRelation {
  size_t source = 0;
  size_t target = 0;
  // The evidence sentence is the item's text between its offsets, as the
  // extractor gives it: stored as '' and read back from the text (schema.h,
  // kEvidenceSentence).
  bool sentence_in_text = false;
};

// What the identity rules compute from an item alone, before any lookup:
// computed on any thread (FactsOf is pure), so that the one thread that
// writes does only the lookups and the writing.
struct ItemFacts {
  std::string content_hash;                 // ContentHash(title, text)
  identity::ReprintSignature signature;     // SignatureOf(text)
  bool long_enough_for_reprint = false;     // LongEnoughForReprint(text)
  std::vector<ResolvedRelation> relations;  // the endpoints of each relation
  // Per entity of the item: the evidence EvidenceOf gives for a person of
  // the whole graph; empty for every other entity.
  std::vector<identity::PersonEvidence> evidence;
};

// The facts of `article`, item `item_index` (0-based) of the page at `path`.
// When two entities of the item share a name, a relation takes the one of the
// type it expects. InvalidInput ("PATH: item N "TITLE": relation TYPE names
// unknown entity "NAME"") when a relation names no entity of the item.
Result<ItemFacts> FactsOf(const std::string& path, size_t item_index,
                          const graph::Article& article);

// Writes items one at a time with prepared statements. For as long as it
// lives it keeps in memory what the identity rules read for every mention:
// the live entities of each (type, key) and each known person's evidence.
// Those copies are right while only this writer changes entities and
// mentions; ForgetCaches when anything else may have (a decision applied,
// another connection's commit). The database must outlive the writer.
class ArticleWriter {
 public:
  // Prepares the statements. The adapter's status on failure.
  static Result<std::unique_ptr<ArticleWriter>> Create(Database& db);
  ArticleWriter(const ArticleWriter&) = delete;
  ArticleWriter& operator=(const ArticleWriter&) = delete;
  ~ArticleWriter();

  // Writes item `item_index` of the page at `path`, with its `facts`
  // (FactsOf), inside the caller's transaction, and adds what it did to
  // `stats`. SQLite failures as the adapter reports them; after one the
  // caller rolls back and drops the writer.
  Status Write(const std::string& path, size_t item_index, const graph::Article& article,
               const ItemFacts& facts, IngestStats& stats);

  // Writes what Write held back (the reprint band keys of the items written
  // since the last Flush), in the caller's transaction. Before each COMMIT.
  Status Flush();

  // Drops the in-memory copies; they are read again from the database.
  void ForgetCaches();
  // Resets every statement, so that none holds a read open across a COMMIT.
  void ResetStatements();

 private:
  class Impl;
  explicit ArticleWriter(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace guanxi::store
