#include "render/csv_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "tests/render/render_test_util.h"

namespace guanxi::render {
namespace {

using testing::ReadCsvTables;
using testing::ReadFile;
using testing::SampleGraph;
using testing::ScratchDir;
using testing::WriteCsvFiles;

TEST(CsvFieldTest, PlainTextIsUnchanged) {
  EXPECT_EQ(CsvField("李强"), "李强");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a<b>&c 'd'"), "a<b>&c 'd'");
}

TEST(CsvFieldTest, CommaQuoteAndLineBreaksAreQuotedWithQuotesDoubled) {
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("a\nb"), "\"a\nb\"");
  EXPECT_EQ(CsvField("a\rb"), "\"a\rb\"");
}

class CsvPythonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status status = WriteCsvFiles(SampleGraph(), nodes_, edges_);
    ASSERT_TRUE(status.ok()) << status.ToString();
    read_ = ReadCsvTables(dir_, nodes_, "edges", edges_);
    ASSERT_FALSE(read_.is_null());
  }

  ScratchDir dir_;
  std::filesystem::path nodes_ = dir_ / "nodes.csv";
  std::filesystem::path edges_ = dir_ / "edges.csv";
  nlohmann::json read_;
};

TEST_F(CsvPythonTest, HeadersNameTheDocumentedColumns) {
  EXPECT_EQ(read_["nodes"]["header"], nlohmann::json({"id", "name", "type", "aliases"}));
  EXPECT_EQ(
      read_["edges"]["header"],
      nlohmann::json({"id", "source", "target", "source_name", "target_name", "relation", "title",
                      "article", "article_path", "date", "evidence", "char_begin", "char_end"}));
}

TEST_F(CsvPythonTest, OneRowPerEntityAndPerRelation) {
  const graph::GraphData data = SampleGraph();
  EXPECT_EQ(read_["nodes"]["rows"].size(), data.entities.size());
  EXPECT_EQ(read_["edges"]["rows"].size(), data.relations.size());
  for (const nlohmann::json& row : read_["nodes"]["rows"]) EXPECT_EQ(row.size(), 4u) << row;
  for (const nlohmann::json& row : read_["edges"]["rows"]) EXPECT_EQ(row.size(), 13u) << row;
}

TEST_F(CsvPythonTest, NodeRowsCarryIdNameTypeAndAliasesExactly) {
  const graph::GraphData data = SampleGraph();
  const nlohmann::json& rows = read_["nodes"]["rows"];
  ASSERT_EQ(rows.size(), data.entities.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const graph::EntityRecord& entity = data.entities[i];
    EXPECT_EQ(rows[i][0], std::to_string(entity.id));
    EXPECT_EQ(rows[i][1], entity.name);
    EXPECT_EQ(rows[i][2], std::string(graph::ToString(entity.type)));
  }
  EXPECT_EQ(rows[0][3], "李书记|强");
  EXPECT_EQ(rows[testing::kHostile - 1][1], testing::kHostileName);
}

TEST_F(CsvPythonTest, EdgeRowsCarryEndpointsArticleAndEvidenceExactly) {
  const graph::GraphData data = SampleGraph();
  const nlohmann::json& rows = read_["edges"]["rows"];
  ASSERT_EQ(rows.size(), data.relations.size());
  // Relation 105: the hostile-named person chaired the signing.
  const nlohmann::json& chaired = rows[5];
  EXPECT_EQ(chaired, nlohmann::json({"105", "7", "5", testing::kHostileName, "新区项目签约仪式",
                                     "chaired", "", "李强出席新区项目签约仪式", "pages/a.txt",
                                     "7月16日", "仪式由王五主持。", "105", "125"}));
  EXPECT_EQ(rows[0][6], "书记");
  EXPECT_EQ(rows[6][10], "中国<&>\"引号\"。");
  EXPECT_EQ(rows[7][10], "新区项目\\N签约。");
}

TEST_F(CsvPythonTest, FilesAreUtf8WithoutBomAndRowsEndInCrlf) {
  const std::string nodes = ReadFile(nodes_);
  EXPECT_EQ(nodes.rfind("id,name,type,aliases\r\n", 0), 0u) << nodes.substr(0, 40);
  EXPECT_EQ(ReadFile(edges_).rfind("id,source,target,", 0), 0u);
  // The hostile name is one quoted field, its quote doubled, its newline kept.
  EXPECT_NE(nodes.find("\"王\"\"五'<b>&amp;\\N\\\n六\""), std::string::npos) << nodes;
}

TEST(CsvWriterTest, RelationToUnknownEntityIsInvalidInputAndWritesNothing) {
  graph::GraphData data = SampleGraph();
  data.relations[2].target_id = 999;
  std::ostringstream nodes;
  std::ostringstream edges;
  Status status = WriteCsv(data, nodes, edges);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_NE(status.ToString().find("999"), std::string::npos) << status.ToString();
  EXPECT_TRUE(nodes.str().empty());
  EXPECT_TRUE(edges.str().empty());
}

}  // namespace
}  // namespace guanxi::render
