#include "tests/render/render_test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace guanxi::render::testing {
namespace {

graph::RelationRecord Relation(int64_t id, graph::RelationType type, int64_t source, int64_t target,
                               std::string sentence) {
  graph::RelationRecord relation;
  relation.id = id;
  relation.type = type;
  relation.source_id = source;
  relation.target_id = target;
  relation.article_id = 10;
  relation.evidence.char_begin = id;
  relation.evidence.char_end = id + 20;
  relation.evidence.sentence = std::move(sentence);
  return relation;
}

std::string Quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

graph::GraphData SampleGraph() {
  using graph::EntityType;
  using graph::RelationType;
  graph::GraphData data;
  data.entities = {
      {kLiQiang, EntityType::kPerson, "李强", {"李书记", "强"}},
      {kCommittee, EntityType::kInstitution, "中共某市委员会", {"市委"}},
      {kProject, EntityType::kProject, "新区项目", {}},
      {kChina, EntityType::kCountry, "中国", {}},
      {kSigning, EntityType::kEvent, "新区项目签约仪式", {}},
      {kExpoCentre, EntityType::kPlace, "会展中心", {}},
      {kHostile, EntityType::kPerson, kHostileName, {}},
      {kCompany, EntityType::kInstitution, "开发公司", {}},
  };
  data.articles = {{10, "pages/a.txt", "李强出席新区项目签约仪式", "7月16日"}};
  data.relations = {
      Relation(100, RelationType::kHoldsPosition, kLiQiang, kCommittee, "市委书记李强。"),
      Relation(101, RelationType::kHoldsPosition, kLiQiang, kCommittee, "市委副书记李强。"),
      Relation(102, RelationType::kSignedWith, kCompany, kCommittee, "双方签署协议。"),
      Relation(103, RelationType::kAttended, kLiQiang, kSigning, "李强出席签约仪式。"),
      Relation(104, RelationType::kHeldAt, kSigning, kExpoCentre, "仪式在会展中心举行。"),
      Relation(105, RelationType::kChaired, kHostile, kSigning, "仪式由王五主持。"),
      Relation(106, RelationType::kMentionedIn, kChina, kSigning, "中国<&>\"引号\"。"),
      Relation(107, RelationType::kMentionedIn, kProject, kSigning, "新区项目\\N签约。"),
  };
  data.relations[0].title = "书记";
  data.relations[1].title = "副书记";
  return data;
}

graph::GraphData ChainGraph(int count) {
  graph::GraphData data;
  data.articles = {{10, "pages/chain.txt", "链", ""}};
  for (int i = 1; i <= count; ++i) {
    data.entities.push_back({i, graph::EntityType::kPerson, "人" + std::to_string(i), {}});
    if (i > 1) {
      data.relations.push_back(
          Relation(1000 + i, graph::RelationType::kMentionedIn, i - 1, i, "句。"));
    }
  }
  return data;
}

ScratchDir::ScratchDir() {
  static std::atomic<int> counter = 0;
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name =
      "guanxi_render_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  if (test != nullptr) name += std::string("_") + test->name();
  path_ = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

nlohmann::json RunPython(const ScratchDir& dir, const std::string& script,
                         const std::vector<std::string>& args) {
  const std::filesystem::path script_path = dir / "script.py";
  const std::filesystem::path output_path = dir / "script.out";
  const std::filesystem::path error_path = dir / "script.err";
  std::ofstream(script_path) << script;
  std::string command = "/usr/bin/python3 " + Quoted(script_path.string());
  for (const std::string& arg : args) command += " " + Quoted(arg);
  command += " >" + Quoted(output_path.string()) + " 2>" + Quoted(error_path.string());
  const int exit_code = std::system(command.c_str());
  EXPECT_EQ(exit_code, 0) << command << "\n" << ReadFile(error_path);
  if (exit_code != 0) return nullptr;
  nlohmann::json result = nlohmann::json::parse(ReadFile(output_path), nullptr, false);
  EXPECT_FALSE(result.is_discarded()) << ReadFile(output_path);
  return result.is_discarded() ? nlohmann::json() : result;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace guanxi::render::testing
