// Extraction throughput on real-looking pages: the corpus pages when
// ../shared is beside the clone, else the bundled samples. Besides the whole
// extraction: its hot primitive (lexicon lookups at every position), the JSON
// output, and one long page of many items, whose throughput must not fall as
// the page grows (nothing quadratic in the page length).

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extract_json.h"
#include "extract/extractor.h"
#include "extract/lexicon.h"
#include "extract/text_util.h"

namespace {

std::vector<std::string> LoadPages() {
  std::vector<std::string> pages;
  for (const char* dir :
       {GUANXI_SOURCE_DIR "/../shared/corpus/seeds", GUANXI_SOURCE_DIR "/samples"}) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      pages.push_back(text.str());
    }
    if (!pages.empty()) break;
  }
  return pages;
}

// The pages `copies` times over as one page. Each copy adds a short item about
// a person of its own, so that the page's people grow with its length as in a
// real archive (names people of other items are looked up in every item).
std::string LongPage(const std::vector<std::string>& pages, int copies) {
  static const std::u32string kGiven =
      U"明华国建平志强伟军红光文英林峰海波涛晓丽娟秀兰芳燕玲云霞凤梅雪";
  std::string page;
  for (int k = 0; k < copies; ++k) {
    for (const std::string& p : pages) page += p + "\n";
    std::u32string name = U"王";
    name += kGiven[static_cast<size_t>(k) % kGiven.size()];
    name += kGiven[static_cast<size_t>(k) / kGiven.size() % kGiven.size()];
    page += "\n简讯" + std::to_string(k) + "\n本报讯 近日，区委书记" +
            guanxi::extract::ToUtf8(name) + "出席会议并讲话。\n\n";
  }
  return page;
}

void BM_ExtractPage(benchmark::State& state) {
  const std::vector<std::string> pages = LoadPages();
  if (pages.empty()) {
    state.SkipWithError("no pages found");
    return;
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      auto result = guanxi::extract::ExtractText(page, "bench.txt");
      benchmark::DoNotOptimize(result);
      bytes += static_cast<int64_t>(page.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ExtractPage)->Unit(benchmark::kMillisecond);

void BM_ExtractLongPage(benchmark::State& state) {
  const std::vector<std::string> pages = LoadPages();
  if (pages.empty()) {
    state.SkipWithError("no pages found");
    return;
  }
  const std::string page = LongPage(pages, static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto result = guanxi::extract::ExtractText(page, "long.txt");
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(page.size()));
}
BENCHMARK(BM_ExtractLongPage)->Arg(1)->Arg(16)->Arg(128)->Unit(benchmark::kMillisecond);

// The lookups the finders make at every position: words starting there (place
// names, name followers) and words ending there (posts, institution endings).
void BM_LexiconLookups(benchmark::State& state) {
  const guanxi::extract::Lexicon& lex = guanxi::extract::Lexicon::Default();
  std::vector<std::u32string> texts;
  for (const std::string& page : LoadPages()) texts.push_back(guanxi::extract::ToU32(page));
  int64_t positions = 0;
  for (auto _ : state) {
    size_t found = 0;
    for (const std::u32string& text : texts) {
      for (size_t pos = 0; pos < text.size(); ++pos) {
        found += lex.place_names.LongestAt(text, pos) + lex.name_followers.LongestAt(text, pos) +
                 lex.posts.LongestEndingAt(text, pos) +
                 lex.institution_suffixes.LongestEndingAt(text, pos);
      }
      positions += static_cast<int64_t>(text.size());
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetItemsProcessed(positions);
}
BENCHMARK(BM_LexiconLookups);

void BM_WriteExtractJson(benchmark::State& state) {
  std::vector<guanxi::graph::Page> extracted;
  for (const std::string& page : LoadPages()) {
    auto result = guanxi::extract::ExtractText(page, "bench.txt");
    if (result.ok()) extracted.push_back(std::move(result.value()));
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const guanxi::graph::Page& page : extracted) {
      std::ostringstream out;
      guanxi::extract::WriteExtractJson(page, out);
      bytes += static_cast<int64_t>(out.str().size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_WriteExtractJson);

}  // namespace

BENCHMARK_MAIN();
