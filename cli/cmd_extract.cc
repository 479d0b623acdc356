// guanxi extract FILE [--json]: what the extractor reads in one page.

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/command.h"
#include "cli/common.h"
#include "extract/extract_json.h"
#include "extract/extractor.h"

namespace guanxi::cli {
namespace {

struct ExtractOptions {
  std::string file;
  bool json = false;
};

void PrintArticle(const graph::Article& article, std::size_t index) {
  std::cout << fmt::format("[{}] {}", index + 1, article.title);
  if (!article.date.empty()) std::cout << fmt::format("  ({})", article.date);
  std::cout << '\n';
  for (const graph::Entity& entity : article.entities) {
    std::cout << fmt::format("  {:<12} {}", graph::ToString(entity.type), entity.name);
    if (!entity.aliases.empty()) {
      std::cout << fmt::format("  [also: {}]", fmt::join(entity.aliases, ", "));
    }
    std::cout << '\n';
  }
  for (const graph::Relation& relation : article.relations) {
    std::cout << fmt::format("  {} -{}-> {}", relation.source, graph::ToString(relation.type),
                             relation.target);
    if (!relation.title.empty()) std::cout << fmt::format(" ({})", relation.title);
    std::cout << fmt::format("\n      \"{}\" [{}..{}]\n", relation.evidence.sentence,
                             relation.evidence.char_begin, relation.evidence.char_end);
  }
}

// Articles are printed as they are extracted: memory stays bounded on an
// archive of any size.
int RunExtract(const ExtractOptions& options) {
  if (options.json) {
    // Opened at the first article: a file refused before any (not UTF-8)
    // prints no half document.
    std::optional<extract::ExtractJsonWriter> writer;
    Status status = extract::ExtractFileStreaming(options.file, [&](graph::Article&& article) {
      if (!writer) writer.emplace(std::cout, options.file);
      writer->Add(article);
    });
    if (!status.ok()) return ReportError(status);
    if (!writer) writer.emplace(std::cout, options.file);
    writer->Finish();
    return kExitOk;
  }
  std::size_t index = 0;
  Status status = extract::ExtractFileStreaming(
      options.file, [&](graph::Article&& article) { PrintArticle(article, index++); });
  return status.ok() ? kExitOk : ReportError(status);
}

}  // namespace

RunFunction AddExtractCommand(CLI::App& command) {
  auto options = std::make_shared<ExtractOptions>();
  command.add_option("FILE", options->file, "A newspaper page (UTF-8 text)")->required();
  command.add_flag("--json", options->json,
                   "Print JSON (the contract scored by shared/eval/score.py)");
  return [options] { return RunExtract(*options); };
}

}  // namespace guanxi::cli
