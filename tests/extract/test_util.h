#pragma once

// Helpers shared by the extract tests: run the extractor on a small page and
// look things up in the result.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "extract/extractor.h"
#include "graph/model.h"

namespace guanxi::extract::testing {

inline graph::Page ExtractOrDie(std::string_view text) {
  Result<graph::Page> page = ExtractText(text, "test.txt");
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? page.value() : graph::Page{};
}

// The one item of a page made of a headline and a dateline lead with `body`
// (sentences the test wrote); fails the test when the page gives another count.
inline graph::Article OneItem(const std::string& body) {
  graph::Page page = ExtractOrDie("新闻标题\n\n本报讯(记者 甲乙)" + body + "\n");
  EXPECT_EQ(page.articles.size(), 1u);
  return page.articles.empty() ? graph::Article{} : page.articles[0];
}

// True when `article` has an entity of `type` named `name` (or aliased so).
inline bool HasEntity(const graph::Article& article, graph::EntityType type,
                      std::string_view name) {
  return std::any_of(article.entities.begin(), article.entities.end(), [&](const auto& e) {
    if (e.type != type) return false;
    if (e.name == name) return true;
    return std::find(e.aliases.begin(), e.aliases.end(), name) != e.aliases.end();
  });
}

inline int CountEntities(const graph::Article& article, graph::EntityType type) {
  return static_cast<int>(std::count_if(article.entities.begin(), article.entities.end(),
                                        [&](const auto& e) { return e.type == type; }));
}

// The relation of `type` from `source` to `target`; target "" matches any.
inline const graph::Relation* FindRelation(const graph::Article& article, graph::RelationType type,
                                           std::string_view source, std::string_view target = "") {
  for (const graph::Relation& r : article.relations) {
    if (r.type != type) continue;
    bool forward = r.source == source && (target.empty() || r.target == target);
    bool backward =
        graph::IsSymmetric(type) && r.target == source && (target.empty() || r.source == target);
    if (forward || backward) return &r;
  }
  return nullptr;
}

inline int CountRelations(const graph::Article& article, graph::RelationType type) {
  return static_cast<int>(std::count_if(article.relations.begin(), article.relations.end(),
                                        [&](const auto& r) { return r.type == type; }));
}

}  // namespace guanxi::extract::testing
