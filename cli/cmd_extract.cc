// guanxi extract FILE [--json]: what the extractor reads in one page.

#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

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

int RunExtract(const ExtractOptions& options) {
  Result<graph::Page> page = extract::ExtractFile(options.file);
  if (!page.ok()) return ReportError(page.status());
  if (options.json) {
    extract::WriteExtractJson(*page, std::cout);
    return kExitOk;
  }
  for (std::size_t i = 0; i < page->articles.size(); ++i) PrintArticle(page->articles[i], i);
  return kExitOk;
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
