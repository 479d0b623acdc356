// ToPinyin builds a text's pinyin from each character's (a table generated
// from ICU at build time, with the pairs a character reads differently in):
// it must give what ICU's transliterator gives for the whole text.

#include "cli/entity_search.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace guanxi::cli {
namespace {

TEST(ToPinyinTest, SpellsNamesWithoutTonesOrSpaces) {
  EXPECT_EQ(ToPinyin("常晓勇"), "changxiaoyong");
  EXPECT_EQ(ToPinyin("G20 峰会"), "gfenghui");
  EXPECT_EQ(ToPinyin("阿米尔·哈桑"), "amierhasang");
  EXPECT_EQ(ToPinyin("ZhangSan"), "zhangsan");
  EXPECT_EQ(ToPinyin(""), "");
}

TEST(ToPinyinTest, EqualsTheTransliteratorOnMixedAndPolyphonicTexts) {
  for (const char* text : {"重庆市长寿区", "银行行长", "单县", "长沙", "ＡＢＣ公司", "Café 会议",
                           "乐山乐器厂", "朝阳区", "都江堰", "重要", "5G基站", "一带一路", "沈阳市",
                           "秘鲁共和国", "藏文典籍", "重", "重重庆", "重 庆", "A重庆B", "重要重庆",
                           "秘书长沈阳", "宝藏"}) {
    EXPECT_EQ(ToPinyin(text), ToPinyinByTransliterator(text)) << text;
  }
}

// Every name and alias the samples give, as a search would read them.
TEST(ToPinyinTest, EqualsTheTransliteratorOnEveryNameOfTheSamples) {
  std::vector<std::string> names;
  for (const auto& file :
       std::filesystem::directory_iterator(std::filesystem::path(GUANXI_SOURCE_DIR) / "samples")) {
    if (file.path().extension() != ".txt") continue;
    Result<graph::Page> page = extract::ExtractFile(file.path());
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    for (const graph::Article& article : page->articles) {
      names.push_back(article.title);
      for (const graph::Entity& entity : article.entities) {
        names.push_back(entity.name);
        names.insert(names.end(), entity.aliases.begin(), entity.aliases.end());
      }
    }
  }
  ASSERT_GT(names.size(), 50u);
  for (const std::string& name : names) {
    EXPECT_EQ(ToPinyin(name), ToPinyinByTransliterator(name)) << name;
  }
}

}  // namespace
}  // namespace guanxi::cli
