#include "tests/render/render_test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include "render/csv_writer.h"

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
  // The item was reprinted by a second outlet; 李强 is named in it, 市委 is
  // shorthand kept to it.
  data.articles[0].outlet = "某市日报";
  data.articles[0].sources = {{"pages/a.txt", 0, "某市日报", "李强出席新区项目签约仪式", 1.0},
                              {"web/b.txt", 2, "某市新闻网", "新区项目签约", 0.9}};
  data.entities[0].article_ids = {10};
  data.entities[7].unresolved = true;
  data.entities[7].item_id = 10;
  data.entities[7].article_ids = {10};
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

graph::GraphData NewsGraph(int count) {
  using graph::EntityType;
  using graph::RelationType;
  static const char* const kSurnames[] = {"王", "李", "张", "刘", "陈",
                                          "杨", "赵", "黄", "周", "吴"};
  static const char* const kGivenNames[] = {"伟",   "建国", "秀英", "海涛", "丽",
                                            "志强", "晓明", "静",   "国华", "敏"};
  static const char* const kCities[] = {"东阳市", "西江区", "南湖县", "北川镇"};
  static const char* const kOffices[] = {
      "人民政府",     "商务局",     "发展和改革委员会", "教育局",         "科技局",
      "文化和旅游局", "农业农村局", "投资促进中心",     "工业和信息化局", "人民医院"};
  static const char* const kTopics[] = {"经贸合作", "乡村振兴", "招商引资", "科技创新",
                                        "文旅融合", "生态保护", "教育发展", "医疗卫生"};
  static const char* const kKinds[] = {"洽谈会", "推介会", "座谈会", "签约仪式", "调研活动"};
  static const char* const kVenues[] = {"市会展中心", "市政府会议中心", "高新区管委会",
                                        "人民大会堂", "国际会议中心",   "文化艺术中心",
                                        "体育中心",   "科技园"};
  static const char* const kCountries[] = {"中国", "德国",   "日本", "韩国", "新加坡",
                                           "法国", "俄罗斯", "泰国", "巴西", "南非"};
  static const char* const kProjects[] = {"新能源汽车产业园", "智慧城市",     "跨境电商园区",
                                          "高铁新城",         "生物医药基地", "数字经济产业园"};
  static const char* const kTitles[] = {"市长", "副市长", "局长", "副局长", "主任", "书记"};

  // Shares of the `count` entities, as on a typical page run.
  const int events = count / 5;
  const int places = count / 12;
  const int institutions = count / 5;
  const int countries = count / 20;
  const int projects = count / 15;
  const int people = count - events - places - institutions - countries - projects;
  graph::GraphData data;
  int64_t next_id = 1;
  auto add = [&](EntityType type, std::string name) {
    data.entities.push_back({next_id, type, std::move(name), {}});
    return next_id++;
  };
  auto round = [](int i, int size) {
    return i < size ? std::string() : "（" + std::to_string(i / size + 1) + "）";
  };
  std::vector<int64_t> person, event, place, institution, country, project;
  for (int i = 0; i < people; ++i) {
    person.push_back(add(EntityType::kPerson, std::string(kSurnames[i % 10]) +
                                                  kGivenNames[(i / 10 + i) % 10] + round(i, 100)));
  }
  for (int i = 0; i < institutions; ++i) {
    institution.push_back(add(EntityType::kInstitution,
                              std::string(kCities[i % 4]) + kOffices[(i / 4) % 10] + round(i, 40)));
  }
  for (int i = 0; i < events; ++i) {
    event.push_back(add(EntityType::kEvent, std::to_string(2024 + i % 2) + "年" + kTopics[i % 8] +
                                                kKinds[(i / 8) % 5] + round(i, 80)));
  }
  for (int i = 0; i < places; ++i) {
    place.push_back(
        add(EntityType::kPlace, std::string(kCities[i % 4]) + kVenues[(i / 4) % 8] + round(i, 32)));
  }
  for (int i = 0; i < countries; ++i) {
    country.push_back(add(EntityType::kCountry, std::string(kCountries[i % 10]) + round(i, 10)));
  }
  for (int i = 0; i < projects; ++i) {
    project.push_back(
        add(EntityType::kProject, std::string(kProjects[i % 6]) + "项目" + round(i, 6)));
  }

  int64_t relation_id = 1;
  auto relate = [&](RelationType type, int64_t source, int64_t target, int64_t article) {
    graph::RelationRecord relation = Relation(relation_id++, type, source, target,
                                              "第" + std::to_string(article) + "篇的句子。");
    relation.article_id = article;
    data.relations.push_back(relation);
    return &data.relations.back();
  };
  for (int e = 0; e < events; ++e) {
    const int64_t article = e + 1;
    data.articles.push_back(
        {article, "pages/" + std::to_string(article) + ".txt", data.entities[event[e] - 1].name,
         std::to_string(e % 12 + 1) + "月" + std::to_string(e % 28 + 1) + "日"});
    relate(RelationType::kHeldAt, event[e], place[(e * 7) % places], article);
    relate(RelationType::kChaired, person[1 + e % 4], event[e], article);
    if (e % 2 == 0) relate(RelationType::kAttended, person[0], event[e], article);  // the mayor
    for (int k = 0; k < 3; ++k) {
      relate(RelationType::kAttended, person[5 + (e * 3 + k) % (people - 5)], event[e], article);
    }
    if (e % 2 == 1) {
      relate(RelationType::kSignedWith, institution[e % institutions],
             institution[(e * 11 + 5) % institutions], article);
    }
    if (e % 3 == 0)
      relate(RelationType::kMentionedIn, country[(e / 3) % countries], event[e], article);
    if (e % 3 == 1)
      relate(RelationType::kMentionedIn, project[(e / 3) % projects], event[e], article);
  }
  for (int p = 0; p < people; ++p) {
    relate(RelationType::kHoldsPosition, person[p], institution[p % institutions], 1 + p % events)
        ->title = kTitles[p % 6];
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

nlohmann::json ReadCsvTables(const ScratchDir& dir, const std::filesystem::path& nodes_csv,
                             const std::string& second_name,
                             const std::filesystem::path& second_csv) {
  constexpr const char* kScript = R"(
import csv, json, sys
def read(path):
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    return {'header': rows[0], 'rows': rows[1:]}
print(json.dumps({'nodes': read(sys.argv[1]), sys.argv[2]: read(sys.argv[3])},
                 ensure_ascii=False))
)";
  return RunPython(dir, kScript, {nodes_csv.string(), second_name, second_csv.string()});
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

Status WriteCsvFiles(const graph::GraphData& data, const std::filesystem::path& nodes_csv,
                     const std::filesystem::path& edges_csv) {
  std::ofstream nodes(nodes_csv, std::ios::binary);
  std::ofstream edges(edges_csv, std::ios::binary);
  Status status = WriteCsv(data, nodes, edges);
  nodes.close();
  edges.close();
  if (status.ok() && (!nodes || !edges)) return Status::IoError(nodes_csv.string(), "cannot write");
  return status;
}

}  // namespace guanxi::render::testing
