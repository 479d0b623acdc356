#include "graph/store/content_hash.h"

#include "graph/store/file_hash.h"

namespace guanxi::store {

std::string ContentHash(std::string_view title, std::string_view text) {
  std::string input;
  input.reserve(title.size() + 1 + text.size());
  input.append(title).append(1, '\n').append(text);
  // The same hash as a file's bytes (XXH3-128, 32 hex digits).
  return FileContentHash(input);
}

}  // namespace guanxi::store
