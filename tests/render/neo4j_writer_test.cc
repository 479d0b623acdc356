#include "render/neo4j_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/render/render_test_util.h"

namespace guanxi::render {
namespace {

using testing::ReadCsvTables;
using testing::ReadFile;
using testing::SampleGraph;
using testing::ScratchDir;

class Neo4jWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      std::ofstream nodes(nodes_, std::ios::binary);
      std::ofstream relationships(relationships_, std::ios::binary);
      Status status = WriteNeo4jCsv(SampleGraph(), nodes, relationships);
      ASSERT_TRUE(status.ok()) << status.ToString();
    }
    read_ = ReadCsvTables(dir_, nodes_, "relationships", relationships_);
    ASSERT_FALSE(read_.is_null());
  }

  ScratchDir dir_;
  std::filesystem::path nodes_ = dir_ / "nodes.csv";
  std::filesystem::path relationships_ = dir_ / "relationships.csv";
  nlohmann::json read_;
};

TEST_F(Neo4jWriterTest, HeadersAreNeo4jsTypedColumnsExactly) {
  EXPECT_EQ(ReadFile(nodes_).rfind(
                "entity_id:ID,name,type,aliases:string[],unresolved:boolean,:LABEL\r\n", 0),
            0u);
  EXPECT_EQ(ReadFile(relationships_)
                .rfind(":START_ID,:END_ID,:TYPE,relation_id:long,relation,title,sentence,"
                       "char_begin:long,char_end:long,article_id:long,article,article_path,date,"
                       "full_date\r\n",
                       0),
            0u);
}

TEST_F(Neo4jWriterTest, NodeRowsCarryIdNameTypeAndTheTypeAsLabel) {
  const graph::GraphData data = SampleGraph();
  const nlohmann::json& rows = read_["nodes"]["rows"];
  ASSERT_EQ(rows.size(), data.entities.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const graph::EntityRecord& entity = data.entities[i];
    ASSERT_EQ(rows[i].size(), 6u) << rows[i];
    EXPECT_EQ(rows[i][0], std::to_string(entity.id));
    EXPECT_EQ(rows[i][1], entity.name);
    EXPECT_EQ(rows[i][2], std::string(graph::ToString(entity.type)));
    EXPECT_EQ(rows[i][5], Neo4jLabel(entity.type));
  }
  EXPECT_EQ(rows[0][3], "李书记|强");
  EXPECT_EQ(rows[0][5], "Person");
  // The name that breaks every format comes back exactly: its quote doubled,
  // its newline kept, and no formula-neutralising quote added.
  EXPECT_EQ(rows[testing::kHostile - 1][1], testing::kHostileName);
}

TEST_F(Neo4jWriterTest, RelationshipRowsCarryEndsTypeAndEvidence) {
  const graph::GraphData data = SampleGraph();
  const nlohmann::json& rows = read_["relationships"]["rows"];
  ASSERT_EQ(rows.size(), data.relations.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const graph::RelationRecord& relation = data.relations[i];
    ASSERT_EQ(rows[i].size(), 14u) << rows[i];
    EXPECT_EQ(rows[i][0], std::to_string(relation.source_id));
    EXPECT_EQ(rows[i][1], std::to_string(relation.target_id));
    EXPECT_EQ(rows[i][2], Neo4jType(relation.type));
    EXPECT_EQ(rows[i][3], std::to_string(relation.id));
    EXPECT_EQ(rows[i][6], relation.evidence.sentence);
  }
  EXPECT_EQ(rows[5], nlohmann::json({"7", "5", "CHAIRED", "105", "chaired", "", "仪式由王五主持。",
                                     "105", "125", "10", "李强出席新区项目签约仪式", "pages/a.txt",
                                     "7月16日", ""}));
  EXPECT_EQ(rows[0][2], "HOLDS_POSITION");
  EXPECT_EQ(rows[6][6], "中国<&>\"引号\"。");
}

TEST(Neo4jWriterUnitTest, LabelsAndTypesFollowNeo4jsConventions) {
  EXPECT_EQ(Neo4jLabel(graph::EntityType::kInstitution), "Institution");
  EXPECT_EQ(Neo4jType(graph::RelationType::kSignedWith), "SIGNED_WITH");
}

TEST(Neo4jWriterUnitTest, RelationToUnknownEntityIsInvalidInputAndWritesNothing) {
  graph::GraphData data = SampleGraph();
  data.relations[2].target_id = 999;
  std::ostringstream nodes;
  std::ostringstream relationships;
  Status status = WriteNeo4jCsv(data, nodes, relationships);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_TRUE(nodes.str().empty());
  EXPECT_TRUE(relationships.str().empty());
}

}  // namespace
}  // namespace guanxi::render
