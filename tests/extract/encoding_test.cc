// Pages in other encodings than UTF-8 (extract/encoding.h): a page of our
// own converted by ICU into GB18030, Big5 (its traditional characters),
// UTF-16 and UTF-32 with and without a byte-order mark, and UTF-8 with one,
// gives the items, entities and relations of the UTF-8 text, read whole or
// streamed in small windows; binary data, an undecidable file and a bad byte
// are errors naming the file; a forced encoding wins.

#include "extract/encoding.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace guanxi::extract {
namespace {

namespace fs = std::filesystem;

// Two items in the style of the samples: a signing with its officials, and a
// meeting.
constexpr char kPage[] =
    "梧桐县与南江大学签署校地合作框架协议\n"
    "\n"
    "本报讯(记者 方晓)4月18日,梧桐县人民政府与南江大学签署校地合作框架协议。"
    "县委书记韩立峰主持签约仪式,南江大学校长邵文华出席并讲话。\n"
    "县委副书记、县长罗志远与南江大学副校长顾明诚代表双方签署协议。根据协议,"
    "双方将在人才培养、科技创新、产业发展等方面开展合作。\n"
    "县领导周海燕、陈建国参加活动。\n"
    "\n"
    "梧桐县召开防汛工作会议\n"
    "\n"
    "本报讯 4月20日,梧桐县召开防汛工作会议。县长罗志远出席会议并讲话,"
    "副县长林国栋主持会议。会议要求,各乡镇要压实责任,确保安全度汛。\n";

std::u16string ToUtf16(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  std::u16string out(static_cast<size_t>(length), u'\0');
  status = U_ZERO_ERROR;
  u_strFromUTF8(out.data(), length, nullptr, utf8.data(), static_cast<int32_t>(utf8.size()),
                &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  return out;
}

std::string FromUtf16(std::u16string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strToUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &status);
  std::string out(static_cast<size_t>(length), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), length, nullptr, text.data(), static_cast<int32_t>(text.size()),
              &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  return out;
}

// `utf8` in `encoding`, by ICU; every character must have a mapping.
std::string Encode(std::string_view utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(encoding, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << encoding;
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const std::u16string text = ToUtf16(utf8);
  std::string out(text.size() * 4 + 16, '\0');
  const int32_t length =
      ucnv_fromUChars(converter, out.data(), static_cast<int32_t>(out.size()), text.data(),
                      static_cast<int32_t>(text.size()), &status);
  ucnv_close(converter);
  EXPECT_TRUE(U_SUCCESS(status)) << encoding << ": " << u_errorName(status);
  out.resize(static_cast<size_t>(std::max(0, length)));
  return out;
}

// `utf8` in traditional characters (ICU's Hans-Hant transliterator).
std::string Traditional(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UTransliterator* transliterator =
      utrans_openU(u"Hans-Hant", -1, UTRANS_FORWARD, nullptr, 0, nullptr, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  std::u16string text = ToUtf16(utf8);
  int32_t length = static_cast<int32_t>(text.size());
  int32_t limit = length;
  text.resize(text.size() * 2 + 16);
  utrans_transUChars(transliterator, text.data(), &length, static_cast<int32_t>(text.size()), 0,
                     &limit, &status);
  utrans_close(transliterator);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  text.resize(static_cast<size_t>(length));
  return FromUtf16(text);
}

class EncodingTest : public ::testing::Test {
 protected:
  ~EncodingTest() override {
    for (const fs::path& p : files_) fs::remove(p);
  }

  fs::path File(const std::string& name, const std::string& bytes) {
    fs::path p = fs::temp_directory_path() /
                 ("guanxi_encoding_test_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(p, std::ios::binary) << bytes;
    files_.push_back(p);
    return p;
  }

  std::vector<fs::path> files_;
};

// The same items, entities and relations (with their evidence).
void ExpectSamePage(const graph::Page& got, const graph::Page& want, const std::string& label) {
  ASSERT_EQ(got.articles.size(), want.articles.size()) << label;
  for (size_t i = 0; i < got.articles.size(); ++i) {
    const graph::Article& a = got.articles[i];
    const graph::Article& b = want.articles[i];
    EXPECT_EQ(a.title, b.title) << label << " item " << i;
    EXPECT_EQ(a.date, b.date) << label << " item " << i;
    EXPECT_EQ(a.text, b.text) << label << " item " << i;
    ASSERT_EQ(a.entities.size(), b.entities.size()) << label << " item " << i;
    for (size_t e = 0; e < a.entities.size(); ++e) {
      EXPECT_EQ(a.entities[e].type, b.entities[e].type) << label;
      EXPECT_EQ(a.entities[e].name, b.entities[e].name) << label;
    }
    ASSERT_EQ(a.relations.size(), b.relations.size()) << label << " item " << i;
    for (size_t r = 0; r < a.relations.size(); ++r) {
      EXPECT_EQ(a.relations[r].type, b.relations[r].type) << label;
      EXPECT_EQ(a.relations[r].source, b.relations[r].source) << label;
      EXPECT_EQ(a.relations[r].target, b.relations[r].target) << label;
      EXPECT_EQ(a.relations[r].evidence.sentence, b.relations[r].evidence.sentence) << label;
      EXPECT_EQ(a.relations[r].evidence.char_begin, b.relations[r].evidence.char_begin) << label;
    }
  }
}

graph::Page ExtractOrDie(const fs::path& path, const ReadOptions& options = {}) {
  Result<graph::Page> page = ExtractFile(path, options);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? std::move(*page) : graph::Page{};
}

// The articles ExtractFileStreaming gives in windows of `window` bytes.
graph::Page Streamed(const fs::path& path, size_t window, const ReadOptions& options = {}) {
  graph::Page page;
  Status status = ExtractFileStreaming(
      path, [&](graph::Article&& a) { page.articles.push_back(std::move(a)); }, window, options);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return page;
}

TEST_F(EncodingTest, TheTestPageHasItemsEntitiesAndRelations) {
  const graph::Page page = ExtractOrDie(File("page.txt", kPage));
  ASSERT_EQ(page.articles.size(), 2u);
  EXPECT_GE(page.articles[0].entities.size(), 8u);
  EXPECT_GE(page.articles[0].relations.size(), 8u);
  EXPECT_EQ(page.articles[0].encoding, "UTF-8");
}

TEST_F(EncodingTest, EveryEncodingGivesTheItemsOfTheUtf8Page) {
  const graph::Page original = ExtractOrDie(File("utf8.txt", kPage));
  const std::string bom16le = "\xFF\xFE";
  const std::string bom16be = "\xFE\xFF";
  struct Case {
    std::string name;
    std::string bytes;
    std::string encoding;
  };
  const std::vector<Case> cases = {
      {"gb18030.txt", Encode(kPage, "GB18030"), "GB18030"},
      {"utf16le-bom.txt", bom16le + Encode(kPage, "UTF-16LE"), "UTF-16LE"},
      {"utf16be-bom.txt", bom16be + Encode(kPage, "UTF-16BE"), "UTF-16BE"},
      {"utf8-bom.txt", "\xEF\xBB\xBF" + std::string(kPage), "UTF-8"},
      {"utf32le-bom.txt", Encode("\uFEFF" + std::string(kPage), "UTF-32LE"), "UTF-32LE"},
      {"utf32be-bom.txt", Encode("\uFEFF" + std::string(kPage), "UTF-32BE"), "UTF-32BE"},
      // Without a mark: the NUL bytes of ASCII line ends tell the byte order.
      {"utf16le.txt", Encode(kPage, "UTF-16LE"), "UTF-16LE"},
      {"utf16be.txt", Encode(kPage, "UTF-16BE"), "UTF-16BE"},
  };
  for (const Case& c : cases) {
    const fs::path path = File(c.name, c.bytes);
    const graph::Page page = ExtractOrDie(path);
    ExpectSamePage(page, original, c.name);
    for (const graph::Article& a : page.articles) EXPECT_EQ(a.encoding, c.encoding) << c.name;
    // Streamed in windows far smaller than the page: pieces end inside
    // characters, which the next piece completes.
    ExpectSamePage(Streamed(path, 64), original, c.name + " streamed");
    const graph::Page streamed = Streamed(path, size_t{4} << 20);
    ExpectSamePage(streamed, original, c.name + " streamed whole");
    for (const graph::Article& a : streamed.articles) EXPECT_EQ(a.encoding, c.encoding);
  }
}

TEST_F(EncodingTest, Big5PageOfTraditionalCharactersReadsAsItsUtf8Text) {
  const std::string traditional = Traditional(kPage);
  ASSERT_NE(traditional.find("縣委書記"), std::string::npos) << traditional;
  const graph::Page original = ExtractOrDie(File("hant-utf8.txt", traditional));
  // Read as it is: the lexicons are of simplified characters, so that fewer
  // entities are found, but the same ones whatever the encoding.
  ASSERT_EQ(original.articles.size(), 2u);
  const fs::path big5 = File("big5.txt", Encode(traditional, "Big5"));
  const graph::Page page = ExtractOrDie(big5);
  ExpectSamePage(page, original, "Big5");
  for (const graph::Article& a : page.articles) EXPECT_EQ(a.encoding, "Big5");
  ExpectSamePage(Streamed(big5, 64), original, "Big5 streamed");
}

TEST_F(EncodingTest, GbkAndGb2312PagesReadAsGb18030) {
  const graph::Page original = ExtractOrDie(File("utf8.txt", kPage));
  for (const char* encoding : {"GBK", "GB2312"}) {
    const graph::Page page = ExtractOrDie(File(std::string(encoding) + ".txt", Encode(kPage, encoding)));
    ExpectSamePage(page, original, encoding);
    ASSERT_FALSE(page.articles.empty());
    EXPECT_EQ(page.articles[0].encoding, "GB18030");
  }
}

TEST_F(EncodingTest, ManyItemsInGb18030StreamTheItemsOfTheWholeFile) {
  std::string archive;
  for (int i = 0; i < 40; ++i) archive += std::string(kPage) + "\n";
  const fs::path path = File("archive-gb.txt", Encode(archive, "GB18030"));
  const graph::Page whole = ExtractOrDie(path);
  ASSERT_EQ(whole.articles.size(), 80u);
  const graph::Page streamed = Streamed(path, 2048);
  ASSERT_EQ(streamed.articles.size(), whole.articles.size());
  for (size_t i = 0; i < whole.articles.size(); ++i) {
    EXPECT_EQ(streamed.articles[i].text, whole.articles[i].text) << i;
    EXPECT_EQ(streamed.articles[i].relations.size(), whole.articles[i].relations.size()) << i;
  }
  // Windows are cut where the UTF-8 file's are, so that items share the same
  // page context (dates, people of other items) in every encoding.
  for (const char* encoding : {"GB18030", "UTF-16LE"}) {
    const fs::path encoded = File(std::string("archive-") + encoding + ".txt",
                                  (std::string(encoding) == "UTF-16LE" ? "\xFF\xFE" : "") +
                                      Encode(archive, encoding));
    const fs::path utf8 = File("archive-utf8.txt", archive);
    for (size_t window : {size_t{700}, size_t{2048}, size_t{5000}}) {
      const graph::Page a = Streamed(encoded, window);
      const graph::Page b = Streamed(utf8, window);
      ExpectSamePage(a, b, std::string(encoding) + " in windows of " + std::to_string(window));
      for (size_t i = 0; i < a.articles.size() && i < b.articles.size(); ++i) {
        EXPECT_EQ(a.articles[i].full_date, b.articles[i].full_date) << i;
        EXPECT_EQ(a.articles[i].place, b.articles[i].place) << i;
      }
    }
  }
}

TEST_F(EncodingTest, BinaryFileIsNotTextNamingTheFileAndTheByte) {
  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string("\0\0\0\rIHDR", 8);
  png += "\x01\x02\x03\x04 data";
  const fs::path path = File("picture.txt", png);
  Result<graph::Page> page = ExtractFile(path);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), Status::Code::kInvalidInput);
  // The first of its control bytes, the header's 0x1A.
  EXPECT_EQ(page.status().ToString(), path.string() + ": not text (binary data at byte 6)");

  // Streaming says the same before any article.
  int delivered = 0;
  Status streamed = ExtractFileStreaming(path, [&](graph::Article&&) { ++delivered; }, 64);
  EXPECT_EQ(streamed.ToString(), page.status().ToString());
  EXPECT_EQ(delivered, 0);

  // Many control characters without a NUL are binary too.
  std::string controls;
  for (int i = 0; i < 100; ++i) controls += "ab\x01\x02\x03";
  Result<graph::Page> control_page = ExtractFile(File("controls.txt", controls));
  ASSERT_FALSE(control_page.ok());
  EXPECT_NE(control_page.status().ToString().find("not text (binary data at byte 2)"),
            std::string::npos)
      << control_page.status().ToString();
}

TEST_F(EncodingTest, UndecidableFileNamesTheFileTheGuessesAndTheOption) {
  // A headline of eight characters in GB18030: ICU does not guess on so little.
  const fs::path path = File("headline.txt", Encode("县委书记出席会议\n", "GB18030"));
  Result<graph::Page> page = ExtractFile(path);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), Status::Code::kInvalidInput);
  const std::string message = page.status().ToString();
  EXPECT_EQ(message.rfind(path.string() + ": not UTF-8 at byte 0", 0), 0u) << message;
  EXPECT_NE(message.find("cannot be told"), std::string::npos) << message;
  EXPECT_NE(message.find("best guesses: "), std::string::npos) << message;
  EXPECT_NE(message.find("GB18030 10%"), std::string::npos) << message;
  EXPECT_NE(message.find("--encoding NAME"), std::string::npos) << message;

  // Forced, it reads.
  ReadOptions options;
  options.encoding = "GB18030";
  Result<graph::Page> forced = ExtractFile(path, options);
  ASSERT_TRUE(forced.ok()) << forced.status().ToString();
}

TEST_F(EncodingTest, JapaneseTextIsNamedAsWhatItReadsAs) {
  const std::string japanese =
      "東京都の知事は十五日、都庁で記者会見を開き、来年度の予算案について説明した。"
      "知事は「子育て支援と防災対策を柱に、都民の暮らしを守る予算にしたい」と述べた。"
      "また、区市町村との連携を強化し、地域の課題に取り組む考えを示した。\n";
  const fs::path path = File("japanese.txt", Encode(japanese, "Shift_JIS"));
  Result<graph::Page> page = ExtractFile(path);
  ASSERT_FALSE(page.ok());
  EXPECT_NE(page.status().ToString().find("reads as Shift_JIS"), std::string::npos)
      << page.status().ToString();
  EXPECT_NE(page.status().ToString().find("--encoding Shift_JIS"), std::string::npos);
}

TEST_F(EncodingTest, BadByteInAGb18030FileIsNamedBeforeAnyArticle) {
  std::string bytes;
  for (int i = 0; i < 10; ++i) bytes += Encode(kPage, "GB18030") + "\n";
  const size_t bad_at = bytes.size();
  bytes += "\xFF\xFF\n";
  const fs::path path = File("bad-gb.txt", bytes);
  int delivered = 0;
  Status status = ExtractFileStreaming(path, [&](graph::Article&&) { ++delivered; }, 1024);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_NE(status.ToString().find(path.string() + ": not GB18030 at byte " +
                                   std::to_string(bad_at)),
            std::string::npos)
      << status.ToString();
  EXPECT_NE(status.ToString().find("detected"), std::string::npos) << status.ToString();
  EXPECT_EQ(delivered, 0);
  Result<graph::Page> page = ExtractFile(path);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().ToString(), status.ToString());
}

TEST_F(EncodingTest, ForcedEncodingWinsOverDetection) {
  // A UTF-8 page read as Latin-1 gives other characters: the option is obeyed.
  const fs::path path = File("utf8.txt", kPage);
  ReadOptions options;
  options.encoding = "ISO-8859-1";
  const graph::Page page = ExtractOrDie(path, options);
  ASSERT_FALSE(page.articles.empty());
  EXPECT_EQ(page.articles[0].encoding, "ISO-8859-1");
  EXPECT_EQ(page.articles[0].title.find("梧桐县"), std::string::npos) << page.articles[0].title;
  // ... and a UTF-8 page forced to GB18030 is refused where its bytes are no GB18030.
  options.encoding = "GB18030";
  Result<graph::Page> as_gb = ExtractFile(path, options);
  ASSERT_FALSE(as_gb.ok());
  EXPECT_NE(as_gb.status().ToString().find(": not GB18030 at byte "), std::string::npos);

  // A UTF-16 page without a mark, forced, reads; forced UTF-8 on GB18030 bytes
  // is the plain UTF-8 error.
  options.encoding = "UTF-16LE";
  const graph::Page wide = ExtractOrDie(File("wide.txt", Encode(kPage, "UTF-16LE")), options);
  ASSERT_EQ(wide.articles.size(), 2u);
  options.encoding = "UTF-8";
  Result<graph::Page> refused = ExtractFile(File("gb.txt", Encode(kPage, "GB18030")), options);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().ToString().find(": not UTF-8 at byte 0"), std::string::npos);
}

TEST(CanonicalEncodingTest, NamesAsIcuAndTheGbFamilyAsGb18030) {
  EXPECT_EQ(*CanonicalEncoding("gbk"), "GB18030");
  EXPECT_EQ(*CanonicalEncoding("GB2312"), "GB18030");
  EXPECT_EQ(*CanonicalEncoding("cp936"), "GB18030");
  EXPECT_EQ(*CanonicalEncoding("gb18030"), "GB18030");
  EXPECT_EQ(*CanonicalEncoding("big5"), "Big5");
  EXPECT_EQ(*CanonicalEncoding("utf-16le"), "UTF-16LE");
  EXPECT_EQ(*CanonicalEncoding(" utf8 "), "UTF-8");
  Result<std::string> unknown = CanonicalEncoding("klingon-8");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(unknown.status().ToString().find("unknown encoding \"klingon-8\""), std::string::npos);
  EXPECT_FALSE(CanonicalEncoding("").ok());
}

TEST(EncodingDetectorTest, PiecesOfOneByteDecideAsTheWhole) {
  for (const std::string& bytes :
       {std::string(kPage), Encode(kPage, "GB18030"), std::string(kPage) + "\xE4\xB8"}) {
    EncodingDetector whole("page.txt");
    whole.Feed(bytes);
    EncodingDetector pieces("page.txt");
    for (char c : bytes) pieces.Feed(std::string_view(&c, 1));
    Result<Encoding> a = whole.Finish();
    Result<Encoding> b = pieces.Finish();
    ASSERT_EQ(a.ok(), b.ok());
    if (a.ok()) {
      EXPECT_EQ(a->name, b->name);
    } else {
      EXPECT_EQ(a.status().ToString(), b.status().ToString());
    }
  }
  // A UTF-8 character cut by the file's end is invalid where it starts.
  EncodingDetector cut("cut.txt", "UTF-8");
  const std::string bytes = std::string(kPage) + "\xE4\xB8";
  cut.Feed(bytes);
  Result<Encoding> encoding = cut.Finish();
  ASSERT_FALSE(encoding.ok());
  EXPECT_NE(encoding.status().ToString().find("not UTF-8 at byte " +
                                              std::to_string(bytes.size() - 2)),
            std::string::npos)
      << encoding.status().ToString();
}

TEST(Utf8DecoderTest, PiecesOfOneByteDecodeAsTheWhole) {
  for (const char* name : {"GB18030", "UTF-16LE", "UTF-16BE", "UTF-32LE"}) {
    const std::string bytes = Encode(kPage, name);
    Result<Utf8Decoder> decoder = Utf8Decoder::Open(Encoding{name, "test"}, "page.txt");
    ASSERT_TRUE(decoder.ok());
    std::string out;
    for (size_t i = 0; i < bytes.size(); ++i) {
      ASSERT_TRUE(decoder->Decode(bytes.substr(i, 1), i + 1 == bytes.size(), out).ok()) << name;
    }
    EXPECT_EQ(out, kPage) << name;
  }
}

TEST(Utf8DecoderTest, CharacterCutAtTheEndIsAnErrorAtItsStart) {
  const std::string bytes = Encode("会议", "GB18030") + "\xB0";
  Result<std::string> out = DecodeToUtf8(bytes, Encoding{"GB18030", "--encoding"}, "cut.txt");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().ToString(), "cut.txt: not GB18030 at byte 4 (--encoding)");
}

TEST(Utf8DecoderTest, NulsInUtf16AreBinaryDataAndAStrayOneIsText) {
  std::string bytes = Encode("会议", "UTF-16LE");
  for (int i = 0; i < 20; ++i) bytes += std::string("\0\0\x01\0", 4);
  Result<std::string> out = DecodeToUtf8(bytes, Encoding{"UTF-16LE", "--encoding"}, "nul.txt");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().ToString(), "nul.txt: not text (binary data at byte 4)");

  const std::string stray = Encode("会议", "UTF-16LE") + std::string("\0\0", 2) +
                            Encode("召开。会议要求确保安全度汛。", "UTF-16LE");
  Result<std::string> text = DecodeToUtf8(stray, Encoding{"UTF-16LE", "--encoding"}, "nul.txt");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, std::string("会议\0召开。会议要求确保安全度汛。", 49));
}

}  // namespace
}  // namespace guanxi::extract
