#include "graph/store/content_hash.h"

#include <xxhash.h>

namespace guanxi::store {

std::string ContentHash(std::string_view title, std::string_view text) {
  std::string input;
  input.reserve(title.size() + 1 + text.size());
  input.append(title).append(1, '\n').append(text);
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits(input.data(), input.size()));

  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof(canonical.digest));
  for (unsigned char byte : canonical.digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0x0f];
  }
  return hex;
}

}  // namespace guanxi::store
