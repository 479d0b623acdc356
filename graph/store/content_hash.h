#pragma once

// The identity of a stored news item: what makes re-ingesting a page a no-op.

#include <string>
#include <string_view>

namespace guanxi::store {

// XXH3-128 of `title` + '\n' + `text`, as 32 lower-case hex digits in the
// canonical (big-endian) byte order. Stored in articles.content_hash.
std::string ContentHash(std::string_view title, std::string_view text);

}  // namespace guanxi::store
