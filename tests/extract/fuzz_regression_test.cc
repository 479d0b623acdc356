// Inputs the fuzzer (tests/fuzz/, ./run.sh fuzz) found to break the extractor,
// minimised, each with the behaviour it must keep. The whole suite runs under
// ASan and UBSan with ./run.sh sanitize, which is what catches a relapse.

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "extract/body_names.h"
#include "extract/extractor.h"

namespace guanxi::extract {
namespace {

// A post whose "body" is a long run of digits: TermAt multiplied the number
// by ten past INT_MAX (signed overflow, UBSan) before looking for its 届.
TEST(FuzzRegressionTest, DigitRunBeforeAPostIsNoTermNumber) {
  const std::string page = "\xe3\xbc\x96\n。7777777777主任巴特";  // fuzz_extract's input
  Result<graph::Page> extracted = ExtractText(page, "fuzz.txt");
  EXPECT_TRUE(extracted.ok()) << extracted.status().ToString();

  EXPECT_EQ(TermAt(U"7777777777主任", 0), (std::pair<int, size_t>{0, 0}));
  EXPECT_EQ(TermAt(U"第99999999999届委员会", 0), (std::pair<int, size_t>{0, 0}));
  EXPECT_EQ(TermAt(U"十十十十十十十十十十届", 0), (std::pair<int, size_t>{0, 0}));
  EXPECT_EQ(TermAt(U"第十届委员会", 0), (std::pair<int, size_t>{10, 3}));
  EXPECT_EQ(TermAt(U"999届", 0), (std::pair<int, size_t>{999, 4}));
  EXPECT_EQ(TermAt(U"1000届", 0), (std::pair<int, size_t>{0, 0}));
}

}  // namespace
}  // namespace guanxi::extract
