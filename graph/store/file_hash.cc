#include "graph/store/file_hash.h"

#include <xxhash.h>

namespace guanxi::store {
namespace {

std::string Hex(XXH128_hash_t hash) {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, hash);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof(canonical.digest));
  for (unsigned char byte : canonical.digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0x0f];
  }
  return hex;
}

}  // namespace

std::string FileContentHash(std::string_view bytes) {
  return Hex(XXH3_128bits(bytes.data(), bytes.size()));
}

// The xxHash state is opaque outside xxhash.h's static-linking section, so it
// is made and freed by the library.
struct FileHasher::State {
  State() : xxh(XXH3_createState()) {}
  ~State() { XXH3_freeState(xxh); }
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  XXH3_state_t* xxh;
};

FileHasher::FileHasher() : state_(std::make_unique<State>()) { XXH3_128bits_reset(state_->xxh); }
FileHasher::FileHasher(FileHasher&&) noexcept = default;
FileHasher& FileHasher::operator=(FileHasher&&) noexcept = default;
FileHasher::~FileHasher() = default;

void FileHasher::Update(std::string_view bytes) {
  XXH3_128bits_update(state_->xxh, bytes.data(), bytes.size());
}

std::string FileHasher::HexDigest() const { return Hex(XXH3_128bits_digest(state_->xxh)); }

}  // namespace guanxi::store
