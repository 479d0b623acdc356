#include "extract/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>
#include <vector>

#include "extract/html_text.h"
#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// UTF-16 and UTF-32 hold NUL bytes in ordinary text.
bool IsWide(std::string_view name) { return StartsWith(name, "UTF-16") || StartsWith(name, "UTF-32"); }

// The converters ICU uses for GBK and GB2312 (and their aliases cp936,
// EUC-CN, ...): GB18030 decodes all their text the same.
bool IsGbFamily(std::string_view internal_name, std::string_view asked) {
  static constexpr std::array<std::string_view, 4> kInternal = {
      "gb18030", "windows-936-2000", "ibm-1383_P110-1999", "ibm-5478_P100-1995"};
  static constexpr std::array<std::string_view, 6> kAsked = {"gbk",   "gb2312", "gb_2312-80",
                                                             "cp936", "euc-cn", "x-gbk"};
  const std::string lower = Lower(asked);
  return std::find(kInternal.begin(), kInternal.end(), internal_name) != kInternal.end() ||
         std::find(kAsked.begin(), kAsked.end(), lower) != kAsked.end();
}

// C0 controls that never appear in text (tab, line ends, form feed, escape
// and the shifts of ISO-2022 do), and DEL.
bool IsBinaryControl(unsigned char b) {
  return (b >= 0x01 && b <= 0x08) || (b >= 0x10 && b <= 0x1A) || (b >= 0x1C && b <= 0x1F) ||
         b == 0x7F;
}

// "Many" control characters: more than 2% of the bytes, and at least 8 (a
// DOS end-of-file mark or a stray escape is not binary data).
bool ManyControls(uint64_t controls, uint64_t bytes) {
  return controls >= 8 && controls * 50 > bytes;
}

// The number of bytes of the UTF-8 sequence led by `b`; 0 for a byte that
// leads none.
size_t SequenceLength(unsigned char b) {
  return b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
}

// The start of an incomplete UTF-8 sequence at the end of `bytes`, or its size.
size_t IncompleteTailStart(std::string_view bytes) {
  for (size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
    const auto b = static_cast<unsigned char>(bytes[bytes.size() - back]);
    if ((b & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const size_t length = SequenceLength(b);
    return length > back ? bytes.size() - back : bytes.size();
  }
  return bytes.size();
}

// The byte order of UTF-16 text without a byte-order mark in `sample` (which
// has NUL bytes): the order in which it decodes to valid UTF-16 without
// U+0000 or controls other than tab, line ends and form feed, with at least
// one code unit in 20 ASCII (line ends, digits, spaces: Chinese text in
// UTF-16 has them, random bytes almost never do).
std::optional<std::string> Utf16WithoutMark(std::string_view sample) {
  const size_t units = sample.size() / 2;
  if (units < 2) return std::nullopt;
  std::optional<std::string> best;
  size_t best_ascii = 0;
  for (bool little : {true, false}) {
    size_t ascii = 0;
    bool valid = true;
    bool want_low = false;
    for (size_t i = 0; i < units && valid; ++i) {
      const auto lo = static_cast<unsigned char>(sample[2 * i + (little ? 0 : 1)]);
      const auto hi = static_cast<unsigned char>(sample[2 * i + (little ? 1 : 0)]);
      const unsigned unit = lo | (hi << 8);
      const bool is_low = unit >= 0xDC00 && unit <= 0xDFFF;
      if (want_low != is_low) valid = false;
      want_low = unit >= 0xD800 && unit <= 0xDBFF;
      if (unit == 0 || (unit < 0x20 && unit != '\t' && unit != '\n' && unit != '\r' &&
                        unit != '\f')) {
        valid = false;
      }
      if (unit < 0x80) ++ascii;
    }
    if (valid && ascii * 20 >= units && ascii > best_ascii) {
      best = little ? "UTF-16LE" : "UTF-16BE";
      best_ascii = ascii;
    }
  }
  return best;
}

// The encoding a byte-order mark at the start of `bytes` names.
std::optional<std::string> ByteOrderMark(std::string_view bytes) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) return "UTF-8";
  if (StartsWith(bytes, std::string_view("\xFF\xFE\x00\x00", 4))) return "UTF-32LE";
  if (StartsWith(bytes, std::string_view("\x00\x00\xFE\xFF", 4))) return "UTF-32BE";
  if (StartsWith(bytes, "\xFF\xFE")) return "UTF-16LE";
  if (StartsWith(bytes, "\xFE\xFF")) return "UTF-16BE";
  return std::nullopt;
}

struct Guess {
  std::string name;
  int confidence = 0;
};

// ICU's guesses for `sample`, most confident first. Its UTF-16 and UTF-32
// recognizers give 10 to any text without a byte-order mark: they are left
// out (a mark was looked for first).
std::vector<Guess> DetectorGuesses(std::string_view sample, bool html) {
  std::vector<Guess> guesses;
  UErrorCode status = U_ZERO_ERROR;
  DetectorPtr detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return guesses;
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  if (html) ucsdet_enableInputFilter(detector.get(), true);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) return guesses;
  for (int32_t i = 0; i < count; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_FAILURE(status) || name == nullptr) break;
    if (IsWide(name) && confidence <= 10) continue;
    guesses.push_back({name, confidence});
  }
  return guesses;
}

std::string DescribeGuesses(const std::vector<Guess>& guesses) {
  std::string out;
  for (size_t i = 0; i < guesses.size() && i < 3; ++i) {
    if (guesses[i].confidence <= 0) break;
    if (!out.empty()) out += ", ";
    out += guesses[i].name + " " + std::to_string(guesses[i].confidence) + "%";
  }
  return out.empty() ? "none" : out;
}

}  // namespace

Result<std::string> CanonicalEncoding(std::string_view name) {
  std::string asked(name);
  while (!asked.empty() && std::isspace(static_cast<unsigned char>(asked.back()))) asked.pop_back();
  while (!asked.empty() && std::isspace(static_cast<unsigned char>(asked.front()))) {
    asked.erase(0, 1);
  }
  const auto unknown = [&] {
    return Status::InvalidInput(
        "--encoding", "unknown encoding \"" + asked +
                          "\" (names ICU knows: GB18030, GBK, Big5, UTF-8, UTF-16LE, UTF-16BE, ...)");
  };
  // ucnv_open("") would open the platform's default converter.
  if (asked.empty()) return unknown();
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(asked.c_str(), &status));
  if (U_FAILURE(status) || !converter) return unknown();
  const char* internal = ucnv_getName(converter.get(), &status);
  if (U_FAILURE(status) || internal == nullptr) return unknown();
  if (IsGbFamily(internal, asked)) return std::string("GB18030");
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode lookup = U_ZERO_ERROR;
    const char* standard_name = ucnv_getStandardName(internal, standard, &lookup);
    if (U_SUCCESS(lookup) && standard_name != nullptr) return std::string(standard_name);
  }
  return std::string(internal);
}

EncodingDetector::EncodingDetector(std::string path, std::string forced, bool html)
    : path_(std::move(path)), forced_(std::move(forced)), html_(html) {}

void EncodingDetector::Feed(std::string_view bytes) {
  if (sample_.size() < kDetectionSampleBytes) {
    sample_.append(bytes.substr(0, kDetectionSampleBytes - sample_.size()));
  }
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b >= 0x20 && b != 0x7F) continue;
    if (b == 0) {
      if (first_nul_ < 0) first_nul_ = static_cast<int64_t>(offset_ + i);
      ++controls_;  // a stray NUL is dropped as any control; many make binary data
    } else if (IsBinaryControl(b)) {
      if (first_control_ < 0) first_control_ = static_cast<int64_t>(offset_ + i);
      ++controls_;
    }
  }
  // UTF-8 validity, carrying a sequence cut at the end of a piece.
  size_t start = 0;
  if (first_invalid_utf8_ < 0 && !utf8_tail_.empty()) {
    const size_t length = SequenceLength(static_cast<unsigned char>(utf8_tail_[0]));
    start = std::min(bytes.size(), length - utf8_tail_.size());
    utf8_tail_.append(bytes.substr(0, start));
    if (utf8_tail_.size() == length) {
      if (FindInvalidUtf8(utf8_tail_)) {
        first_invalid_utf8_ = static_cast<int64_t>(offset_ + start - length);
      }
      utf8_tail_.clear();
    }
  }
  if (first_invalid_utf8_ < 0 && utf8_tail_.empty()) {
    const std::string_view rest = bytes.substr(start);
    const size_t complete = IncompleteTailStart(rest);
    if (auto bad = FindInvalidUtf8(rest.substr(0, complete))) {
      first_invalid_utf8_ = static_cast<int64_t>(offset_ + start + *bad);
    } else {
      utf8_tail_.assign(rest.substr(complete));
    }
  }
  offset_ += bytes.size();
}

Result<Encoding> EncodingDetector::Finish() {
  if (first_invalid_utf8_ < 0 && !utf8_tail_.empty()) {
    first_invalid_utf8_ = static_cast<int64_t>(offset_ - utf8_tail_.size());  // cut at the end
    utf8_tail_.clear();
  }
  const auto binary = [&](int64_t at) {
    return Status::InvalidInput(path_, "not text (binary data at byte " + std::to_string(at) + ")");
  };
  const auto not_utf8 = [&] {
    return Status::InvalidInput(path_,
                                "not UTF-8 at byte " + std::to_string(first_invalid_utf8_));
  };
  const bool many_controls = ManyControls(controls_, offset_);
  // The first NUL or other control byte: where binary data shows.
  const auto first_control = [&] {
    if (first_nul_ < 0) return first_control_;
    return first_control_ < 0 ? first_nul_ : std::min(first_nul_, first_control_);
  };

  if (!forced_.empty()) {
    if (!IsWide(forced_) && many_controls) return binary(first_control());
    if (forced_ == "UTF-8" && first_invalid_utf8_ >= 0) return not_utf8();
    return Encoding{forced_, "--encoding"};
  }

  if (std::optional<std::string> mark = ByteOrderMark(sample_)) {
    if (*mark == "UTF-8") {
      if (many_controls) return binary(first_control());
      if (first_invalid_utf8_ >= 0) return not_utf8();
    }
    return Encoding{*mark, "byte-order mark"};
  }
  if (first_nul_ >= 0) {
    if (std::optional<std::string> wide = Utf16WithoutMark(sample_)) {
      return Encoding{*wide, "NUL bytes of UTF-16 text, no byte-order mark"};
    }
  }
  if (many_controls) return binary(first_control());
  if (first_invalid_utf8_ < 0) return Encoding{"UTF-8", "valid UTF-8"};

  if (html_) {
    const std::string declared = DeclaredCharset(std::string_view(sample_).substr(0, 4096));
    if (!declared.empty()) {
      // A page in UTF-16 cannot declare it in ASCII (HTML reads such a
      // declaration as UTF-8): UTF-8 and UTF-16 declarations go to detection,
      // since the bytes are not UTF-8.
      Result<std::string> name = CanonicalEncoding(declared);
      if (name.ok() && !IsWide(*name) && *name != "UTF-8") {
        return Encoding{*name, "declared by the page"};
      }
    }
  }

  const std::vector<Guess> guesses = DetectorGuesses(sample_, html_);
  if (!guesses.empty()) {
    const Guess& best = guesses[0];
    const int next = guesses.size() > 1 ? guesses[1].confidence : 0;
    if ((best.name == "GB18030" || best.name == "Big5") && best.confidence >= kMinConfidence &&
        best.confidence - next >= kMinLead) {
      return Encoding{best.name, "detected, " + std::to_string(best.confidence) + "% sure"};
    }
    if (best.name == "UTF-8") {
      return Status::InvalidInput(
          path_, "not UTF-8 at byte " + std::to_string(first_invalid_utf8_) +
                     " (the rest reads as UTF-8; if the file is in another encoding, give "
                     "--encoding NAME)");
    }
    if (best.confidence >= kMinConfidence && best.confidence - next >= kMinLead) {
      // Sure, but not of Chinese text (Shift_JIS, EUC-KR, ISO-8859-1 ...).
      return Status::InvalidInput(
          path_, "not UTF-8 at byte " + std::to_string(first_invalid_utf8_) + "; it reads as " +
                     best.name + " (" + std::to_string(best.confidence) +
                     "% sure), not an encoding of Chinese text; give --encoding " + best.name +
                     " to read it so, or --encoding NAME for another");
    }
  }
  return Status::InvalidInput(
      path_, "not UTF-8 at byte " + std::to_string(first_invalid_utf8_) +
                 ", and its encoding cannot be told for sure (best guesses: " +
                 DescribeGuesses(guesses) +
                 "); if you know it, give --encoding NAME (GB18030, Big5, UTF-16LE, ...)");
}

struct Utf8Decoder::State {
  std::string path;
  Encoding encoding;
  ConverterPtr converter;  // null for UTF-8, which passes through
  uint64_t offset = 0;     // bytes of the file decoded before the current piece
  bool at_start = true;    // nothing written yet: a U+FEFF there is dropped
  std::string head;        // UTF-8: the first bytes, until a mark can be told
  char16_t high = 0;       // a high surrogate waiting for its low one
  uint64_t characters = 0;     // decoded so far
  uint64_t controls = 0;       // of which U+0000 and other controls (IsBinaryControl)
  uint64_t first_control = 0;  // the file offset of the first
  std::vector<UChar> units;
  std::vector<int32_t> offsets;

  // Appends `count` code units to `out` as UTF-8. `base` is the file offset
  // that `offsets` count from.
  Status Write(size_t count, uint64_t base, std::string& out) {
    for (size_t i = 0; i < count; ++i) {
      char32_t c = units[i];
      if (high != 0) {
        if (c >= 0xDC00 && c <= 0xDFFF) {
          c = 0x10000 + ((static_cast<char32_t>(high) - 0xD800) << 10) + (c - 0xDC00);
        } else {
          AppendUtf8(0xFFFD, out);  // not from a converter that stops at errors
        }
        high = 0;
      }
      if (c >= 0xD800 && c <= 0xDBFF) {
        high = static_cast<char16_t>(c);
        continue;
      }
      ++characters;
      if (c == 0 || (c < 0x80 && IsBinaryControl(static_cast<unsigned char>(c)))) {
        // Counted as EncodingDetector counts bytes: UTF-16 and UTF-32 hide
        // NUL and control characters from it.
        if (controls++ == 0) first_control = base + static_cast<uint64_t>(std::max(0, offsets[i]));
      }
      if (at_start) {
        at_start = false;
        if (c == 0xFEFF) continue;
      }
      AppendUtf8(c, out);
    }
    return Status::Ok();
  }

  static void AppendUtf8(char32_t c, std::string& out) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
};

Utf8Decoder::Utf8Decoder(std::unique_ptr<State> state) : state_(std::move(state)) {}
Utf8Decoder::Utf8Decoder(Utf8Decoder&&) noexcept = default;
Utf8Decoder& Utf8Decoder::operator=(Utf8Decoder&&) noexcept = default;
Utf8Decoder::~Utf8Decoder() = default;

Result<Utf8Decoder> Utf8Decoder::Open(const Encoding& encoding, std::string path) {
  auto state = std::make_unique<State>();
  state->path = std::move(path);
  state->encoding = encoding;
  if (!encoding.IsUtf8()) {
    UErrorCode status = U_ZERO_ERROR;
    state->converter.reset(ucnv_open(encoding.name.c_str(), &status));
    if (U_FAILURE(status) || !state->converter) {
      return Status::InvalidInput(state->path, "no converter for encoding " + encoding.name);
    }
    ucnv_setToUCallBack(state->converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                        nullptr, &status);
    if (U_FAILURE(status)) {
      return Status::Internal(state->path, std::string("ICU: ") + u_errorName(status));
    }
    constexpr size_t kUnits = size_t{1} << 15;
    state->units.resize(kUnits);
    state->offsets.resize(kUnits);
  }
  return Utf8Decoder(std::move(state));
}

Status Utf8Decoder::Decode(std::string_view bytes, bool last, std::string& out) {
  State& s = *state_;
  if (!s.converter) {
    // UTF-8 passes through (EncodingDetector has checked it); only a mark at
    // the file's start is dropped.
    if (s.at_start) {
      s.head.append(bytes);
      if (s.head.size() < 3 && !last && StartsWith("\xEF\xBB\xBF", s.head)) return Status::Ok();
      s.at_start = false;
      std::string_view head = s.head;
      if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
      out.append(head);
      s.head.clear();
      s.head.shrink_to_fit();
    } else {
      out.append(bytes);
    }
    s.offset += bytes.size();
    return Status::Ok();
  }

  const char* source = bytes.data();
  const char* const limit = bytes.data() + bytes.size();
  for (;;) {
    UChar* target = s.units.data();
    const uint64_t base = s.offset + static_cast<uint64_t>(source - bytes.data());
    UErrorCode status = U_ZERO_ERROR;
    ucnv_toUnicode(s.converter.get(), &target, s.units.data() + s.units.size(), &source, limit,
                   s.offsets.data(), last, &status);
    GUANXI_RETURN_IF_ERROR(s.Write(static_cast<size_t>(target - s.units.data()), base, out));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      char invalid[32];
      int8_t length = sizeof invalid;
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(s.converter.get(), invalid, &length, &ignored);
      if (U_FAILURE(ignored)) length = 0;
      const int64_t at = static_cast<int64_t>(s.offset) + (source - bytes.data()) - length;
      return Status::InvalidInput(
          s.path, "not " + s.encoding.name + " at byte " + std::to_string(std::max<int64_t>(0, at)) +
                      " (" + s.encoding.how +
                      (s.encoding.how == "--encoding"
                           ? ")"
                           : "; if the file is in another encoding, give --encoding NAME)"));
    }
    break;
  }
  s.offset += bytes.size();
  // Many: binary data, as EncodingDetector says of bytes; a stray one is text
  // (the page splitter drops it).
  if (last && ManyControls(s.controls, s.characters)) {
    return Status::InvalidInput(
        s.path, "not text (binary data at byte " + std::to_string(s.first_control) + ")");
  }
  return Status::Ok();
}

Result<std::string> DecodeToUtf8(std::string_view bytes, const Encoding& encoding,
                                 const std::string& path) {
  Result<Utf8Decoder> decoder = Utf8Decoder::Open(encoding, path);
  if (!decoder.ok()) return decoder.status();
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  GUANXI_RETURN_IF_ERROR(decoder->Decode(bytes, true, out));
  return out;
}

}  // namespace guanxi::extract
