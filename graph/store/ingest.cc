// Store::Ingest: writing pages into the database in one transaction.

#include <utility>
#include <vector>

#include "graph/store/article_writer.h"
#include "graph/store/curation.h"
#include "graph/store/sqlite_db.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::store {

Result<IngestStats> Store::Ingest(const std::vector<graph::Page>& pages,
                                  const std::function<void(size_t, size_t)>& progress) {
  // Every relation of every page is checked before anything is written.
  std::vector<std::vector<ItemFacts>> facts(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    const graph::Page& page = pages[p];
    for (size_t a = 0; a < page.articles.size(); ++a) {
      Result<ItemFacts> item = FactsOf(page.path, a, page.articles[a]);
      if (!item.ok()) return item.status();
      facts[p].push_back(std::move(*item));
    }
  }

  Database& db = *database_;
  Result<Transaction> transaction = Transaction::Begin(db);
  if (!transaction.ok()) return transaction.status();
  IngestStats stats;
  {
    // The writer's statements are finalized before COMMIT.
    Result<std::unique_ptr<ArticleWriter>> writer = ArticleWriter::Create(db);
    if (!writer.ok()) return writer.status();
    for (size_t p = 0; p < pages.size(); ++p) {
      const graph::Page& page = pages[p];
      for (size_t a = 0; a < page.articles.size(); ++a) {
        GUANXI_RETURN_IF_ERROR((*writer)->Write(page.path, a, page.articles[a], facts[p][a], stats));
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
