#include "cli/decision_format.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "cli/common.h"
#include "cli/relation_format.h"

namespace guanxi::cli {

void AddReasonOption(CLI::App& command, std::string& reason) {
  command.add_option("--reason", reason, "Why (kept in the decision log)");
}

std::string IdentityNote(const graph::DecisionNote& note, bool bracket_reason) {
  std::string_view verb = note.action;
  if (note.action == "merge") verb = "merged";
  if (note.action == "split") verb = "split off";
  if (note.action == "rename") verb = "renamed";
  if (note.action == "reject") verb = "rejected";
  std::string reason;
  if (!note.reason.empty()) reason = bracket_reason ? " (" + note.reason + ")" : ": " + note.reason;
  return fmt::format("{} by decision {}{}", verb, note.decision_id, reason);
}

std::string DescribeRef(const store::EntityRef& ref) {
  return fmt::format("{} ({})", ref.name, graph::ToString(ref.type));
}

std::string DescribeSubject(const store::Decision& decision) {
  switch (decision.kind) {
    case store::DecisionKind::kMerge:
      return fmt::format("{} ← {}", DescribeRef(decision.entity), DescribeRef(decision.other));
    case store::DecisionKind::kSplit:
      if (decision.undoes != 0) {
        return fmt::format("{}, undoes decision {}", DescribeRef(decision.entity), decision.undoes);
      }
      return fmt::format("{} by {} item{}", DescribeRef(decision.entity), decision.items.size(),
                         decision.items.size() == 1 ? "" : "s");
    case store::DecisionKind::kRename:
      return fmt::format("{} → {}", DescribeRef(decision.entity), decision.name);
    case store::DecisionKind::kReject:
      if (decision.relation) {
        const store::RelationRef& relation = *decision.relation;
        return fmt::format("relation {} {} → {}{}", graph::ToString(relation.type), relation.source,
                           relation.target,
                           relation.title.empty() ? "" : " (" + relation.title + ")");
      }
      return DescribeRef(decision.entity);
  }
  return "?";
}

std::string UnresolvedNote(const graph::KnowledgeGraph& graph, const graph::EntityRecord& entity) {
  if (!entity.unresolved) return "";
  const graph::ArticleRecord* item = graph.FindArticle(entity.item_id);
  if (item == nullptr && !entity.article_ids.empty()) {
    item = graph.FindArticle(entity.article_ids.front());
  }
  return fmt::format("unresolved: no place resolves this name; kept to its item{}",
                     item == nullptr ? "" : fmt::format(" {} {}", item->id, ArticleLine(*item)));
}

std::string ArticleLine(const graph::ArticleRecord& article) {
  return fmt::format("「{}」{}, {}", article.title, article.date.empty() ? "" : " " + article.date,
                     article.path);
}

std::string SourcesLine(const graph::ArticleRecord& article) {
  if (article.sources.size() < 2) return "";
  std::vector<std::string> parts;
  for (const graph::SourceRecord& source : article.sources) {
    std::string part = fmt::format("{} item {}", source.path, source.item_index + 1);
    if (!source.outlet.empty()) part += " (" + source.outlet + ")";
    if (source.title != article.title && !source.title.empty()) {
      part += " 「" + source.title + "」";
    }
    parts.push_back(std::move(part));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string ShellWord(std::string_view text) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte) || c == '_' || c == '-' || c == '.' || c == '/' ||
           c == ':' || c == ',';
  });
  if (plain) return std::string(text);
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string CommandLine(std::string_view verb, std::string_view arguments,
                        const std::string& database) {
  std::string line = fmt::format("guanxi {} {}", verb, arguments);
  if (database != kDefaultDatabase) line += " --db " + ShellWord(database);
  return line;
}

std::string EntitySummary(const graph::KnowledgeGraph& graph, const graph::EntityRecord& entity) {
  const std::size_t items = entity.article_ids.size();
  const std::size_t relations = graph.Degree(entity.id);
  std::string line =
      fmt::format("{} #{}: {} item{}, {} relation{}", Describe(entity), entity.id, items,
                  items == 1 ? "" : "s", relations, relations == 1 ? "" : "s");
  if (!entity.aliases.empty()) line += fmt::format("; aliases {}", fmt::join(entity.aliases, ", "));
  return line;
}

std::vector<const graph::EntityRecord*> NewEntities(const graph::KnowledgeGraph& before,
                                                    const graph::KnowledgeGraph& after) {
  std::vector<const graph::EntityRecord*> found;
  for (const graph::EntityRecord& entity : after.data().entities) {
    if (before.FindEntity(entity.id) == nullptr) found.push_back(&entity);
  }
  return found;
}

}  // namespace guanxi::cli
