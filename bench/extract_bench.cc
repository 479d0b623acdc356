// Extraction throughput on real-looking pages: the corpus pages when
// ../shared is beside the clone, else the bundled samples.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace {

std::vector<std::string> LoadPages() {
  std::vector<std::string> pages;
  for (const char* dir : {GUANXI_SOURCE_DIR "/../shared/corpus/seeds", GUANXI_SOURCE_DIR "/samples"}) {
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

}  // namespace

BENCHMARK_MAIN();
