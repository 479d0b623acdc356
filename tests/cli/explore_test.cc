// guanxi grep, timeline and holders end to end: the samples and pages
// written here built into a real SQLite file, answers checked against what
// the extractor reads in the same pages.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace guanxi::testing {
namespace {

class ExploreTest : public SamplesDatabaseTest {
 protected:
  // The distinct evidence sentences the extractor gives for the samples that
  // contain `text`: what grep must find, from the pages, not the store.
  std::set<std::string> ExtractedSentencesWith(const std::string& text) const {
    std::set<std::string> sentences;
    for (const auto& entry : std::filesystem::directory_iterator(SamplesDir())) {
      if (entry.path().extension() != ".txt") continue;
      CommandResult extracted = RunGuanxi("extract --json " + ShellQuote(entry.path().string()));
      EXPECT_EQ(extracted.exit_code, 0) << extracted.err;
      const nlohmann::json page = nlohmann::json::parse(extracted.out);
      for (const nlohmann::json& article : page["articles"]) {
        for (const nlohmann::json& relation : article["relations"]) {
          const std::string sentence = relation["evidence"]["sentence"];
          if (sentence.find(text) != std::string::npos) sentences.insert(sentence);
        }
      }
    }
    return sentences;
  }

  static std::set<std::string> HitSentences(const nlohmann::json& grep) {
    std::set<std::string> sentences;
    for (const nlohmann::json& hit : grep["hits"]) sentences.insert(hit["sentence"]);
    return sentences;
  }
};

TEST_F(ExploreTest, GrepFindsExactlyTheSentencesTheExtractorGaveThatContainTheText) {
  // Three characters or more: the trigram index; fewer: a scan. Both must
  // give every sentence with the text, once, and no other.
  for (const std::string text : {"钱若溪", "签约仪式", "区长", "出"}) {
    const std::set<std::string> expected = ExtractedSentencesWith(text);
    ASSERT_FALSE(expected.empty()) << text << " in " << SamplesDir();
    nlohmann::json grep = GuanxiJson("grep " + ShellQuote(text) + " --limit 0");
    EXPECT_EQ(HitSentences(grep), expected) << text;
    EXPECT_EQ(grep["total"], grep["hits"].size()) << text;
    EXPECT_EQ(grep["scanned"], text.size() < 9) << text;  // 3 CJK characters are 9 bytes
  }
  EXPECT_EQ(GuanxiJson("grep 这句话不在任何报道里")["total"], 0);
  // FTS5 syntax in the text is text, not a query.
  EXPECT_EQ(GuanxiJson("grep " + ShellQuote("钱若溪\" OR \"出席"))["total"], 0);
  EXPECT_EQ(GuanxiJson("grep " + ShellQuote("NOT 钱若溪*"))["total"], 0);
  // --limit shows the first N and counts them all.
  const nlohmann::json limited = GuanxiJson("grep 钱若溪 --limit 1");
  EXPECT_EQ(limited["hits"].size(), 1u);
  EXPECT_GT(limited["total"].get<int>(), 1);
  CommandResult text = Guanxi("grep 钱若溪 --limit 1");
  EXPECT_NE(text.out.find("(first 1; --limit N for more)"), std::string::npos) << text.out;
  CommandResult empty = Guanxi("grep ''");
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_NE(empty.err.find("TEXT"), std::string::npos) << empty.err;
}

TEST_F(ExploreTest, GrepHitNamesItsItemAndTheEntitiesItStates) {
  const std::string db = ShellQuote((dir_ / "one.db").string());
  WriteFile(dir_ / "page.txt",
            "峡江县召开招商推介会\n\n发布时间:2023-05-10 09:00 来源:峡江县融媒体中心\n\n"
            "5月9日,峡江县召开招商推介会。县委书记王建国、县长李明华出席会议。\n\n责任编辑:赵某\n");
  ASSERT_EQ(RunGuanxi("build " + ShellQuote((dir_ / "page.txt").string()) + " --db " + db).exit_code,
            0);
  CommandResult result = RunGuanxi("grep 王建国 --json --db " + db);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  nlohmann::json grep = nlohmann::json::parse(result.out);
  ASSERT_EQ(grep["hits"].size(), 1u) << result.out;
  const nlohmann::json& hit = grep["hits"][0];
  EXPECT_NE(hit["sentence"].get<std::string>().find("县委书记王建国"), std::string::npos);
  EXPECT_EQ(hit["item"]["title"], "峡江县召开招商推介会");
  EXPECT_EQ(hit["item"]["full_date"], "2023-05-09");
  EXPECT_NE(hit["item"]["path"].get<std::string>().find("page.txt"), std::string::npos);
  std::set<std::string> names;
  for (const nlohmann::json& entity : hit["entities"]) names.insert(entity["name"]);
  EXPECT_TRUE(names.count("王建国")) << hit.dump();
  EXPECT_TRUE(names.count("李明华")) << hit.dump();
  // Every relation listed is stated by that very sentence.
  ASSERT_FALSE(hit["relations"].empty());
  for (const nlohmann::json& relation : hit["relations"]) {
    EXPECT_EQ(relation["evidence"]["sentence"], hit["sentence"]);
  }
  // The text output names the item and the relation, with Chinese verbs.
  CommandResult text = RunGuanxi("grep 王建国 --db " + db);
  EXPECT_NE(text.out.find("峡江县召开招商推介会"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("王建国 —出席→"), std::string::npos) << text.out;
}

TEST_F(ExploreTest, GrepFollowsRejectAndMerge) {
  nlohmann::json before = GuanxiJson("grep 钱若溪 --limit 0");
  ASSERT_FALSE(before["hits"].empty());
  // Rejecting every relation a sentence states hides the sentence.
  const nlohmann::json hit = before["hits"][0];
  for (const nlohmann::json& relation : hit["relations"]) {
    CommandResult reject = Guanxi("reject --relation " + std::to_string(relation["id"].get<int>()));
    ASSERT_EQ(reject.exit_code, 0) << reject.err;
  }
  nlohmann::json after = GuanxiJson("grep 钱若溪 --limit 0");
  EXPECT_EQ(after["total"].get<int>(), before["total"].get<int>() - 1);
  EXPECT_EQ(HitSentences(after).count(hit["sentence"]), 0u);

  // A merge: the hits of the merged person name the survivor.
  CommandResult merge = Guanxi("merge 柏嘉禾 钱若溪 --reason test");
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  const nlohmann::json merged_grep = GuanxiJson("grep 钱若溪 --limit 0");
  ASSERT_FALSE(merged_grep["hits"].empty());
  for (const nlohmann::json& merged : merged_grep["hits"]) {
    std::set<std::string> names;
    for (const nlohmann::json& entity : merged["entities"]) names.insert(entity["name"]);
    EXPECT_TRUE(names.count("柏嘉禾")) << merged.dump();
    EXPECT_FALSE(names.count("钱若溪")) << merged.dump();
  }
}

TEST_F(ExploreTest, MigratingAVersion6DatabaseIndexesTheStoredEvidence) {
  // 钱若溪 is read from the index, 区委 (two characters) by a scan of it.
  const nlohmann::json indexed = GuanxiJson("grep 钱若溪 --limit 0");
  const nlohmann::json scanned = GuanxiJson("grep 区委 --limit 0");
  ASSERT_GT(indexed["total"].get<int>(), 1);
  ASSERT_GT(scanned["total"].get<int>(), 3);
  // Make the file what version 6 wrote: no evidence tables.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "guanxi.db").string().c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "DROP TABLE evidence_fts; DROP TABLE evidence_indexed; "
                         "PRAGMA user_version = 6;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(raw);
  sqlite3_close(raw);
  EXPECT_EQ(GuanxiJson("grep 钱若溪 --limit 0"), indexed);
  EXPECT_EQ(GuanxiJson("grep 区委 --limit 0"), scanned);
  // A later build adds only the new items' sentences, once.
  WriteFile(dir_ / "more.txt",
            "青溪区召开新闻发布会\n\n发布时间:2024-06-02 09:00 来源:青溪日报\n\n"
            "6月1日,青溪区召开新闻发布会。区委常委、宣传部部长钱若溪出席发布会。\n");
  ASSERT_EQ(Guanxi("build " + ShellQuote((dir_ / "more.txt").string())).exit_code, 0);
  const nlohmann::json more = GuanxiJson("grep 钱若溪 --limit 0");
  EXPECT_EQ(more["total"].get<int>(), indexed["total"].get<int>() + 1) << more.dump();
  EXPECT_EQ(more["hits"].back()["item"]["title"], "青溪区召开新闻发布会");
}

// The order of an item's date in a timeline entry: ("", undated) last.
std::tuple<bool, std::string> Seen(const nlohmann::json& entry) {
  const std::string date = entry["first_seen"];
  return {date.empty(), date};
}

TEST_F(ExploreTest, TimelineListsEveryRelationOnceInDateOrder) {
  for (const std::string name : {"柏嘉禾", "钱若溪", "青溪区委"}) {
    const nlohmann::json card = GuanxiJson("show " + ShellQuote(name));
    std::multiset<int> expected;
    for (const nlohmann::json& relation : card["relations"]) expected.insert(relation["id"].get<int>());
    const nlohmann::json timeline = GuanxiJson("timeline " + ShellQuote(name));
    EXPECT_EQ(timeline["entity"]["id"], card["id"]);
    std::multiset<int> listed;
    for (const nlohmann::json& entry : timeline["entries"]) {
      for (const nlohmann::json& evidence : entry["evidence"]) listed.insert(evidence["id"].get<int>());
    }
    EXPECT_EQ(listed, expected) << name;
  }
  // With years on the page, entries come in calendar order across years.
  const std::string db = ShellQuote((dir_ / "years.db").string());
  WriteFile(dir_ / "2024.txt",
            "峡江县召开项目签约会\n\n发布时间:2024-05-10 09:00 来源:峡江县融媒体中心\n\n"
            "5月9日,峡江县召开项目签约会。县委书记王建国、县长李明华出席会议。\n\n责任编辑:赵某\n");
  WriteFile(dir_ / "2023.txt",
            "峡江县召开招商推介会\n\n发布时间:2023-11-10 09:00 来源:峡江县融媒体中心\n\n"
            "11月9日,峡江县召开招商推介会。县委书记王建国、县长李明华出席会议。\n\n责任编辑:赵某\n");
  // The later page is built first: the order is the dates', not the ids'.
  for (const char* page : {"2024.txt", "2023.txt"}) {
    ASSERT_EQ(RunGuanxi("build " + ShellQuote((dir_ / page).string()) + " --db " + db).exit_code, 0);
  }
  CommandResult result = RunGuanxi("timeline 王建国 --json --db " + db);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json timeline = nlohmann::json::parse(result.out);
  std::vector<std::string> events;
  bool post_seen = false;
  for (const nlohmann::json& entry : timeline["entries"]) {
    if (entry["type"] == "attended") events.push_back(entry["other"]["name"]);
    if (entry["type"] == "holds_position" && entry["title"] == "书记") {
      post_seen = true;
      EXPECT_EQ(entry["first_seen"], "2023-11-09");
      EXPECT_EQ(entry["last_seen"], "2024-05-09");
      EXPECT_EQ(entry["items"], 2);
      EXPECT_TRUE(entry["year_known"].get<bool>());
    }
  }
  EXPECT_TRUE(post_seen) << result.out;
  ASSERT_EQ(events.size(), 2u) << result.out;
  EXPECT_NE(events[0].find("招商推介会"), std::string::npos);
  EXPECT_NE(events[1].find("项目签约会"), std::string::npos);
  for (std::size_t i = 1; i < timeline["entries"].size(); ++i) {
    EXPECT_LE(Seen(timeline["entries"][i - 1]), Seen(timeline["entries"][i])) << result.out;
  }
  CommandResult text = RunGuanxi("timeline 王建国 --db " + db);
  EXPECT_NE(text.out.find("2023-11-09 … 2024-05-09  任职"), std::string::npos) << text.out;

  // holders: who held 书记 in the county committee, over both years.
  CommandResult holders = RunGuanxi("holders 峡江县委 --title 书记 --json --db " + db);
  ASSERT_EQ(holders.exit_code, 0) << holders.err;
  const nlohmann::json held = nlohmann::json::parse(holders.out);
  ASSERT_EQ(held["entries"].size(), 1u) << holders.out;
  EXPECT_EQ(held["entries"][0]["other"]["name"], "王建国");
  EXPECT_EQ(held["entries"][0]["first_seen"], "2023-11-09");
  EXPECT_EQ(held["entries"][0]["last_seen"], "2024-05-09");
  EXPECT_EQ(held["entries"][0]["evidence"].size(), 2u);
  CommandResult none = RunGuanxi("holders 峡江县委 --title 主任 --db " + db);
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_NE(none.out.find("posts seen: 书记"), std::string::npos) << none.out;
}

TEST_F(ExploreTest, HoldersListEveryPostHeldInTheBody) {
  const nlohmann::json card = GuanxiJson("show 青溪区委");
  std::multiset<int> expected;
  std::set<std::string> titles;
  for (const nlohmann::json& relation : card["relations"]) {
    if (relation["type"] == "holds_position" && relation["target"] == "青溪区委") {
      expected.insert(relation["id"].get<int>());
      titles.insert(relation["title"]);
    }
  }
  ASSERT_FALSE(expected.empty());
  const nlohmann::json holders = GuanxiJson("holders 青溪区委");
  std::multiset<int> listed;
  for (const nlohmann::json& entry : holders["entries"]) {
    for (const nlohmann::json& evidence : entry["evidence"]) listed.insert(evidence["id"].get<int>());
  }
  EXPECT_EQ(listed, expected);
  // --title keeps that post only.
  const std::string title = *titles.begin();
  const nlohmann::json one_title = GuanxiJson("holders 青溪区委 --title " + ShellQuote(title));
  ASSERT_FALSE(one_title["entries"].empty());
  for (const nlohmann::json& entry : one_title["entries"]) {
    EXPECT_EQ(entry["title"], title);
  }
  CommandResult unknown = Guanxi("holders 不存在的机构");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("不存在的机构"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace guanxi::testing
