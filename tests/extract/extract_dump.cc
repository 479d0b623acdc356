// extract_dump OUTDIR FILE...: writes OUTDIR/<name>.json with the extraction of
// each FILE (the JSON of extract_json.h), for ../shared/eval/score.py.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "extract/extract_json.h"
#include "extract/extractor.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: extract_dump OUTDIR FILE...\n";
    return 1;
  }
  std::filesystem::path out_dir = argv[1];
  int rc = 0;
  for (int i = 2; i < argc; ++i) {
    std::filesystem::path in = argv[i];
    auto page = guanxi::extract::ExtractFile(in);
    if (!page.ok()) {
      std::cerr << "extract_dump: " << page.status().ToString() << "\n";
      rc = 1;
      continue;
    }
    std::ofstream out(out_dir / (in.stem().string() + ".json"));
    guanxi::extract::WriteExtractJson(page.value(), out);
  }
  return rc;
}
