// The query index against the whole graph in memory: on a real SQLite file
// built by Store::Ingest from pages made here (with merged and rejected
// entities and rejected relations), every query answered through the index
// must equal KnowledgeGraph's answer on Store::LoadGraph: paths, all
// shortest paths, k shortest paths, neighbourhoods and distances, under
// filters, and the records themselves.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "graph/index/graph_index.h"
#include "graph/index/region.h"
#include "graph/knowledge_graph.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::index {
namespace {

using graph::Article;
using graph::ConnectionPath;
using graph::EntityType;
using graph::GraphData;
using graph::KnowledgeGraph;
using graph::Page;
using graph::PathFilter;
using graph::RelationType;

// The shape of a generated archive: people who hold posts in bodies and
// attend or chair one meeting per item, bodies that sign with each other,
// meetings held at places; some bodies are hubs most people hold posts in.
struct Shape {
  int items = 200;
  int people = 60;
  int bodies = 12;
  int places = 5;
  unsigned seed = 1;
};

std::string Person(int i) { return "人" + std::to_string(i); }
std::string Body(int i) { return "机构" + std::to_string(i); }
std::string Place(int i) { return "地" + std::to_string(i); }

graph::Relation Link(RelationType type, std::string source, std::string target,
                     std::string title = "") {
  graph::Relation relation;
  relation.type = type;
  relation.source = std::move(source);
  relation.target = std::move(target);
  relation.title = std::move(title);
  relation.evidence.sentence = relation.source + "与" + relation.target;
  relation.evidence.char_end = 4;
  return relation;
}

// Pages of `shape.items` items, 50 per page. Every fifth item has no full
// date and every seventh no date at all, so date ranges leave some out.
std::vector<Page> MakePages(const Shape& shape) {
  std::mt19937 random(shape.seed);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  // Bodies 0 and 1 are hubs: half the posts are there.
  auto body = [&] { return pick(2) ? pick(2) : pick(shape.bodies); };
  std::vector<Page> pages;
  for (int item = 0; item < shape.items; ++item) {
    if (item % 50 == 0) pages.push_back({"page" + std::to_string(item / 50) + ".txt", {}});
    Article article;
    article.title = "会议" + std::to_string(item);
    const int month = 1 + pick(12);
    const int day = 1 + pick(28);
    if (item % 7 != 0) article.date = std::to_string(month) + "月" + std::to_string(day) + "日";
    if (item % 7 != 0 && item % 5 != 0) {
      article.full_date = std::to_string(2023 + pick(2)) + "-" + (month < 10 ? "0" : "") +
                          std::to_string(month) + "-" + (day < 10 ? "0" : "") + std::to_string(day);
    }
    article.text = article.title + "正文" + std::to_string(item);
    article.place = "北京市";  // one place code: people of one name are one person
    article.place_code = "11";
    article.entities.push_back({EntityType::kEvent, "会议", {}});
    const std::string place = Place(pick(shape.places));
    article.entities.push_back({EntityType::kPlace, place, {}});
    article.relations.push_back(Link(RelationType::kHeldAt, "会议", place));
    std::vector<std::string> bodies;
    const int attendees = 2 + pick(4);
    for (int i = 0; i < attendees; ++i) {
      const std::string person = Person(pick(shape.people));
      if (std::any_of(article.entities.begin(), article.entities.end(),
                      [&](const auto& e) { return e.name == person; })) {
        continue;
      }
      article.entities.push_back({EntityType::kPerson, person, {}});
      article.relations.push_back(
          Link(i == 0 ? RelationType::kChaired : RelationType::kAttended, person, "会议"));
      const std::string post = Body(body());
      if (std::find(bodies.begin(), bodies.end(), post) == bodies.end()) {
        bodies.push_back(post);
        article.entities.push_back({EntityType::kInstitution, post, {}});
      }
      article.relations.push_back(Link(RelationType::kHoldsPosition, person, post, "主任"));
      // The same post stated twice in one item: parallel relations.
      if (pick(8) == 0) {
        graph::Relation again = Link(RelationType::kHoldsPosition, person, post, "主任");
        again.evidence.char_begin = 5;
        article.relations.push_back(again);
      }
    }
    if (bodies.size() >= 2 && pick(3) == 0) {
      article.relations.push_back(Link(RelationType::kSignedWith, bodies[0], bodies[1]));
    }
    if (pick(20) == 0) {  // a relation of an entity with itself
      article.relations.push_back(Link(RelationType::kMentionedIn, "会议", "会议"));
    }
    pages.back().articles.push_back(std::move(article));
  }
  return pages;
}

std::filesystem::path TempDatabase() {
  static std::atomic<int> counter{0};
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("guanxi_index_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir / "guanxi.db";
}

int64_t IdNamed(const GraphData& data, const std::string& name) {
  for (const auto& entity : data.entities) {
    if (entity.name == name) return entity.id;
  }
  return 0;
}

// A database built from `shape`, with decisions: two people merged, a body
// and a person rejected, some relations rejected.
class Archive {
 public:
  explicit Archive(const Shape& shape, bool decide = true) : path_(TempDatabase()) {
    Result<store::Store> store = store::Store::Open(path_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    Result<store::IngestStats> stats = store->Ingest(MakePages(shape));
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    if (decide) {
      Result<GraphData> data = store->LoadGraph();
      EXPECT_TRUE(data.ok());
      std::vector<int64_t> people;
      for (const auto& entity : data->entities) {
        if (entity.type == EntityType::kPerson) people.push_back(entity.id);
      }
      EXPECT_GE(people.size(), 3u);
      EXPECT_TRUE(store->Merge(people[0], people[1], "").ok());
      EXPECT_TRUE(store->RejectEntity(people[2], "").ok());
      EXPECT_TRUE(store->RejectEntity(IdNamed(*data, Body(3)), "").ok());
      for (size_t i = 0; i < data->relations.size(); i += 37) {
        EXPECT_TRUE(store->RejectRelation(data->relations[i].id, "").ok());
      }
    }
    Result<GraphData> data = store->LoadGraph();
    EXPECT_TRUE(data.ok());
    graph_ = std::make_unique<KnowledgeGraph>(std::move(*data));
  }
  ~Archive() { std::filesystem::remove_all(path_.parent_path()); }

  const KnowledgeGraph& graph() const { return *graph_; }
  GraphIndex OpenIndex() const {
    Result<GraphIndex> index = GraphIndex::Open(path_);
    EXPECT_TRUE(index.ok()) << index.status().ToString();
    return std::move(index).value();
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<KnowledgeGraph> graph_;
};

std::vector<std::vector<int64_t>> Sequences(const std::vector<ConnectionPath>& paths) {
  std::vector<std::vector<int64_t>> out;
  for (const ConnectionPath& path : paths) {
    std::vector<int64_t> line = path.entity_ids;
    line.push_back(-1);
    line.insert(line.end(), path.relation_ids.begin(), path.relation_ids.end());
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<int64_t> Ids(const auto& records) {
  std::vector<int64_t> ids;
  for (const auto& record : records) ids.push_back(record.id);
  return ids;
}

// Filters of every kind, chosen by `i`.
PathFilter FilterNumber(int i, const KnowledgeGraph& graph) {
  PathFilter filter;
  switch (i % 8) {
    case 1:
      filter.via_types = {EntityType::kPerson, EntityType::kEvent};
      break;
    case 2:
      filter.relation_types = {RelationType::kAttended, RelationType::kChaired};
      break;
    case 3:
      filter.excluded_ids = {IdNamed(graph.data(), Body(0))};
      break;
    case 4:
      filter.max_hops = 1 + i % 4;
      break;
    case 5:
      filter.since = graph::ParseDateBound("2024-03-01");
      break;
    case 6:
      filter.until = graph::ParseDateBound("8-31");
      filter.via_types = {EntityType::kPerson, EntityType::kEvent, EntityType::kInstitution};
      break;
    case 7:
      filter.excluded_ids = {IdNamed(graph.data(), Body(1)), IdNamed(graph.data(), Body(0))};
      filter.relation_types = {RelationType::kAttended, RelationType::kHoldsPosition,
                               RelationType::kChaired};
      break;
    default:
      break;
  }
  return filter;
}

// Runs `queries` random queries of each kind and expects the index to agree.
void ExpectAgreement(const Archive& archive, int queries, unsigned seed) {
  const KnowledgeGraph& full = archive.graph();
  GraphIndex index = archive.OpenIndex();
  const std::vector<graph::EntityRecord>& entities = full.data().entities;
  ASSERT_GT(entities.size(), 2u);
  std::mt19937 random(seed);
  auto any = [&] { return entities[random() % entities.size()].id; };
  for (int i = 0; i < queries; ++i) {
    const int64_t a = any();
    const int64_t b = i % 10 == 0 ? a : any();
    const PathFilter filter = FilterNumber(i, full);
    SCOPED_TRACE("query " + std::to_string(i) + ": " + std::to_string(a) + " - " +
                 std::to_string(b));

    Result<GraphData> region = ShortestPathRegion(index, a, b, filter);
    ASSERT_TRUE(region.ok()) << region.status().ToString();
    const KnowledgeGraph part(std::move(*region));
    const std::optional<ConnectionPath> expected = full.ShortestPath(a, b, filter);
    const std::optional<ConnectionPath> found = part.ShortestPath(a, b, filter);
    ASSERT_EQ(expected.has_value(), found.has_value());
    if (expected) {
      EXPECT_EQ(Sequences({*expected}), Sequences({*found}));
    }
    EXPECT_EQ(Sequences(full.AllShortestPaths(a, b, filter)),
              Sequences(part.AllShortestPaths(a, b, filter)));

    const size_t k = 1 + random() % 8;
    Result<KPaths> k_paths = KShortestPaths(index, a, b, k, filter);
    ASSERT_TRUE(k_paths.ok()) << k_paths.status().ToString();
    EXPECT_EQ(Sequences(full.KShortestPaths(a, b, k, filter)), Sequences(k_paths->paths));

    const int depth = static_cast<int>(random() % 4);
    Result<NeighbourhoodRegion> around = FindNeighbourhood(index, a, depth, filter, 0, true);
    ASSERT_TRUE(around.ok()) << around.status().ToString();
    EXPECT_EQ(full.Distances(a, depth, filter), around->distances);
    const GraphData expected_around = full.Neighbourhood(a, depth, filter);
    const GraphData found_around = KnowledgeGraph(around->data).Neighbourhood(a, depth, filter);
    EXPECT_EQ(Ids(expected_around.entities), Ids(found_around.entities));
    EXPECT_EQ(Ids(expected_around.relations), Ids(found_around.relations));
    EXPECT_EQ(Ids(expected_around.articles), Ids(found_around.articles));
  }
}

TEST(QueryIndexTest, ConnectionQueriesAgreeWithTheWholeGraph) {
  const Archive archive(Shape{});
  ExpectAgreement(archive, 400, 7);
}

TEST(QueryIndexTest, ConnectionQueriesAgreeOnASparseGraphWithFewPaths) {
  // Few items for many people: trees and long paths, where --k must grow
  // its bound to the whole component.
  const Archive archive(Shape{.items = 60, .people = 150, .bodies = 40, .places = 30, .seed = 3});
  ExpectAgreement(archive, 300, 11);
}

TEST(QueryIndexTest, ConnectionQueriesAgreeOnAnArchiveOfAHundredThousandRelations) {
  const Archive archive(
      Shape{.items = 12000, .people = 3000, .bodies = 300, .places = 40, .seed = 5},
      /*decide=*/false);
  ASSERT_GE(archive.graph().data().relations.size(), 100000u);
  ExpectAgreement(archive, 20, 13);
}

TEST(QueryIndexTest, RecordsAreThoseLoadGraphGives) {
  const Archive archive(Shape{});
  const KnowledgeGraph& full = archive.graph();
  GraphIndex index = archive.OpenIndex();
  GraphData data = full.data();
  ASSERT_TRUE(index.Complete(data, EntityDetail::kFull).ok());
  ASSERT_EQ(data.entities.size(), full.data().entities.size());
  for (size_t i = 0; i < data.entities.size(); ++i) {
    const graph::EntityRecord& a = full.data().entities[i];
    const graph::EntityRecord& b = data.entities[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.aliases, b.aliases);
    EXPECT_EQ(a.item_id, b.item_id);
    EXPECT_EQ(a.unresolved, b.unresolved);
    EXPECT_EQ(a.article_ids, b.article_ids);
    ASSERT_EQ(a.decisions.size(), b.decisions.size());
    for (size_t d = 0; d < a.decisions.size(); ++d) {
      EXPECT_EQ(a.decisions[d].decision_id, b.decisions[d].decision_id);
      EXPECT_EQ(a.decisions[d].action, b.decisions[d].action);
    }
    Result<size_t> degree = index.Degree(a.id);
    ASSERT_TRUE(degree.ok());
    EXPECT_EQ(*degree, full.Degree(a.id));
    Result<std::vector<int64_t>> named = index.IdsByName(a.name);
    ASSERT_TRUE(named.ok());
    EXPECT_EQ(*named, full.FindByName(a.name));
  }
  ASSERT_EQ(data.relations.size(), full.data().relations.size());
  for (size_t i = 0; i < data.relations.size(); ++i) {
    const graph::RelationRecord& a = full.data().relations[i];
    const graph::RelationRecord& b = data.relations[i];
    EXPECT_EQ(std::tie(a.id, a.type, a.source_id, a.target_id, a.title, a.article_id),
              std::tie(b.id, b.type, b.source_id, b.target_id, b.title, b.article_id));
    EXPECT_EQ(a.evidence.sentence, b.evidence.sentence);
    EXPECT_EQ(a.evidence.char_begin, b.evidence.char_begin);
  }
  ASSERT_EQ(data.articles.size(), full.data().articles.size());
  for (size_t i = 0; i < data.articles.size(); ++i) {
    const graph::ArticleRecord& a = full.data().articles[i];
    const graph::ArticleRecord& b = data.articles[i];
    EXPECT_EQ(std::tie(a.id, a.path, a.title, a.date, a.full_date, a.outlet, a.place),
              std::tie(b.id, b.path, b.title, b.date, b.full_date, b.outlet, b.place));
    EXPECT_EQ(a.sources.size(), b.sources.size());
  }
}

TEST(QueryIndexTest, HiddenEntitiesAreNeitherFoundNorReached) {
  const Archive archive(Shape{});
  GraphIndex index = archive.OpenIndex();
  // The second person was merged into the first (its name an alias now),
  // the third person and 机构3 rejected: found as LoadGraph finds them.
  Result<std::vector<int64_t>> rejected = index.IdsByName(Body(3));
  ASSERT_TRUE(rejected.ok());
  EXPECT_TRUE(rejected->empty());
  for (int i = 0; i < 60; ++i) {
    Result<std::vector<int64_t>> named = index.IdsByName(Person(i));
    ASSERT_TRUE(named.ok());
    EXPECT_EQ(*named, archive.graph().FindByName(Person(i))) << Person(i);
  }
  // No hop leads to a rejected entity, though its relations stay stored.
  for (const graph::EntityRecord& entity : archive.graph().data().entities) {
    std::vector<Hop> hops;
    ASSERT_TRUE(index.AppendHops(entity.id, hops).ok());
    for (const Hop& hop : hops) {
      EXPECT_NE(archive.graph().FindEntity(hop.other_id), nullptr) << hop.other_id;
      EXPECT_NE(archive.graph().FindRelation(hop.relation_id), nullptr) << hop.relation_id;
    }
  }
}

TEST(QueryIndexTest, LargeNeighbourhoodStopsAtTheLimitNamingTheHub) {
  const Archive archive(Shape{});
  GraphIndex index = archive.OpenIndex();
  const int64_t hub = IdNamed(archive.graph().data(), Body(0));
  const int64_t person = IdNamed(archive.graph().data(), Person(10));
  Result<NeighbourhoodRegion> around = FindNeighbourhood(index, person, 2, PathFilter{}, 10, true);
  ASSERT_TRUE(around.ok());
  ASSERT_TRUE(around->hub.has_value());
  EXPECT_GT(around->reached, 10u);
  EXPECT_TRUE(around->distances.empty());
  EXPECT_NE(around->hub->id, 0);
  // With the limit lifted, the same query answers.
  Result<NeighbourhoodRegion> all = FindNeighbourhood(index, hub, 1, PathFilter{}, 0, false);
  ASSERT_TRUE(all.ok());
  EXPECT_FALSE(all->hub.has_value());
  EXPECT_EQ(all->distances, archive.graph().Distances(hub, 1, PathFilter{}));
}

// A command reading while `guanxi build` commits: the build does not wait for
// it, and it answers from the state it opened on, all its queries alike.
TEST(QueryIndexTest, ReaderKeepsItsStateWhileABuildCommits) {
  const std::filesystem::path path = TempDatabase();
  std::vector<Page> pages = MakePages(Shape{.items = 120});
  const std::vector<Page> later(pages.begin() + static_cast<long>(pages.size() / 2), pages.end());
  pages.resize(pages.size() / 2);
  Result<store::Store> writer = store::Store::Open(path);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  ASSERT_TRUE(writer->Ingest(pages).ok());

  Result<GraphIndex> reader = GraphIndex::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  Result<std::vector<int64_t>> meetings = reader->IdsByName("会议");
  ASSERT_TRUE(meetings.ok());
  ASSERT_FALSE(meetings->empty());

  Result<store::IngestStats> added = writer->Ingest(later);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  ASSERT_GT(added->articles_added, 0);

  Result<std::vector<int64_t>> again = reader->IdsByName("会议");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *meetings);
  Result<GraphIndex> fresh = GraphIndex::Open(path);
  ASSERT_TRUE(fresh.ok());
  Result<std::vector<int64_t>> now = fresh->IdsByName("会议");
  ASSERT_TRUE(now.ok());
  EXPECT_GT(now->size(), meetings->size());
  std::filesystem::remove_all(path.parent_path());
}

TEST(QueryIndexTest, OpensAFreshDatabaseAndRefusesAMissingFile) {
  EXPECT_EQ(GraphIndex::Open("/nonexistent/guanxi.db").status().code(), Status::Code::kNotFound);
  const std::filesystem::path path = TempDatabase();
  {
    Result<store::Store> store = store::Store::Open(path);
    ASSERT_TRUE(store.ok());
  }
  EXPECT_TRUE(GraphIndex::Open(path).ok());
  std::filesystem::remove_all(path.parent_path());
}

}  // namespace
}  // namespace guanxi::index
