// guanxi grep TEXT: the stored sentences of evidence that contain TEXT.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/evidence_query.h"
#include "cli/relation_format.h"

namespace guanxi::cli {
namespace {

struct GrepOptions {
  std::string text;
  std::string database;
  std::size_t limit = 50;
  bool json = false;
};

void PrintHit(const graph::KnowledgeGraph& graph, const index::EvidenceMatch& match) {
  std::cout << fmt::format("「{}」\n", match.sentence);
  if (const graph::ArticleRecord* article = graph.FindArticle(match.article_id)) {
    std::vector<std::string> about;
    if (!article->date.empty()) about.push_back(article->full_date.empty() ? article->date
                                                                           : article->full_date);
    if (!article->outlet.empty()) about.push_back(article->outlet);
    about.push_back(article->path);
    std::cout << fmt::format("  — {}, {}  (item {})\n", article->title, fmt::join(about, ", "),
                             article->id);
  }
  for (int64_t id : match.relation_ids) {
    const graph::RelationRecord* relation = graph.FindRelation(id);
    if (!relation) continue;
    std::cout << fmt::format("  {}  [relation {}]\n", HopLine(graph, *relation, relation->source_id),
                             relation->id);
  }
}

int RunGrep(const GrepOptions& options) {
  Result<index::GraphIndex> index = OpenIndex(options.database);
  if (!index.ok()) return ReportError(index.status());
  Result<GrepResult> result = Grep(*index, options.text, options.limit);
  if (!result.ok()) return ReportError(result.status());
  if (options.json) {
    std::cout << GrepJson(*result, options.text).dump(2) << '\n';
    return kExitOk;
  }
  const index::EvidenceMatches& found = result->found;
  if (found.scanned) {
    std::cerr << fmt::format(
        "guanxi: \"{}\" is under 3 characters: every sentence read (the index needs 3)\n",
        options.text);
  }
  if (found.total == 0) {
    std::cout << fmt::format("no stored sentence contains \"{}\"\n", options.text);
    return kExitOk;
  }
  std::cout << fmt::format("{} sentence{} contain{} \"{}\"{}:\n", found.total,
                           found.total == 1 ? "" : "s", found.total == 1 ? "s" : "", options.text,
                           found.matches.size() < found.total
                               ? fmt::format(" (first {}; --limit N for more)", found.matches.size())
                               : "");
  for (const index::EvidenceMatch& match : found.matches) {
    std::cout << '\n';
    PrintHit(result->graph, match);
  }
  return kExitOk;
}

}  // namespace

RunFunction AddGrepCommand(CLI::App& command) {
  auto options = std::make_shared<GrepOptions>();
  command.add_option("TEXT", options->text, "Text to find in the evidence (3+ characters use the index)")
      ->required();
  AddDatabaseOption(command, options->database);
  command.add_option("--limit", options->limit, "At most this many sentences (0: all)")
      ->capture_default_str();
  command.add_flag("--json", options->json, "Print JSON");
  return [options] { return RunGrep(*options); };
}

}  // namespace guanxi::cli
