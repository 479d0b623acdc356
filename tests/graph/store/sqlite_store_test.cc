#include "graph/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "graph/knowledge_graph.h"
#include "graph/store/schema.h"
#include "tests/graph/store/store_backend.h"

namespace guanxi::store {
namespace {

using testing::Backend;

using graph::Article;
using graph::Entity;
using graph::EntityType;
using graph::GraphData;
using graph::Page;
using graph::Relation;
using graph::RelationType;

// ---- Building pages by hand -------------------------------------------------

Relation MakeRelation(RelationType type, std::string source, std::string target,
                      std::string sentence, std::string title = "") {
  Relation relation;
  relation.type = type;
  relation.source = std::move(source);
  relation.target = std::move(target);
  relation.title = std::move(title);
  relation.evidence.sentence = std::move(sentence);
  relation.evidence.char_begin = 0;
  relation.evidence.char_end = 12;
  return relation;
}

// An item in which `person` attends a meeting held in 北京.
Article Meeting(std::string title, std::string person, std::vector<std::string> aliases = {}) {
  Article article;
  article.title = std::move(title);
  article.subtitles = {"副标题"};
  article.date = "7月16日";
  article.text = article.title + "：" + person + "出席会议。";
  article.place = "北京市";  // a person of one name in two items is one only in nesting places
  article.place_code = "11";
  article.entities = {{EntityType::kPerson, person, std::move(aliases)},
                      {EntityType::kEvent, "会议", {}},
                      {EntityType::kPlace, "北京", {}}};
  article.relations = {MakeRelation(RelationType::kAttended, person, "会议", article.text),
                       MakeRelation(RelationType::kHeldAt, "会议", "北京", article.text)};
  return article;
}

Page MakePage(std::string path, std::vector<Article> articles) {
  return Page{std::move(path), std::move(articles)};
}

// ---- Reading back -----------------------------------------------------------

// Everything of a GraphData, ids resolved to names, one line per record: two
// loads agree exactly when these agree.
std::vector<std::string> Describe(const GraphData& data) {
  std::vector<std::string> lines;
  const graph::KnowledgeGraph graph(data);
  for (const auto& entity : data.entities) {
    std::string line = std::to_string(entity.id) + " " + std::string(graph::ToString(entity.type)) +
                       " " + entity.name;
    for (const auto& alias : entity.aliases) line += " |" + alias;
    lines.push_back(line);
  }
  for (const auto& article : data.articles) {
    lines.push_back(std::to_string(article.id) + " " + article.path + " " + article.title + " " +
                    article.date);
  }
  for (const auto& relation : data.relations) {
    lines.push_back(std::to_string(relation.id) + " " +
                    std::string(graph::ToString(relation.type)) + " " +
                    graph.FindEntity(relation.source_id)->name + " -> " +
                    graph.FindEntity(relation.target_id)->name + " " + relation.title + " @" +
                    std::to_string(relation.article_id) + " " + relation.evidence.sentence + " " +
                    std::to_string(relation.evidence.char_begin) + "-" +
                    std::to_string(relation.evidence.char_end));
  }
  return lines;
}

std::vector<const graph::EntityRecord*> EntitiesNamed(const GraphData& data,
                                                      const std::string& name) {
  std::vector<const graph::EntityRecord*> found;
  for (const auto& entity : data.entities) {
    if (entity.name == name) found.push_back(&entity);
  }
  return found;
}

// A store of one backend (store_backend.h) in a folder of its own: the
// folder holds page files, and the SQLite file.
class StoreFixture : public ::testing::Test {
 protected:
  void SetUpStore(Backend backend) {
    backend_ = backend;
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("guanxi_store_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::string location;
    GUANXI_NEW_STORE(location, backend, dir_ / "guanxi.db");
    db_path_ = location;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Store OpenStore() {
    Result<Store> store = Store::Open(db_path_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(store).value();
  }

  static StoreCounts CountsOf(const Store& store) {
    Result<StoreCounts> counts = store.Counts();
    EXPECT_TRUE(counts.ok()) << counts.status().ToString();
    return counts.ok() ? *counts : StoreCounts{};
  }

  static GraphData LoadOf(const Store& store) {
    Result<GraphData> data = store.LoadGraph();
    EXPECT_TRUE(data.ok()) << data.status().ToString();
    return data.ok() ? std::move(data).value() : GraphData{};
  }

  static IngestStats IngestOk(Store& store, const std::vector<Page>& pages) {
    Result<IngestStats> stats = store.Ingest(pages);
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? *stats : IngestStats{};
  }

  Backend backend_ = Backend::kSqlite;
  std::filesystem::path dir_;
  std::filesystem::path db_path_;  // the file, or the PostgreSQL URI
};

// What every store does, on both backends.
class StoreTest : public StoreFixture, public ::testing::WithParamInterface<Backend> {
 protected:
  void SetUp() override { SetUpStore(GetParam()); }
};
INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, testing::AllBackends(), testing::BackendName);

// What a SQLite file does: its refusals of foreign files, its migrations,
// what it holds row by row.
class SqliteStoreTest : public StoreFixture {
 protected:
  void SetUp() override { SetUpStore(Backend::kSqlite); }
};

void ExpectSameCounts(const StoreCounts& a, const StoreCounts& b) {
  EXPECT_EQ(a.articles, b.articles);
  EXPECT_EQ(a.entities, b.entities);
  EXPECT_EQ(a.aliases, b.aliases);
  EXPECT_EQ(a.relations, b.relations);
  EXPECT_EQ(a.entities_by_type, b.entities_by_type);
  EXPECT_EQ(a.relations_by_type, b.relations_by_type);
}

// ---- Opening ----------------------------------------------------------------

TEST_P(StoreTest, NewDatabaseIsEmpty) {
  Store store = OpenStore();
  const StoreCounts counts = CountsOf(store);
  EXPECT_EQ(counts.articles, 0);
  EXPECT_EQ(counts.entities, 0);
  EXPECT_EQ(counts.relations, 0);
  EXPECT_TRUE(counts.entities_by_type.empty());
  if (backend_ == Backend::kSqlite) {
    EXPECT_TRUE(std::filesystem::exists(db_path_));
  }
}

TEST_F(SqliteStoreTest, NotADatabaseFileIsCorrupt) {
  std::ofstream(db_path_) << "这不是数据库。\nThis is a text file, long enough to have a header.\n";
  Result<Store> store = Store::Open(db_path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kCorrupt);
  EXPECT_NE(store.status().ToString().find(db_path_.string()), std::string::npos);
  EXPECT_NE(store.status().ToString().find("not a guanxi database"), std::string::npos)
      << store.status().ToString();
}

TEST_F(SqliteStoreTest, OtherSqliteDatabaseIsCorrupt) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db_path_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE notes (text TEXT)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  Result<Store> store = Store::Open(db_path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kCorrupt);
  EXPECT_NE(store.status().ToString().find("not a guanxi database"), std::string::npos);
}

TEST_F(SqliteStoreTest, UnknownSchemaVersionIsCorrupt) {
  { Store store = OpenStore(); }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db_path_.c_str(), &raw), SQLITE_OK);
  const std::string newer = std::to_string(kSchemaVersion + 1);
  ASSERT_EQ(sqlite3_exec(raw, ("PRAGMA user_version = " + newer).c_str(), nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  Result<Store> store = Store::Open(db_path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kCorrupt);
  EXPECT_NE(store.status().ToString().find("schema version " + newer), std::string::npos)
      << store.status().ToString();
}

TEST_F(SqliteStoreTest, UnopenablePathIsIoError) {
  Result<Store> store = Store::Open(dir_ / "no-such-directory" / "guanxi.db");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kIoError);
  EXPECT_NE(store.status().ToString().find("no-such-directory"), std::string::npos);

  Result<Store> directory = Store::Open(dir_);
  ASSERT_FALSE(directory.ok());
  EXPECT_EQ(directory.status().code(), Status::Code::kIoError) << directory.status().ToString();
}

// ---- Full dates and the version-1 schema ------------------------------------

TEST_P(StoreTest, FullDateSurvivesWriteAndReopen) {
  {
    Store store = OpenStore();
    Article dated = Meeting("开会", "张三");
    dated.full_date = "2024-07-16";
    (void)IngestOk(store, {MakePage("p1.txt", {dated, Meeting("座谈", "李四")})});
  }
  Store reopened = OpenStore();
  const GraphData data = LoadOf(reopened);
  ASSERT_EQ(data.articles.size(), 2u);
  EXPECT_EQ(data.articles[0].date, "7月16日");
  EXPECT_EQ(data.articles[0].full_date, "2024-07-16");
  EXPECT_EQ(data.articles[1].full_date, "");
}

// The schema of version 1, as guanxi created it before full dates.
constexpr const char* kVersion1Schema = R"sql(
CREATE TABLE articles (
  id           INTEGER PRIMARY KEY,
  path         TEXT    NOT NULL,
  item_index   INTEGER NOT NULL,
  content_hash TEXT    NOT NULL UNIQUE,
  title        TEXT    NOT NULL,
  date         TEXT    NOT NULL,
  text         TEXT    NOT NULL
);
CREATE TABLE subtitles (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  position   INTEGER NOT NULL,
  subtitle   TEXT    NOT NULL,
  PRIMARY KEY (article_id, position)
);
CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  type       TEXT    NOT NULL CHECK (type IN ('person', 'institution', 'project', 'country',
                                              'event', 'place')),
  name       TEXT    NOT NULL,
  article_id INTEGER REFERENCES articles (id),
  CHECK ((type = 'event') = (article_id IS NOT NULL))
);
CREATE UNIQUE INDEX entities_key ON entities (type, name, ifnull(article_id, 0));
CREATE TABLE aliases (
  entity_id INTEGER NOT NULL REFERENCES entities (id),
  alias     TEXT    NOT NULL,
  UNIQUE (entity_id, alias)
);
CREATE INDEX aliases_by_alias ON aliases (alias);
CREATE TABLE relations (
  id         INTEGER PRIMARY KEY,
  type       TEXT    NOT NULL CHECK (type IN ('attended', 'chaired', 'signed_with',
                                              'holds_position', 'held_at', 'mentioned_in')),
  source_id  INTEGER NOT NULL REFERENCES entities (id),
  target_id  INTEGER NOT NULL REFERENCES entities (id),
  title      TEXT    NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles (id),
  sentence   TEXT    NOT NULL,
  char_begin INTEGER NOT NULL,
  char_end   INTEGER NOT NULL,
  UNIQUE (type, source_id, target_id, title, article_id, sentence, char_begin, char_end)
);
CREATE INDEX relations_by_source ON relations (source_id);
CREATE INDEX relations_by_target ON relations (target_id);
CREATE INDEX relations_by_article ON relations (article_id);
INSERT INTO articles VALUES (1, 'old.txt', 0, '00112233445566778899aabbccddeeff', '开会',
                             '7月16日', '开会：张三出席会议。');
INSERT INTO subtitles VALUES (1, 0, '副标题');
INSERT INTO entities VALUES (1, 'person', '张三', NULL);
INSERT INTO entities VALUES (2, 'event', '会议', 1);
INSERT INTO aliases VALUES (1, '张书记');
INSERT INTO relations VALUES (1, 'attended', 1, 2, '', 1, '开会：张三出席会议。', 0, 10);
PRAGMA user_version = 1;
)sql";

int64_t UserVersion(const std::filesystem::path& path) {
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &statement, nullptr), SQLITE_OK);
  EXPECT_EQ(sqlite3_step(statement), SQLITE_ROW);
  const int64_t version = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(raw);
  return version;
}

// The evidence sentences of the relations as stored, by id.
std::vector<std::string> StoredSentences(const std::filesystem::path& path) {
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(
      sqlite3_prepare_v2(raw, "SELECT sentence FROM relations ORDER BY id", -1, &statement, nullptr),
      SQLITE_OK);
  std::vector<std::string> sentences;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    sentences.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
  }
  sqlite3_finalize(statement);
  sqlite3_close(raw);
  return sentences;
}

// A sentence that is its item's text between the relation's offsets (code
// points) is not kept twice: it is read back from the text. One that is not
// (a sentence the extractor repaired) is kept as given.
TEST_F(SqliteStoreTest, EvidenceSentenceInTheItemsTextIsReadFromIt) {
  Article article = Meeting("开会", "张三");  // 开会：张三出席会议。
  article.relations[0].evidence = {"张三出席会议。", 3, 10};
  article.relations[1].evidence = {"会议在北京举行。", 5, 10};
  {
    Store store = OpenStore();
    (void)IngestOk(store, {MakePage("p.txt", {article})});
  }
  EXPECT_EQ(StoredSentences(db_path_), (std::vector<std::string>{"", "会议在北京举行。"}));
  const GraphData data = LoadOf(OpenStore());
  ASSERT_EQ(data.relations.size(), 2u);
  EXPECT_EQ(data.relations[0].evidence.sentence, "张三出席会议。");
  EXPECT_EQ(data.relations[0].evidence.char_begin, 3);
  EXPECT_EQ(data.relations[0].evidence.char_end, 10);
  EXPECT_EQ(data.relations[1].evidence.sentence, "会议在北京举行。");
}

// Every table's columns and every index, as "table.column type" and
// "index ON table" lines, sorted: two databases with the same schema agree.
std::vector<std::string> SchemaShape(const std::filesystem::path& path) {
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  std::vector<std::string> lines;
  const char* sql =
      "SELECT m.name || '.' || p.name || ' ' || p.type || ' ' || p.\"notnull\" || ' ' || p.pk "
      "FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' "
      "UNION ALL SELECT name || ' ON ' || tbl_name FROM sqlite_master WHERE type = 'index' "
      "UNION ALL SELECT name || ' WITHOUT ROWID' FROM sqlite_master "
      "WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID'";
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(raw, sql, -1, &statement, nullptr), SQLITE_OK);
  while (sqlite3_step(statement) == SQLITE_ROW) {
    lines.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
  }
  sqlite3_finalize(statement);
  sqlite3_close(raw);
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST_F(SqliteStoreTest, Version1DatabaseIsMigratedWithItsDataIntact) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db_path_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, kVersion1Schema, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);

  {
    Store store = OpenStore();
    const GraphData data = LoadOf(store);
    ASSERT_EQ(data.articles.size(), 1u);
    EXPECT_EQ(data.articles[0].path, "old.txt");
    EXPECT_EQ(data.articles[0].title, "开会");
    EXPECT_EQ(data.articles[0].date, "7月16日");
    EXPECT_EQ(data.articles[0].full_date, "");
    ASSERT_EQ(data.entities.size(), 2u);
    EXPECT_EQ(data.entities[0].name, "张三");
    EXPECT_EQ(data.entities[0].aliases, std::vector<std::string>{"张书记"});
    ASSERT_EQ(data.relations.size(), 1u);
    EXPECT_EQ(data.relations[0].evidence.sentence, "开会：张三出席会议。");

    // The migrated store takes new items with their full dates.
    Article dated = Meeting("座谈", "李四");
    dated.full_date = "2024-07-16";
    const IngestStats stats = IngestOk(store, {MakePage("new.txt", {dated})});
    EXPECT_EQ(stats.articles_added, 1);
  }
  EXPECT_EQ(UserVersion(db_path_), kSchemaVersion);
  Store reopened = OpenStore();
  const GraphData data = LoadOf(reopened);
  ASSERT_EQ(data.articles.size(), 2u);
  EXPECT_EQ(data.articles[1].full_date, "2024-07-16");
  // The old item's entities keep their provenance and its text is a source.
  EXPECT_EQ(data.entities[0].article_ids, std::vector<int64_t>{1});
  ASSERT_EQ(data.articles[0].sources.size(), 1u);
  EXPECT_EQ(data.articles[0].sources[0].path, "old.txt");
  // The migrated schema is the one a new database gets.
  { Result<Store> fresh = Store::Open(dir_ / "fresh.db"); ASSERT_TRUE(fresh.ok()); }
  EXPECT_EQ(SchemaShape(db_path_), SchemaShape(dir_ / "fresh.db"));
  EXPECT_EQ(CountsOf(reopened).relations, 3);
}

// Every row of a table in `order`, each as its columns joined by '|'.
std::vector<std::string> Rows(const std::filesystem::path& path, const std::string& table,
                              const std::string& order) {
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  const std::string sql = "SELECT * FROM " + table + " ORDER BY " + order;
  EXPECT_EQ(sqlite3_prepare_v2(raw, sql.c_str(), -1, &statement, nullptr), SQLITE_OK);
  std::vector<std::string> rows;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(statement); ++i) {
      const unsigned char* text = sqlite3_column_text(statement, i);
      row += (i > 0 ? "|" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    rows.push_back(row);
  }
  sqlite3_finalize(statement);
  sqlite3_close(raw);
  return rows;
}

// The mentions table as version 7 created it: a rowid table, its key a
// second B-tree.
constexpr const char* kMentionsToVersion7 = R"sql(
CREATE TABLE mentions_v7 (
  article_id INTEGER NOT NULL REFERENCES articles (id),
  entity_id  INTEGER NOT NULL REFERENCES entities (id),
  type       TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  places     TEXT    NOT NULL DEFAULT '',
  bodies     TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (article_id, type, name)
);
INSERT INTO mentions_v7 SELECT article_id, entity_id, type, name, places, bodies FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_v7 RENAME TO mentions;
CREATE INDEX mentions_by_entity ON mentions (entity_id);
PRAGMA user_version = 7;
)sql";

// An item in which `person` holds a post in `body` and attends a meeting.
Article Appointment(std::string title, std::string person, std::string body) {
  Article article = Meeting(std::move(title), person);
  article.entities.push_back({EntityType::kInstitution, body, {}});
  article.relations.push_back(
      MakeRelation(RelationType::kHoldsPosition, person, body, article.text, "书记"));
  return article;
}

TEST_F(SqliteStoreTest, Version7DatabaseIsMigratedWithEveryMentionIntact) {
  {
    Store store = OpenStore();
    (void)IngestOk(store, {MakePage("p1.txt", {Appointment("开会", "张三", "北京市委"),
                                               Meeting("座谈", "李四", {"李书记"})}),
                           MakePage("p2.txt", {Appointment("调研", "张三", "北京市委"),
                                               Meeting("视察", "王五")})});
    // A decision moves mentions: the migration must keep where they are now.
    ASSERT_TRUE(store.Merge(EntitiesNamed(LoadOf(store), "李四")[0]->id,
                            EntitiesNamed(LoadOf(store), "王五")[0]->id, "同一人")
                    .ok());
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db_path_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, kMentionsToVersion7, nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(raw);
  sqlite3_close(raw);
  const std::vector<std::string> mentions =
      Rows(db_path_, "mentions", "article_id, type, name");
  ASSERT_EQ(mentions.size(), 14u);
  EXPECT_TRUE(std::any_of(mentions.begin(), mentions.end(), [](const std::string& row) {
    return row.find("person|张三|11|北京市委") != std::string::npos;
  })) << "the items give a person evidence to keep";
  const std::vector<std::string> entity_order = Rows(db_path_, "mentions", "entity_id, article_id");
  const std::vector<std::string> loaded = Describe(LoadOf(OpenStore()));  // migrates

  EXPECT_EQ(UserVersion(db_path_), kSchemaVersion);
  EXPECT_EQ(Rows(db_path_, "mentions", "article_id, type, name"), mentions);
  EXPECT_EQ(Rows(db_path_, "mentions", "entity_id, article_id"), entity_order);
  { Result<Store> fresh = Store::Open(dir_ / "fresh.db"); ASSERT_TRUE(fresh.ok()); }
  EXPECT_EQ(SchemaShape(db_path_), SchemaShape(dir_ / "fresh.db"));
  // The migrated store reads and grows as before: 张三's evidence agrees
  // with his stored mentions, so a third item names the same person.
  Store store = OpenStore();
  EXPECT_EQ(Describe(LoadOf(store)), loaded);
  const IngestStats stats =
      IngestOk(store, {MakePage("p3.txt", {Appointment("会见", "张三", "北京市委")})});
  EXPECT_EQ(stats.articles_added, 1);
  const GraphData data = LoadOf(store);
  ASSERT_EQ(EntitiesNamed(data, "张三").size(), 1u);
  EXPECT_EQ(EntitiesNamed(data, "张三")[0]->article_ids, (std::vector<int64_t>{1, 3, 5}));
  EXPECT_EQ(Rows(db_path_, "mentions", "article_id, type, name").size(), 18u);
}

TEST_P(StoreTest, ReingestingAnItemStoredWithoutFullDateAddsIt) {
  Store store = OpenStore();
  (void)IngestOk(store, {MakePage("p1.txt", {Meeting("开会", "张三")})});
  Article dated = Meeting("开会", "张三");
  dated.full_date = "2024-07-16";
  const IngestStats again = IngestOk(store, {MakePage("p1.txt", {dated})});
  EXPECT_EQ(again.articles_added, 0);
  EXPECT_EQ(again.articles_unchanged, 1);
  EXPECT_EQ(LoadOf(store).articles[0].full_date, "2024-07-16");
}

// ---- Ingesting --------------------------------------------------------------

TEST_P(StoreTest, IngestStoresEntitiesRelationsAndArticles) {
  Store store = OpenStore();
  const IngestStats stats = IngestOk(store, {MakePage("p1.txt", {Meeting("开会", "张三")})});
  EXPECT_EQ(stats.articles_added, 1);
  EXPECT_EQ(stats.articles_unchanged, 0);
  EXPECT_EQ(stats.entities_added, 3);
  EXPECT_EQ(stats.relations_added, 2);

  const GraphData data = LoadOf(store);
  ASSERT_EQ(data.articles.size(), 1u);
  EXPECT_EQ(data.articles[0].path, "p1.txt");
  EXPECT_EQ(data.articles[0].title, "开会");
  EXPECT_EQ(data.articles[0].date, "7月16日");
  ASSERT_EQ(data.relations.size(), 2u);
  const graph::KnowledgeGraph graph(data);
  const graph::RelationRecord& attended = data.relations[0];
  EXPECT_EQ(attended.type, RelationType::kAttended);
  EXPECT_EQ(graph.FindEntity(attended.source_id)->name, "张三");
  EXPECT_EQ(graph.FindEntity(attended.target_id)->name, "会议");
  EXPECT_EQ(attended.article_id, data.articles[0].id);
  EXPECT_EQ(attended.evidence.sentence, "开会：张三出席会议。");
  EXPECT_EQ(attended.evidence.char_end, 12);
}

TEST_P(StoreTest, StructureIsTheGraphWithoutItsEvidence) {
  Store store = OpenStore();
  (void)IngestOk(store, {MakePage("p1.txt", {Meeting("开会", "张三", {"张书记"}),
                                             Meeting("座谈", "李四")})});
  const GraphData whole = LoadOf(store);
  Result<GraphData> structure = store.LoadStructure();
  ASSERT_TRUE(structure.ok()) << structure.status().ToString();

  EXPECT_TRUE(structure->articles.empty());
  ASSERT_EQ(structure->entities.size(), whole.entities.size());
  for (size_t i = 0; i < whole.entities.size(); ++i) {
    EXPECT_EQ(structure->entities[i].id, whole.entities[i].id);
    EXPECT_EQ(structure->entities[i].type, whole.entities[i].type);
    EXPECT_EQ(structure->entities[i].name, whole.entities[i].name);
    EXPECT_TRUE(structure->entities[i].aliases.empty());
  }
  ASSERT_EQ(structure->relations.size(), whole.relations.size());
  for (size_t i = 0; i < whole.relations.size(); ++i) {
    EXPECT_EQ(structure->relations[i].id, whole.relations[i].id);
    EXPECT_EQ(structure->relations[i].type, whole.relations[i].type);
    EXPECT_EQ(structure->relations[i].source_id, whole.relations[i].source_id);
    EXPECT_EQ(structure->relations[i].target_id, whole.relations[i].target_id);
    EXPECT_EQ(structure->relations[i].article_id, whole.relations[i].article_id);
    EXPECT_EQ(structure->relations[i].evidence.sentence, "");
  }
  EXPECT_FALSE(whole.relations.empty());
  EXPECT_FALSE(whole.entities[0].aliases.empty() && whole.entities[1].aliases.empty());
}

TEST_P(StoreTest, ReopenedDatabaseKeepsEverything) {
  StoreCounts before;
  std::vector<std::string> described;
  {
    Store store = OpenStore();
    (void)IngestOk(
        store,
        {MakePage("p1.txt", {Meeting("开会", "张三", {"张书记"}), Meeting("座谈", "李四")})});
    before = CountsOf(store);
    described = Describe(LoadOf(store));
  }
  Store reopened = OpenStore();
  ExpectSameCounts(CountsOf(reopened), before);
  EXPECT_EQ(Describe(LoadOf(reopened)), described);
  EXPECT_EQ(before.articles, 2);
}

TEST_P(StoreTest, ReingestingSameArticleAddsNothing) {
  Store store = OpenStore();
  const std::vector<Page> pages = {MakePage("p1.txt", {Meeting("开会", "张三", {"张书记"})})};
  (void)IngestOk(store, pages);
  const StoreCounts before = CountsOf(store);
  const std::vector<std::string> described = Describe(LoadOf(store));

  const IngestStats again = IngestOk(store, pages);
  EXPECT_EQ(again.articles_added, 0);
  EXPECT_EQ(again.articles_unchanged, 1);
  EXPECT_EQ(again.entities_added, 0);
  EXPECT_EQ(again.relations_added, 0);
  ExpectSameCounts(CountsOf(store), before);
  EXPECT_EQ(Describe(LoadOf(store)), described);
}

TEST_P(StoreTest, SameItemTwiceInOneBatchIsStoredOnce) {
  Store store = OpenStore();
  const IngestStats stats =
      IngestOk(store, {MakePage("p1.txt", {Meeting("开会", "张三")}),
                       MakePage("copy-of-p1.txt", {Meeting("开会", "张三")})});
  EXPECT_EQ(stats.articles_added, 1);
  EXPECT_EQ(stats.articles_unchanged, 1);
  EXPECT_EQ(CountsOf(store).articles, 1);
}

TEST_P(StoreTest, IngestingNewArticleExtendsGraph) {
  Store store = OpenStore();
  (void)IngestOk(store, {MakePage("p1.txt", {Meeting("开会", "张三")})});
  const StoreCounts before = CountsOf(store);

  Article signing;
  signing.title = "签约";
  signing.text = "市政府与华为签署协议。张三任市长。";
  signing.place_code = "11";  // the same place as the meeting's: one 张三
  signing.entities = {{EntityType::kInstitution, "市政府", {}},
                      {EntityType::kInstitution, "华为", {}},
                      {EntityType::kPerson, "张三", {}}};
  signing.relations = {
      MakeRelation(RelationType::kSignedWith, "市政府", "华为", "市政府与华为签署协议。"),
      MakeRelation(RelationType::kHoldsPosition, "张三", "市政府", "张三任市长。", "市长")};
  const IngestStats stats = IngestOk(store, {MakePage("p2.txt", {signing})});
  EXPECT_EQ(stats.articles_added, 1);
  EXPECT_EQ(stats.entities_added, 2);  // 张三 is known
  EXPECT_EQ(stats.relations_added, 2);

  const StoreCounts after = CountsOf(store);
  EXPECT_EQ(after.articles, before.articles + 1);
  EXPECT_EQ(after.entities, before.entities + 2);
  EXPECT_EQ(after.relations, before.relations + 2);
  EXPECT_EQ(after.entities_by_type.at(EntityType::kInstitution), 2);
  EXPECT_EQ(after.entities_by_type.at(EntityType::kPerson), 1);
  EXPECT_EQ(after.relations_by_type.at(RelationType::kSignedWith), 1);
  EXPECT_EQ(after.relations_by_type.at(RelationType::kHoldsPosition), 1);
  EXPECT_EQ(after.relations_by_type.count(RelationType::kChaired), 0u);

  // The new item joins the old one through 张三.
  const graph::KnowledgeGraph graph(LoadOf(store));
  const std::vector<int64_t> huawei = graph.FindByName("华为");
  const std::vector<int64_t> beijing = graph.FindByName("北京");
  ASSERT_EQ(huawei.size(), 1u);
  ASSERT_EQ(beijing.size(), 1u);
  const auto path = graph.ShortestPath(huawei[0], beijing[0]);
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->entity_ids.size(), 5u);  // 华为 市政府 张三 会议 北京
  EXPECT_EQ(graph.FindRelation(path->relation_ids[1])->title, "市长");
}

TEST_P(StoreTest, SameEntityAcrossArticlesIsOneNodeWithAliases) {
  Store store = OpenStore();
  (void)IngestOk(store, {MakePage("p1.txt", {Meeting("开会", "张三", {"张书记", "张三"})}),
                         MakePage("p2.txt", {Meeting("座谈", "张三", {"张市长", "张书记"})})});
  const GraphData data = LoadOf(store);
  const auto people = EntitiesNamed(data, "张三");
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0]->type, EntityType::kPerson);
  // The canonical name is not repeated as an alias; each alias once, first seen first.
  EXPECT_EQ(people[0]->aliases, (std::vector<std::string>{"张书记", "张市长"}));
  EXPECT_EQ(EntitiesNamed(data, "北京").size(), 1u);
  EXPECT_EQ(CountsOf(store).aliases, 2);

  const graph::KnowledgeGraph graph(data);
  EXPECT_EQ(graph.FindByName("张市长"), (std::vector<int64_t>{people[0]->id}));
  EXPECT_EQ(graph.Degree(people[0]->id), 2u);  // attended both meetings
}

TEST_P(StoreTest, SameNameOfDifferentTypesStaysDistinct) {
  Store store = OpenStore();
  Article article = Meeting("开会", "张三");
  article.entities.push_back({EntityType::kInstitution, "北京", {}});
  (void)IngestOk(store, {MakePage("p1.txt", {article})});
  const GraphData data = LoadOf(store);
  ASSERT_EQ(EntitiesNamed(data, "北京").size(), 2u);
  // held_at prefers the place among the two entities named 北京.
  const graph::KnowledgeGraph graph(data);
  for (const auto& relation : data.relations) {
    if (relation.type == RelationType::kHeldAt) {
      EXPECT_EQ(graph.FindEntity(relation.target_id)->type, EntityType::kPlace);
    }
  }
}

TEST_P(StoreTest, EventsOfDifferentArticlesStayDistinct) {
  Store store = OpenStore();
  (void)IngestOk(store, {MakePage("p1.txt", {Meeting("开会", "张三"), Meeting("座谈", "李四")})});
  const GraphData data = LoadOf(store);
  const auto meetings = EntitiesNamed(data, "会议");
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_NE(meetings[0]->id, meetings[1]->id);
  EXPECT_EQ(CountsOf(store).entities_by_type.at(EntityType::kEvent), 2);

  // 张三 and 李四 meet only through 北京, not through a merged 会议.
  const graph::KnowledgeGraph graph(data);
  const auto path =
      graph.ShortestPath(graph.FindByName("张三").at(0), graph.FindByName("李四").at(0));
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->entity_ids.size(), 5u);
}

TEST_P(StoreTest, EventNamedTwiceInOneArticleIsOneEvent) {
  Store store = OpenStore();
  Article article = Meeting("开会", "张三");
  article.entities.push_back({EntityType::kEvent, "会议", {"本次会议"}});
  (void)IngestOk(store, {MakePage("p1.txt", {article})});
  const GraphData data = LoadOf(store);
  const auto meetings = EntitiesNamed(data, "会议");
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings[0]->aliases, (std::vector<std::string>{"本次会议"}));
}

TEST_P(StoreTest, NameWithQuotesAndMarkupRoundTrips) {
  const std::string name = "O'Brien \"老王\" <b>&amp;</b>\n第二行 100% _x_ 😀";
  const std::string alias = "'; DROP TABLE entities; --";
  const std::string path = "pages/it's \"100%\" <&>.txt";
  Store store = OpenStore();
  Article article = Meeting("标题 '\"<&>%\n😀", name, {alias});
  article.relations[0].title = "a\"b'c";
  (void)IngestOk(store, {MakePage(path, {article})});

  Store reopened = OpenStore();
  const GraphData data = LoadOf(reopened);
  const auto found = EntitiesNamed(data, name);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->aliases, (std::vector<std::string>{alias}));
  ASSERT_EQ(data.articles.size(), 1u);
  EXPECT_EQ(data.articles[0].path, path);
  EXPECT_EQ(data.articles[0].title, article.title);
  EXPECT_EQ(data.relations[0].title, "a\"b'c");
  EXPECT_EQ(data.relations[0].evidence.sentence, article.text);
  // '%' and '_' are not wildcards: no other entity matched.
  EXPECT_EQ(CountsOf(reopened).entities, 3);
}

TEST_P(StoreTest, RelationToUnknownEntityIsInvalidInputNamingPageAndName) {
  Store store = OpenStore();
  Article article = Meeting("开会", "张三");
  article.relations.push_back(
      MakeRelation(RelationType::kAttended, "不存在的人", "会议", article.text));
  Result<IngestStats> stats = store.Ingest({MakePage("pages/bad.txt", {article})});
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), Status::Code::kInvalidInput);
  const std::string message = stats.status().ToString();
  EXPECT_NE(message.find("pages/bad.txt"), std::string::npos) << message;
  EXPECT_NE(message.find("不存在的人"), std::string::npos) << message;
  EXPECT_EQ(CountsOf(store).articles, 0);
}

TEST_P(StoreTest, FailedBatchLeavesStoreUnchanged) {
  Store store = OpenStore();
  (void)IngestOk(store, {MakePage("p1.txt", {Meeting("开会", "张三")})});
  const StoreCounts before = CountsOf(store);
  const std::vector<std::string> described = Describe(LoadOf(store));

  Article bad = Meeting("座谈", "李四");
  bad.relations[0].target = "没有这个会议";
  Result<IngestStats> stats =
      store.Ingest({MakePage("p2.txt", {Meeting("调研", "王五")}), MakePage("p3.txt", {bad})});
  ASSERT_FALSE(stats.ok());
  EXPECT_NE(stats.status().ToString().find("p3.txt"), std::string::npos);
  ExpectSameCounts(CountsOf(store), before);
  EXPECT_EQ(Describe(LoadOf(store)), described);
}

TEST_P(StoreTest, DatabaseErrorMidBatchRollsBackEarlierPages) {
  Store store = OpenStore();
  (void)IngestOk(store, {MakePage("p1.txt", {Meeting("开会", "张三")})});
  const StoreCounts before = CountsOf(store);

  // Passes the name check but not the store's on entity types (the schema's
  // CHECK, which a bulk load leaves to the writer), so the failure comes
  // after the first page was written.
  Article bad = Meeting("座谈", "李四");
  bad.entities.push_back({static_cast<EntityType>(99), "怪物", {}});
  Result<IngestStats> stats =
      store.Ingest({MakePage("p2.txt", {Meeting("调研", "王五")}), MakePage("p3.txt", {bad})});
  ASSERT_FALSE(stats.ok());
  EXPECT_NE(stats.status().ToString().find(db_path_.string()), std::string::npos)
      << stats.status().ToString();
  ExpectSameCounts(CountsOf(store), before);

  // The store is still usable afterwards.
  const IngestStats next = IngestOk(store, {MakePage("p2.txt", {Meeting("调研", "王五")})});
  EXPECT_EQ(next.articles_added, 1);
}

TEST_P(StoreTest, ProgressIsReportedAfterEachPage) {
  Store store = OpenStore();
  std::vector<std::pair<size_t, size_t>> calls;
  Result<IngestStats> stats =
      store.Ingest({MakePage("p1.txt", {Meeting("开会", "张三")}), MakePage("p2.txt", {}),
                    MakePage("p3.txt", {Meeting("座谈", "李四")})},
                   [&calls](size_t done, size_t total) { calls.emplace_back(done, total); });
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(calls, (std::vector<std::pair<size_t, size_t>>{{1, 3}, {2, 3}, {3, 3}}));
}

TEST_P(StoreTest, MovedStoreKeepsWorking) {
  Store first = OpenStore();
  Store second = std::move(first);
  (void)IngestOk(second, {MakePage("p1.txt", {Meeting("开会", "张三")})});
  EXPECT_EQ(CountsOf(second).articles, 1);
}

}  // namespace
}  // namespace guanxi::store
