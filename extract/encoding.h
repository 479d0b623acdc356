#pragma once

// The encoding of a page file and its conversion to UTF-8, which is all the
// extractor reads. Detection, in this order:
//   1. a byte-order mark: UTF-8, UTF-16LE/BE, UTF-32LE/BE;
//   2. NUL bytes: UTF-16 without a mark when one byte order decodes to
//      text; binary data (an error) when NUL and other control bytes are
//      many (ManyControls); a stray NUL is text, dropped with the other
//      controls when the page is split;
//   3. valid UTF-8 is UTF-8 (a page in GB18030 or Big5 of more than a few
//      characters is never valid UTF-8);
//   4. for an HTML page, the charset its <meta> declares;
//   5. ICU's charset detector (ucsdet) on the first kDetectionSampleBytes:
//      GB18030 or Big5 when it is sure enough (kMinConfidence, kMinLead),
//      else an error naming the file and the detector's best guesses.
// GBK and GB2312 are read as GB18030, their superset. A forced encoding
// (`--encoding NAME`) skips all but the binary check. Conversions are ICU's
// (ucnv), strict: a byte sequence the encoding does not have is an error
// naming its offset, never a silent U+FFFD.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace guanxi::extract {

// The detector's confidence (0-100) below which a guess is not taken. Chosen
// by measurement (ICU 72) on the corpus seeds, the dev articles and the
// samples cut into windows, each converted to GB18030 and, as traditional
// characters (ICU's Hans-Hant), to Big5:
//   - windows of 100 characters: GB18030 scores at least 84 and Big5 at
//     least 62 when right (1 window in 232 guessed wrong either way); of 200
//     characters, at least 93 and 80 (none wrong); a whole page 93 and above;
//   - the other Chinese encoding scores at most 56 on the same bytes;
//   - random bytes 0x80-0xFF, which decode as two-byte characters, reach 64
//     (GB18030, 100 kB), but with another encoding within 5 of it;
//   - Japanese and Korean text get their own encoding at 100 (EUC-JP also
//     scores GB18030 76 and Big5 73), French Latin-1 ISO-8859-1 82;
//   - fewer than about 10 Chinese characters always score 10 (ICU does not
//     guess), so a headline alone is undecidable.
// So a page of a paragraph or more is read, and a guess is taken only when it
// is a Chinese encoding, scores at least 60 and leads the next guess by 10.
inline constexpr int kMinConfidence = 60;
inline constexpr int kMinLead = 10;
// Bytes from the file's start given to the detector: confidence no longer
// changes beyond a few kilobytes of text, and HTML pages carry a long head.
inline constexpr size_t kDetectionSampleBytes = size_t{64} << 10;

// How a file is to be read.
struct Encoding {
  std::string name;  // as ICU (and the IANA) name it: "UTF-8", "GB18030", "Big5", "UTF-16LE"
  std::string how;   // for messages: "byte-order mark", "detected, 97% sure",
                     // "declared by the page", "--encoding", ...
  bool IsUtf8() const { return name == "UTF-8"; }
};

// The canonical name of an encoding a user names (`--encoding gbk` →
// "GB18030", `big5` → "Big5", `utf-16le` → "UTF-16LE"). InvalidInput
// "--encoding: unknown encoding "NAME" ..." when ICU has no converter for it.
Result<std::string> CanonicalEncoding(std::string_view name);

// Decides the encoding of a file from its bytes, given in order in any
// number of pieces (a file of any size is seen once, in chunks; memory holds
// kDetectionSampleBytes). `path` names the file in errors.
class EncodingDetector {
 public:
  // `forced`: a name CanonicalEncoding returned, or empty to detect. `html`:
  // the page is HTML (its <meta> charset counts; tags are not text).
  EncodingDetector(std::string path, std::string forced = "", bool html = false);

  void Feed(std::string_view bytes);

  // The encoding, or InvalidInput "PATH: not text (binary data at byte N)",
  // "PATH: not UTF-8 at byte N" (forced UTF-8), or "PATH: cannot tell its
  // encoding (best guesses: GB18030 42%, Big5 35%); give --encoding NAME".
  Result<Encoding> Finish();

 private:
  std::string path_;
  std::string forced_;
  bool html_;
  std::string sample_;     // the first kDetectionSampleBytes
  std::string utf8_tail_;  // an incomplete UTF-8 sequence at the end of the last piece
  uint64_t offset_ = 0;    // bytes seen
  int64_t first_invalid_utf8_ = -1;
  int64_t first_nul_ = -1;
  int64_t first_control_ = -1;
  uint64_t controls_ = 0;
};

// Converts a file's bytes to UTF-8, a piece at a time; a character cut at the
// end of a piece is completed by the next. A leading U+FEFF (byte-order
// mark) is dropped. Errors name the file and the offset (bytes from 0):
// "PATH: not GB18030 at byte N (detected, 97% sure; ...)", and, at the last
// piece, "not text (binary data at byte N)" when U+0000 and other control
// characters are many (as EncodingDetector counts bytes; a stray one is
// text).
class Utf8Decoder {
 public:
  // InvalidInput naming the encoding when ICU has no converter for it.
  static Result<Utf8Decoder> Open(const Encoding& encoding, std::string path);
  Utf8Decoder(Utf8Decoder&&) noexcept;
  Utf8Decoder& operator=(Utf8Decoder&&) noexcept;
  ~Utf8Decoder();

  // Appends the UTF-8 of `bytes`, the file's next bytes, to `out`; `last`
  // for the file's last piece (possibly empty), which must end a character.
  Status Decode(std::string_view bytes, bool last, std::string& out);

 private:
  struct State;
  explicit Utf8Decoder(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// The whole of `bytes` in UTF-8 (Utf8Decoder in one piece).
Result<std::string> DecodeToUtf8(std::string_view bytes, const Encoding& encoding,
                                 const std::string& path);

}  // namespace guanxi::extract
