// Reprints: MinHash signatures of item texts, their similarity, band keys and
// storage bytes. The texts are made-up meeting reports.

#include "graph/identity/reprint.h"

#include <gtest/gtest.h>

#include <string>

namespace guanxi::identity {
namespace {

// A county meeting report, as one outlet prints it.
constexpr const char* kReport =
    "11月20日，青山县召开2026年冬季安全生产工作会议。县委副书记、县长李建国出席会议并讲话。"
    "会议传达学习了全省安全生产电视电话会议精神，通报了今年以来全县安全生产形势。"
    "李建国指出，今年1至10月全县共排查整改隐患326处，事故起数同比下降18%。"
    "他强调，各乡镇各部门要压紧压实责任，深入开展燃气、消防、道路交通等重点领域专项整治，"
    "坚决遏制重特大事故发生。会议还对冬春火灾防控工作作了安排部署。";

// The same report reprinted by a second outlet: one figure changed (326 -> 328),
// paragraphs indented with ideographic spaces, other line breaks and spacing.
constexpr const char* kReprint =
    "　　11月20日，青山县召开 2026 年冬季安全生产工作会议。\n"
    "县委副书记、县长李建国出席会议并讲话。\n\n"
    "　　会议传达学习了全省安全生产电视电话会议精神，通报了今年以来全县安全生产形势。"
    "李建国指出，今年1至10月全县共排查整改隐患 328 处，事故起数同比下降18%。\n\n"
    "　　他强调，各乡镇各部门要压紧压实责任，深入开展燃气、消防、道路交通等重点领域专项整治，"
    "坚决遏制重特大\n事故发生。会议还对冬春火灾防控工作作了安排部署。\n";

// Another meeting in another place with other people, written on the same
// template ("出席会议并讲话", "压紧压实责任", "作了安排部署").
constexpr const char* kOtherMeeting =
    "11月21日，白河镇召开2026年秋冬季森林防火工作推进会。镇党委书记王海峰出席会议并讲话。"
    "会议传达学习了全市森林防火工作会议精神，通报了近期全镇森林防火工作情况。"
    "王海峰指出，今年以来全镇共组织巡山护林1200余人次，清理林下可燃物45吨。"
    "他强调，各村各单位要压紧压实责任，严格落实野外火源管控措施，"
    "坚决守住不发生重大森林火灾的底线。会议还对防火物资储备和应急值守工作作了安排部署。";

bool ShareBandKey(const ReprintSignature& a, const ReprintSignature& b) {
  const auto keys_a = BandKeys(a);
  const auto keys_b = BandKeys(b);
  for (int band = 0; band < kBands; ++band) {
    if (keys_a[band] == keys_b[band]) return true;
  }
  return false;
}

TEST(ReprintTest, IdenticalTextsHaveSimilarityOne) {
  const ReprintSignature a = SignatureOf(kReport);
  const ReprintSignature b = SignatureOf(std::string(kReport));
  EXPECT_EQ(Similarity(a, b), 1.0);
  EXPECT_TRUE(IsReprint(a, b));
}

TEST(ReprintTest, ThresholdLiesStrictlyBetweenZeroAndOne) {
  EXPECT_GT(kReprintThreshold, 0.0);
  EXPECT_LT(kReprintThreshold, 1.0);
}

TEST(ReprintTest, ReprintWithOneChangedFigureAndOtherLayoutIsReprint) {
  const ReprintSignature report = SignatureOf(kReport);
  const ReprintSignature reprint = SignatureOf(kReprint);
  EXPECT_NE(report, reprint);  // the figure counts
  EXPECT_GT(Similarity(report, reprint), 0.8);
  EXPECT_TRUE(IsReprint(report, reprint));
  EXPECT_TRUE(IsReprint(reprint, report));
}

TEST(ReprintTest, SimilarMeetingOnTheSameTemplateIsNoReprint) {
  const ReprintSignature report = SignatureOf(kReport);
  const ReprintSignature other = SignatureOf(kOtherMeeting);
  EXPECT_LT(Similarity(report, other), kReprintThreshold);
  EXPECT_FALSE(IsReprint(report, other));
}

TEST(ReprintTest, WhiteSpaceAndPunctuationDoNotCount) {
  EXPECT_EQ(SignatureOf("县长李建国出席会议并讲话。"),
            SignatureOf("县长 李建国\n出席会议，并讲话"));
  EXPECT_EQ(SignatureOf("“一心、两线、三区”"), SignatureOf("一心两线三区"));
}

TEST(ReprintTest, FullWidthDigitsReadAsAscii) {
  EXPECT_EQ(SignatureOf("排查整改隐患３２６处"), SignatureOf("排查整改隐患326处"));
}

TEST(ReprintTest, IdenticalTextsHaveEqualBandKeys) {
  EXPECT_EQ(BandKeys(SignatureOf(kReport)), BandKeys(SignatureOf(kReport)));
}

TEST(ReprintTest, ReprintSharesABandKey) {
  EXPECT_TRUE(ShareBandKey(SignatureOf(kReport), SignatureOf(kReprint)));
}

TEST(ReprintTest, BandKeysDifferBetweenBands) {
  // Every hash equal: the rows of all bands agree, their keys must not.
  ReprintSignature flat;
  flat.hashes.fill(42);
  const auto keys = BandKeys(flat);
  for (int band = 1; band < kBands; ++band) EXPECT_NE(keys[band], keys[0]) << band;
}

TEST(ReprintTest, BytesRoundTrip) {
  const ReprintSignature signature = SignatureOf(kReport);
  const std::string bytes = ToBytes(signature);
  EXPECT_EQ(bytes.size(), size_t{kMinHashes} * 8);
  EXPECT_EQ(FromBytes(bytes), signature);
}

TEST(ReprintTest, BytesAreLittleEndian) {
  ReprintSignature signature;
  signature.hashes[0] = 0x0102030405060708ULL;
  signature.hashes[kMinHashes - 1] = 0xF0ULL;
  const std::string bytes = ToBytes(signature);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x08\x07\x06\x05\x04\x03\x02\x01", 8));
  EXPECT_EQ(bytes.substr(bytes.size() - 8), std::string("\xF0\0\0\0\0\0\0\0", 8));
}

TEST(ReprintTest, BytesOfAnotherLengthGiveNothing) {
  const std::string bytes = ToBytes(SignatureOf(kReport));
  EXPECT_EQ(FromBytes(""), std::nullopt);
  EXPECT_EQ(FromBytes(bytes.substr(0, bytes.size() - 1)), std::nullopt);
  EXPECT_EQ(FromBytes(bytes + '\0'), std::nullopt);
}

TEST(ReprintTest, VeryShortTextHasTheSignatureOfItsWhole) {
  // Two code points give no four-character shingle: the whole text is one.
  const ReprintSignature meeting = SignatureOf("会议");
  EXPECT_EQ(meeting, SignatureOf("会议。"));
  EXPECT_EQ(Similarity(meeting, SignatureOf(" 会 议 ")), 1.0);
  EXPECT_LT(Similarity(meeting, SignatureOf("开会")), kReprintThreshold);
  EXPECT_LT(Similarity(meeting, SignatureOf("会议纪要")), kReprintThreshold);
}

TEST(ReprintTest, EmptyTextHasASignature) {
  // Nothing is left of either after normalisation: they are the same text.
  EXPECT_EQ(SignatureOf(""), SignatureOf(" 。\n"));
  EXPECT_FALSE(IsReprint(SignatureOf(""), SignatureOf(kReport)));
}

TEST(ReprintTest, SignatureIsDeterministic) {
  const ReprintSignature first = SignatureOf(kReport);
  const ReprintSignature second = SignatureOf(kReport);
  EXPECT_EQ(first, second);
  EXPECT_EQ(ToBytes(first), ToBytes(second));
  EXPECT_EQ(BandKeys(first), BandKeys(second));
}

}  // namespace
}  // namespace guanxi::identity
