// guanxi candidates [--limit N] [--json]: possible same persons, two persons of
// one name whose evidence neither joins nor clearly parts, with what each side
// rests on so that a person can decide (`guanxi merge`, or leave them apart).

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/decision_format.h"
#include "cli/relation_format.h"

namespace guanxi::cli {
namespace {

constexpr std::size_t kItemsShown = 3;

struct CandidatesOptions {
  std::string database;
  std::size_t limit = 20;
  bool json = false;
};

// What one side of a pair rests on.
struct Side {
  const graph::EntityRecord* entity = nullptr;
  std::vector<std::string> posts;   // "峡江县委 书记"
  std::vector<std::string> places;  // the places of its items
  std::vector<const graph::ArticleRecord*> items;
  const graph::RelationRecord* evidence = nullptr;  // a post if it has one, else its first relation
};

void AddOnce(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

Side SideOf(const graph::KnowledgeGraph& graph, const graph::EntityRecord& entity) {
  Side side;
  side.entity = &entity;
  for (const graph::RelationRecord* relation : graph.RelationsOf(entity.id)) {
    if (side.evidence == nullptr) side.evidence = relation;
    if (relation->type != graph::RelationType::kHoldsPosition) continue;
    if (side.evidence->type != graph::RelationType::kHoldsPosition) side.evidence = relation;
    const graph::EntityRecord* body = graph.FindEntity(relation->target_id);
    if (body == nullptr) continue;
    AddOnce(side.posts, relation->title.empty() ? body->name : body->name + " " + relation->title);
  }
  for (int64_t id : entity.article_ids) {
    const graph::ArticleRecord* article = graph.FindArticle(id);
    if (article == nullptr) continue;
    side.items.push_back(article);
    AddOnce(side.places, article->place);
  }
  return side;
}

nlohmann::json SideJson(const graph::KnowledgeGraph& graph, const Side& side) {
  nlohmann::json out = EntityJson(*side.entity);
  out["posts"] = side.posts;
  out["places"] = side.places;
  out["items"] = nlohmann::json::array();
  for (const graph::ArticleRecord* article : side.items) {
    out["items"].push_back({{"id", article->id},
                            {"title", article->title},
                            {"date", article->date},
                            {"path", article->path},
                            {"place", article->place},
                            {"outlet", article->outlet}});
  }
  out["evidence"] = side.evidence ? RelationJson(graph, *side.evidence) : nlohmann::json(nullptr);
  return out;
}

void PrintSide(const Side& side) {
  const std::string indent(6 + std::to_string(side.entity->id).size(), ' ');
  std::cout << fmt::format(
      "   #{}  posts: {}; places: {}\n", side.entity->id,
      side.posts.empty() ? "none stated" : fmt::format("{}", fmt::join(side.posts, ", ")),
      side.places.empty() ? "unknown" : fmt::format("{}", fmt::join(side.places, ", ")));
  for (std::size_t i = 0; i < side.items.size() && i < kItemsShown; ++i) {
    std::cout << indent << "item " << side.items[i]->id << " " << ArticleLine(*side.items[i])
              << '\n';
  }
  if (side.items.size() > kItemsShown) {
    std::cout << fmt::format("{}and {} more items\n", indent, side.items.size() - kItemsShown);
  }
  if (side.evidence != nullptr) {
    std::cout << fmt::format("{}「{}」\n", indent, side.evidence->evidence.sentence);
  }
}

int RunCandidates(const CandidatesOptions& options) {
  Result<StoreAndGraph> opened = OpenStoreAndGraph(options.database, Access::kRead);
  if (!opened.ok()) return ReportError(opened.status());
  const graph::KnowledgeGraph& graph = opened->graph;
  Result<std::vector<store::CandidateRecord>> candidates = opened->store.Candidates();
  if (!candidates.ok()) return ReportError(candidates.status());
  std::erase_if(*candidates, [&](const store::CandidateRecord& pair) {
    return graph.FindEntity(pair.entity_a) == nullptr || graph.FindEntity(pair.entity_b) == nullptr;
  });
  const std::size_t total = candidates->size();
  const std::size_t shown = options.limit == 0 ? total : std::min(options.limit, total);

  nlohmann::json out = nlohmann::json::array();
  if (!options.json) {
    std::cout << (total == 0
                      ? "no possible same persons\n"
                      : fmt::format("{} possible same person{}{}\n", total, total == 1 ? "" : "s",
                                    shown < total ? fmt::format(", the first {}", shown) : ""));
  }
  for (std::size_t i = 0; i < shown; ++i) {
    const store::CandidateRecord& pair = (*candidates)[i];
    const Side a = SideOf(graph, *graph.FindEntity(pair.entity_a));
    const Side b = SideOf(graph, *graph.FindEntity(pair.entity_b));
    const std::string merge =
        CommandLine("merge",
                    fmt::format("{} {}", ShellWord(fmt::format("#{}", a.entity->id)),
                                ShellWord(fmt::format("#{}", b.entity->id))),
                    options.database);
    if (options.json) {
      out.push_back({{"reason", pair.reason},
                     {"a", SideJson(graph, a)},
                     {"b", SideJson(graph, b)},
                     {"merge", merge}});
      continue;
    }
    std::cout << fmt::format("\n{}. {} #{} and {} #{}: {}\n", i + 1, Describe(*a.entity),
                             a.entity->id, Describe(*b.entity), b.entity->id, pair.reason);
    PrintSide(a);
    PrintSide(b);
    std::cout << fmt::format("   one person? {}\n", merge);
  }
  if (options.json) std::cout << out.dump(2) << '\n';
  return kExitOk;
}

}  // namespace

RunFunction AddCandidatesCommand(CLI::App& command) {
  auto options = std::make_shared<CandidatesOptions>();
  AddDatabaseOption(command, options->database);
  command.add_option("--limit", options->limit, "At most this many pairs (0: all)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  command.add_flag("--json", options->json, "Print JSON: reason, both sides and the merge command");
  return [options] { return RunCandidates(*options); };
}

}  // namespace guanxi::cli
