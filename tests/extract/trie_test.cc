#include "extract/trie.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace guanxi::extract {
namespace {

void Add(Trie& t, std::u32string_view w, uint32_t id = 0) { t.Insert(w.begin(), w.end(), id); }

TEST(TrieTest, NewTrieIsEmptyAndMatchesNothing) {
  Trie t;
  EXPECT_TRUE(t.empty());
  std::u32string_view text = U"人民政府";
  EXPECT_EQ(t.LongestMatch(text.begin(), text.end()), 0u);
  EXPECT_FALSE(t.Contains(U"人民"));
}

TEST(TrieTest, EmptyWordAddsNothing) {
  Trie t;
  Add(t, U"");
  EXPECT_TRUE(t.empty());
}

TEST(TrieTest, LongestMatchPrefersTheLongestWordAtTheStart) {
  Trie t;
  Add(t, U"人民");
  Add(t, U"人民政府");
  std::u32string_view text = U"人民政府办公室";
  EXPECT_EQ(t.LongestMatch(text.begin(), text.end()), 4u);
  std::u32string_view shorter = U"人民代表";
  EXPECT_EQ(t.LongestMatch(shorter.begin(), shorter.end()), 2u);
}

TEST(TrieTest, APrefixOfAWordIsNoMatch) {
  Trie t;
  Add(t, U"人民政府");
  std::u32string_view text = U"人民政";
  EXPECT_EQ(t.LongestMatch(text.begin(), text.end()), 0u);
  EXPECT_FALSE(t.Contains(U"人民"));
  EXPECT_TRUE(t.Contains(U"人民政府"));
}

TEST(TrieTest, ReverseIteratorsMatchWordsEndingHere) {
  Trie t;
  std::u32string_view word = U"有限公司";
  t.Insert(word.rbegin(), word.rend());
  std::u32string_view text = U"顺科股份有限公司";
  EXPECT_EQ(t.LongestMatch(text.rbegin(), text.rend()), 4u);
}

TEST(TrieTest, ForEachMatchReportsEveryWordShortestFirstWithItsId) {
  Trie t;
  Add(t, U"区", 1);
  Add(t, U"区委", 2);
  Add(t, U"区委办", 3);
  Add(t, U"区委", 9);  // again: keeps its first id
  std::u32string_view text = U"区委办公室";
  std::vector<std::pair<size_t, uint32_t>> found;
  t.ForEachMatch(text.begin(), text.end(),
                 [&](size_t len, uint32_t id) { found.emplace_back(len, id); });
  std::vector<std::pair<size_t, uint32_t>> want = {{1, 1}, {2, 2}, {3, 3}};
  EXPECT_EQ(found, want);
}

TEST(TrieTest, ManyWordsSurviveTableGrowth) {
  Trie t;
  for (char32_t c = 0x4E00; c < 0x4E00 + 3000; ++c) {
    std::u32string w = {c, U'局'};
    Add(t, w, static_cast<uint32_t>(c));
  }
  for (char32_t c = 0x4E00; c < 0x4E00 + 3000; c += 97) {
    std::u32string w = {c, U'局', U'长'};
    EXPECT_EQ(t.LongestMatch(w.begin(), w.end()), 2u);
    EXPECT_TRUE(t.Contains(w.substr(0, 2)));
  }
  std::u32string_view miss = U"局长";
  EXPECT_EQ(t.LongestMatch(miss.begin(), miss.end()), 0u);
}

}  // namespace
}  // namespace guanxi::extract
