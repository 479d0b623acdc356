// guanxi on a real PostgreSQL server (tests/postgres/postgres_server.h):
// the graph, its decisions and its answers survive SQLite -> PostgreSQL ->
// SQLite byte for byte; every command answers and writes on a URI as on the
// file; concurrent builds into one PostgreSQL database store what one
// sequential build stores while a reader sees one committed state at a time.

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"
#include "tests/postgres/postgres_server.h"

namespace guanxi::testing {
namespace {

namespace fs = std::filesystem;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// `text` with every `path` written as DB (stats names its database).
std::string WithoutPath(std::string text, const fs::path& path) {
  const std::string name = path.string();
  for (std::size_t at; (at = text.find(name)) != std::string::npos;)
    text.replace(at, name.size(), "DB");
  return text;
}

class PostgresCopyTest : public PostgresTest {
 protected:
  void SetUp() override {
    PostgresTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const CommandResult built =
        Guanxi(database_file_, "build " + ShellQuote(SamplesDir().string()));
    ASSERT_EQ(built.exit_code, 0) << built.err;
  }

  static CommandResult Guanxi(const fs::path& database, const std::string& arguments) {
    return RunGuanxi(arguments + " --db " + ShellQuote(database.string()));
  }
  static CommandResult Copy(const std::string& from, const std::string& to) {
    return RunGuanxi("copy --from " + ShellQuote(from) + " --to " + ShellQuote(to));
  }

  TempDir dir_;
  fs::path database_file_ = dir_ / "samples.db";
};

TEST_F(PostgresCopyTest, SqliteToPostgresToSqliteGivesByteIdenticalGraphml) {
  // Curation travels too: a rename and a rejected entity.
  ASSERT_EQ(Guanxi(database_file_, "rename 柏嘉禾 柏嘉禾（改） --reason 测试").exit_code, 0);
  ASSERT_EQ(Guanxi(database_file_, "reject 庞可欣 --reason 测试").exit_code, 0);
  const fs::path before = dir_ / "before.graphml";
  ASSERT_EQ(Guanxi(database_file_, "export -o " + ShellQuote(before.string())).exit_code, 0);

  const CommandResult to = Copy(database_file_.string(), uri_);
  ASSERT_EQ(to.exit_code, 0) << to.err;
  EXPECT_TRUE(Contains(to.out, "copied ")) << to.out;
  const fs::path back = dir_ / "back.db";
  const CommandResult from = Copy(uri_, back.string());
  ASSERT_EQ(from.exit_code, 0) << from.err;

  const fs::path after = dir_ / "after.graphml";
  ASSERT_EQ(Guanxi(back, "export -o " + ShellQuote(after.string())).exit_code, 0);
  const std::string graphml = ReadFile(before);
  ASSERT_TRUE(Contains(graphml, "柏嘉禾（改）"));
  EXPECT_FALSE(Contains(graphml, "<data key=\"key0\">庞可欣</data>"));
  EXPECT_EQ(ReadFile(after), graphml);

  // The same log of decisions, the same counts, and the evidence index
  // rebuilt: the copy answers as the original.
  for (const std::string command : {"decisions --json", "stats", "grep 钱若溪", "candidates"}) {
    const CommandResult original = Guanxi(database_file_, command);
    const CommandResult copied = Guanxi(back, command);
    ASSERT_EQ(original.exit_code, 0) << command << ": " << original.err;
    EXPECT_EQ(copied.exit_code, 0) << command << ": " << copied.err;
    EXPECT_EQ(WithoutPath(copied.out, back), WithoutPath(original.out, database_file_)) << command;
  }
  // The rows are PostgreSQL's to query, with the same ids.
  bool ok = false;
  const std::string renamed =
      Server().Psql(database_, "SELECT count(*) FROM entities WHERE name = '柏嘉禾（改）'", &ok);
  ASSERT_TRUE(ok) << Server().error();
  EXPECT_EQ(renamed, "1\n");
}

TEST_F(PostgresCopyTest, ReadingCommandsAnswerFromAPostgresUriAsFromTheFile) {
  ASSERT_EQ(Guanxi(database_file_, "rename 柏嘉禾 柏嘉禾（改） --reason 测试").exit_code, 0);
  ASSERT_EQ(Copy(database_file_.string(), uri_).exit_code, 0);
  for (const std::string command :
       {"show 柏嘉禾（改）", "path 阿米尔·哈桑 庞可欣", "neighbors 钱若溪 --depth 2 --json",
        "search 钱", "grep 钱若溪", "timeline 钱若溪", "holders 青溪区委", "candidates",
        "decisions --json", "export --format json -o -"}) {
    const CommandResult from_file = Guanxi(database_file_, command);
    // Read in place: TMPDIR is the test's folder, to see that no copy of
    // the graph is left there.
    const CommandResult from_server =
        RunShell("TMPDIR=" + ShellQuote(dir_.path().string()) + " " + ShellQuote(GUANXI_BINARY) +
                 " " + command + " --db " + ShellQuote(uri_));
    ASSERT_EQ(from_file.exit_code, 0) << command << ": " << from_file.err;
    EXPECT_EQ(from_server.exit_code, 0) << command << ": " << from_server.err;
    EXPECT_EQ(from_server.out, from_file.out) << command;
  }
  // stats names the database it reads, without a password.
  const std::string with_password =
      "postgresql://postgres:secret@127.0.0.1:" + std::to_string(Server().port()) + "/" + database_;
  const CommandResult stats = RunGuanxi("stats --db " + ShellQuote(with_password));
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(stats.out, WithoutPath(Guanxi(database_file_, "stats").out, database_file_)
                           .replace(0, 2, uri_));
  // `serve` answers from the URI as from the file.
  const ServeProcess from_file(database_file_.string());
  const ServeProcess from_server(uri_);
  ASSERT_GT(from_file.port(), 0) << from_file.first_line();
  ASSERT_GT(from_server.port(), 0) << from_server.first_line();
  // search 钱; path 阿米尔·哈桑 -> 庞可欣; grep 钱若溪 (percent-encoded UTF-8).
  for (const std::string request :
       {"/api/search?q=%E9%92%B1",
        "/api/path?from=%E9%98%BF%E7%B1%B3%E5%B0%94%C2%B7%E5%93%88%E6%A1%91"
        "&to=%E5%BA%9E%E5%8F%AF%E6%AC%A3",
        "/api/grep?q=%E9%92%B1%E8%8B%A5%E6%BA%AA"}) {
    httplib::Client file_client("127.0.0.1", from_file.port());
    httplib::Client server_client("127.0.0.1", from_server.port());
    const httplib::Result file_answer = file_client.Get(request);
    const httplib::Result server_answer = server_client.Get(request);
    ASSERT_TRUE(file_answer && server_answer) << request;
    EXPECT_EQ(file_answer->status, 200) << request << ": " << file_answer->body;
    EXPECT_EQ(server_answer->status, 200) << request << ": " << server_answer->body;
    EXPECT_EQ(server_answer->body, file_answer->body) << request;
  }
  // No snapshot is left behind.
  const CommandResult snapshots = RunShell("ls -d " + ShellQuote(dir_.path().string()) +
                                           "/guanxi-snapshot-* 2>/dev/null | wc -l");
  EXPECT_EQ(snapshots.out, "0\n");
}

TEST_F(PostgresCopyTest, BuildAndDecisionsChangeAPostgresGraphAsAFile) {
  // Built in place (not copied) and decided on in place: the same graph as
  // the file's after the same commands.
  const CommandResult built =
      RunGuanxi("build " + ShellQuote(SamplesDir().string()) + " --db " + ShellQuote(uri_));
  ASSERT_EQ(built.exit_code, 0) << built.err;
  EXPECT_TRUE(Contains(built.out, uri_ + ": ")) << built.out;
  for (const std::string command :
       {"rename 钱若溪 钱某 --reason 核对", "reject 庞可欣 --reason 误识别",
        "merge 柏嘉禾 贺明远 --reason 测试", "split 柏嘉禾 --reason 撤销"}) {
    const CommandResult on_file = Guanxi(database_file_, command);
    const CommandResult on_server = RunGuanxi(command + " --db " + ShellQuote(uri_));
    ASSERT_EQ(on_file.exit_code, 0) << command << ": " << on_file.err;
    EXPECT_EQ(on_server.exit_code, 0) << command << ": " << on_server.err;
    // The undo hints name the database (a URI in quotes for the shell).
    std::string server_out = WithoutPath(on_server.out, uri_);
    for (std::size_t at; (at = server_out.find("'DB'")) != std::string::npos;) {
      server_out.replace(at, 4, "DB");
    }
    EXPECT_EQ(server_out, WithoutPath(on_file.out, database_file_)) << command;
  }
  for (const std::string command : {"export --format graphml -o -", "candidates", "show 钱某"}) {
    const CommandResult from_file = Guanxi(database_file_, command);
    const CommandResult from_server = RunGuanxi(command + " --db " + ShellQuote(uri_));
    ASSERT_EQ(from_file.exit_code, 0) << command << ": " << from_file.err;
    EXPECT_EQ(from_server.exit_code, 0) << command << ": " << from_server.err;
    EXPECT_EQ(from_server.out, from_file.out) << command;
  }
  // A build again adds nothing, and the decisions hold.
  const CommandResult again =
      RunGuanxi("build " + ShellQuote(SamplesDir().string()) + " --db " + ShellQuote(uri_));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again.out, " 0 items added")) << again.out;
  EXPECT_TRUE(Contains(RunGuanxi("search 钱 --db " + ShellQuote(uri_)).out, "钱某"));
}

TEST_F(PostgresCopyTest, AVersion7DatabaseIsReadAndRecordedAsVersion8ByTheFirstWrite) {
  // Version 8 changed only SQLite's mentions table: a PostgreSQL graph of
  // version 7 has the same tables.
  ASSERT_EQ(Copy(database_file_.string(), uri_).exit_code, 0);
  bool ok = false;
  Server().Psql(database_, "UPDATE guanxi_meta SET value = '7' WHERE key = 'schema_version'", &ok);
  ASSERT_TRUE(ok) << Server().error();
  const CommandResult read = RunGuanxi("search 钱 --db " + ShellQuote(uri_));
  EXPECT_EQ(read.exit_code, 0) << read.err;
  EXPECT_EQ(Server().Psql(database_, "SELECT value FROM guanxi_meta WHERE key = 'schema_version'"),
            "7\n");
  const CommandResult written = RunGuanxi("rename 钱若溪 钱某 --db " + ShellQuote(uri_));
  EXPECT_EQ(written.exit_code, 0) << written.err;
  EXPECT_EQ(Server().Psql(database_, "SELECT value FROM guanxi_meta WHERE key = 'schema_version'"),
            "8\n");
  Server().Psql(database_, "UPDATE guanxi_meta SET value = '6' WHERE key = 'schema_version'", &ok);
  const CommandResult older = RunGuanxi("search 钱 --db " + ShellQuote(uri_));
  EXPECT_EQ(older.exit_code, 1);
  EXPECT_TRUE(Contains(older.err, "not a guanxi database of schema version 8")) << older.err;
}

// The ids of an export's nodes, and whether every edge joins two of them.
struct ExportShape {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  bool edges_join_nodes = true;
};
ExportShape ShapeOf(const std::string& json_text) {
  const nlohmann::json graph = nlohmann::json::parse(json_text);
  std::set<int64_t> ids;
  for (const nlohmann::json& node : graph.at("nodes")) ids.insert(node.at("id").get<int64_t>());
  ExportShape shape{ids.size(), graph.at("edges").size(), true};
  for (const nlohmann::json& edge : graph.at("edges")) {
    shape.edges_join_nodes = shape.edges_join_nodes &&
                             ids.count(edge.at("source").get<int64_t>()) != 0 &&
                             ids.count(edge.at("target").get<int64_t>()) != 0;
  }
  return shape;
}

// Two entities of the graph in `database`, as TYPE:NAME arguments, joined
// by the longest shortest path from its first node whose name is its
// type's alone (breadth-first over the JSON export): names, not ids, since
// builds in another order number them otherwise.
std::string EntitiesApart(const fs::path& database) {
  const CommandResult exported =
      RunGuanxi("export --format json -o - --db " + ShellQuote(database.string()));
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  const nlohmann::json graph = nlohmann::json::parse(exported.out);
  std::map<std::string, int> named;  // TYPE:NAME -> nodes
  std::map<int64_t, std::string> name_of;
  for (const nlohmann::json& node : graph.at("nodes")) {
    const std::string name =
        node.at("type").get<std::string>() + ":" + node.at("name").get<std::string>();
    ++named[name];
    name_of[node.at("id").get<int64_t>()] = name;
  }
  std::map<int64_t, std::vector<int64_t>> next;
  for (const nlohmann::json& edge : graph.at("edges")) {
    next[edge.at("source").get<int64_t>()].push_back(edge.at("target").get<int64_t>());
    next[edge.at("target").get<int64_t>()].push_back(edge.at("source").get<int64_t>());
  }
  const auto unique = [&](int64_t id) { return named[name_of[id]] == 1; };
  int64_t start = 0;
  for (const auto& [id, name] : name_of) {
    if (unique(id) && !next[id].empty()) {
      start = id;
      break;
    }
  }
  std::map<int64_t, int> depth = {{start, 0}};
  std::vector<int64_t> queue = {start};
  for (std::size_t i = 0; i < queue.size(); ++i) {
    for (int64_t other : next[queue[i]]) {
      if (depth.emplace(other, depth[queue[i]] + 1).second) queue.push_back(other);
    }
  }
  int64_t end = start;
  for (int64_t id : queue) {
    if (unique(id)) end = id;
  }
  return ShellQuote(name_of[start]) + " " + ShellQuote(name_of[end]);
}

// The rows of `table` in the database file `database`, through the binary's
// own copy of SQLite: `guanxi` has none, so python3's sqlite3 module.
int64_t Rows(const fs::path& database, const std::string& table) {
  const CommandResult counted =
      RunShell(std::string(kPython) + " -c " +
               ShellQuote("import sqlite3, sys\n"
                          "print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM ' + "
                          "sys.argv[2]).fetchone()[0])") +
               " " + ShellQuote(database.string()) + " " + table);
  EXPECT_EQ(counted.exit_code, 0) << counted.err;
  return std::stoll("0" + counted.out);
}

TEST_F(PostgresCopyTest, FourConcurrentBuildsGiveTheCountsOfOneSequentialBuild) {
  const fs::path corpus = GenerateArchive(dir_ / "corpus", "0.8", 5);
  std::vector<std::string> files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(corpus)) {
    // The pages a build of the folder reads (not generated.json).
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 8u);
  // Quarters; build i reads quarters i and i + 1 (mod 4): overlapping halves
  // that together cover the corpus, every file read by two builds.
  std::vector<std::string> quarters(4);
  for (std::size_t i = 0; i < files.size(); ++i) {
    quarters[i * 4 / files.size()] += " " + ShellQuote(files[i]);
  }
  const fs::path sequential = dir_ / "sequential.db";
  const CommandResult one = RunGuanxi("build " + ShellQuote(corpus.string()) + " --db " +
                                      ShellQuote(sequential.string()));
  ASSERT_EQ(one.exit_code, 0) << one.err;

  // A reader exports the whole graph again and again while they run: each
  // answer is one committed state (every edge joins two of its nodes), and
  // the graph only grows.
  std::atomic<bool> building{true};
  std::future<std::vector<ExportShape>> reader = std::async(std::launch::async, [&] {
    std::vector<ExportShape> shapes;
    while (building) {
      const CommandResult read = RunGuanxi("export --format json -o - --db " + ShellQuote(uri_));
      if (read.exit_code == 0) shapes.push_back(ShapeOf(read.out));
    }
    return shapes;
  });
  std::vector<std::future<CommandResult>> builds;
  for (int i = 0; i < 4; ++i) {
    const std::string arguments = "build" + quarters[i] + quarters[(i + 1) % 4] +
                                  " --batch-items 50 --db " + ShellQuote(uri_);
    builds.push_back(std::async(std::launch::async, [arguments] { return RunGuanxi(arguments); }));
  }
  for (std::future<CommandResult>& build : builds) {
    const CommandResult built = build.get();
    EXPECT_EQ(built.exit_code, 0) << built.err;
    EXPECT_TRUE(Contains(built.out, uri_ + ": ")) << built.out;
  }
  building = false;
  const std::vector<ExportShape> shapes = reader.get();
  EXPECT_GE(shapes.size(), 2u);
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    EXPECT_TRUE(shapes[i].edges_join_nodes) << "read " << i;
    if (i > 0) {
      EXPECT_GE(shapes[i].edges, shapes[i - 1].edges) << "read " << i;
      EXPECT_GE(shapes[i].nodes, shapes[i - 1].nodes) << "read " << i;
    }
  }
  // A path between two entities is as long, and as many, as in the
  // sequential build's file.
  const std::string ends = EntitiesApart(sequential);
  const CommandResult path_in_file = Guanxi(sequential, "path --json " + ends);
  const CommandResult path_on_server = Guanxi(fs::path(uri_), "path --json " + ends);
  ASSERT_EQ(path_in_file.exit_code, 0) << ends << ": " << path_in_file.err;
  ASSERT_EQ(path_on_server.exit_code, 0) << ends << ": " << path_on_server.err;
  const nlohmann::json in_file = nlohmann::json::parse(path_in_file.out);
  const nlohmann::json on_server = nlohmann::json::parse(path_on_server.out);
  EXPECT_GE(in_file.at("length").get<int>(), 2) << ends;
  EXPECT_EQ(on_server.at("length"), in_file.at("length")) << ends;
  EXPECT_EQ(on_server.at("paths").size(), in_file.at("paths").size()) << ends;
  const fs::path together = dir_ / "together.db";
  ASSERT_EQ(Copy(uri_, together.string()).exit_code, 0);
  for (const char* table : {"files", "articles", "sources", "entities", "relations", "mentions",
                            "aliases", "candidates"}) {
    EXPECT_EQ(Rows(together, table), Rows(sequential, table)) << table;
  }
  EXPECT_GT(Rows(together, "relations"), 100);
  // A fifth build of everything adds nothing: idempotent by content hash.
  const CommandResult again =
      RunGuanxi("build " + ShellQuote(corpus.string()) + " --db " + ShellQuote(uri_));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Contains(again.out, " 0 items added")) << again.out;
}

TEST_F(PostgresCopyTest, CopyIntoADatabaseThatHoldsAGraphIsRefused) {
  ASSERT_EQ(Copy(database_file_.string(), uri_).exit_code, 0);
  const CommandResult again = Copy(database_file_.string(), uri_);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_TRUE(Contains(again.err, "guanxi: " + uri_ + ": already holds a guanxi graph"))
      << again.err;
}

TEST_F(PostgresCopyTest, CopyOntoAnExistingFileOrFromAnEmptyDatabaseIsRefused) {
  const CommandResult onto = Copy(uri_, database_file_.string());
  EXPECT_EQ(onto.exit_code, 1);
  EXPECT_TRUE(Contains(onto.err, database_file_.string() + ": exists")) << onto.err;
  const CommandResult empty = Copy(uri_, (dir_ / "new.db").string());
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_TRUE(Contains(empty.err, uri_ + ": no guanxi graph here")) << empty.err;
  EXPECT_FALSE(fs::exists(dir_ / "new.db"));
}

TEST_F(PostgresCopyTest, UnreachableServerAndBadUriAreErrorsNamingThem) {
  // Port 1 on loopback: nothing listens there.
  const std::string unreachable = "postgresql://postgres@127.0.0.1:1/guanxi";
  const CommandResult refused = Copy(database_file_.string(), unreachable);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(Contains(refused.err, "guanxi: " + unreachable + ": cannot connect")) << refused.err;

  const std::string bad = "postgresql://postgres@127.0.0.1:notaport/guanxi";
  const CommandResult malformed = Copy(database_file_.string(), bad);
  EXPECT_EQ(malformed.exit_code, 1);
  EXPECT_TRUE(Contains(malformed.err, "guanxi: " + bad + ":")) << malformed.err;

  const CommandResult secret =
      Copy(database_file_.string(), "postgresql://postgres:hunter2@127.0.0.1:1/guanxi");
  EXPECT_EQ(secret.exit_code, 1);
  EXPECT_FALSE(Contains(secret.err, "hunter2")) << secret.err;

  const CommandResult two_files = Copy(database_file_.string(), (dir_ / "other.db").string());
  EXPECT_EQ(two_files.exit_code, 1);
  EXPECT_TRUE(Contains(two_files.err, "between a database file and a postgresql://"))
      << two_files.err;
}

}  // namespace
}  // namespace guanxi::testing
