// IngestSession on a real SQLite file: the same database as Store::Ingest
// whatever the batches, each batch committed as it ends, an interrupted build
// completed by a rerun, files recorded, decisions applied at the end.

#include "graph/store/ingest_session.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/store/file_hash.h"
#include "graph/store/sqlite_store.h"
#include "tests/graph/store/store_backend.h"

namespace guanxi::store {
namespace {

using graph::Article;
using graph::EntityType;
using graph::GraphData;
using graph::Page;
using graph::Relation;
using graph::RelationType;

Relation Link(RelationType type, std::string source, std::string target, const std::string& text,
              std::string title = "") {
  Relation relation;
  relation.type = type;
  relation.source = std::move(source);
  relation.target = std::move(target);
  relation.title = std::move(title);
  relation.evidence.sentence = text;
  relation.evidence.char_end = 20;
  return relation;
}

// Different things meetings discuss, so that items are not reprints.
const char* const kTopics[] = {
    "会议研究部署春耕生产工作，要求各乡镇压实责任，抓好种子化肥供应和农田水利设施修缮。",
    "会议听取了全县防汛备汛工作情况汇报，强调要加强隐患排查，完善应急预案，确保安全度汛。",
    "会议审议通过了优化营商环境实施方案，要求各部门简化审批流程，切实为企业排忧解难。",
    "会议传达学习了上级有关文件精神，安排部署森林防火和校园安全工作，明确了责任分工。",
    "会议通报了一季度经济运行情况，分析研判当前形势，要求狠抓项目建设和招商引资。",
    "会议专题研究乡村振兴工作，要求做好农村人居环境整治，持续巩固拓展脱贫攻坚成果。",
};

// The secretary of `body` (rooted at `place_code`) chairs a meeting that
// `guest` attends; an unresolved 县委 and the event belong to the item.
Article Meeting(const std::string& title, const std::string& secretary, const std::string& body,
                const std::string& place_code, const std::string& guest, int topic) {
  Article article;
  article.title = title;
  article.subtitles = {"副题"};
  article.date = "3月2日";
  article.text = "3月2日，" + body + "召开全体会议。" + body + "书记" + secretary +
                 "主持会议并讲话，" + guest + "出席会议。" + kTopics[topic % 6];
  article.place_code = place_code;
  article.entities = {{EntityType::kPerson, secretary, {}},
                      {EntityType::kPerson, guest, {guest + "同志"}},
                      {EntityType::kInstitution, body, {"县委"}, place_code, false},
                      {EntityType::kInstitution, "县委", {}, "", true},
                      {EntityType::kEvent, "全体会议", {}}};
  article.relations = {
      Link(RelationType::kHoldsPosition, secretary, body, article.text, "书记"),
      Link(RelationType::kChaired, secretary, "全体会议", article.text),
      Link(RelationType::kAttended, guest, "全体会议", article.text),
      Link(RelationType::kMentionedIn, "县委", "全体会议", article.text)};
  return article;
}

// Pages that exercise every identity rule: one person in two items of one
// county, namesakes in counties apart (a candidate), nested places, a
// reprint, an item given twice.
std::vector<Page> Archive() {
  Article first = Meeting("峡江开会", "罗勇", "峡江县委", "360823", "赵一", 0);
  Article reprint = first;
  reprint.title = "峡江部署春耕";
  reprint.outlet = "江西新闻网";
  reprint.text.replace(reprint.text.find("化肥"), std::string("化肥").size(), "农药");
  return {
      Page{"a.txt", {first, Meeting("峡江再开会", "罗勇", "峡江县委", "360823", "钱二", 1)}},
      Page{"b.txt", {Meeting("镇远开会", "罗勇", "镇远县委", "522625", "孙三", 2)}},
      Page{"c.txt", {reprint, Meeting("吉安开会", "周平", "吉安市委", "3608", "赵一", 3)}},
      Page{"d.txt", {Meeting("峡江三开会", "周平", "峡江县委", "360823", "李四", 4), first}},
  };
}

// Everything LoadGraph gives and the candidate pairs, ids included: two
// databases agree exactly when these agree.
std::vector<std::string> Dump(const Store& store) {
  Result<GraphData> data = store.LoadGraph();
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  std::vector<std::string> lines;
  if (!data.ok()) return lines;
  for (const auto& e : data->entities) {
    std::string line = "entity " + std::to_string(e.id) + " " +
                       std::string(graph::ToString(e.type)) + " " + e.name + " item " +
                       std::to_string(e.item_id);
    for (const auto& alias : e.aliases) line += " |" + alias;
    for (int64_t article : e.article_ids) line += " @" + std::to_string(article);
    lines.push_back(line);
  }
  for (const auto& a : data->articles) {
    std::string line = "article " + std::to_string(a.id) + " " + a.path + " " + a.title;
    for (const auto& s : a.sources) line += " <" + s.path + " " + std::to_string(s.item_index);
    lines.push_back(line);
  }
  for (const auto& r : data->relations) {
    lines.push_back("relation " + std::to_string(r.id) + " " +
                    std::string(graph::ToString(r.type)) + " " + std::to_string(r.source_id) +
                    " " + std::to_string(r.target_id) + " @" + std::to_string(r.article_id));
  }
  Result<std::vector<CandidateRecord>> candidates = store.Candidates();
  EXPECT_TRUE(candidates.ok());
  if (candidates.ok()) {
    for (const auto& c : *candidates) {
      lines.push_back("candidate " + std::to_string(c.entity_a) + " " +
                      std::to_string(c.entity_b) + " " + c.reason);
    }
  }
  return lines;
}

FileRecord RecordOf(const Page& page) {
  return FileRecord{page.path, 100, 7, FileContentHash(page.path), int64_t(page.articles.size())};
}

class IngestSessionTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  void SetUp() override { SetUpStores(GetParam()); }
  void SetUpStores(testing::Backend backend) {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("guanxi_session_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    stores_ = testing::StoreLocations(backend, dir_);
    if (stores_.Missing()) GTEST_SKIP() << "PostgreSQL is not installed (run.sh deps installs it)";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Store Open(const std::string& name) {
    Result<Store> store = Store::Open(stores_(name));
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(store).value();
  }

  template <typename T>
  static T Ok(Result<T> result) {
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return std::move(result).value();
  }

  // Adds every item of `page` and ends it with its record.
  static void AddPage(IngestSession& session, const Page& page) {
    for (size_t a = 0; a < page.articles.size(); ++a) {
      Status added = session.Add(Ok(PrepareItem(page.path, a, page.articles[a])));
      EXPECT_TRUE(added.ok()) << added.ToString();
    }
    Status ended = session.EndFile(RecordOf(page));
    EXPECT_TRUE(ended.ok()) << ended.ToString();
  }

  // A session that commits each item as it is added (batches of one).
  IngestSession BeginItemByItem(Store& store) {
    IngestOptions options;
    options.batch_items = 1;
    return Ok(store.BeginIngest(options));
  }

  // A session over `pages` with batches of `batch_items`.
  IngestStats Build(Store& store, const std::vector<Page>& pages, int64_t batch_items) {
    IngestOptions options;
    options.batch_items = batch_items;
    IngestSession session = Ok(store.BeginIngest(options));
    for (const Page& page : pages) AddPage(session, page);
    return Ok(session.Finish());
  }

  std::filesystem::path dir_;
  testing::StoreLocations stores_;  // by name
};

INSTANTIATE_TEST_SUITE_P(Backends, IngestSessionTest, testing::AllBackends(), testing::BackendName);

// A SQLite file's bulk load: the indexes it defers (schema.h).
class SqliteIngestSessionTest : public IngestSessionTest {
 protected:
  void SetUp() override { SetUpStores(testing::Backend::kSqlite); }
};

TEST_P(IngestSessionTest, WritesWhatIngestWrites) {
  Store by_ingest = Open("ingest.db");
  const IngestStats expected = Ok(by_ingest.Ingest(Archive()));
  Store by_session = Open("session.db");
  const IngestStats stats = Build(by_session, Archive(), 1000);

  EXPECT_EQ(Dump(by_session), Dump(by_ingest));
  EXPECT_EQ(stats.articles_added, expected.articles_added);
  EXPECT_EQ(stats.articles_unchanged, expected.articles_unchanged);
  EXPECT_EQ(stats.reprints, expected.reprints);
  EXPECT_EQ(stats.entities_added, expected.entities_added);
  EXPECT_EQ(stats.relations_added, expected.relations_added);
  EXPECT_EQ(stats.candidates_added, expected.candidates_added);
  // The archive holds a reprint, an item given twice and a candidate pair.
  EXPECT_EQ(stats.reprints, 1);
  EXPECT_EQ(stats.articles_unchanged, 1);
  EXPECT_EQ(stats.candidates_added, 1);
}

TEST_P(IngestSessionTest, BatchBoundariesDoNotChangeTheDatabase) {
  Store one_batch = Open("one.db");
  (void)Build(one_batch, Archive(), 1000);
  Store many_batches = Open("many.db");
  (void)Build(many_batches, Archive(), 1);
  EXPECT_EQ(Dump(many_batches), Dump(one_batch));
}

TEST_P(IngestSessionTest, EachBatchIsCommittedAsItEnds) {
  Store store = Open("guanxi.db");
  IngestSession session = BeginItemByItem(store);
  AddPage(session, Archive()[0]);
  // Another connection sees the first file's items and record.
  Store reader = Open("guanxi.db");
  EXPECT_EQ(Ok(reader.Counts()).articles, 2);
  ASSERT_EQ(Ok(reader.Files()).size(), 1u);
  EXPECT_EQ(Ok(reader.Files())[0].path, "a.txt");
  EXPECT_EQ(Ok(reader.Files())[0].items, 2);
  (void)Ok(session.Finish());
}

TEST_P(IngestSessionTest, InterruptedBuildIsCompletedByARerun) {
  const std::vector<Page> pages = Archive();
  Store whole = Open("whole.db");
  (void)Build(whole, pages, 1);

  Store store = Open("guanxi.db");
  {
    IngestSession session = BeginItemByItem(store);
    AddPage(session, pages[0]);
    AddPage(session, pages[1]);
    // The third file's first item is written, then the build stops: that
    // batch is rolled back.
    ASSERT_TRUE(session.Add(Ok(PrepareItem(pages[2].path, 0, pages[2].articles[0]))).ok());
  }
  EXPECT_EQ(Ok(store.Files()).size(), 2u);
  // The rerun skips the recorded files (as `guanxi build` does) and writes the rest.
  (void)Build(store, {pages[2], pages[3]}, 1);
  EXPECT_EQ(Dump(store), Dump(whole));
  EXPECT_EQ(Ok(store.Files()).size(), 4u);
}

// The first column of every row `sql` gives on the file at `path`, read by
// a connection of its own.
std::vector<std::string> FirstColumnOf(const std::filesystem::path& path, const char* sql) {
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(raw, sql, -1, &statement, nullptr), SQLITE_OK);
  std::vector<std::string> values;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    values.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
  }
  sqlite3_finalize(statement);
  sqlite3_close(raw);
  return values;
}

// The names of the indexes a bulk load defers (schema.h) present in the file
// at `path`.
std::set<std::string> DeferredIndexesOf(const std::filesystem::path& path) {
  const std::vector<std::string> names =
      FirstColumnOf(path,
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN "
                    "('relations_out', 'relations_in', 'entities_by_name', 'aliases_by_alias', "
                    "'sources_by_article', 'mentions_by_entity')");
  return {names.begin(), names.end()};
}

const std::set<std::string> kDeferredIndexes = {"relations_in",       "relations_out",
                                                "entities_by_name",   "aliases_by_alias",
                                                "sources_by_article", "mentions_by_entity"};

TEST_F(SqliteIngestSessionTest, FirstBuildCreatesTheDeferredIndexesAtItsEnd) {
  Store store = Open("guanxi.db");
  IngestSession session = BeginItemByItem(store);
  AddPage(session, Archive()[0]);
  // Committed batches are there to read, the indexes not yet.
  EXPECT_EQ(DeferredIndexesOf(dir_ / "guanxi.db"), std::set<std::string>{});
  (void)Ok(session.Finish());
  EXPECT_EQ(DeferredIndexesOf(dir_ / "guanxi.db"), kDeferredIndexes);

  // A later build adds to the indexes as it goes.
  IngestSession later = BeginItemByItem(store);
  AddPage(later, Archive()[1]);
  EXPECT_EQ(DeferredIndexesOf(dir_ / "guanxi.db"), kDeferredIndexes);
  (void)Ok(later.Finish());
}

TEST_F(SqliteIngestSessionTest, AbandonedFirstBuildLeavesTheDeferredIndexes) {
  Store store = Open("guanxi.db");
  {
    IngestSession session = BeginItemByItem(store);
    AddPage(session, Archive()[0]);
  }
  EXPECT_EQ(DeferredIndexesOf(dir_ / "guanxi.db"), kDeferredIndexes);
}

// The evidence index's 'automerge' as stored in the file at `path` (FTS5
// keeps a setting it was given in its config table); -1 when none is stored.
int64_t EvidenceAutomergeOf(const std::filesystem::path& path) {
  const std::vector<std::string> values =
      FirstColumnOf(path, "SELECT v FROM evidence_fts_config WHERE k = 'automerge'");
  return values.empty() ? -1 : std::stoll(values.front());
}

TEST_F(SqliteIngestSessionTest, BuildPausesTheEvidenceIndexMergesUntilItsEnd) {
  Store store = Open("guanxi.db");
  {
    IngestSession session = BeginItemByItem(store);
    AddPage(session, Archive()[0]);
    EXPECT_EQ(EvidenceAutomergeOf(dir_ / "guanxi.db"), 0);
    (void)Ok(session.Finish());
  }
  EXPECT_EQ(EvidenceAutomergeOf(dir_ / "guanxi.db"), 4);  // FTS5's default
  {
    IngestSession abandoned = BeginItemByItem(store);
    AddPage(abandoned, Archive()[1]);
    EXPECT_EQ(EvidenceAutomergeOf(dir_ / "guanxi.db"), 0);
  }
  EXPECT_EQ(EvidenceAutomergeOf(dir_ / "guanxi.db"), 4);
}

TEST_F(SqliteIngestSessionTest, KilledFirstBuildGetsTheDeferredIndexesBackWhenTheStoreOpens) {
  {
    Store store = Open("guanxi.db");
    (void)Build(store, {Archive()[0]}, 1);
  }
  // What a build killed before its end leaves: no destructor ran.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "guanxi.db").c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "DROP INDEX relations_out; DROP INDEX relations_in; DROP INDEX mentions_by_entity;", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);

  Store reopened = Open("guanxi.db");
  EXPECT_EQ(DeferredIndexesOf(dir_ / "guanxi.db"), kDeferredIndexes);
}

TEST_P(IngestSessionTest, FileRecordIsReplaced) {
  Store store = Open("guanxi.db");
  IngestSession session = Ok(store.BeginIngest({}));
  ASSERT_TRUE(session.EndFile(FileRecord{"p.txt", 10, 1, "aa", 3}).ok());
  ASSERT_TRUE(session.EndFile(FileRecord{"p.txt", 10, 2, "aa", 3}).ok());
  ASSERT_TRUE(session.EndFile(std::nullopt).ok());  // a failed file is not recorded
  (void)Ok(session.Finish());
  const std::vector<FileRecord> files = Ok(store.Files());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].mtime_ns, 2);
  EXPECT_EQ(files[0].content_hash, "aa");
}

TEST_P(IngestSessionTest, RelationToAnUnknownEntityIsRefusedWhenPrepared) {
  Article article = Meeting("开会", "罗勇", "峡江县委", "360823", "赵一", 0);
  article.relations.push_back(Link(RelationType::kAttended, "无名氏", "全体会议", article.text));
  Result<PreparedItem> item = PrepareItem("x.txt", 0, article);
  ASSERT_FALSE(item.ok());
  EXPECT_EQ(item.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(item.status().ToString().find("无名氏"), std::string::npos);
}

// Items another connection stores between two batches (a second build run
// at the same time) are known to the items written after them.
TEST_P(IngestSessionTest, WritesOfAnotherConnectionBetweenBatchesAreSeen) {
  const Page apart{"b.txt", {Meeting("镇远开会", "罗勇", "镇远县委", "522625", "孙三", 2)}};
  const Page later{"e.txt", {Meeting("镇远又开会", "罗勇", "镇远县委", "522625", "吴五", 3)}};

  Store store = Open("guanxi.db");
  IngestSession session = BeginItemByItem(store);
  AddPage(session, Archive()[0]);  // 罗勇 of 峡江, known to the session
  {
    Store other = Open("guanxi.db");
    (void)Ok(other.Ingest({apart}));  // 罗勇 of 镇远: a second person
  }
  AddPage(session, later);  // 罗勇 of 镇远 again: the other connection's person
  (void)Ok(session.Finish());

  const GraphData data = Ok(store.LoadGraph());
  std::vector<const graph::EntityRecord*> luo;
  for (const auto& e : data.entities) {
    if (e.name == "罗勇") luo.push_back(&e);
  }
  ASSERT_EQ(luo.size(), 2u);
  EXPECT_EQ(luo[0]->article_ids.size(), 2u);  // the two items of 峡江
  EXPECT_EQ(luo[1]->article_ids.size(), 2u);  // the two of 镇远
}

// The session keeps the band keys of what it wrote in memory and asks the
// table only for others': an original stored by another connection between
// its batches is found as well as one of its own earlier batch, and both are
// in the table for later sessions.
TEST_P(IngestSessionTest, ReprintsOfEveryWritersItemsAreFound) {
  const Article own = Meeting("峡江开会", "罗勇", "峡江县委", "360823", "赵一", 0);
  const Article others = Meeting("镇远开会", "杨帆", "镇远县委", "522625", "孙三", 2);
  const auto reprint_of = [](Article article, const std::string& title) {
    article.title = title;
    article.outlet = "江西新闻网";
    article.text.replace(article.text.find("要求"), std::string("要求").size(), "强调");
    return article;
  };

  Store store = Open("guanxi.db");
  IngestSession session = BeginItemByItem(store);
  AddPage(session, Page{"own.txt", {own}});
  {
    Store other = Open("guanxi.db");
    (void)Ok(other.Ingest({Page{"others.txt", {others}}}));
  }
  AddPage(session, Page{"web1.txt", {reprint_of(own, "峡江部署春耕"),
                                     reprint_of(others, "镇远部署春耕")}});
  const IngestStats stats = Ok(session.Finish());
  EXPECT_EQ(stats.reprints, 2);
  EXPECT_EQ(stats.articles_added, 1);

  // A later session finds both originals through the table.
  const IngestStats later =
      Build(store, {Page{"web2.txt", {reprint_of(own, "峡江春耕"), reprint_of(others, "镇远春耕")}}},
            1);
  EXPECT_EQ(later.reprints, 2);
  EXPECT_EQ(later.articles_added, 0);
  const GraphData data = Ok(store.LoadGraph());
  ASSERT_EQ(data.articles.size(), 2u);
  EXPECT_EQ(data.articles[0].sources.size(), 3u);
  EXPECT_EQ(data.articles[1].sources.size(), 3u);
}

// Thirty reports on one template, each of another day: all share band keys
// (lists long enough to be kept in memory) and none is a reprint of another;
// a reprint of the seventeenth, printed later, is found among them.
TEST_P(IngestSessionTest, ReprintIsFoundAmongManyItemsOfOneTemplate) {
  std::vector<Page> pages;
  for (int day = 1; day <= 30; ++day) {
    Article item = Meeting("峡江开会", "罗勇", "峡江县委", "360823", "赵一", 0);
    const std::string date = "3月" + std::to_string(day) + "日";
    item.date = date;
    item.text.replace(0, std::string("3月2日").size(), date);
    pages.push_back(Page{"day" + std::to_string(day) + ".txt", {item}});
  }
  Article reprint = pages[16].articles[0];
  reprint.title = "峡江部署春耕";
  reprint.text.replace(reprint.text.find("化肥"), std::string("化肥").size(), "农药");
  pages.push_back(Page{"web.txt", {reprint}});

  Store by_ingest = Open("ingest.db");
  (void)Ok(by_ingest.Ingest(pages));
  Store by_session = Open("session.db");
  const IngestStats stats = Build(by_session, pages, 7);
  EXPECT_EQ(stats.reprints, 1);
  EXPECT_EQ(stats.articles_added, 30);
  EXPECT_EQ(Dump(by_session), Dump(by_ingest));
  const GraphData data = Ok(by_session.LoadGraph());
  ASSERT_EQ(data.articles.size(), 30u);
  ASSERT_EQ(data.articles[16].sources.size(), 2u);
  EXPECT_EQ(data.articles[16].sources[1].path, "web.txt");
}

TEST(FileHashTest, PiecesHashAsTheWhole) {
  const std::string text = "县十八届人大常委会举行第二十三次会议\n发布时间：2024-11-28";
  FileHasher hasher;
  hasher.Update(text.substr(0, 7));
  hasher.Update(text.substr(7));
  EXPECT_EQ(hasher.HexDigest(), FileContentHash(text));
  EXPECT_EQ(FileContentHash(text).size(), 32u);
  EXPECT_NE(FileContentHash(text), FileContentHash(text + " "));
  EXPECT_EQ(FileContentHash(""), FileHasher().HexDigest());
}

}  // namespace
}  // namespace guanxi::store
