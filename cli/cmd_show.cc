// guanxi show NAME: the entity card.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/relation_format.h"

namespace guanxi::cli {
namespace {

struct ShowOptions {
  std::string name;
  std::string database;
  bool json = false;
};

void PrintCard(const graph::KnowledgeGraph& graph, const graph::EntityRecord& entity) {
  std::cout << fmt::format("{}  [{}]\n", entity.name, graph::ToString(entity.type));
  if (!entity.aliases.empty()) {
    std::cout << fmt::format("  aliases: {}\n", fmt::join(entity.aliases, ", "));
  }
  std::vector<const graph::RelationRecord*> relations = graph.RelationsOf(entity.id);
  std::vector<const graph::RelationRecord*> posts;
  std::vector<const graph::RelationRecord*> others;
  for (const graph::RelationRecord* relation : relations) {
    bool is_post = relation->type == graph::RelationType::kHoldsPosition;
    (is_post ? posts : others).push_back(relation);
  }
  if (!posts.empty()) {
    std::cout << "  posts:\n";
    for (const graph::RelationRecord* post : posts) {
      std::cout << fmt::format("    {}\n      {}\n", HopLine(graph, *post, entity.id),
                               EvidenceLine(graph, *post));
    }
  }
  if (!others.empty()) {
    std::cout << "  relations:\n";
    for (const graph::RelationRecord* relation : others) {
      std::cout << fmt::format("    {}\n      {}\n", HopLine(graph, *relation, entity.id),
                               EvidenceLine(graph, *relation));
    }
  }
  if (relations.empty()) std::cout << "  no relations\n";
}

int RunShow(const ShowOptions& options) {
  Result<graph::KnowledgeGraph> graph = LoadGraph(options.database);
  if (!graph.ok()) return ReportError(graph.status());
  Result<int64_t> id = ResolveEntity(*graph, options.name);
  if (!id.ok()) return ReportError(id.status());
  const graph::EntityRecord& entity = *graph->FindEntity(*id);
  if (!options.json) {
    PrintCard(*graph, entity);
    return kExitOk;
  }
  nlohmann::json card = EntityJson(entity);
  card["relations"] = nlohmann::json::array();
  for (const graph::RelationRecord* relation : graph->RelationsOf(entity.id)) {
    card["relations"].push_back(RelationJson(*graph, *relation));
  }
  std::cout << card.dump(2) << '\n';
  return kExitOk;
}

}  // namespace

RunFunction AddShowCommand(CLI::App& command) {
  auto options = std::make_shared<ShowOptions>();
  command.add_option("NAME", options->name, "Entity name or alias (TYPE:NAME if ambiguous)")
      ->required();
  AddDatabaseOption(command, options->database);
  command.add_flag("--json", options->json, "Print the card as JSON");
  return [options] { return RunShow(*options); };
}

}  // namespace guanxi::cli
