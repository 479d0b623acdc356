// The identity rules of issue 8 as a user meets them through the `guanxi`
// command: shorthand that no place resolves joins nobody across provinces,
// and a reprint with one changed sentence and its own outlet is one article.
// Every page here was written for these tests.

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <utility>

#include "tests/cli/cli_test_util.h"

namespace guanxi::testing {
namespace {

// A university site in 贵州 and a county paper in 湖南: both print 县委,
// 县人民政府, 自治区 and 我校 without naming the county or the school.
constexpr char kGuizhouPage[] =
    "我校与县人民政府签署校地合作协议\n\n"
    "5月8日，我校与县人民政府签署校地合作协议。县委书记龙文恒出席签约仪式。"
    "校长田志远与县长杨国庆代表双方签约。自治区有关部门负责人应邀出席。\n\n"
    "双方将在人才培养、科技服务等方面开展合作，助力贵州乡村振兴。\n";
constexpr char kHunanPage[] =
    "县委召开常委会议\n\n"
    "6月2日，县委召开常委会议，研究部署防汛工作。县委书记彭振华主持会议，"
    "县人民政府县长邓立群出席。我校校长吴建新列席会议。自治区考察团一行参加。\n\n"
    "会议强调，要深入贯彻湖南省委部署，确保安全度汛。\n";

// A county paper's report; the reprint below changes one sentence of it and
// prints another outlet.
constexpr char kReportPage[] =
    "峡江县召开春季农业生产工作会议\n\n"
    "来源：井冈山报\n\n"
    "3月6日，峡江县召开春季农业生产工作会议。县委书记罗勇出席会议并讲话，"
    "县长肖明华主持会议。\n\n"
    "会议指出，今年全县计划种植早稻12万亩，各乡镇要抓好种子、化肥等农资供应，"
    "做好农田水利设施修缮，确保不误农时。\n\n"
    "会议要求，要压紧压实粮食安全责任，加强农业技术指导服务，推动农业增效、农民增收。\n";

class IdentityRulesCliTest : public ::testing::Test {
 protected:
  std::string Db() const { return ShellQuote((dir_ / "guanxi.db").string()); }

  std::string Ok(const std::string& arguments) const {
    CommandResult result = RunGuanxi(arguments + " --db " + Db());
    EXPECT_EQ(result.exit_code, 0) << arguments << ": " << result.err;
    return result.out;
  }

  // The relation count of stats' first line ("…, 11 relations").
  int64_t Relations() const {
    const std::string stats = Ok("stats");
    std::smatch match;
    const bool found = std::regex_search(stats, match, std::regex(R"(, (\d+) relations)"));
    EXPECT_TRUE(found) << stats;
    return found ? std::stoll(match[1].str()) : -1;
  }

  TempDir dir_;
};

static bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(IdentityRulesCliTest, ShorthandOfTwoProvincesJoinsNobody) {
  WriteFile(dir_ / "guizhou.txt", kGuizhouPage);
  WriteFile(dir_ / "hunan.txt", kHunanPage);
  Ok("build " + ShellQuote((dir_ / "guizhou.txt").string()) + " " +
     ShellQuote((dir_ / "hunan.txt").string()));

  // Secretaries of each 县委, county heads of each 县人民政府, a head of each 我校.
  for (const auto& [a, b] : {std::pair{"龙文恒", "彭振华"}, std::pair{"杨国庆", "邓立群"},
                             std::pair{"田志远", "吴建新"}, std::pair{"龙文恒", "吴建新"}}) {
    const std::string path = Ok(std::string("path ") + a + " " + b);
    EXPECT_TRUE(Contains(path, "no connection")) << a << " " << b << ": " << path;
  }
  for (const char* name : {"县委", "县人民政府"}) {
    const std::string card = Ok(std::string("show ") + name);
    EXPECT_TRUE(Contains(card, std::string(name) + " names 2 unresolved bodies")) << card;
    EXPECT_TRUE(Contains(card, "guizhou.txt") && Contains(card, "hunan.txt")) << card;
  }
  const std::string school = Ok("show 我校");
  EXPECT_TRUE(Contains(school, "unresolved")) << school;
}

TEST_F(IdentityRulesCliTest, ReprintWithOneChangedSentenceIsOneArticleWithTwoSources) {
  WriteFile(dir_ / "paper.txt", kReportPage);
  Ok("build " + ShellQuote((dir_ / "paper.txt").string()));
  const int64_t relations = Relations();
  ASSERT_GT(relations, 0);

  std::string reprint = kReportPage;
  reprint.replace(reprint.find("井冈山报"), std::string("井冈山报").size(), "吉安新闻网");
  const std::string sentence = "各乡镇要抓好种子、化肥等农资供应";
  reprint.replace(reprint.find(sentence), sentence.size(), "各地要提前调运种子、化肥、农药");
  WriteFile(dir_ / "web.txt", reprint);
  const std::string build = Ok("build " + ShellQuote((dir_ / "web.txt").string()));
  EXPECT_TRUE(Contains(build, "1 reprint folded")) << build;

  EXPECT_EQ(Relations(), relations);
  const std::string card = Ok("show 罗勇");
  EXPECT_TRUE(Contains(card, "from 1 item:")) << card;
  EXPECT_TRUE(Contains(card, "2 sources:")) << card;
  EXPECT_TRUE(Contains(card, "井冈山报") && Contains(card, "吉安新闻网")) << card;
}

}  // namespace
}  // namespace guanxi::testing
