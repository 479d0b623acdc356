// Store::Ingest: pages in memory written as one batch of an IngestSession.

#include <limits>
#include <utility>
#include <vector>

#include "graph/store/ingest_session.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::store {

Result<IngestStats> Store::Ingest(const std::vector<graph::Page>& pages,
                                  const std::function<void(size_t, size_t)>& progress) {
  // Every relation of every page is checked before anything is written.
  std::vector<std::vector<PreparedItem>> items(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    const graph::Page& page = pages[p];
    for (size_t a = 0; a < page.articles.size(); ++a) {
      Result<PreparedItem> item = PrepareItem(page.path, a, page.articles[a]);
      if (!item.ok()) return item.status();
      items[p].push_back(std::move(*item));
    }
  }

  // One transaction: the batch ends only with the session.
  IngestOptions options;
  options.batch_items = std::numeric_limits<int64_t>::max();
  options.batch_seconds = std::numeric_limits<double>::infinity();
  Result<IngestSession> session = BeginIngest(options);
  if (!session.ok()) return session.status();
  for (size_t p = 0; p < pages.size(); ++p) {
    for (PreparedItem& item : items[p]) GUANXI_RETURN_IF_ERROR(session->Add(std::move(item)));
    GUANXI_RETURN_IF_ERROR(session->EndFile(std::nullopt));
    if (progress) progress(p + 1, pages.size());
  }
  return session->Finish();
}

}  // namespace guanxi::store
