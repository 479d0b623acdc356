#pragma once

// The identity of an input file's bytes: what `guanxi build` compares, once a
// file's size or modification time has changed, to tell whether it must be
// read again (the `files` table, graph/README.md).

#include <memory>
#include <string>
#include <string_view>

namespace guanxi::store {

// XXH3-128 of `bytes` as 32 lower-case hex digits in the canonical
// (big-endian) byte order, as ContentHash writes its digest.
std::string FileContentHash(std::string_view bytes);

// The same over bytes given in pieces (a file read a chunk at a time): the
// digest of all the pieces equals FileContentHash of them joined. Move-only.
class FileHasher {
 public:
  FileHasher();
  FileHasher(FileHasher&&) noexcept;
  FileHasher& operator=(FileHasher&&) noexcept;
  ~FileHasher();

  void Update(std::string_view bytes);
  // The digest of everything given so far; Update may go on afterwards.
  std::string HexDigest() const;

 private:
  struct State;  // the xxHash state, file_hash.cc
  std::unique_ptr<State> state_;
};

}  // namespace guanxi::store
