// The identity rules and a person's decisions, on a real SQLite file.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/store/sqlite_store.h"
#include "tests/graph/store/store_backend.h"

namespace guanxi::store {
namespace {

using graph::Article;
using graph::Entity;
using graph::EntityType;
using graph::GraphData;
using graph::Page;
using graph::Relation;
using graph::RelationType;

Relation MakeRelation(RelationType type, std::string source, std::string target,
                      const std::string& text, std::string title = "") {
  Relation relation;
  relation.type = type;
  relation.source = std::move(source);
  relation.target = std::move(target);
  relation.title = std::move(title);
  relation.evidence.sentence = text;
  relation.evidence.char_end = 20;
  return relation;
}

// What the meetings of the tests discuss: different items say different
// things (two items on one template with other names are no reprint).
const char* const kTopics[] = {
    "会议研究部署春耕生产工作，要求各乡镇压实责任，抓好种子化肥供应和农田水利设施修缮。",
    "会议听取了全县防汛备汛工作情况汇报，强调要加强隐患排查，完善应急预案，确保安全度汛。",
    "会议审议通过了优化营商环境实施方案，要求各部门简化审批流程，切实为企业排忧解难。",
    "会议传达学习了上级有关文件精神，安排部署森林防火和校园安全工作，明确了责任分工。",
};

// A county secretary of `body` (a body rooted at `place_code`) chairing a
// meeting on topic `topic` that `guest` attends, in an item about that place.
// The text is long enough to be compared for reprints.
Article CountyMeeting(const std::string& title, const std::string& secretary,
                      const std::string& body, const std::string& place_code,
                      const std::string& guest, int topic) {
  Article article;
  article.title = title;
  article.date = "3月2日";
  article.text = "3月2日，" + body + "召开全体会议。" + body + "书记" + secretary +
                 "主持会议并讲话，" + guest + "出席会议。" + kTopics[topic];
  article.place_code = place_code;
  article.entities = {{EntityType::kPerson, secretary, {}},
                      {EntityType::kPerson, guest, {}},
                      {EntityType::kInstitution, body, {}, place_code, false},
                      {EntityType::kEvent, "全体会议", {}}};
  article.relations = {
      MakeRelation(RelationType::kHoldsPosition, secretary, body, article.text, "书记"),
      MakeRelation(RelationType::kChaired, secretary, "全体会议", article.text),
      MakeRelation(RelationType::kAttended, guest, "全体会议", article.text)};
  return article;
}

// An item that names a body only by unresolved shorthand.
Article ShorthandMeeting(const std::string& title, const std::string& person,
                         const std::string& place_code) {
  Article article;
  article.title = title;
  article.text = "县委召开常委会议，" + person + "出席会议并讲话。";
  article.place_code = place_code;
  article.entities = {{EntityType::kPerson, person, {}},
                      {EntityType::kInstitution, "县委", {}, "", true},
                      {EntityType::kEvent, "常委会议", {}}};
  article.relations = {
      MakeRelation(RelationType::kHoldsPosition, person, "县委", article.text, "书记"),
      MakeRelation(RelationType::kAttended, person, "常委会议", article.text)};
  return article;
}

std::vector<const graph::EntityRecord*> Named(const GraphData& data, const std::string& name) {
  std::vector<const graph::EntityRecord*> found;
  for (const auto& entity : data.entities) {
    if (entity.name == name) found.push_back(&entity);
  }
  return found;
}

class IdentityStoreTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  void SetUp() override { SetUpStores(GetParam()); }
  void SetUpStores(testing::Backend backend) {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("guanxi_identity_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    stores_ = testing::StoreLocations(backend, dir_);
    if (stores_.Missing()) GTEST_SKIP() << "PostgreSQL is not installed (run.sh deps installs it)";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Store Open(const std::string& name = "guanxi.db") {
    Result<Store> store = Store::Open(stores_(name));
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(store).value();
  }
  static IngestStats Ingest(Store& store, const std::vector<Page>& pages) {
    Result<IngestStats> stats = store.Ingest(pages);
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? *stats : IngestStats{};
  }
  static GraphData Load(const Store& store) {
    Result<GraphData> data = store.LoadGraph();
    EXPECT_TRUE(data.ok()) << data.status().ToString();
    return data.ok() ? std::move(data).value() : GraphData{};
  }
  template <typename T>
  static T Ok(Result<T> result) {
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return std::move(result).value();
  }

  std::filesystem::path dir_;
  testing::StoreLocations stores_;  // by name
};

// Two provinces' pages that both print 县委: each item's 县委 is its own.
INSTANTIATE_TEST_SUITE_P(Backends, IdentityStoreTest, testing::AllBackends(), testing::BackendName);

TEST_P(IdentityStoreTest, UnresolvedShorthandIsKeptToItsItem) {
  Store store = Open();
  (void)Ingest(store, {Page{"jiangxi.txt", {ShorthandMeeting("常委会", "王建国", "3608")}},
                       Page{"guizhou.txt", {ShorthandMeeting("常委会议", "李长江", "5226")}}});
  const GraphData data = Load(store);
  const auto bodies = Named(data, "县委");
  ASSERT_EQ(bodies.size(), 2u);
  for (const auto* body : bodies) {
    EXPECT_TRUE(body->unresolved);
    EXPECT_NE(body->item_id, 0);
    EXPECT_EQ(body->article_ids, std::vector<int64_t>{body->item_id});
  }
  const graph::KnowledgeGraph graph(data);
  EXPECT_FALSE(graph.ShortestPath(graph.FindByName("王建国").at(0), graph.FindByName("李长江").at(0))
                   .has_value());
}

TEST_P(IdentityStoreTest, SameNameInPlacesApartIsTwoPeopleAndOneCandidate) {
  Store store = Open();
  const IngestStats stats =
      Ingest(store, {Page{"a.txt", {CountyMeeting("峡江开会", "罗勇", "峡江县委", "360823", "赵一", 0)}},
                     Page{"b.txt", {CountyMeeting("镇远开会", "罗勇", "镇远县委", "522625", "钱二", 1)}}});
  EXPECT_EQ(stats.candidates_added, 1);
  const GraphData data = Load(store);
  const auto people = Named(data, "罗勇");
  ASSERT_EQ(people.size(), 2u);
  const std::vector<CandidateRecord> candidates = Ok(store.Candidates());
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].entity_a, people[0]->id);
  EXPECT_EQ(candidates[0].entity_b, people[1]->id);
  EXPECT_NE(candidates[0].reason.find("apart"), std::string::npos) << candidates[0].reason;
  // 赵一 and 钱二 are not joined through a 罗勇 of each county.
  const graph::KnowledgeGraph graph(data);
  EXPECT_FALSE(graph.ShortestPath(graph.FindByName("赵一").at(0), graph.FindByName("钱二").at(0))
                   .has_value());
}

TEST_P(IdentityStoreTest, SameNameWithSamePostInOneCountyIsOnePerson) {
  Store store = Open();
  (void)Ingest(store,
               {Page{"a.txt", {CountyMeeting("峡江开会", "罗勇", "峡江县委", "360823", "赵一", 0)}},
                Page{"b.txt", {CountyMeeting("峡江再开会", "罗勇", "峡江县委", "360823", "钱二", 1)}}});
  const GraphData data = Load(store);
  ASSERT_EQ(Named(data, "罗勇").size(), 1u);
  EXPECT_EQ(Named(data, "罗勇")[0]->article_ids.size(), 2u);
  EXPECT_TRUE(Ok(store.Candidates()).empty());
}

TEST_P(IdentityStoreTest, NestedPlacesJoinAPerson) {
  Store store = Open();
  Article city = CountyMeeting("市里开会", "周平", "吉安市委", "3608", "赵一", 0);
  Article county = CountyMeeting("县里开会", "周平", "峡江县委", "360823", "钱二", 1);
  (void)Ingest(store, {Page{"a.txt", {city}}, Page{"b.txt", {county}}});
  EXPECT_EQ(Named(Load(store), "周平").size(), 1u);
}

TEST_P(IdentityStoreTest, ReprintIsOneArticleWithTwoSources) {
  Store store = Open();
  Article first = CountyMeeting("峡江县委召开全体会议", "罗勇", "峡江县委", "360823", "赵一", 0);
  first.outlet = "井冈山报";
  (void)Ingest(store, {Page{"paper.txt", {first}}});
  const int64_t relations = Ok(store.Counts()).relations;

  Article reprint = first;
  reprint.title = "峡江部署春耕生产";
  reprint.outlet = "江西新闻网";
  reprint.text.replace(reprint.text.find("化肥"), std::string("化肥").size(), "农药");
  const IngestStats stats = Ingest(store, {Page{"web.txt", {reprint}}});
  EXPECT_EQ(stats.reprints, 1);
  EXPECT_EQ(stats.articles_added, 0);
  EXPECT_EQ(Ok(store.Counts()).relations, relations);

  const GraphData data = Load(store);
  ASSERT_EQ(data.articles.size(), 1u);
  ASSERT_EQ(data.articles[0].sources.size(), 2u);
  EXPECT_EQ(data.articles[0].sources[0].path, "paper.txt");
  EXPECT_EQ(data.articles[0].sources[0].outlet, "井冈山报");
  EXPECT_EQ(data.articles[0].sources[1].path, "web.txt");
  EXPECT_EQ(data.articles[0].sources[1].outlet, "江西新闻网");
  EXPECT_LT(data.articles[0].sources[1].similarity, 1.0);
  // Ingesting the reprint again adds nothing.
  EXPECT_EQ(Ingest(store, {Page{"web.txt", {reprint}}}).articles_unchanged, 1);
}

TEST_P(IdentityStoreTest, DifferentReportsOfOneTemplateAreNotReprints) {
  Store store = Open();
  (void)Ingest(store, {Page{"a.txt", {CountyMeeting("开会", "罗勇", "峡江县委", "360823", "赵一", 0)}},
                       Page{"b.txt", {ShorthandMeeting("开会", "罗勇", "360823")}}});
  EXPECT_EQ(Load(store).articles.size(), 2u);
}

// ---- Decisions ----------------------------------------------------------------

class DecisionTest : public IdentityStoreTest {
 protected:
  std::vector<Page> Pages() const {
    return {Page{"a.txt", {CountyMeeting("峡江开会", "罗勇", "峡江县委", "360823", "赵一", 0)}},
            Page{"b.txt", {CountyMeeting("镇远开会", "罗勇", "镇远县委", "522625", "钱二", 1)}}};
  }
  static int64_t IdOf(const GraphData& data, const std::string& name, size_t nth = 0) {
    const auto found = Named(data, name);
    EXPECT_GT(found.size(), nth) << name;
    return found.size() > nth ? found[nth]->id : 0;
  }
  // Who is called what, and who is joined to whom: equal for two databases
  // that hold the same identities, whatever their row ids.
  static std::vector<std::string> Shape(const GraphData& data) {
    const graph::KnowledgeGraph graph(data);
    std::vector<std::string> lines;
    for (const auto& relation : data.relations) {
      lines.push_back(std::string(graph::ToString(relation.type)) + " " +
                      graph.FindEntity(relation.source_id)->name + " " +
                      std::to_string(graph.FindEntity(relation.source_id)->article_ids.size()) +
                      " -> " + graph.FindEntity(relation.target_id)->name);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, DecisionTest, testing::AllBackends(), testing::BackendName);

TEST_P(DecisionTest, MergeJoinsAndIsNotedAndSplitUndoesIt) {
  Store store = Open();
  (void)Ingest(store, Pages());
  GraphData data = Load(store);
  const Decision merge = Ok(store.Merge(IdOf(data, "罗勇", 0), IdOf(data, "罗勇", 1), "同一人"));
  EXPECT_EQ(merge.id, 1);
  data = Load(store);
  ASSERT_EQ(Named(data, "罗勇").size(), 1u);
  const auto* luo = Named(data, "罗勇")[0];
  EXPECT_EQ(luo->article_ids.size(), 2u);
  ASSERT_EQ(luo->decisions.size(), 1u);
  EXPECT_EQ(luo->decisions[0].action, "merge");
  EXPECT_EQ(luo->decisions[0].reason, "同一人");
  EXPECT_TRUE(Ok(store.Candidates()).empty());
  {
    const graph::KnowledgeGraph graph(data);
    EXPECT_TRUE(graph.ShortestPath(graph.FindByName("赵一").at(0), graph.FindByName("钱二").at(0))
                    .has_value());
  }

  const Decision split = Ok(store.Split(luo->id, {}, "不是同一人"));
  EXPECT_EQ(split.undoes, merge.id);
  data = Load(store);
  EXPECT_EQ(Named(data, "罗勇").size(), 2u);
  const std::vector<Decision> log = Ok(store.Decisions());
  ASSERT_EQ(log.size(), 2u);
  EXPECT_TRUE(log[0].undone);
  EXPECT_EQ(log[1].kind, DecisionKind::kSplit);
}

TEST_P(DecisionTest, BadDecisionsAreRefusedAndChangeNothing) {
  Store store = Open();
  (void)Ingest(store, Pages());
  const GraphData data = Load(store);
  const int64_t luo = IdOf(data, "罗勇");
  EXPECT_EQ(store.Merge(luo, luo, "").status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(store.Merge(luo, IdOf(data, "峡江县委"), "").status().code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(store.Merge(luo, 9999, "").status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(store.Split(luo, {}, "").status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(store.Rename(luo, " ", "").status().code(), Status::Code::kInvalidInput);
  EXPECT_TRUE(Ok(store.Decisions()).empty());
}

TEST_P(DecisionTest, RenameAndRejectHideAndRename) {
  Store store = Open();
  (void)Ingest(store, Pages());
  GraphData data = Load(store);
  (void)Ok(store.Rename(IdOf(data, "峡江县委"), "中共峡江县委", "全称"));
  (void)Ok(store.RejectEntity(IdOf(data, "钱二"), "抽取错误"));
  data = Load(store);
  ASSERT_EQ(Named(data, "中共峡江县委").size(), 1u);
  EXPECT_EQ(Named(data, "中共峡江县委")[0]->aliases, std::vector<std::string>{"峡江县委"});
  EXPECT_TRUE(Named(data, "钱二").empty());
  for (const auto& relation : data.relations) {
    EXPECT_NE(relation.source_id, 0);
    EXPECT_TRUE(std::any_of(data.entities.begin(), data.entities.end(),
                            [&](const auto& e) { return e.id == relation.source_id; }));
  }
  const size_t before = data.relations.size();
  (void)Ok(store.RejectRelation(data.relations.front().id, "错误"));
  EXPECT_EQ(Load(store).relations.size(), before - 1);
  EXPECT_EQ(store.RejectRelation(data.relations.front().id, "").status().code(),
            Status::Code::kInvalidInput);
}

TEST_P(DecisionTest, DecisionsSurviveReingestAndARebuildWithTheLogImported) {
  Store store = Open();
  (void)Ingest(store, Pages());
  GraphData data = Load(store);
  (void)Ok(store.Merge(IdOf(data, "罗勇", 0), IdOf(data, "罗勇", 1), "同一人"));
  (void)Ok(store.Rename(IdOf(data, "镇远县委"), "中共镇远县委", ""));
  (void)Ok(store.RejectEntity(IdOf(data, "赵一"), ""));
  data = Load(store);
  const std::vector<std::string> decided = Shape(data);

  // A second build of the same pages keeps them.
  EXPECT_EQ(Ingest(store, Pages()).articles_unchanged, 2);
  EXPECT_EQ(Shape(Load(store)), decided);

  // A new item of 罗勇 in 峡江 joins the merged person; the log still holds.
  (void)Ingest(store, {Page{"c.txt", {CountyMeeting("峡江三开会", "罗勇", "峡江县委", "360823",
                                                    "孙三", 3)}}});
  data = Load(store);
  ASSERT_EQ(Named(data, "罗勇").size(), 1u);
  EXPECT_EQ(Named(data, "罗勇")[0]->article_ids.size(), 3u);

  // A rebuild into a new database with the decisions imported: the same graph.
  const std::vector<Decision> log = Ok(store.Decisions());
  ASSERT_EQ(log.size(), 3u);
  Store rebuilt = Open("rebuilt.db");
  (void)Ingest(rebuilt, Pages());
  EXPECT_EQ(Ok(rebuilt.ImportDecisions(log)), 3);
  EXPECT_EQ(Shape(Load(rebuilt)), decided);
  // Importing the same log again adds nothing.
  EXPECT_EQ(Ok(rebuilt.ImportDecisions(log)), 0);

  // Imported before the build, they apply as the items arrive.
  Store first_import = Open("import-first.db");
  EXPECT_EQ(Ok(first_import.ImportDecisions(log)), 3);
  (void)Ingest(first_import, Pages());
  EXPECT_EQ(Shape(Load(first_import)), decided);
}

}  // namespace
}  // namespace guanxi::store
