#include "extract/extract_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace guanxi::extract {
namespace {

graph::Page SamplePage(const std::string& name) {
  graph::Page page;
  page.path = "/some/dir/page.txt";
  graph::Article a;
  a.title = "标题";
  a.date = "5月6日";
  a.entities.push_back({graph::EntityType::kInstitution, name, {"别名"}});
  a.entities.push_back({graph::EntityType::kEvent, "会议", {}});
  graph::Relation r;
  r.type = graph::RelationType::kHoldsPosition;
  r.source = "张三";
  r.target = name;
  r.title = "主任";
  r.evidence = {"张三任主任。", 3, 9};
  a.relations.push_back(r);
  page.articles.push_back(a);
  return page;
}

TEST(ExtractJsonTest, StreamedDocumentIsTheWholeDocumentsJson) {
  graph::Page page = SamplePage("东海大学");
  page.articles.push_back(SamplePage("西山学院").articles[0]);
  std::ostringstream streamed;
  ExtractJsonWriter writer(streamed, page.path);
  for (const graph::Article& a : page.articles) writer.Add(a);
  writer.Finish();
  // The same document as nlohmann-json prints it whole.
  nlohmann::ordered_json whole = nlohmann::ordered_json::parse(streamed.str());
  EXPECT_EQ(streamed.str(), whole.dump(2) + "\n");
  ASSERT_EQ(whole["articles"].size(), 2u);
  EXPECT_EQ(whole["articles"][1]["entities"][0]["name"], "西山学院");
}

TEST(ExtractJsonTest, PageWithoutItemsIsAnEmptyList) {
  std::ostringstream out;
  ExtractJsonWriter writer(out, "empty.txt");
  writer.Finish();
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(out.str());
  EXPECT_TRUE(j["articles"].empty());
  EXPECT_EQ(out.str(), j.dump(2) + "\n");
}

TEST(ExtractJsonTest, WritesTheScorersContract) {
  std::ostringstream out;
  WriteExtractJson(SamplePage("东海大学"), out);
  nlohmann::json j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["file"], "page.txt");
  ASSERT_EQ(j["articles"].size(), 1u);
  const auto& a = j["articles"][0];
  EXPECT_EQ(a["title"], "标题");
  EXPECT_EQ(a["date"], "5月6日");
  EXPECT_EQ(a["entities"][0]["type"], "institution");
  EXPECT_EQ(a["entities"][0]["aliases"][0], "别名");
  EXPECT_FALSE(a["entities"][1].contains("aliases"));
  EXPECT_EQ(a["relations"][0]["type"], "holds_position");
  EXPECT_EQ(a["relations"][0]["title"], "主任");
  EXPECT_EQ(a["relations"][0]["evidence"]["char_begin"], 3);
  EXPECT_EQ(a["relations"][0]["evidence"]["char_end"], 9);
  // UTF-8 as is, not \u-escaped.
  EXPECT_NE(out.str().find("东海大学"), std::string::npos);
}

TEST(ExtractJsonTest, NameWithQuotesAngleAmpersandAndNewlineRoundTrips) {
  const std::string name = "“长江”\"工坊\" <A&B>\n第二行";
  std::ostringstream out;
  WriteExtractJson(SamplePage(name), out);
  nlohmann::json j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["articles"][0]["entities"][0]["name"], name);
  EXPECT_EQ(j["articles"][0]["relations"][0]["target"], name);
}

TEST(ExtractJsonTest, EmptyPageHasNoArticles) {
  graph::Page page;
  page.path = "empty.txt";
  std::ostringstream out;
  WriteExtractJson(page, out);
  nlohmann::json j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["file"], "empty.txt");
  EXPECT_TRUE(j["articles"].empty());
}

}  // namespace
}  // namespace guanxi::extract
