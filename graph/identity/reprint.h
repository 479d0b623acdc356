#pragma once

// Reprints: the same news item published again by another outlet, often with
// a changed headline, a changed figure or sentence and the outlet's own
// furniture. An item whose text nearly equals a stored one is folded into it
// as a further source (graph/README.md, "Identity rules").
//
// Similarity is the Jaccard similarity of the two texts' sets of character
// shingles, estimated by MinHash; banding (locality-sensitive hashing) finds
// the stored items worth comparing without comparing all of them.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace guanxi::identity {

inline constexpr int kMinHashes = 64;  // hashes per signature
inline constexpr int kBands = 16;      // bands of kMinHashes / kBands hashes each

// The similarity from which two items are one article (measured on real items
// and their reprints; graph/identity/README.md gives the figures).
extern const double kReprintThreshold;

// The MinHash signature of an item's text.
struct ReprintSignature {
  std::array<uint64_t, kMinHashes> hashes{};
  bool operator==(const ReprintSignature&) const = default;
};

// The signature of `text` (UTF-8, an Article::text): shingles of consecutive
// code points after whitespace and punctuation are dropped, so that line
// breaks and layout do not count. A text too short to give one shingle has
// the signature of its whole (normalised) text.
ReprintSignature SignatureOf(std::string_view text);

// The estimated Jaccard similarity of the two texts' shingle sets, 0..1.
double Similarity(const ReprintSignature& a, const ReprintSignature& b);

// True when Similarity(a, b) >= kReprintThreshold.
bool IsReprint(const ReprintSignature& a, const ReprintSignature& b);

// One key per band: two signatures that share a key are candidates for
// Similarity. A pair of similarity s shares one with probability
// 1 - (1 - s^4)^16: 0.64 at the threshold, 0.99 from 0.7 (the reprints of
// a changed figure or outlet line score above 0.8; README has the figures).
// More bands would find more reprints near the threshold at the cost of many
// more pairs to compare in a large archive.
std::array<int64_t, kBands> BandKeys(const ReprintSignature& signature);

// The signature as bytes for storage (kMinHashes * 8, little-endian) and back;
// FromBytes gives nullopt for bytes of another length.
std::string ToBytes(const ReprintSignature& signature);
std::optional<ReprintSignature> FromBytes(std::string_view bytes);

}  // namespace guanxi::identity
