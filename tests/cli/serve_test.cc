// guanxi serve: the real server on a free loopback port, queried over HTTP
// with cpp-httplib's client; answers compared with the commands' --json.

#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace guanxi::testing {
namespace {

// Percent-encodes a path segment or parameter (names are UTF-8).
std::string Encode(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CommandResult build =
        RunGuanxi("build " + ShellQuote(SamplesDir().string()) + " --db " + ShellQuote(Db()));
    ASSERT_EQ(build.exit_code, 0) << build.err;
    server_ = std::make_unique<ServeProcess>((dir_ / "guanxi.db").string());
    ASSERT_GT(server_->port(), 0) << server_->first_line();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }

  std::string Db() const { return (dir_ / "guanxi.db").string(); }

  // GET `target`; the status and the body parsed as JSON (every answer is JSON).
  std::pair<int, nlohmann::json> Get(const std::string& target) {
    httplib::Result result = client_->Get(target);
    EXPECT_TRUE(result) << target << ": " << httplib::to_string(result.error());
    if (!result) return {0, nullptr};
    EXPECT_NE(result->get_header_value("Content-Type").find("application/json"),
              std::string::npos)
        << target;
    return {result->status, nlohmann::json::parse(result->body)};
  }

  nlohmann::json CommandJson(const std::string& arguments) const {
    CommandResult result = RunGuanxi(arguments + " --json --db " + ShellQuote(Db()));
    EXPECT_EQ(result.exit_code, 0) << arguments << ": " << result.err;
    return nlohmann::json::parse(result.out);
  }

  TempDir dir_;
  std::unique_ptr<ServeProcess> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServeTest, EachEndpointAnswersAsItsCommand) {
  auto [search_status, search] = Get("/api/search?q=" + Encode("钱若"));
  EXPECT_EQ(search_status, 200);
  EXPECT_EQ(search, CommandJson("search " + ShellQuote("钱若")));

  auto [card_status, card] = Get("/api/entity/" + Encode("钱若溪"));
  EXPECT_EQ(card_status, 200);
  EXPECT_EQ(card, CommandJson("show 钱若溪"));
  // By id, as "#ID" or bare digits.
  const std::string id = std::to_string(card["id"].get<int>());
  EXPECT_EQ(Get("/api/entity/" + id).second, card);
  EXPECT_EQ(Get("/api/entity/" + Encode("#" + id)).second, card);

  auto [path_status, path] =
      Get("/api/path?from=" + Encode("阿米尔·哈桑") + "&to=" + Encode("庞可欣") + "&via=person,event");
  EXPECT_EQ(path_status, 200);
  EXPECT_EQ(path, CommandJson("path 阿米尔·哈桑 庞可欣 --via person,event"));
  EXPECT_EQ(Get("/api/path?from=" + Encode("滕一帆") + "&to=" + Encode("施南乔") + "&all=1&exclude=" +
                Encode("柏嘉禾"))
                .second,
            CommandJson("path 滕一帆 施南乔 --all --exclude 柏嘉禾"));

  auto [neighbors_status, neighbors] = Get("/api/neighbors?name=" + Encode("钱若溪") + "&depth=2");
  EXPECT_EQ(neighbors_status, 200);
  EXPECT_EQ(neighbors, CommandJson("neighbors 钱若溪 --depth 2"));

  EXPECT_EQ(Get("/api/timeline?name=" + Encode("柏嘉禾")).second, CommandJson("timeline 柏嘉禾"));
  EXPECT_EQ(Get("/api/holders?body=" + Encode("青溪区委")).second, CommandJson("holders 青溪区委"));
  auto [grep_status, grep] = Get("/api/grep?q=" + Encode("签约仪式"));
  EXPECT_EQ(grep_status, 200);
  EXPECT_FALSE(grep["hits"].empty());
  EXPECT_EQ(grep, CommandJson("grep 签约仪式"));
}

TEST_F(ServeTest, BadRequestsGetA4xxWithAMessageNamingTheParameter) {
  struct Case {
    std::string target;
    int status;
    std::string parameter;
  };
  const Case cases[] = {
      {"/api/entity/" + Encode("没有这个人"), 404, "没有这个人"},
      {"/api/search", 400, "q"},
      {"/api/grep?q=", 400, "q"},
      {"/api/neighbors?name=" + Encode("钱若溪") + "&depth=1000", 400, "depth"},
      {"/api/neighbors?name=" + Encode("钱若溪") + "&depth=two", 400, "depth"},
      {"/api/path?from=" + Encode("钱若溪"), 400, "to"},
      {"/api/path?from=" + Encode("钱若溪") + "&to=" + Encode("庞可欣") + "&since=" + Encode("not a date"),
       400, "since"},
      {"/api/path?from=" + Encode("钱若溪") + "&to=" + Encode("庞可欣") + "&relations=likes", 400,
       "relations"},
      {"/api/timeline?name=" + Encode("没有这个人"), 404, "没有这个人"},
      {"/api/nothing", 404, "/api/nothing"},
  };
  for (const Case& c : cases) {
    auto [status, body] = Get(c.target);
    EXPECT_EQ(status, c.status) << c.target << ": " << body.dump();
    EXPECT_TRUE(body.contains("error")) << c.target;
    EXPECT_EQ(body.value("parameter", ""), c.parameter) << c.target << ": " << body.dump();
  }
  httplib::Result post = client_->Post("/api/search", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_NE(post->body.find("read-only"), std::string::npos) << post->body;
}

TEST_F(ServeTest, ServingNeverWritesTheDatabase) {
  const std::string before = ReadFile(Db());
  const auto mtime = std::filesystem::last_write_time(Db());
  for (const std::string& target : std::vector<std::string>{
           "/api/search?q=qian", "/api/grep?q=" + Encode("青溪区"), "/api/entity/1",
        "/api/neighbors?name=" + Encode("柏嘉禾") + "&depth=3"}) {
    EXPECT_EQ(Get(target).first, 200) << target;
  }
  EXPECT_EQ(ReadFile(Db()), before);
  EXPECT_EQ(std::filesystem::last_write_time(Db()), mtime);
}

TEST(ServeStartTest, MissingDatabaseIsNamedAndNotCreated) {
  TempDir dir;
  const std::filesystem::path missing = dir / "none.db";
  CommandResult result = RunGuanxi("serve --port 0 --db " + ShellQuote(missing.string()));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("none.db"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST(ServeStartTest, AnOlderSchemaIsRefusedAndLeftAsItIs) {
  TempDir dir;
  const std::filesystem::path db = dir / "old.db";
  CommandResult build = RunGuanxi("build " + ShellQuote(SamplesDir().string()) + " --db " +
                                  ShellQuote(db.string()));
  ASSERT_EQ(build.exit_code, 0) << build.err;
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "DROP TABLE evidence_fts; DROP TABLE evidence_indexed; "
                         "PRAGMA user_version = 6;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  const std::string before = ReadFile(db);
  CommandResult served = RunGuanxi("serve --port 0 --db " + ShellQuote(db.string()));
  EXPECT_EQ(served.exit_code, 1);
  EXPECT_NE(served.err.find("old.db"), std::string::npos) << served.err;
  EXPECT_NE(served.err.find("needs migrating"), std::string::npos) << served.err;
  EXPECT_EQ(ReadFile(db), before);
}

}  // namespace
}  // namespace guanxi::testing
