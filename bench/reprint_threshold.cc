// Measures where kReprintThreshold (graph/identity/reprint.h) should lie: the
// MinHash similarity of every pair of distinct real items, against that of
// each real item and the reprints a second outlet derives from it. The corpus
// holds no real reprint pair, so the reprints are made here, by rule:
//   figure     one digit changed (the one nearest the middle of the text; a
//              Chinese numeral 一..九 when the text has no digit)
//   removed    one sentence removed: the middle one (a typical sentence),
//              and the longest (the worst case)
//   changed    one sentence replaced by the next item's sentence of the same
//              rank, middle and longest: a rewritten sentence that shares
//              nothing with the one it replaces, the worst case of an edit
//   furniture  an outlet line on top and an editor line at the bottom
//              ("来源：…网" / "（责任编辑：…）"); the new headline is Article::title,
//              which the signature does not read
//   shortened  the last sentences cut (see kCutSentences)
//   figure+furniture
// It also prints the exact Jaccard similarity for shingles of 2 to 5 code
// points, to compare shingle lengths, and how often pairs share a band key.
//
// Usage: reprint_threshold PATH...   (page files, or folders of *.txt pages)
// Exit code 0, 1 when a path cannot be read or gives no item.

#include <fmt/core.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/extractor.h"
#include "extract/text_util.h"
#include "graph/identity/reprint.h"

namespace {

namespace fs = std::filesystem;
namespace identity = guanxi::identity;
using guanxi::extract::ToU32;
using guanxi::extract::ToUtf8;

// Sentences the shortened reprint cuts from the end, leaving at least half.
constexpr size_t kCutSentences = 3;

struct Item {
  std::string label;  // "d01.txt#0": file name and item index
  std::string title;
  std::string text;
};

// The files named, with the *.txt files under each folder, in sorted order.
std::optional<std::vector<fs::path>> CollectFiles(const std::vector<std::string>& args) {
  std::vector<fs::path> files;
  for (const std::string& arg : args) {
    std::error_code error;
    if (fs::is_directory(arg, error)) {
      for (const auto& entry : fs::recursive_directory_iterator(arg, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt") {
          files.push_back(entry.path());
        }
      }
    } else if (fs::is_regular_file(arg, error)) {
      files.emplace_back(arg);
    } else {
      fmt::print(stderr, "reprint_threshold: {}: not a file or folder\n", arg);
      return std::nullopt;
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The text split after each sentence-final mark (and the quotes and brackets
// that close on it) and at line breaks; each piece keeps its punctuation.
std::vector<std::u32string> Sentences(std::u32string_view text) {
  std::vector<std::u32string> sentences;
  std::u32string current;
  for (size_t i = 0; i < text.size(); ++i) {
    current += text[i];
    bool end = text[i] == U'\n';
    if (guanxi::extract::IsSentenceFinal(text[i])) {
      while (i + 1 < text.size() && guanxi::extract::IsClosingMark(text[i + 1]))
        current += text[++i];
      end = true;
    }
    if (end) {
      if (!guanxi::extract::Trim(current).empty()) sentences.push_back(current);
      current.clear();
    }
  }
  if (!guanxi::extract::Trim(current).empty()) sentences.push_back(current);
  return sentences;
}

// Which sentence a derivation edits.
enum class Pick { kMiddle, kLongest };

size_t PickSentence(const std::vector<std::u32string>& sentences, Pick pick) {
  if (pick == Pick::kMiddle) return sentences.size() / 2;
  size_t best = 0;
  for (size_t i = 1; i < sentences.size(); ++i) {
    if (sentences[i].size() > sentences[best].size()) best = i;
  }
  return best;
}

std::u32string Join(const std::vector<std::u32string>& sentences) {
  std::u32string text;
  for (const std::u32string& s : sentences) text += s;
  return text;
}

// --- The derived reprints: each gives nullopt when the item cannot make one.

std::optional<std::string> ChangeFigure(const Item& item) {
  std::u32string text = ToU32(item.text);
  const std::u32string_view numerals = U"一二三四五六七八九";
  auto nearest_middle = [&](const std::function<bool(char32_t)>& is_figure) {
    std::optional<size_t> best;
    const auto middle = static_cast<double>(text.size()) / 2;
    for (size_t i = 0; i < text.size(); ++i) {
      if (is_figure(text[i]) && (!best || std::abs(static_cast<double>(i) - middle) <
                                              std::abs(static_cast<double>(*best) - middle))) {
        best = i;
      }
    }
    return best;
  };
  if (auto at = nearest_middle([](char32_t c) { return c >= U'0' && c <= U'9'; })) {
    text[*at] = text[*at] == U'9' ? U'1' : text[*at] + 1;
  } else if (auto at = nearest_middle(
                 [&](char32_t c) { return numerals.find(c) != std::u32string_view::npos; })) {
    text[*at] = numerals[(numerals.find(text[*at]) + 1) % numerals.size()];
  } else {
    return std::nullopt;
  }
  return ToUtf8(text);
}

std::optional<std::string> RemoveSentence(const Item& item, Pick pick) {
  std::vector<std::u32string> sentences = Sentences(ToU32(item.text));
  if (sentences.size() < 2) return std::nullopt;
  sentences.erase(sentences.begin() + static_cast<long>(PickSentence(sentences, pick)));
  return ToUtf8(Join(sentences));
}

std::optional<std::string> ReplaceSentence(const Item& item, const Item& other, Pick pick) {
  std::vector<std::u32string> sentences = Sentences(ToU32(item.text));
  const std::vector<std::u32string> others = Sentences(ToU32(other.text));
  if (sentences.size() < 2 || others.empty()) return std::nullopt;
  sentences[PickSentence(sentences, pick)] = others[PickSentence(others, pick)];
  return ToUtf8(Join(sentences));
}

std::string AddFurniture(std::string_view text) {
  return "来源：东方新闻网\n" + std::string(text) + "\n（责任编辑：王明）";
}

std::optional<std::string> Shorten(const Item& item) {
  std::vector<std::u32string> sentences = Sentences(ToU32(item.text));
  if (sentences.size() < 2 * kCutSentences) return std::nullopt;
  sentences.resize(sentences.size() - kCutSentences);
  return ToUtf8(Join(sentences));
}

// --- Exact Jaccard similarity, to compare shingle lengths. The normalisation
// repeats reprint.cc's rule (white space and punctuation dropped, full-width
// ASCII folded) so that the figures compare with the MinHash estimates.

std::unordered_set<std::u32string> Shingles(std::string_view text, size_t length) {
  std::u32string normal;
  for (char32_t c : ToU32(text)) {
    const auto u = static_cast<UChar32>(c);
    if (u_isUWhiteSpace(u) || u_ispunct(u)) continue;
    normal += (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : c;
  }
  std::unordered_set<std::u32string> shingles;
  if (normal.size() < length) {
    shingles.insert(normal);
  } else {
    for (size_t i = 0; i + length <= normal.size(); ++i) shingles.insert(normal.substr(i, length));
  }
  return shingles;
}

double Jaccard(const std::unordered_set<std::u32string>& a,
               const std::unordered_set<std::u32string>& b) {
  size_t common = 0;
  for (const auto& s : a) common += b.count(s);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

// --- Figures.

// The nearest-rank percentile `p` (0..100) of `values`, which it sorts; 0 gives
// the minimum.
double Percentile(std::vector<double>& values, double p) {
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<size_t>(std::ceil(p / 100 * static_cast<double>(values.size())));
  return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

bool ShareBandKey(const identity::ReprintSignature& a, const identity::ReprintSignature& b) {
  const auto ka = identity::BandKeys(a);
  const auto kb = identity::BandKeys(b);
  for (int band = 0; band < identity::kBands; ++band) {
    if (ka[band] == kb[band]) return true;
  }
  return false;
}

// 1 - (1 - s^r)^b: the chance that a pair of Jaccard similarity s shares at
// least one of b band keys of r rows.
double BandProbability(double s) {
  const int rows = identity::kMinHashes / identity::kBands;
  return 1 - std::pow(1 - std::pow(s, rows), identity::kBands);
}

// The chance that Similarity reaches `threshold` for a pair of true Jaccard
// similarity `j`: each of the kMinHashes hashes agrees with probability j.
double EstimateAtLeast(double j, double threshold) {
  const int n = identity::kMinHashes;
  double total = 0;
  for (int k = 0; k <= n; ++k) {
    if (static_cast<double>(k) / n < threshold) continue;
    total += std::exp(std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1) +
                      k * std::log(j) + (n - k) * std::log1p(-j));
  }
  return total;
}

struct Kind {
  const char* name;
  std::function<std::optional<std::string>(size_t)> derive;  // from item i
};

}  // namespace

int main(int argc, char** argv) {
  const auto files = CollectFiles(std::vector<std::string>(argv + 1, argv + argc));
  if (!files) return 1;
  std::vector<Item> items;
  size_t empty_items = 0;
  for (const fs::path& file : *files) {
    auto page = guanxi::extract::ExtractFile(file);
    if (!page.ok()) {
      fmt::print(stderr, "reprint_threshold: {}\n", page.status().ToString());
      return 1;
    }
    for (size_t i = 0; i < page->articles.size(); ++i) {
      const auto& article = page->articles[i];
      if (article.text.empty()) {
        ++empty_items;
        continue;
      }
      items.push_back(
          {fmt::format("{}#{}", file.filename().string(), i), article.title, article.text});
    }
  }
  if (items.size() < 2) {
    fmt::print(stderr, "reprint_threshold: fewer than two items with text\n");
    return 1;
  }
  const size_t n = items.size();
  fmt::print("{} files, {} items with text ({} without), {} pairs of distinct items\n",
             files->size(), n, empty_items, n * (n - 1) / 2);
  fmt::print("kReprintThreshold = {:.3f}\n\n", identity::kReprintThreshold);

  std::vector<identity::ReprintSignature> signatures;
  for (const Item& item : items) signatures.push_back(identity::SignatureOf(item.text));

  const std::vector<Kind> kinds = {
      {"figure", [&](size_t i) { return ChangeFigure(items[i]); }},
      {"removed middle", [&](size_t i) { return RemoveSentence(items[i], Pick::kMiddle); }},
      {"removed longest", [&](size_t i) { return RemoveSentence(items[i], Pick::kLongest); }},
      {"changed middle",
       [&](size_t i) { return ReplaceSentence(items[i], items[(i + 1) % n], Pick::kMiddle); }},
      {"changed longest",
       [&](size_t i) { return ReplaceSentence(items[i], items[(i + 1) % n], Pick::kLongest); }},
      {"furniture", [&](size_t i) { return AddFurniture(items[i].text); }},
      {"shortened", [&](size_t i) { return Shorten(items[i]); }},
      {"figure+furniture",
       [&](size_t i) -> std::optional<std::string> {
         auto changed = ChangeFigure(items[i]);
         if (!changed) return std::nullopt;
         return AddFurniture(*changed);
       }},
  };
  std::vector<std::vector<std::string>> derived(kinds.size());  // [kind][item], "" = none
  for (size_t k = 0; k < kinds.size(); ++k) {
    for (size_t i = 0; i < n; ++i) derived[k].push_back(kinds[k].derive(i).value_or(""));
  }

  // 1. Distinct real items.
  struct Pair {
    double similarity;
    size_t a, b;
  };
  std::vector<Pair> pairs;
  std::vector<double> values;
  size_t pairs_sharing_key = 0;
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = a + 1; b < n; ++b) {
      const double s = identity::Similarity(signatures[a], signatures[b]);
      pairs.push_back({s, a, b});
      values.push_back(s);
      pairs_sharing_key += ShareBandKey(signatures[a], signatures[b]) ? 1 : 0;
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    return x.similarity > y.similarity || (x.similarity == y.similarity && x.a < y.a);
  });
  fmt::print("1. Distinct real items (MinHash similarity)\n");
  fmt::print("   max {:.3f}  99th percentile {:.3f}  median {:.3f}\n", pairs.front().similarity,
             Percentile(values, 99), Percentile(values, 50));
  fmt::print("   pairs sharing a band key: {} of {}\n", pairs_sharing_key, pairs.size());
  fmt::print("   top 10 pairs:\n");
  for (size_t i = 0; i < std::min<size_t>(10, pairs.size()); ++i) {
    const Pair& p = pairs[i];
    fmt::print("   {:.3f}  {} {}  |  {} {}\n", p.similarity, items[p.a].label, items[p.a].title,
               items[p.b].label, items[p.b].title);
  }

  // 2. Each real item against its derived reprints.
  fmt::print("\n2. Real items against their derived reprints (MinHash similarity)\n");
  fmt::print("   {:<17} {:>5} {:>7} {:>7} {:>7} {:>9} {:>13}\n", "kind", "items", "min", "p1",
             "median", "below", "above: in band");
  std::vector<std::string> misses;
  for (size_t k = 0; k < kinds.size(); ++k) {
    std::vector<double> kind_values;
    size_t above = 0, above_sharing = 0;
    for (size_t i = 0; i < n; ++i) {
      if (derived[k][i].empty()) continue;
      const auto reprint = identity::SignatureOf(derived[k][i]);
      const double s = identity::Similarity(signatures[i], reprint);
      kind_values.push_back(s);
      if (s >= identity::kReprintThreshold) {
        ++above;
        above_sharing += ShareBandKey(signatures[i], reprint) ? 1 : 0;
      } else {
        misses.push_back(fmt::format("{} {} {:.3f}", kinds[k].name, items[i].label, s));
      }
    }
    if (kind_values.empty()) continue;
    const size_t count = kind_values.size();
    fmt::print("   {:<17} {:>5} {:>7.3f} {:>7.3f} {:>7.3f} {:>9} {:>13}\n", kinds[k].name, count,
               Percentile(kind_values, 0), Percentile(kind_values, 1), Percentile(kind_values, 50),
               count - above, fmt::format("{}/{}", above_sharing, above));
  }
  fmt::print("   below the threshold:\n");
  for (const std::string& miss : misses) fmt::print("     {}\n", miss);

  // 3. Shingle lengths compared on exact Jaccard similarity: one column per
  // length, distinct pairs on top, then each kind's median and minimum.
  constexpr size_t kLengths[] = {2, 3, 4, 5};
  std::vector<std::vector<std::string>> cells(2 + kinds.size());
  for (size_t length : kLengths) {
    std::vector<std::unordered_set<std::u32string>> sets;
    for (const Item& item : items) sets.push_back(Shingles(item.text, length));
    std::vector<double> distinct;
    for (size_t a = 0; a < n; ++a) {
      for (size_t b = a + 1; b < n; ++b) distinct.push_back(Jaccard(sets[a], sets[b]));
    }
    cells[0].push_back(fmt::format("{:.3f}", Percentile(distinct, 100)));
    cells[1].push_back(fmt::format("{:.3f}", Percentile(distinct, 99)));
    for (size_t k = 0; k < kinds.size(); ++k) {
      std::vector<double> kind_values;
      for (size_t i = 0; i < n; ++i) {
        if (derived[k][i].empty()) continue;
        kind_values.push_back(Jaccard(sets[i], Shingles(derived[k][i], length)));
      }
      cells[2 + k].push_back(
          fmt::format("{:.3f} ({:.3f})", Percentile(kind_values, 50), Percentile(kind_values, 0)));
    }
  }
  fmt::print("\n3. Exact Jaccard similarity by shingle length (code points)\n   {:<30}", "");
  for (size_t length : kLengths) fmt::print(" {:>15}", fmt::format("k={}", length));
  fmt::print("\n");
  for (size_t row = 0; row < cells.size(); ++row) {
    const std::string name = row == 0   ? "distinct max"
                             : row == 1 ? "distinct p99"
                                        : fmt::format("{} median (min)", kinds[row - 2].name);
    fmt::print("   {:<30}", name);
    for (const std::string& cell : cells[row]) fmt::print(" {:>15}", cell);
    fmt::print("\n");
  }

  // 4. The banding curve.
  fmt::print("\n4. Chance that a pair of similarity s shares a band key, 1-(1-s^{})^{}\n  ",
             identity::kMinHashes / identity::kBands, identity::kBands);
  for (double s : {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
    fmt::print(" s={:.1f}: {:.3f}", s, BandProbability(s));
  }
  fmt::print("\n   at the threshold {:.3f}: {:.4f}\n", identity::kReprintThreshold,
             BandProbability(identity::kReprintThreshold));

  // 5. The estimate's own noise: equal hashes are Binomial(kMinHashes, J).
  fmt::print(
      "\n5. Chance that the MinHash estimate reaches the threshold at true similarity J\n  ");
  for (double j : {0.2, 0.25, 0.3, 0.35, 0.4}) {
    fmt::print(" J={:.2f}: {:.1e}", j, EstimateAtLeast(j, identity::kReprintThreshold));
  }
  fmt::print("\n   and that it falls below it:");
  for (double j : {0.6, 0.7, 0.8}) {
    fmt::print(" J={:.1f}: {:.1e}", j, 1 - EstimateAtLeast(j, identity::kReprintThreshold));
  }
  fmt::print("\n");
  return 0;
}
