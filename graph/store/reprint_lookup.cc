#include "graph/store/reprint_lookup.h"

#include <algorithm>
#include <array>
#include <bit>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/identity/identity.h"
#include "graph/store/database.h"

namespace guanxi::store {
namespace {

// Four low bits of each of a signature's hashes. Where two hashes are equal
// so are their bits, so two signatures with k equal hashes have at least k
// equal nibbles: fewer equal nibbles than IsReprint needs equal hashes rule
// a reprint out exactly. Unequal hashes agree in a nibble one time in 16, so
// texts sharing a band but well below the threshold (similarity 0.3: about
// 19 equal hashes of 64, 22 equal nibbles) are ruled out without reading
// their signatures; two bits let a third of a 50 MB archive's candidates
// through (122,924 of 608,827), almost all of them to be read and refused.
struct Sketch {
  std::array<uint64_t, 4> bits{};
};
static_assert(identity::kMinHashes == 64, "a sketch holds four bits of 64 hashes");

Sketch SketchOf(const identity::ReprintSignature& signature) {
  Sketch sketch;
  for (int i = 0; i < identity::kMinHashes; ++i) {
    sketch.bits[i / 16] |= (signature.hashes[i] & 0xF) << (4 * (i % 16));
  }
  return sketch;
}

// False only when the two signatures cannot be reprints (IsReprint false).
bool MayBeReprint(const Sketch& a, const Sketch& b) {
  int equal_nibbles = 0;
  for (size_t w = 0; w < a.bits.size(); ++w) {
    const uint64_t differ = a.bits[w] ^ b.bits[w];
    const uint64_t any = (differ | (differ >> 1) | (differ >> 2) | (differ >> 3)) &
                         0x1111111111111111ULL;  // one bit per unequal nibble
    equal_nibbles += 16 - std::popcount(any);
  }
  return static_cast<double>(equal_nibbles) / identity::kMinHashes >= identity::kReprintThreshold;
}

// A band key and an article that has it: an article_bands row.
struct BandRow {
  int64_t key = 0;
  int64_t article_id = 0;
  friend auto operator<=>(const BandRow&, const BandRow&) = default;
};

// Band rows in memory, searchable as they grow: sorted runs merged like the
// digits of a binary counter (a run joins the one before it when that one is
// no larger), so that n rows make at most log2(n) runs and each row is moved
// log2(n) times. Most keys looked up are in no run: a bit per hashed key
// (one-bit Bloom filter, 8 MiB) says so without searching them.
class BandRuns {
 public:
  void Add(std::vector<BandRow> sorted) {
    if (filter_.empty()) filter_.resize(kFilterBits / 64);
    for (const BandRow& row : sorted) {
      const uint64_t bit = FilterBit(row.key);
      filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
    runs_.push_back(std::move(sorted));
    while (runs_.size() >= 2 && runs_[runs_.size() - 2].size() <= runs_.back().size()) {
      const std::vector<BandRow>& newer = runs_.back();
      const std::vector<BandRow>& older = runs_[runs_.size() - 2];
      std::vector<BandRow> merged;
      merged.reserve(older.size() + newer.size());
      std::merge(older.begin(), older.end(), newer.begin(), newer.end(),
                 std::back_inserter(merged));
      runs_.pop_back();
      runs_.back() = std::move(merged);
    }
  }

  // Appends the articles of band `key` to `out`.
  void ArticlesOf(int64_t key, std::vector<int64_t>& out) const {
    if (filter_.empty()) return;
    const uint64_t bit = FilterBit(key);
    if ((filter_[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return;
    for (const std::vector<BandRow>& run : runs_) {
      auto row = std::lower_bound(run.begin(), run.end(),
                                  BandRow{key, std::numeric_limits<int64_t>::min()});
      for (; row != run.end() && row->key == key; ++row) out.push_back(row->article_id);
    }
  }

  void Clear() {
    runs_.clear();
    filter_.clear();
  }

 private:
  static constexpr int kFilterBitsLog2 = 26;
  static constexpr uint64_t kFilterBits = uint64_t{1} << kFilterBitsLog2;

  // Fibonacci hashing: the key's bits mixed into the filter's range.
  static uint64_t FilterBit(int64_t key) {
    return (static_cast<uint64_t>(key) * 0x9E3779B97F4A7C15ULL) >> (64 - kFilterBitsLog2);
  }

  std::vector<std::vector<BandRow>> runs_;
  std::vector<uint64_t> filter_;  // kFilterBits bits once a row is added
};

// A band key's articles are kept in memory once it has this many.
constexpr size_t kPopularBand = 8;
// In-memory copies stop growing here (then they are dropped and read again).
constexpr size_t kMaxPopularRows = size_t{1} << 21;       // 8 bytes each
// Band rows written by one INSERT (two parameters each).
constexpr size_t kBandRowsPerInsert = 64;

constexpr size_t kMaxCachedSignatures = size_t{1} << 14;  // about 600 bytes each
constexpr int64_t kMaxSketchedId = int64_t{1} << 25;      // 48 bytes each, by id

}  // namespace

class ReprintLookup::Impl {
 public:
  Impl(Statement insert_band, Statement insert_bands, Statement find_banded, Statement find_signed,
       Statement any_band)
      : insert_band_(std::move(insert_band)),
        insert_bands_(std::move(insert_bands)),
        find_banded_(std::move(find_banded)),
        find_signed_(std::move(find_signed)),
        any_band_(std::move(any_band)) {}

  Result<std::optional<Original>> FindOriginal(const graph::Article& article,
                                               const identity::ReprintSignature& signature) {
    Result<std::vector<int64_t>> banded = ArticlesSharingABand(identity::BandKeys(signature));
    if (!banded.ok()) return banded.status();
    std::vector<int64_t>& candidates = *banded;
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    // Each candidate's sketch is a cache miss in a table by article id (tens
    // of candidates an item at 250 MB; the misses were a seventh of the
    // lookup's time): all are asked for before the first is read.
    for (int64_t id : candidates) {
      if (id >= 0 && id < static_cast<int64_t>(sketches_.size())) {
        __builtin_prefetch(&sketches_[id]);
      }
    }

    const Sketch sketch = SketchOf(signature);
    std::optional<Original> best;
    for (int64_t id : candidates) {
      Result<std::optional<Sketch>> stored_sketch = SketchFor(id);
      if (!stored_sketch.ok()) return stored_sketch.status();
      if (!*stored_sketch || !MayBeReprint(sketch, **stored_sketch)) continue;
      Result<const Signed*> stored = SignedArticle(id);
      if (!stored.ok()) return stored.status();
      if (*stored == nullptr || !identity::IsReprint(signature, (*stored)->signature)) continue;
      if (!identity::DatesAllowReprint(article.full_date, article.date, (*stored)->full_date,
                                       (*stored)->date)) {
        continue;
      }
      const Original candidate{id, identity::Similarity(signature, (*stored)->signature)};
      if (!best || candidate.similarity > best->similarity ||
          (candidate.similarity == best->similarity && candidate.article_id < best->article_id)) {
        best = candidate;
      }
    }
    return best;
  }

  Status Record(int64_t article_id, const identity::ReprintSignature& signature) {
    std::vector<BandRow> rows;
    rows.reserve(identity::kBands);
    for (int64_t key : identity::BandKeys(signature)) {
      rows.push_back({key, article_id});
      if (const auto popular = popular_bands_.find(key); popular != popular_bands_.end()) {
        popular->second.push_back(article_id);
        ++popular_rows_;
      }
    }
    std::sort(rows.begin(), rows.end());
    unwritten_.insert(unwritten_.end(), rows.begin(), rows.end());
    session_bands_.Add(std::move(rows));
    RememberSketch(article_id, SketchOf(signature));
    return Status::Ok();
  }

  Status Flush() {
    std::sort(unwritten_.begin(), unwritten_.end());
    // kBandRowsPerInsert rows per statement while they last, then one by
    // one: on PostgreSQL each statement is a round trip to the server.
    size_t next = 0;
    for (; next + kBandRowsPerInsert <= unwritten_.size(); next += kBandRowsPerInsert) {
      insert_bands_.Reset();
      for (size_t r = 0; r < kBandRowsPerInsert; ++r) {
        const BandRow& row = unwritten_[next + r];
        GUANXI_RETURN_IF_ERROR(insert_bands_.Bind(static_cast<int>(2 * r + 1), row.key));
        GUANXI_RETURN_IF_ERROR(insert_bands_.Bind(static_cast<int>(2 * r + 2), row.article_id));
      }
      GUANXI_RETURN_IF_ERROR(insert_bands_.Run());
    }
    for (; next < unwritten_.size(); ++next) {
      insert_band_.Reset();
      GUANXI_RETURN_IF_ERROR(insert_band_.Bind(1, unwritten_[next].key));
      GUANXI_RETURN_IF_ERROR(insert_band_.Bind(2, unwritten_[next].article_id));
      GUANXI_RETURN_IF_ERROR(insert_band_.Run());
    }
    insert_band_.Reset();
    insert_bands_.Reset();
    unwritten_.clear();
    return Status::Ok();
  }

  void DatesChanged(int64_t article_id) { signed_.erase(article_id); }

  void Forget() {
    // What this lookup wrote is in the table now, with what others wrote.
    session_bands_.Clear();
    std::vector<BandRow> unwritten = unwritten_;
    std::sort(unwritten.begin(), unwritten.end());
    session_bands_.Add(std::move(unwritten));
    stored_elsewhere_.reset();
    popular_bands_.clear();
    popular_rows_ = 0;
    sketches_.clear();
    signed_.clear();
  }

  void ResetStatements() {
    insert_band_.Reset();
    any_band_.Reset();
    find_banded_.Reset();
    find_signed_.Reset();
  }

 private:
  // What a reprint check reads of a stored article.
  struct Signed {
    identity::ReprintSignature signature;
    std::string date;
    std::string full_date;
  };

  // The stored articles with any of `keys` among their band keys (with
  // repeats). Those this lookup recorded come from memory, the others from
  // one index-only query for the keys not in memory (none when the table
  // held no other rows): most items share none. A key shared by many articles would give its whole list again
  // for every new item, and make the lookups grow with the square of the
  // archive: such lists are kept in memory, and new articles join them.
  Result<std::vector<int64_t>> ArticlesSharingABand(
      const std::array<int64_t, identity::kBands>& keys) {
    std::vector<int64_t> found;
    for (int64_t key : keys) session_bands_.ArticlesOf(key, found);
    Result<bool> elsewhere = StoredElsewhere();
    if (!elsewhere.ok()) return elsewhere.status();
    if (!*elsewhere) return found;
    find_banded_.Reset();
    for (int i = 0; i < identity::kBands; ++i) {
      const auto popular = popular_bands_.find(keys[i]);
      if (popular == popular_bands_.end()) {
        GUANXI_RETURN_IF_ERROR(find_banded_.Bind(i + 1, keys[i]));
      } else {
        GUANXI_RETURN_IF_ERROR(find_banded_.BindNull(i + 1));  // IN (NULL) matches nothing
        found.insert(found.end(), popular->second.begin(), popular->second.end());
      }
    }
    std::unordered_map<int64_t, std::vector<int64_t>> by_key;
    while (true) {
      Result<bool> row = find_banded_.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      by_key[find_banded_.ColumnInt(0)].push_back(find_banded_.ColumnInt(1));
    }
    for (auto& [key, ids] : by_key) {
      found.insert(found.end(), ids.begin(), ids.end());
      if (ids.size() < kPopularBand) continue;
      if (popular_rows_ + ids.size() > kMaxPopularRows) {
        popular_bands_.clear();
        popular_rows_ = 0;
      }
      popular_rows_ += ids.size();
      popular_bands_.emplace(key, std::move(ids));
    }
    return found;
  }

  // Whether article_bands may hold rows that session_bands_ does not: rows
  // stored before this lookup, or by another connection since (Forget).
  Result<bool> StoredElsewhere() {
    if (!stored_elsewhere_) {
      any_band_.Reset();
      Result<bool> row = any_band_.Step();
      if (!row.ok()) return row.status();
      stored_elsewhere_ = *row && any_band_.ColumnInt(0) != 0;
      any_band_.Reset();
    }
    return *stored_elsewhere_;
  }

  // The sketch of a stored article's signature; nullopt when it has none
  // that reads.
  Result<std::optional<Sketch>> SketchFor(int64_t id) {
    if (id >= 0 && id < static_cast<int64_t>(sketches_.size()) && sketches_[id].known) {
      return sketches_[id].sketch;
    }
    Result<const Signed*> stored = SignedArticle(id);
    if (!stored.ok()) return stored.status();
    std::optional<Sketch> sketch;
    if (*stored != nullptr) sketch = SketchOf((*stored)->signature);
    RememberSketch(id, sketch);
    return sketch;
  }

  void RememberSketch(int64_t id, std::optional<Sketch> sketch) {
    if (id < 0 || id >= kMaxSketchedId) return;
    if (id >= static_cast<int64_t>(sketches_.size())) {
      sketches_.resize(std::max<size_t>(static_cast<size_t>(id) + 1, 2 * sketches_.size()));
    }
    sketches_[id] = {true, sketch};
  }

  // A stored article's signature and dates (null when its signature does not
  // read): read for the few candidates whose sketch allows a reprint.
  Result<const Signed*> SignedArticle(int64_t id) {
    if (const auto cached = signed_.find(id); cached != signed_.end()) return &cached->second;
    find_signed_.Reset();
    GUANXI_RETURN_IF_ERROR(find_signed_.Bind(1, id));
    Result<bool> row = find_signed_.Step();
    if (!row.ok()) return row.status();
    if (!*row) return nullptr;
    const std::optional<identity::ReprintSignature> signature =
        identity::FromBytes(find_signed_.ColumnBlob(0));
    if (!signature) return nullptr;
    // When full, every other entry goes (in hash order, as good as at random).
    if (signed_.size() >= kMaxCachedSignatures) {
      bool drop = true;
      for (auto it = signed_.begin(); it != signed_.end(); drop = !drop) {
        it = drop ? signed_.erase(it) : std::next(it);
      }
    }
    Signed read{*signature, find_signed_.ColumnText(1), find_signed_.ColumnText(2)};
    return &signed_.insert_or_assign(id, std::move(read)).first->second;
  }

  struct KnownSketch {
    bool known = false;
    std::optional<Sketch> sketch;
  };

  Statement insert_band_;
  Statement insert_bands_;  // kBandRowsPerInsert rows
  Statement find_banded_;
  Statement find_signed_;
  Statement any_band_;
  // The rows this lookup recorded, and of those the ones Flush has still to
  // write.
  BandRuns session_bands_;
  std::vector<BandRow> unwritten_;
  std::optional<bool> stored_elsewhere_;  // StoredElsewhere, once known
  std::unordered_map<int64_t, std::vector<int64_t>> popular_bands_;  // band key -> articles
  size_t popular_rows_ = 0;
  std::vector<KnownSketch> sketches_;  // by article id
  std::unordered_map<int64_t, Signed> signed_;
};

Result<std::unique_ptr<ReprintLookup>> ReprintLookup::Create(Database& db) {
  static_assert(identity::kBands == 16, "find_banded binds one parameter per band");
  Result<Statement> insert_band = db.Prepare(
      "INSERT INTO article_bands (band_key, article_id) VALUES (?1, ?2) "
      "ON CONFLICT DO NOTHING");
  if (!insert_band.ok()) return insert_band.status();
  Result<Statement> insert_bands = db.Prepare(
      MultiRowInsertSql("INSERT INTO article_bands (band_key, article_id) VALUES ", 2,
                        static_cast<int>(kBandRowsPerInsert), " ON CONFLICT DO NOTHING"));
  if (!insert_bands.ok()) return insert_bands.status();
  Result<Statement> find_banded = db.Prepare(
      "SELECT band_key, article_id FROM article_bands WHERE band_key IN (?1, ?2, ?3, ?4, ?5, ?6, "
      "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
  if (!find_banded.ok()) return find_banded.status();
  Result<Statement> find_signed =
      db.Prepare("SELECT signature, date, full_date FROM articles WHERE id = ?1");
  if (!find_signed.ok()) return find_signed.status();
  Result<Statement> any_band = db.Prepare("SELECT EXISTS (SELECT 1 FROM article_bands)");
  if (!any_band.ok()) return any_band.status();
  return std::unique_ptr<ReprintLookup>(new ReprintLookup(std::make_unique<Impl>(
      std::move(*insert_band), std::move(*insert_bands), std::move(*find_banded),
      std::move(*find_signed), std::move(*any_band))));
}

ReprintLookup::ReprintLookup(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReprintLookup::~ReprintLookup() = default;

Result<std::optional<Original>> ReprintLookup::FindOriginal(
    const graph::Article& article, const identity::ReprintSignature& signature) {
  return impl_->FindOriginal(article, signature);
}

Status ReprintLookup::Record(int64_t article_id, const identity::ReprintSignature& signature) {
  return impl_->Record(article_id, signature);
}

Status ReprintLookup::Flush() { return impl_->Flush(); }
void ReprintLookup::DatesChanged(int64_t article_id) { impl_->DatesChanged(article_id); }
void ReprintLookup::Forget() { impl_->Forget(); }
void ReprintLookup::ResetStatements() { impl_->ResetStatements(); }

}  // namespace guanxi::store
