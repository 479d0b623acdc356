#include "render/diagram_fit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "render/dot_writer.h"
#include "tests/render/render_test_util.h"

namespace guanxi::render {
namespace {

// `pieces` chains of people, the chain i of pieces[i] entities, one after
// the other in data order, ids 1...
graph::GraphData Chains(const std::vector<int>& pieces) {
  graph::GraphData data;
  data.articles = {{10, "pages/chains.txt", "链", ""}, {11, "pages/other.txt", "另", ""}};
  int64_t id = 1;
  for (std::size_t piece = 0; piece < pieces.size(); ++piece) {
    for (int i = 0; i < pieces[piece]; ++i, ++id) {
      data.entities.push_back({id, graph::EntityType::kPerson, "人" + std::to_string(id), {}});
      if (i == 0) continue;
      graph::RelationRecord relation;
      relation.id = 1000 + id;
      relation.type = graph::RelationType::kMentionedIn;
      relation.source_id = id - 1;
      relation.target_id = id;
      relation.article_id = piece == 0 ? 10 : 11;  // the first chain cites 10, the others 11
      relation.evidence.sentence = "句。";
      data.relations.push_back(relation);
    }
  }
  return data;
}

TEST(FitDiagramTest, SmallSelectionIsDrawnWhole) {
  const graph::GraphData data = Chains({5, 3, 1});
  Result<DiagramFit> fit = FitDiagram(data, 9);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  EXPECT_FALSE(fit->is_component);
  EXPECT_EQ(fit->components, 3u);
  EXPECT_EQ(fit->data.entities.size(), 9u);
  EXPECT_EQ(fit->data.relations.size(), data.relations.size());
}

TEST(FitDiagramTest, TooLargeWholeGraphGivesItsLargestComponentWithItsRelationsAndArticles) {
  // 250 + 100 + 10 singletons: 360 entities, more than the maximum.
  std::vector<int> pieces = {100, 250};
  pieces.insert(pieces.end(), 10, 1);
  const graph::GraphData data = Chains(pieces);
  ASSERT_GT(data.entities.size(), kMaxDiagramEntities);
  Result<DiagramFit> fit = FitDiagram(data, kMaxDiagramEntities);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  EXPECT_TRUE(fit->is_component);
  EXPECT_EQ(fit->whole_entities, 360u);
  EXPECT_EQ(fit->components, 12u);
  ASSERT_EQ(fit->data.entities.size(), 250u);
  EXPECT_EQ(fit->data.entities.front().name, "人101");  // the second chain of the fixture
  EXPECT_EQ(fit->data.relations.size(), 249u);
  ASSERT_EQ(fit->data.articles.size(), 1u);
  EXPECT_EQ(fit->data.articles[0].id, 11);

  // Drawn: the component's entities and nothing else.
  testing::ScratchDir dir;
  Result<std::string> svg = Render(fit->data, {}, ImageFormat::kSvg);
  ASSERT_TRUE(svg.ok()) << svg.status().ToString();
  std::ofstream(dir / "component.svg") << *svg;
  nlohmann::json read = testing::RunPython(dir, R"(
import json, sys
import xml.etree.ElementTree as ET
SVG = '{http://www.w3.org/2000/svg}'
root = ET.parse(sys.argv[1]).getroot()
nodes = [g.get('id') for g in root.iter(SVG + 'g') if g.get('class') == 'node']
print(json.dumps({'nodes': sorted(nodes)}))
)",
                                           {(dir / "component.svg").string()});
  ASSERT_FALSE(read.is_null());
  std::vector<std::string> expected;
  for (int id = 101; id <= 350; ++id) expected.push_back("e" + std::to_string(id));
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(read["nodes"].get<std::vector<std::string>>(), expected);
}

TEST(FitDiagramTest, ComponentLargerThanTheMaximumIsRefusedNamingBothSizes) {
  const graph::GraphData data = Chains({kMaxDiagramEntities + 50, 20});
  Result<DiagramFit> fit = FitDiagram(data, kMaxDiagramEntities);
  ASSERT_FALSE(fit.ok());
  EXPECT_EQ(fit.status().code(), Status::Code::kInvalidInput);
  const std::string message = fit.status().ToString();
  EXPECT_NE(message.find(std::to_string(kMaxDiagramEntities + 70) + " entities"), std::string::npos)
      << message;
  EXPECT_NE(message.find("largest connected part " + std::to_string(kMaxDiagramEntities + 50)),
            std::string::npos)
      << message;
}

}  // namespace
}  // namespace guanxi::render
