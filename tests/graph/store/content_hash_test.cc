#include "graph/store/content_hash.h"

#include <gtest/gtest.h>

namespace guanxi::store {
namespace {

TEST(ContentHashTest, IsThirtyTwoLowerCaseHexDigits) {
  const std::string hash = ContentHash("标题", "正文。");
  ASSERT_EQ(hash.size(), 32u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos) << hash;
}

TEST(ContentHashTest, DependsOnTitleAndText) {
  const std::string hash = ContentHash("标题", "正文。");
  EXPECT_EQ(ContentHash("标题", "正文。"), hash);
  EXPECT_NE(ContentHash("标题2", "正文。"), hash);
  EXPECT_NE(ContentHash("标题", "正文"), hash);
  // The separator keeps title and text apart.
  EXPECT_NE(ContentHash("ab", "c"), ContentHash("a", "bc"));
}

}  // namespace
}  // namespace guanxi::store
