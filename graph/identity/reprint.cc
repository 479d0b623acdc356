#include "graph/identity/reprint.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace guanxi::identity {

// Measured on the seeds and the dev articles with derived reprints
// (graph/identity/README.md, "## Reprints", and bench/reprint_threshold.cc).
const double kReprintThreshold = 0.5;

namespace {

// Code points per shingle. Chinese carries about one word per two characters,
// so 4 characters span two words: short enough that one changed figure or
// sentence removes few shingles, long enough that the single words every
// meeting report shares (会议, 强调, 工作会) do not make two reports alike
// (the README compares 2 to 5 on the corpus).
constexpr int kShingleLength = 4;
constexpr int kRowsPerBand = kMinHashes / kBands;
static_assert(kMinHashes % kBands == 0);

// The finaliser of SplitMix64: a bijection on 64-bit values that mixes every
// input bit into every output bit.
constexpr uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// The MinHash functions are h_i(s) = Mix(XXH3(s) ^ kSalts[i]): one XXH3 per
// shingle, then 64 cheap independent-looking permutations. The salts are
// fixed (a SplitMix64 sequence from a fixed start), so signatures stored in a
// database stay valid across runs and machines; changing them, the shingle
// length or the normalisation invalidates every stored signature.
constexpr std::array<uint64_t, kMinHashes> MakeSalts() {
  std::array<uint64_t, kMinHashes> salts{};
  uint64_t state = 0x6775616e78692d72ULL;  // "guanxi-r"
  for (uint64_t& salt : salts) {
    state += 0x9e3779b97f4a7c15ULL;
    salt = Mix(state);
  }
  return salts;
}
constexpr std::array<uint64_t, kMinHashes> kSalts = MakeSalts();

// Takes one shingle's hash `base` into the signature: each MinHash keeps the
// smaller of its value and the shingle's. A tenth of a build's extraction
// was this loop; built a second time for processors with AVX-512 (eight
// 64-bit multiplications at once; the loader picks the build the processor
// runs), it takes about a third of the time, with the same hashes.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((target_clones("arch=x86-64-v4", "default")))
#endif
void AddShingle(uint64_t base, std::array<uint64_t, kMinHashes>& hashes) {
  for (int i = 0; i < kMinHashes; ++i) hashes[i] = std::min(hashes[i], Mix(base ^ kSalts[i]));
}

// Full-width ASCII forms (U+FF01..FF5E: "２０２４", "ＧＤＰ") become ASCII so
// that an outlet which types half-width figures reprints the same shingles.
UChar32 FoldWidth(UChar32 c) { return (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : c; }

// `text` without white space and punctuation, as UTF-8, and the byte offset
// of each of its code points followed by its length. Malformed bytes (an
// Article::text is valid UTF-8; other callers may pass anything) are dropped.
// ICU counts bytes in int32_t: an item's text is far below 2 GiB.
std::string Normalise(std::string_view text, std::vector<size_t>& starts) {
  std::string out;
  out.reserve(text.size());
  starts.clear();
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || u_isUWhiteSpace(c) || u_ispunct(c)) continue;
    c = FoldWidth(c);
    starts.push_back(out.size());
    uint8_t buffer[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, c);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
  }
  starts.push_back(out.size());
  return out;
}

void PutLittleEndian(uint64_t value, char* out) {
  for (int b = 0; b < 8; ++b) out[b] = static_cast<char>((value >> (8 * b)) & 0xFF);
}

uint64_t GetLittleEndian(const char* in) {
  uint64_t value = 0;
  for (int b = 0; b < 8; ++b) value |= uint64_t{static_cast<uint8_t>(in[b])} << (8 * b);
  return value;
}

}  // namespace

ReprintSignature SignatureOf(std::string_view text) {
  std::vector<size_t> starts;
  const std::string normal = Normalise(text, starts);
  const size_t code_points = starts.size() - 1;

  ReprintSignature signature;
  signature.hashes.fill(UINT64_MAX);
  auto add_shingle = [&](size_t begin, size_t end) {
    AddShingle(XXH3_64bits(normal.data() + begin, end - begin), signature.hashes);
  };
  if (code_points < static_cast<size_t>(kShingleLength)) {
    add_shingle(0, normal.size());  // the whole text, possibly empty
  } else {
    for (size_t i = 0; i + kShingleLength <= code_points; ++i) {
      add_shingle(starts[i], starts[i + kShingleLength]);
    }
  }
  return signature;
}

double Similarity(const ReprintSignature& a, const ReprintSignature& b) {
  int equal = 0;
  for (int i = 0; i < kMinHashes; ++i) equal += a.hashes[i] == b.hashes[i] ? 1 : 0;
  return static_cast<double>(equal) / kMinHashes;
}

bool IsReprint(const ReprintSignature& a, const ReprintSignature& b) {
  return Similarity(a, b) >= kReprintThreshold;
}

std::array<int64_t, kBands> BandKeys(const ReprintSignature& signature) {
  std::array<int64_t, kBands> keys{};
  for (int band = 0; band < kBands; ++band) {
    char bytes[kRowsPerBand * 8];
    for (int row = 0; row < kRowsPerBand; ++row) {
      PutLittleEndian(signature.hashes[band * kRowsPerBand + row], bytes + 8 * row);
    }
    // Seeded by the band so that equal rows in different bands give different
    // keys, and all keys can share one indexed column.
    keys[band] = static_cast<int64_t>(XXH3_64bits_withSeed(bytes, sizeof bytes, band));
  }
  return keys;
}

std::string ToBytes(const ReprintSignature& signature) {
  std::string bytes(kMinHashes * 8, '\0');
  for (int i = 0; i < kMinHashes; ++i) PutLittleEndian(signature.hashes[i], bytes.data() + 8 * i);
  return bytes;
}

std::optional<ReprintSignature> FromBytes(std::string_view bytes) {
  if (bytes.size() != kMinHashes * 8) return std::nullopt;
  ReprintSignature signature;
  for (int i = 0; i < kMinHashes; ++i) signature.hashes[i] = GetLittleEndian(bytes.data() + 8 * i);
  return signature;
}

}  // namespace guanxi::identity
