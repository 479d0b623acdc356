// guanxi show NAME: the entity card.

#include <algorithm>
#include <iostream>
#include <map>
#include <utility>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/relation_format.h"
#include "graph/printed_date.h"

namespace guanxi::cli {
namespace {

struct ShowOptions {
  std::string name;
  std::string database;
  bool json = false;
};

// A section of the card: relations of one type, seen from one side.
std::string_view SectionTitle(graph::RelationType type, bool outgoing) {
  switch (type) {
    case graph::RelationType::kHoldsPosition: return outgoing ? "posts" : "people with posts here";
    case graph::RelationType::kAttended: return outgoing ? "attended" : "attended by";
    case graph::RelationType::kChaired: return outgoing ? "chaired" : "chaired by";
    case graph::RelationType::kSignedWith: return "signed with";
    case graph::RelationType::kHeldAt: return outgoing ? "held at" : "place of";
    case graph::RelationType::kMentionedIn: return outgoing ? "mentioned in" : "mentions";
  }
  return "related";
}

// Sections in the order a reader wants them: posts first.
int SectionRank(graph::RelationType type) {
  constexpr graph::RelationType kOrder[] = {
      graph::RelationType::kHoldsPosition, graph::RelationType::kChaired,
      graph::RelationType::kAttended,      graph::RelationType::kSignedWith,
      graph::RelationType::kHeldAt,        graph::RelationType::kMentionedIn};
  return static_cast<int>(std::find(std::begin(kOrder), std::end(kOrder), type) -
                          std::begin(kOrder));
}

// Where an item falls in date order: by full date ("2024-07-16"), items
// with only a month and day by that (as year 0, so before dated years), undated
// items last.
std::tuple<bool, int, int, int> DateOrder(const graph::ArticleRecord* article) {
  std::optional<graph::PartialDate> date =
      article ? graph::ItemDate(article->date, article->full_date) : std::nullopt;
  if (!date) return {true, 0, 0, 0};
  return {false, date->year.value_or(0), date->month_day.month, date->month_day.day};
}

// Relations that say the same thing (same type, other end and title) are one
// line with every date and the evidence of each.
struct CardLine {
  int64_t other_id = 0;
  std::string title;
  std::vector<const graph::RelationRecord*> relations;
};

void PrintCard(const graph::KnowledgeGraph& graph, const graph::EntityRecord& entity) {
  std::cout << fmt::format("{}  [{}]  #{}\n", entity.name, graph::ToString(entity.type), entity.id);
  if (!entity.aliases.empty()) {
    std::cout << fmt::format("  aliases: {}\n", fmt::join(entity.aliases, ", "));
  }
  // (section rank, outgoing) -> lines.
  std::map<std::pair<int, bool>, std::vector<CardLine>> sections;
  for (const graph::RelationRecord* relation : graph.RelationsOf(entity.id)) {
    bool outgoing = relation->source_id == entity.id;
    int64_t other = outgoing ? relation->target_id : relation->source_id;
    if (graph::IsSymmetric(relation->type)) outgoing = true;
    std::vector<CardLine>& lines = sections[{SectionRank(relation->type), !outgoing}];
    auto same = std::find_if(lines.begin(), lines.end(), [&](const CardLine& line) {
      return line.other_id == other && line.title == relation->title;
    });
    if (same == lines.end()) same = lines.insert(lines.end(), CardLine{other, relation->title, {}});
    same->relations.push_back(relation);
  }
  // Each line's items (its dates and evidence) in date order.
  for (auto& [key, lines] : sections) {
    for (CardLine& line : lines) {
      std::stable_sort(line.relations.begin(), line.relations.end(),
                       [&](const graph::RelationRecord* a, const graph::RelationRecord* b) {
                         return DateOrder(graph.FindArticle(a->article_id)) <
                                DateOrder(graph.FindArticle(b->article_id));
                       });
    }
  }
  if (sections.empty()) std::cout << "  no relations\n";
  for (const auto& [key, lines] : sections) {
    const graph::RelationRecord& first = *lines.front().relations.front();
    bool outgoing = !key.second;
    std::cout << fmt::format("  {}:\n", SectionTitle(first.type, outgoing));
    for (const CardLine& line : lines) {
      std::vector<std::string> dates;
      for (const graph::RelationRecord* relation : line.relations) {
        const graph::ArticleRecord* article = graph.FindArticle(relation->article_id);
        if (!article) continue;
        // The full date where the page gave a year: "5月9日" of two years are two dates.
        const std::string& date = article->full_date.empty() ? article->date : article->full_date;
        if (!date.empty() && std::find(dates.begin(), dates.end(), date) == dates.end()) {
          dates.push_back(date);
        }
      }
      std::cout << fmt::format("    {}{}{}\n", graph.FindEntity(line.other_id)->name,
                               line.title.empty() ? "" : "  " + line.title,
                               dates.empty() ? "" : fmt::format("  ({})", fmt::join(dates, ", ")));
      for (const graph::RelationRecord* relation : line.relations) {
        std::cout << fmt::format("      {}\n", EvidenceLine(graph, *relation));
      }
    }
  }
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
