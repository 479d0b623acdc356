// guanxi extract FILE [--json] [--encoding NAME]: what the extractor reads in
// one page.

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/command.h"
#include "cli/common.h"
#include "extract/encoding.h"
#include "extract/extract_json.h"
#include "extract/extractor.h"

namespace guanxi::cli {
namespace {

struct ExtractOptions {
  std::string file;
  bool json = false;
  std::string encoding;  // --encoding; empty: detect
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
  extract::ReadOptions read;
  if (!options.encoding.empty()) {
    Result<std::string> encoding = extract::CanonicalEncoding(options.encoding);
    if (!encoding.ok()) return ReportError(encoding.status());
    read.encoding = *encoding;
  }
  constexpr size_t kWindowBytes = size_t{4} << 20;
  if (options.json) {
    // Opened at the first article: a file refused before any (not text, not
    // in its encoding) prints no half document. The JSON is the referee's
    // contract: it does not carry the encoding.
    std::optional<extract::ExtractJsonWriter> writer;
    Status status = extract::ExtractFileStreaming(
        options.file,
        [&](graph::Article&& article) {
          if (!writer) writer.emplace(std::cout, options.file);
          writer->Add(article);
        },
        kWindowBytes, read);
    if (!status.ok()) return ReportError(status);
    if (!writer) writer.emplace(std::cout, options.file);
    writer->Finish();
    return kExitOk;
  }
  std::size_t index = 0;
  Status status = extract::ExtractFileStreaming(
      options.file,
      [&](graph::Article&& article) {
        // A page not in UTF-8 says what it was read as, once.
        if (index == 0 && article.encoding != "UTF-8") {
          std::cout << fmt::format("(read as {})\n", article.encoding);
        }
        PrintArticle(article, index++);
      },
      kWindowBytes, read);
  return status.ok() ? kExitOk : ReportError(status);
}

}  // namespace

RunFunction AddExtractCommand(CLI::App& command) {
  auto options = std::make_shared<ExtractOptions>();
  command.add_option("FILE", options->file,
                     "A newspaper page: text or HTML, in UTF-8, GB18030, Big5 or UTF-16/32")
      ->required();
  command.add_flag("--json", options->json,
                   "Print JSON (the contract scored by shared/eval/score.py)");
  AddEncodingOption(command, options->encoding);
  return [options] { return RunExtract(*options); };
}

}  // namespace guanxi::cli
