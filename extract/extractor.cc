#include "extract/extractor.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <system_error>

#include "extract/article_builder.h"
#include "extract/encoding.h"
#include "extract/html_text.h"
#include "extract/lexicon.h"
#include "extract/name_list_finder.h"
#include "extract/page_splitter.h"
#include "extract/person_finder.h"
#include "extract/text_util.h"

namespace guanxi::extract {

namespace {

// Bytes read from a file at a time.
constexpr size_t kReadChunkBytes = size_t{1} << 20;

bool IsHtml(const std::string& path, const ReadOptions& options) {
  switch (options.format) {
    case ReadOptions::Format::kText:
      return false;
    case ReadOptions::Format::kHtml:
      return true;
    case ReadOptions::Format::kByName:
      break;
  }
  return IsHtmlPath(path);
}

// The articles of `items`, which SplitPage found in `page_text`, with the
// page's context; each goes to `sink`, recording the page's `encoding`.
Status BuildArticles(std::vector<RawItem> items, std::u32string_view page_text,
                     const std::string& path, const std::string& encoding,
                     const ArticleSink& sink) {
  const Lexicon& lex = Lexicon::Default();
  PageContext context;
  context.locality = InferLocality(page_text, lex);
  std::vector<std::vector<PersonHit>> people(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    people[i] = FindPeople(items[i].text, lex);
    for (PersonHit& h : FindNameLists(items[i].text, lex)) people[i].push_back(std::move(h));
    for (const PersonHit& h : people[i]) {
      if (!h.honorific) context.AddKnownName(h.name);
    }
  }
  for (size_t i = 0; i < items.size(); ++i) {
    Result<graph::Article> article = BuildArticle(items[i], std::move(people[i]), context, lex);
    if (!article.ok()) return Status::Internal(path, article.status().ToString());
    article->encoding = encoding;
    sink(std::move(article.value()));
  }
  return Status::Ok();
}

// The number of bytes `text` takes in UTF-8.
size_t Utf8Length(std::u32string_view text) {
  size_t bytes = 0;
  for (char32_t c : text) bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  return bytes;
}

// The encoding of the file at `path`, read a chunk at a time.
Result<Encoding> DetectFileEncoding(const std::filesystem::path& path, const ReadOptions& options,
                                    bool html) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string(), "cannot open file");
  EncodingDetector detector(path.string(), options.encoding, html);
  std::string buffer(kReadChunkBytes, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.bad()) return Status::IoError(path.string(), "read failed");
    detector.Feed(std::string_view(buffer).substr(0, static_cast<size_t>(in.gcount())));
  }
  return detector.Finish();
}

// A page file as UTF-8 text, a piece at a time: decoded from its encoding
// and, for an HTML page, without its markup.
class TextReader {
 public:
  TextReader(const std::filesystem::path& path, const Encoding& encoding, bool html)
      : path_(path.string()), encoding_(encoding), in_(path, std::ios::binary) {
    if (html) html_.emplace();
  }

  Status Open() {
    if (!in_) return Status::IoError(path_, "cannot open file");
    Result<Utf8Decoder> decoder = Utf8Decoder::Open(encoding_, path_);
    if (!decoder.ok()) return decoder.status();
    decoder_.emplace(std::move(*decoder));
    return Status::Ok();
  }

  // Appends `want` bytes of text to `out`, fewer only at the file's end.
  // Exactly `want`, whatever the encoding: windows are cut where a UTF-8
  // file's are (text decoded beyond waits for the next call).
  Status Read(size_t want, std::string& out) {
    size_t grown = 0;
    while (grown < want) {
      if (carry_at_ < carry_.size()) {
        const size_t take = std::min(want - grown, carry_.size() - carry_at_);
        out.append(carry_, carry_at_, take);
        carry_at_ += take;
        grown += take;
        continue;
      }
      if (file_eof_) break;
      carry_.clear();
      carry_at_ = 0;
      raw_.resize(std::clamp<size_t>(want - grown, 1, kReadChunkBytes));
      in_.read(raw_.data(), static_cast<std::streamsize>(raw_.size()));
      if (in_.bad()) return Status::IoError(path_, "read failed");
      file_eof_ = static_cast<size_t>(in_.gcount()) < raw_.size();
      raw_.resize(static_cast<size_t>(in_.gcount()));
      if (!html_) {
        GUANXI_RETURN_IF_ERROR(decoder_->Decode(raw_, file_eof_, carry_));
        continue;
      }
      decoded_.clear();
      GUANXI_RETURN_IF_ERROR(decoder_->Decode(raw_, file_eof_, decoded_));
      html_->Feed(decoded_, carry_);
      if (file_eof_) html_->Finish(carry_);
    }
    return Status::Ok();
  }

  bool eof() const { return file_eof_ && carry_at_ >= carry_.size(); }

 private:
  std::string path_;
  Encoding encoding_;
  std::ifstream in_;
  std::optional<Utf8Decoder> decoder_;
  std::optional<HtmlText> html_;
  std::string raw_;
  std::string decoded_;
  std::string carry_;     // text decoded and not yet handed out, from carry_at_
  size_t carry_at_ = 0;
  bool file_eof_ = false;
};

}  // namespace

Result<std::string> ReadFileBytes(const std::filesystem::path& path, size_t size_hint) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string(), "cannot open file");
  std::string bytes(size_hint + 1, '\0');
  size_t got = 0;
  while (in) {
    if (got == bytes.size()) bytes.resize(bytes.size() * 2);
    in.read(bytes.data() + got, static_cast<std::streamsize>(bytes.size() - got));
    got += static_cast<size_t>(in.gcount());
  }
  if (in.bad()) return Status::IoError(path.string(), "read failed");
  bytes.resize(got);
  return bytes;
}

Result<graph::Page> ExtractFile(const std::filesystem::path& path, const ReadOptions& options) {
  std::error_code unknown;  // a size stat cannot give is read to the end all the same
  const std::uintmax_t size = std::filesystem::file_size(path, unknown);
  Result<std::string> bytes = ReadFileBytes(path, unknown ? 0 : static_cast<size_t>(size));
  if (!bytes.ok()) return bytes.status();
  return ExtractText(*bytes, path.string(), options);
}

Result<graph::Page> ExtractText(std::string_view bytes, std::string path,
                                const ReadOptions& options) {
  const bool html = IsHtml(path, options);
  EncodingDetector detector(path, options.encoding, html);
  detector.Feed(bytes);
  Result<Encoding> encoding = detector.Finish();
  if (!encoding.ok()) return encoding.status();
  std::string_view text = bytes;
  std::string decoded;
  if (!encoding->IsUtf8()) {
    Result<std::string> utf8 = DecodeToUtf8(bytes, *encoding, path);
    if (!utf8.ok()) return utf8.status();
    decoded = std::move(*utf8);
    text = decoded;
  } else if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  if (html) {
    decoded = HtmlToText(text);
    text = decoded;
  }
  graph::Page page;
  page.path = std::move(path);
  std::u32string page_text = ToU32(text);
  Status status =
      BuildArticles(SplitPage(page_text), page_text, page.path, encoding->name,
                    [&](graph::Article&& a) { page.articles.push_back(std::move(a)); });
  if (!status.ok()) return status;
  return page;
}

Status ExtractFileStreaming(const std::filesystem::path& path, const ArticleSink& sink,
                            size_t window_bytes, const ReadOptions& options) {
  const bool html = IsHtml(path.string(), options);
  Result<Encoding> encoding = DetectFileEncoding(path, options, html);
  if (!encoding.ok()) return encoding.status();
  if (!encoding->IsUtf8()) {
    // The whole file is converted once before any article is handed over, so
    // that a bad byte late in it refuses the page whole.
    TextReader check(path, *encoding, false);
    GUANXI_RETURN_IF_ERROR(check.Open());
    std::string scratch;
    while (!check.eof()) {
      scratch.clear();
      GUANXI_RETURN_IF_ERROR(check.Read(kReadChunkBytes, scratch));
    }
  }
  TextReader reader(path, *encoding, html);
  GUANXI_RETURN_IF_ERROR(reader.Open());
  std::string pending;  // text read and not yet extracted, from a line start
  size_t want = std::max<size_t>(window_bytes, 1);
  while (!reader.eof() || !pending.empty()) {
    // Read until the window is full or the file ends.
    if (pending.size() < want) GUANXI_RETURN_IF_ERROR(reader.Read(want - pending.size(), pending));
    const bool eof = reader.eof();
    // The window ends at a line end (the file's end at the last window).
    size_t cut = pending.size();
    if (!eof) {
      size_t newline = pending.rfind('\n');
      cut = newline == std::string::npos ? pending.size() : newline + 1;
    }
    std::u32string text = ToU32(std::string_view(pending).substr(0, cut));
    std::vector<RawItem> items = SplitPage(text);
    size_t next = cut;  // bytes this window consumes
    if (!eof) {
      if (items.size() < 2) {
        want = std::max(want, pending.size()) * 2;  // one item fills the window: read on
        continue;
      }
      // The last item may go on past the window: it starts the next one.
      next = Utf8Length(std::u32string_view(text).substr(0, items.back().page_offset));
      items.pop_back();
    }
    GUANXI_RETURN_IF_ERROR(
        BuildArticles(std::move(items), text, path.string(), encoding->name, sink));
    pending.erase(0, next);
    want = std::max<size_t>(window_bytes, 1);
  }
  return Status::Ok();
}

}  // namespace guanxi::extract
