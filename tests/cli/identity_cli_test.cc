// End-to-end behaviour of identity through the `guanxi` command: decisions
// (merge, split, rename, reject) and their log, export and import; candidates;
// unresolved shorthand; reprints; ranking by contacts. Every page here was
// written for these tests, about real counties so that places resolve.

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace guanxi::testing {
namespace {

// 罗勇 chairs a meeting in one item; 罗永 (the same man, misprinted) inspects
// flood defences in another. 周建华 and 邓海波 are there too.
constexpr char kMeetingPage[] = R"(峡江县召开乡村振兴工作推进会

发布时间:2026-03-02 10:12 来源:峡江县融媒体中心

3月1日,峡江县召开乡村振兴工作推进会。县委书记罗勇主持会议并讲话,县长周建华出席会议。

会议指出,要坚持农业农村优先发展,扎实推进产业、人才、文化、生态、组织振兴。

责任编辑:刘芳
)";

constexpr char kVisitPage[] = R"(罗永调研防汛工作

发布时间:2026-04-16 09:30 来源:峡江县融媒体中心

4月15日,县委书记罗永深入巴邱镇、仁和镇调研防汛备汛工作。县委常委、县委办主任邓海波陪同。

罗永强调,要压紧压实防汛责任,做好物资储备和人员转移准备。

责任编辑:刘芳
)";

class IdentityCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(pages_);
    WriteFile(pages_ / "a_meeting.txt", kMeetingPage);
    WriteFile(pages_ / "b_visit.txt", kVisitPage);
  }

  std::string Db(const std::string& name = "guanxi.db") const {
    return ShellQuote((dir_ / name).string());
  }

  // Builds the pages folder into the database; returns build's stdout.
  std::string Build(const std::string& db_name = "guanxi.db") const {
    CommandResult build =
        RunGuanxi("build " + ShellQuote(pages_.string()) + " --db " + Db(db_name));
    EXPECT_EQ(build.exit_code, 0) << build.err;
    return build.out;
  }

  CommandResult Guanxi(const std::string& arguments,
                       const std::string& db_name = "guanxi.db") const {
    return RunGuanxi(arguments + " --db " + Db(db_name));
  }

  // Runs a command that must succeed; returns its stdout.
  std::string Ok(const std::string& arguments, const std::string& db_name = "guanxi.db") const {
    CommandResult result = Guanxi(arguments, db_name);
    EXPECT_EQ(result.exit_code, 0) << arguments << ": " << result.err;
    return result.out;
  }

  nlohmann::json Json(const std::string& arguments,
                      const std::string& db_name = "guanxi.db") const {
    std::string out = Ok(arguments + " --json", db_name);
    nlohmann::json parsed = nlohmann::json::parse(out, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << arguments << ": " << out;
    return parsed;
  }

  // "#12": the id of the one entity `name` names.
  std::string Id(const std::string& name, const std::string& db_name = "guanxi.db") const {
    nlohmann::json card = Json("show " + ShellQuote(name), db_name);
    return "#" + std::to_string(card.value("id", int64_t{0}));
  }

  TempDir dir_;
  std::filesystem::path pages_ = dir_ / "pages";
};

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// "split --article 3": text with each "{}" replaced by the next number.
std::string Fill(std::string text, int64_t first, int64_t second = 0) {
  for (int64_t value : {first, second}) {
    auto slot = text.find("{}");
    if (slot == std::string::npos) break;
    text.replace(slot, 2, std::to_string(value));
  }
  return text;
}

TEST_F(IdentityCliTest, MergeIsShownAndListedAndSplitUndoesIt) {
  Build();
  const std::string misprint = Id("罗永");
  CommandResult merge = Guanxi("merge 罗勇 罗永 --reason " + ShellQuote("同一人,罗永系笔误"));
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  EXPECT_TRUE(Contains(merge.out, "decision 1: merged 罗永 (person) " + misprint)) << merge.out;

  std::string card = Ok("show 罗勇");
  EXPECT_TRUE(Contains(card, "aliases: 罗永")) << card;
  EXPECT_TRUE(Contains(card, "merged by decision 1: 同一人,罗永系笔误")) << card;
  EXPECT_TRUE(Contains(card, "from 2 items:")) << card;
  EXPECT_TRUE(Contains(card, "a_meeting.txt") && Contains(card, "b_visit.txt")) << card;
  nlohmann::json json = Json("show 罗勇");
  ASSERT_EQ(json["decisions"].size(), 1u) << json;
  EXPECT_EQ(json["decisions"][0]["action"], "merge");
  EXPECT_EQ(json["items"].size(), 2u);

  std::string log = Ok("decisions");
  EXPECT_TRUE(Contains(log, "merge")) << log;
  EXPECT_TRUE(Contains(log, "罗勇 (person) ← 罗永 (person)")) << log;
  EXPECT_TRUE(Contains(log, "同一人,罗永系笔误")) << log;

  CommandResult split = Guanxi("split 罗勇");
  ASSERT_EQ(split.exit_code, 0) << split.err;
  EXPECT_TRUE(Contains(split.out, "undid the merge of decision 1")) << split.out;
  EXPECT_TRUE(Contains(Ok("decisions"), "[undone by decision 2]"));
  nlohmann::json kept = Json("show 罗勇");
  ASSERT_TRUE(kept.is_object()) << "罗勇 is one person again";
  EXPECT_EQ(kept["items"].size(), 1u) << kept;
  EXPECT_EQ(kept["aliases"], nlohmann::json::array()) << "罗永 is its own person again";
  // 罗永 is itself again: its own card, from its own item.
  nlohmann::json again = Json("show 罗永");
  ASSERT_TRUE(again.is_object());
  EXPECT_EQ(again["name"], "罗永") << again;
  ASSERT_EQ(again["items"].size(), 1u) << again;
  EXPECT_TRUE(Contains(again["items"][0]["path"].get<std::string>(), "b_visit.txt")) << again;
}

TEST_F(IdentityCliTest, SplitByItemsGivesThoseMentionsAnEntityOfTheirOwn) {
  Build();
  Ok("merge 罗勇 罗永");
  int64_t visit = 0;
  int64_t meeting = 0;
  const nlohmann::json merged = Json("show 罗勇");
  for (const nlohmann::json& item : merged["items"]) {
    (Contains(item["path"].get<std::string>(), "b_visit") ? visit : meeting) = item["id"];
  }
  ASSERT_NE(visit, 0);
  ASSERT_NE(meeting, 0);

  CommandResult all = Guanxi(Fill("split 罗勇 --article {} --article {}", visit, meeting));
  EXPECT_EQ(all.exit_code, 1);
  EXPECT_TRUE(Contains(all.err, "all its items")) << all.err;
  CommandResult stranger = Guanxi("split 罗勇 --article 99999");
  EXPECT_EQ(stranger.exit_code, 1);
  EXPECT_TRUE(Contains(stranger.err, "--article 99999: no such item")) << stranger.err;

  CommandResult split = Guanxi(Fill("split 罗勇 --article {} --reason 两人", visit));
  ASSERT_EQ(split.exit_code, 0) << split.err;
  EXPECT_TRUE(Contains(split.out, Fill("its mentions in item {} are one entity", visit)))
      << split.out;
  nlohmann::json kept = Json("show 罗勇");
  ASSERT_TRUE(kept.is_object()) << "one 罗勇: the mentions of the visit are 罗永's";
  ASSERT_EQ(kept["items"].size(), 1u);
  EXPECT_EQ(kept["items"][0]["id"], meeting);
  nlohmann::json part = Json("show 罗永");
  ASSERT_TRUE(part.is_object());
  EXPECT_EQ(part["name"], "罗永") << part;
  ASSERT_EQ(part["items"].size(), 1u) << part;
  EXPECT_EQ(part["items"][0]["id"], visit);
}

TEST_F(IdentityCliTest, PathNotesTheDecisionItRestsOn) {
  Build();
  nlohmann::json before = Json("path 周建华 罗永调研防汛工作");
  ASSERT_FALSE(before["length"].is_null());
  Ok("merge 罗勇 罗永 --reason 同一人");
  nlohmann::json after = Json("path 周建华 罗永调研防汛工作");
  ASSERT_FALSE(after["length"].is_null());
  EXPECT_LT(after["length"].get<int>(), before["length"].get<int>());
  std::string path = Ok("path 周建华 罗永调研防汛工作");
  EXPECT_TRUE(Contains(path, "notes:")) << path;
  EXPECT_TRUE(Contains(path, "罗勇 " + Id("罗勇") + ": merged by decision 1 (同一人)")) << path;
  bool noted = false;
  for (const nlohmann::json& node : after["paths"][0]["nodes"]) {
    if (node["name"] == "罗勇") noted = node["decisions"].size() == 1;
  }
  EXPECT_TRUE(noted) << after;
}

TEST_F(IdentityCliTest, RenameShowsTheNewNameAndKeepsTheOldAsAlias) {
  Build();
  const std::string id = Id("峡江县委");
  CommandResult rename = Guanxi("rename 峡江县委 中共峡江县委员会 --reason 用全称");
  ASSERT_EQ(rename.exit_code, 0) << rename.err;
  EXPECT_TRUE(Contains(rename.out, "renamed 峡江县委 (institution) " + id + " to 中共峡江县委员会"))
      << rename.out;
  std::string card = Ok("show 中共峡江县委员会");
  EXPECT_TRUE(Contains(card, "中共峡江县委员会  [institution]")) << card;
  EXPECT_TRUE(Contains(card, "峡江县委")) << card;
  EXPECT_TRUE(Contains(card, "renamed by decision 1: 用全称")) << card;
  nlohmann::json json = Json("show 峡江县委");  // the old name still finds it
  EXPECT_EQ(json["name"], "中共峡江县委员会");
  EXPECT_EQ("#" + std::to_string(json["id"].get<int64_t>()), id);
  EXPECT_NE(std::find(json["aliases"].begin(), json["aliases"].end(), "峡江县委"),
            json["aliases"].end())
      << json;
  EXPECT_TRUE(Contains(Ok("show 罗勇"), "中共峡江县委员会  书记"));
}

TEST_F(IdentityCliTest, RejectedEntityIsHiddenFromSearchShowAndPath) {
  Build();
  Ok("path 罗勇 周建华");
  CommandResult reject = Guanxi("reject 周建华 --reason 测试用");
  ASSERT_EQ(reject.exit_code, 0) << reject.err;
  EXPECT_TRUE(Contains(reject.out, "decision 1: rejected 周建华 (person)")) << reject.out;

  CommandResult show = Guanxi("show 周建华");
  EXPECT_EQ(show.exit_code, 1);
  EXPECT_TRUE(Contains(show.err, "rejected by decision 1: 测试用")) << show.err;
  EXPECT_EQ(Guanxi("search 周建华").exit_code, 1);
  EXPECT_EQ(Guanxi("search zhoujianhua").exit_code, 1);
  EXPECT_EQ(Guanxi("path 罗勇 周建华").exit_code, 1);
  // Still in evidence sentences (「县委书记罗勇主持会议并讲话,县长周建华出席会议。」), as no
  // entity.
  nlohmann::json graph = nlohmann::json::parse(Ok("export --format json -o -"));
  for (const nlohmann::json& node : graph["nodes"]) EXPECT_NE(node["name"], "周建华") << node;
  const nlohmann::json card = Json("show 罗勇");
  for (const nlohmann::json& relation : card["relations"]) {
    EXPECT_NE(relation["source"], "周建华");
    EXPECT_NE(relation["target"], "周建华");
  }
}

TEST_F(IdentityCliTest, RejectedRelationIsHiddenAndTheRestStays) {
  Build();
  nlohmann::json card = Json("show 罗勇");
  int64_t chaired = 0;
  for (const nlohmann::json& relation : card["relations"]) {
    if (relation["type"] == "chaired") chaired = relation["id"];
  }
  ASSERT_NE(chaired, 0) << card;
  const std::size_t relations = card["relations"].size();
  CommandResult reject = Guanxi("reject --relation " + std::to_string(chaired) + " --reason 误读");
  ASSERT_EQ(reject.exit_code, 0) << reject.err;
  EXPECT_TRUE(Contains(reject.out, "罗勇 —主持→")) << reject.out;

  nlohmann::json after = Json("show 罗勇");
  EXPECT_EQ(after["relations"].size(), relations - 1);
  for (const nlohmann::json& relation : after["relations"]) EXPECT_NE(relation["id"], chaired);
  EXPECT_FALSE(Contains(Ok("show 罗勇"), "chaired:"));
  EXPECT_TRUE(Contains(Ok("decisions"), "reject  relation chaired 罗勇 → ")) << Ok("decisions");
  EXPECT_EQ(Guanxi("reject --relation 99999").exit_code, 1);
  EXPECT_EQ(Guanxi("reject").exit_code, 1);
}

TEST_F(IdentityCliTest, DecisionsSurviveASecondBuildOfTheSameFiles) {
  Build();
  Ok("merge 罗勇 罗永 --reason 同一人");
  Ok("rename 峡江县委 中共峡江县委员会");
  Ok("reject 邓海波");
  const std::string card = Ok("show 罗勇");
  const std::string log = Ok("decisions");
  const std::string graph = Ok("export --format json -o -");

  std::string again = Build();
  EXPECT_TRUE(Contains(again, " 0 items added")) << again;
  EXPECT_EQ(Ok("show 罗勇"), card);
  EXPECT_EQ(Ok("decisions"), log);
  EXPECT_EQ(Ok("export --format json -o -"), graph);
  EXPECT_EQ(Guanxi("show 邓海波").exit_code, 1);
}

TEST_F(IdentityCliTest, ExportedDecisionsRebuildTheSameGraphFromTheSamePages) {
  Build();
  Ok("merge 罗勇 罗永 --reason 同一人");
  Ok("rename 峡江县委 中共峡江县委员会 --reason 全称");
  Ok("reject 邓海波 --reason 误识别");
  nlohmann::json card = Json("show 罗勇");
  int64_t attended = 0;
  for (const nlohmann::json& relation : card["relations"]) {
    if (relation["type"] == "attended") attended = relation["id"];
  }
  ASSERT_NE(attended, 0) << card;
  Ok("reject --relation " + std::to_string(attended));
  const std::filesystem::path file = dir_ / "decisions.json";
  std::string wrote = Ok("decisions --export " + ShellQuote(file.string()));
  EXPECT_TRUE(Contains(wrote, "wrote 4 decisions")) << wrote;
  nlohmann::json exported = nlohmann::json::parse(ReadFile(file));
  EXPECT_EQ(exported["format"], "guanxi-decisions");
  ASSERT_EQ(exported["decisions"].size(), 4u);
  EXPECT_EQ(exported["decisions"][0]["kind"], "merge");
  EXPECT_FALSE(exported["decisions"][0]["entity"]["mentions"].empty());
  EXPECT_EQ(exported["decisions"][3]["relation"]["type"], "attended");

  Build("fresh.db");
  EXPECT_NE(Ok("export --format json -o -", "fresh.db"), Ok("export --format json -o -"));
  std::string imported = Ok("decisions --import " + ShellQuote(file.string()), "fresh.db");
  EXPECT_TRUE(Contains(imported, "4 added")) << imported;
  EXPECT_EQ(Ok("export --format json -o -", "fresh.db"), Ok("export --format json -o -"));
  EXPECT_EQ(Ok("show 罗勇", "fresh.db"), Ok("show 罗勇"));
  EXPECT_EQ(Ok("show 中共峡江县委员会", "fresh.db"), Ok("show 中共峡江县委员会"));
  EXPECT_EQ(Guanxi("show 邓海波", "fresh.db").exit_code, 1);

  // Importing the same file again adds nothing.
  EXPECT_TRUE(
      Contains(Ok("decisions --import " + ShellQuote(file.string()), "fresh.db"), "0 added"));
  EXPECT_EQ(Json("decisions", "fresh.db")["decisions"].size(), 4u);
}

TEST_F(IdentityCliTest, BadDecisionsAreRefusedAndWriteNothing) {
  Build();
  const std::string graph = Ok("export --format json -o -");

  CommandResult unknown = Guanxi("merge 罗勇 罗某某");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_TRUE(Contains(unknown.err, "罗某某")) << unknown.err;
  EXPECT_TRUE(Contains(unknown.err, "no entity")) << unknown.err;

  CommandResult types = Guanxi("merge 罗勇 峡江县委");
  EXPECT_EQ(types.exit_code, 1);
  EXPECT_TRUE(Contains(types.err, "person") && Contains(types.err, "institution")) << types.err;

  CommandResult itself = Guanxi("merge 罗勇 罗勇");
  EXPECT_EQ(itself.exit_code, 1);
  EXPECT_TRUE(Contains(itself.err, "nothing to merge")) << itself.err;

  const std::filesystem::path broken = dir_ / "broken.json";
  WriteFile(broken, "{\"format\": \"guanxi-decisions\", \"version\": 1, \"decisions\": [");
  CommandResult not_json = Guanxi("decisions --import " + ShellQuote(broken.string()));
  EXPECT_EQ(not_json.exit_code, 1);
  EXPECT_TRUE(Contains(not_json.err, "broken.json: not JSON")) << not_json.err;

  // A merge without its other side, after a good decision: nothing of the file is applied.
  const std::filesystem::path partial = dir_ / "partial.json";
  WriteFile(partial, R"({"format": "guanxi-decisions", "version": 1, "decisions": [
    {"id": 1, "kind": "rename", "at": "2026-11-30T10:00:00Z", "name": "新名",
     "entity": {"type": "person", "name": "罗勇", "mentions": []}},
    {"id": 2, "kind": "merge", "at": "2026-11-30T10:01:00Z",
     "entity": {"type": "person", "name": "罗勇", "mentions": [{"item": "00", "name": "罗勇"}]}}]})");
  CommandResult missing = Guanxi("decisions --import " + ShellQuote(partial.string()));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(Contains(missing.err, "partial.json")) << missing.err;
  EXPECT_TRUE(Contains(missing.err, "decision 1 (rename)")) << missing.err;  // empty mentions

  WriteFile(partial, R"({"format": "guanxi-decisions", "version": 1, "decisions": [
    {"id": 1, "kind": "merge", "at": "2026-11-30T10:01:00Z",
     "entity": {"type": "person", "name": "罗勇", "mentions": [{"item": "00", "name": "罗勇"}]}}]})");
  missing = Guanxi("decisions --import " + ShellQuote(partial.string()));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(Contains(missing.err, "decision 1 (merge): missing \"other\"")) << missing.err;

  WriteFile(partial, R"({"decisions": []})");
  missing = Guanxi("decisions --import " + ShellQuote(partial.string()));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(Contains(missing.err, "not a guanxi decision file")) << missing.err;

  EXPECT_EQ(Guanxi("decisions --import " + ShellQuote((dir_ / "none.json").string())).exit_code, 1);
  EXPECT_TRUE(Contains(Ok("decisions"), "no decisions"));
  EXPECT_EQ(Ok("export --format json -o -"), graph);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "other.db"));
  EXPECT_EQ(Guanxi("merge 罗勇 罗永", "other.db").exit_code, 1);  // never creates a database
  EXPECT_FALSE(std::filesystem::exists(dir_ / "other.db"));
}

// One busy man meets the same two colleagues at four events; a deputy mayor
// meets five bureau heads once.
constexpr const char* kBusyPages[] = {
    R"(峡江县召开春耕生产调度会

发布时间:2026-03-06 10:00 来源:峡江县融媒体中心

3月5日,峡江县召开春耕生产调度会。县委书记黄国栋主持会议,县长林志明、县委副书记陈立新出席会议。

会议听取了各乡镇早稻育秧、农资供应和农田水利设施修复情况汇报。黄国栋指出,春耕备耕时间紧、任务重,要抢抓农时,确保粮食播种面积只增不减。
)",
    R"(我县举行招商引资项目集中签约仪式

发布时间:2026-03-13 16:20 来源:峡江县融媒体中心

3月12日下午,我县举行招商引资项目集中签约仪式,共签约电子信息、新型建材等项目8个,总投资42亿元。县委书记黄国栋见证签约,县长林志明、县委副书记陈立新出席仪式。

林志明表示,全县上下将以最优的服务、最好的环境,推动签约项目早开工、早投产。
)",
    R"(黄国栋带队督导安全生产工作

发布时间:2026-03-20 18:05 来源:峡江县融媒体中心

3月19日,县委书记黄国栋带队深入水边镇烟花爆竹仓储点、县城在建工地督导安全生产工作,县长林志明、县委副书记陈立新参加督导。

在施工现场,黄国栋仔细查看脚手架搭设、临时用电和消防通道设置,要求施工单位把隐患排查整改落到每一个环节。
)",
    R"(县委理论学习中心组开展专题学习

发布时间:2026-03-27 11:40 来源:峡江县融媒体中心

3月26日,县委理论学习中心组围绕生态文明建设开展专题学习研讨。县委书记黄国栋主持并讲话,县长林志明、县委副书记陈立新作交流发言。

大家一致认为,要守牢生态保护红线,推进赣江岸线整治和森林质量提升,让绿水青山成色更足。
)",
};

constexpr char kBroadPage[] = R"(吉安市召开重点项目建设调度会

发布时间:2026-04-03 10:00 来源:吉安日报

4月2日,吉安市召开重点项目建设调度会。副市长宋文博出席会议并讲话。市发展改革委主任许志强、市财政局局长何雨晴、市自然资源局局长杜海峰、市住房城乡建设局局长姜丽华、市交通运输局局长韩晓东参加会议。

会议强调,要倒排工期、挂图作战,确保重点项目按期建成见效。

责任编辑:王敏
)";

// The figures of one ranking row: contacts and relations.
std::pair<int, int> RowOf(const std::string& stats, const std::string& name) {
  std::istringstream lines(stats);
  for (std::string line; std::getline(lines, line);) {
    if (!Contains(line, " " + name + " (")) continue;
    std::istringstream fields(line);
    int contacts = -1;
    int relations = -1;
    fields >> contacts >> relations;
    return {contacts, relations};
  }
  return {-1, -1};
}

TEST_F(IdentityCliTest, StatsRanksPeopleByContactsNotMentions) {
  std::filesystem::remove_all(pages_);
  std::filesystem::create_directories(pages_);
  for (std::size_t i = 0; i < std::size(kBusyPages); ++i) {
    WriteFile(pages_ / ("busy" + std::to_string(i + 1) + ".txt"), kBusyPages[i]);
  }
  WriteFile(pages_ / "broad.txt", kBroadPage);
  std::string build = Build();
  EXPECT_TRUE(Contains(build, "0 reprints folded")) << build;

  std::string stats = Ok("stats --type person --top 20");
  EXPECT_TRUE(Contains(stats, "contacts  relations  entity")) << stats;
  // Betweenness only on request.
  EXPECT_TRUE(Contains(Ok("stats --type person --betweenness"), "contacts  relations  betweenness"));
  const auto broad = RowOf(stats, "宋文博");
  const auto busy = RowOf(stats, "黄国栋");
  EXPECT_GT(busy.second, broad.second) << "the busy man is mentioned more\n" << stats;
  EXPECT_GT(broad.first, busy.first) << "but meets more people\n" << stats;
  EXPECT_EQ(busy.first, 3) << "林志明, 陈立新 and 峡江县委, however often\n" << stats;
  EXPECT_LT(stats.find("宋文博"), stats.find("黄国栋")) << stats;
  EXPECT_FALSE(Contains(stats.substr(stats.find("most connected")), "(institution)")) << stats;

  std::string top = Ok("stats --type person --top 1");
  EXPECT_TRUE(Contains(top, "宋文博")) << top;
  EXPECT_EQ(Guanxi("stats --type nobody").exit_code, 1);
}

// The same name as 县委书记 of a county in 江西 and of one in 贵州.
constexpr char kJiangxiPage[] = R"(峡江县召开县委常委会会议

发布时间:2026-05-08 17:30 来源:峡江县融媒体中心

5月8日,县委书记杨建平主持召开县委常委会会议,传达学习省委有关会议精神,研究部署近期重点工作。

会议强调,要紧盯全年目标任务,抓好项目建设、民生保障和防汛备汛各项工作。
)";

constexpr char kGuizhouPage[] = R"(丹寨县召开民族团结进步创建工作推进会

发布时间:2026-06-11 09:10 来源:丹寨县融媒体中心

6月10日,丹寨县召开民族团结进步创建工作推进会。县委书记杨建平出席会议并讲话。

杨建平强调,要把民族团结进步创建融入经济社会发展全过程,推动各族群众共同富裕。
)";

TEST_F(IdentityCliTest, CandidatesPairOneNameInTwoProvinces) {
  std::filesystem::remove_all(pages_);
  std::filesystem::create_directories(pages_);
  WriteFile(pages_ / "jiangxi.txt", kJiangxiPage);
  WriteFile(pages_ / "guizhou.txt", kGuizhouPage);
  std::string build = Build();
  EXPECT_TRUE(Contains(build, "1 possible same person: see guanxi candidates")) << build;

  nlohmann::json pairs = Json("candidates");
  ASSERT_EQ(pairs.size(), 1u) << pairs;
  const nlohmann::json& pair = pairs[0];
  EXPECT_EQ(pair["a"]["name"], "杨建平");
  EXPECT_EQ(pair["b"]["name"], "杨建平");
  EXPECT_NE(pair["a"]["id"], pair["b"]["id"]);
  EXPECT_FALSE(pair["reason"].get<std::string>().empty());
  std::vector<std::string> places = {pair["a"]["places"].dump(), pair["b"]["places"].dump()};
  std::sort(places.begin(), places.end());
  EXPECT_EQ(places, (std::vector<std::string>{R"(["丹寨县"])", R"(["峡江县"])"})) << pair;
  for (const char* side : {"a", "b"}) {
    EXPECT_FALSE(pair[side]["evidence"]["evidence"]["sentence"].get<std::string>().empty());
    EXPECT_EQ(pair[side]["items"].size(), 1u);
  }

  std::string text = Ok("candidates");
  const std::string a = "#" + std::to_string(pair["a"]["id"].get<int64_t>());
  const std::string b = "#" + std::to_string(pair["b"]["id"].get<int64_t>());
  EXPECT_TRUE(Contains(text, "峡江县委 书记") && Contains(text, "丹寨县委 书记")) << text;
  EXPECT_TRUE(Contains(text, "「县委书记杨建平出席会议并讲话。」")) << text;
  EXPECT_TRUE(Contains(text, "guanxi merge '" + a + "' '" + b + "'")) << text;

  // The merge it suggests works, and the pair is gone.
  Ok("merge " + ShellQuote(a) + " " + ShellQuote(b) + " --reason 调任");
  EXPECT_TRUE(Contains(Ok("candidates"), "no possible same persons"));
  EXPECT_EQ(Json("show 杨建平")["items"].size(), 2u);
}

// 县委 in two items that name no place: a different body in each.
TEST_F(IdentityCliTest, UnresolvedShorthandShowsOneCardPerItem) {
  std::filesystem::remove_all(pages_);
  std::filesystem::create_directories(pages_);
  WriteFile(pages_ / "one.txt",
            "县委召开党史学习教育动员会\n\n3月3日,县委召开党史学习教育动员会。"
            "县委书记常立峰出席会议并讲话。\n\n会议要求,全县各级党组织要精心组织,"
            "确保学习教育取得实效。\n");
  WriteFile(pages_ / "two.txt",
            "县委专题研究乡村教育工作\n\n4月7日,县委召开专题会议研究乡村教育工作。"
            "县委副书记白嘉树主持会议。\n\n会议指出,要加快补齐乡村学校办学条件短板,"
            "稳定乡村教师队伍。\n");
  Build();
  CommandResult show = Guanxi("show 县委");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_TRUE(Contains(show.out, "县委 names 2 unresolved bodies")) << show.out;
  EXPECT_TRUE(Contains(show.out, "kept to its item")) << show.out;
  EXPECT_TRUE(Contains(show.out, "one.txt") && Contains(show.out, "two.txt")) << show.out;
  EXPECT_TRUE(Contains(show.out, "常立峰") && Contains(show.out, "白嘉树")) << show.out;

  nlohmann::json cards = Json("show 县委");
  ASSERT_TRUE(cards.is_array()) << cards;
  ASSERT_EQ(cards.size(), 2u);
  for (const nlohmann::json& card : cards) {
    EXPECT_TRUE(card["unresolved"].get<bool>()) << card;
    EXPECT_EQ(card["items"].size(), 1u) << card;
    EXPECT_EQ(card["item"], card["items"][0]["id"]) << card;
  }
  const std::string first = "#" + std::to_string(cards[0]["id"].get<int64_t>());
  std::string path = Ok("path 常立峰 " + ShellQuote(first));
  EXPECT_TRUE(Contains(path, "县委 " + first + ": unresolved")) << path;
  // Elsewhere the name still needs picking.
  CommandResult ambiguous = Guanxi("path 常立峰 县委");
  EXPECT_EQ(ambiguous.exit_code, 1);
  EXPECT_TRUE(Contains(ambiguous.err, "unresolved")) << ambiguous.err;
}

// The same report printed by a second outlet under its own headline.
TEST_F(IdentityCliTest, ReprintsAreFoldedAndEverySourceIsShown) {
  std::string reprint = kVisitPage;
  reprint.replace(reprint.find("罗永调研防汛工作"), std::string("罗永调研防汛工作").size(),
                  "峡江县委主要负责同志调研防汛备汛");
  reprint.replace(reprint.find("峡江县融媒体中心"), std::string("峡江县融媒体中心").size(),
                  "吉安新闻网");
  WriteFile(pages_ / "c_reprint.txt", reprint);
  std::string build = Build();
  EXPECT_TRUE(Contains(build, "1 reprint folded into stored articles")) << build;
  std::string card = Ok("show 罗永");
  EXPECT_TRUE(Contains(card, "from 1 item:")) << card;
  EXPECT_TRUE(Contains(card, "2 sources:")) << card;
  EXPECT_TRUE(Contains(card, "c_reprint.txt item 1 (吉安新闻网)")) << card;
  nlohmann::json json = Json("show 罗永");
  ASSERT_EQ(json["items"].size(), 1u);
  EXPECT_EQ(json["items"][0]["sources"].size(), 2u) << json;
}

}  // namespace
}  // namespace guanxi::testing
