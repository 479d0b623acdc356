#pragma once

// Which stored article a new item reprints (graph/README.md, "Reprints"):
// the stored articles sharing a band key with the item are the candidates,
// and the most similar one at or above the threshold, of a date that allows
// it, is the original. Internal to guanxi_store: the ArticleWriter asks it
// for each new item and tells it about each article it stores.

#include <cstdint>
#include <memory>
#include <optional>

#include "graph/identity/reprint.h"
#include "graph/model.h"
#include "graph/status.h"

namespace guanxi::store {

class Database;

// A stored article that a new item reprints, with their similarity.
struct Original {
  int64_t article_id = 0;
  double similarity = 0;
};

// Looks up and records reprint signatures with prepared statements. For as
// long as it lives it keeps in memory what makes the lookups grow with the
// archive: the articles of band keys that many items share (items written on
// one template) and a 16-byte sketch of each signature it has seen, which
// rules out most candidates without reading their 512-byte signature, and the
// band keys it recorded itself, so that it only asks the table for those of
// other writers. Right while only its owner writes articles; Forget when
// anything else may have.
class ReprintLookup {
 public:
  static Result<std::unique_ptr<ReprintLookup>> Create(Database& db);
  ReprintLookup(const ReprintLookup&) = delete;
  ReprintLookup& operator=(const ReprintLookup&) = delete;
  ~ReprintLookup();

  // The stored article `article` (with `signature`, its SignatureOf) reprints:
  // the most similar candidate with identity::IsReprint and
  // identity::DatesAllowReprint, ties to the older; nullopt for none.
  Result<std::optional<Original>> FindOriginal(const graph::Article& article,
                                               const identity::ReprintSignature& signature);

  // Records the band keys of a new article: FindOriginal sees them at once,
  // the article_bands table from the next Flush.
  Status Record(int64_t article_id, const identity::ReprintSignature& signature);

  // Writes the article_bands rows recorded since the last Flush, in the
  // caller's transaction, in key order (a bulk load walks the index once
  // instead of at random). Before each COMMIT.
  Status Flush();

  // The stored article's dates changed (a full date filled in).
  void DatesChanged(int64_t article_id);

  void Forget();
  void ResetStatements();

 private:
  class Impl;
  explicit ReprintLookup(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace guanxi::store
