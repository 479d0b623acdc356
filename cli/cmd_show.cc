// guanxi show NAME: the entity card.

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/decision_format.h"
#include "cli/query_json.h"
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

// Where the entity comes from: every item that names it and, for an item
// printed by several outlets, each publication.
void PrintItems(const graph::KnowledgeGraph& graph, const graph::EntityRecord& entity) {
  const std::size_t count = entity.article_ids.size();
  std::cout << fmt::format("  from {} item{}:\n", count, count == 1 ? "" : "s");
  for (int64_t id : entity.article_ids) {
    const graph::ArticleRecord* article = graph.FindArticle(id);
    if (article == nullptr) continue;
    std::vector<std::string> about;
    if (!article->outlet.empty()) about.push_back("outlet " + article->outlet);
    if (!article->place.empty()) about.push_back("place " + article->place);
    std::cout << fmt::format("    item {}  {}{}\n", article->id, ArticleLine(*article),
                             about.empty() ? "" : fmt::format("  ({})", fmt::join(about, ", ")));
    if (std::string sources = SourcesLine(*article); !sources.empty()) {
      std::cout << fmt::format("      {} sources: {}\n", article->sources.size(), sources);
    }
  }
}

void PrintCard(const graph::KnowledgeGraph& graph, const graph::EntityRecord& entity) {
  std::cout << fmt::format("{}  [{}]  #{}{}\n", entity.name, graph::ToString(entity.type),
                           entity.id, entity.unresolved ? "  unresolved" : "");
  if (!entity.aliases.empty()) {
    std::cout << fmt::format("  aliases: {}\n", fmt::join(entity.aliases, ", "));
  }
  if (entity.unresolved) std::cout << "  " << UnresolvedNote(graph, entity) << '\n';
  for (const graph::DecisionNote& note : entity.decisions) {
    std::cout << "  identity: " << IdentityNote(note) << '\n';
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
        std::cout << fmt::format("      {}  [relation {}]\n", EvidenceLine(graph, *relation),
                                 relation->id);
      }
    }
  }
  PrintItems(graph, entity);
}

nlohmann::json ArticleJson(const graph::ArticleRecord& article) {
  nlohmann::json sources = nlohmann::json::array();
  for (const graph::SourceRecord& source : article.sources) {
    sources.push_back({{"path", source.path},
                       {"item_index", source.item_index},
                       {"outlet", source.outlet},
                       {"title", source.title},
                       {"similarity", source.similarity}});
  }
  return {{"id", article.id},
          {"title", article.title},
          {"date", article.date},
          {"full_date", article.full_date},
          {"path", article.path},
          {"outlet", article.outlet},
          {"place", article.place},
          {"sources", std::move(sources)}};
}

nlohmann::json CardJson(const graph::KnowledgeGraph& graph, const graph::EntityRecord& entity) {
  nlohmann::json card = EntityJson(entity);
  card["item"] = entity.item_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(entity.item_id);
  card["items"] = nlohmann::json::array();
  for (int64_t id : entity.article_ids) {
    if (const graph::ArticleRecord* article = graph.FindArticle(id)) {
      card["items"].push_back(ArticleJson(*article));
    }
  }
  card["relations"] = nlohmann::json::array();
  for (const graph::RelationRecord* relation : graph.RelationsOf(entity.id)) {
    card["relations"].push_back(RelationJson(graph, *relation));
  }
  return card;
}

// What the cards of `ids` print: each entity with its provenance, its
// relations with evidence, their other ends (named) and every item involved.
Result<graph::KnowledgeGraph> CardGraph(index::GraphIndex& index, const std::vector<int64_t>& ids) {
  graph::GraphData data;
  Result<std::vector<graph::EntityRecord>> shown = index.Entities(ids, index::EntityDetail::kFull);
  if (!shown.ok()) return shown.status();
  std::vector<int64_t> relation_ids;
  std::vector<int64_t> others;
  std::vector<int64_t> article_ids;
  for (const graph::EntityRecord& entity : *shown) {
    std::vector<index::Hop> hops;
    GUANXI_RETURN_IF_ERROR(index.AppendHops(entity.id, hops));
    for (const index::Hop& hop : hops) {
      relation_ids.push_back(hop.relation_id);
      if (std::find(ids.begin(), ids.end(), hop.other_id) == ids.end()) {
        others.push_back(hop.other_id);
      }
    }
    article_ids.insert(article_ids.end(), entity.article_ids.begin(), entity.article_ids.end());
    if (entity.item_id != 0) article_ids.push_back(entity.item_id);
  }
  for (std::vector<int64_t>* list : {&relation_ids, &others}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  Result<std::vector<graph::EntityRecord>> named =
      index.Entities(others, index::EntityDetail::kCard);
  if (!named.ok()) return named.status();
  Result<std::vector<graph::RelationRecord>> relations = index.Relations(relation_ids);
  if (!relations.ok()) return relations.status();
  for (const graph::RelationRecord& relation : *relations)
    article_ids.push_back(relation.article_id);
  std::sort(article_ids.begin(), article_ids.end());
  article_ids.erase(std::unique(article_ids.begin(), article_ids.end()), article_ids.end());
  Result<std::vector<graph::ArticleRecord>> articles = index.Articles(article_ids, true);
  if (!articles.ok()) return articles.status();
  data.entities = std::move(*shown);
  data.entities.insert(data.entities.end(), std::make_move_iterator(named->begin()),
                       std::make_move_iterator(named->end()));
  data.relations = std::move(*relations);
  data.articles = std::move(*articles);
  return graph::KnowledgeGraph(std::move(data));
}

int RunShow(const ShowOptions& options) {
  Result<index::GraphIndex> index = OpenIndex(options.database);
  if (!index.ok()) return ReportError(index.status());
  // One card, or one per item for shorthand that names a different body in each.
  Result<std::vector<int64_t>> ids = ResolveEntities(*index, options.name);
  if (!ids.ok()) return ReportError(ExplainRejected(options.database, options.name, ids.status()));
  Result<graph::KnowledgeGraph> graph = CardGraph(*index, *ids);
  if (!graph.ok()) return ReportError(graph.status());
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (int64_t id : *ids) out.push_back(CardJson(*graph, *graph->FindEntity(id)));
    std::cout << (ids->size() == 1 ? out[0] : out).dump(2) << '\n';
    return kExitOk;
  }
  if (ids->size() > 1) {
    std::cout << fmt::format("{} names {} unresolved bodies, one per item:\n\n", options.name,
                             ids->size());
  }
  for (std::size_t i = 0; i < ids->size(); ++i) {
    if (i > 0) std::cout << '\n';
    PrintCard(*graph, *graph->FindEntity((*ids)[i]));
  }
  return kExitOk;
}

}  // namespace

Result<nlohmann::json> ShowQueryJson(index::GraphIndex& index, std::string_view name) {
  Result<std::vector<int64_t>> ids = ResolveEntities(index, name);
  if (!ids.ok()) return ids.status();
  Result<graph::KnowledgeGraph> graph = CardGraph(index, *ids);
  if (!graph.ok()) return graph.status();
  nlohmann::json out = nlohmann::json::array();
  for (int64_t id : *ids) out.push_back(CardJson(*graph, *graph->FindEntity(id)));
  return ids->size() == 1 ? out[0] : out;
}

RunFunction AddShowCommand(CLI::App& command) {
  auto options = std::make_shared<ShowOptions>();
  command.add_option("NAME", options->name, "Entity name or alias (TYPE:NAME if ambiguous)")
      ->required();
  AddDatabaseOption(command, options->database);
  command.add_flag("--json", options->json, "Print the card as JSON");
  return [options] { return RunShow(*options); };
}

}  // namespace guanxi::cli
