#include "extract/extractor.h"

#include <fstream>
#include <iterator>
#include <sstream>

#include "extract/article_builder.h"
#include "extract/lexicon.h"
#include "extract/name_list_finder.h"
#include "extract/page_splitter.h"
#include "extract/person_finder.h"
#include "extract/text_util.h"

namespace guanxi::extract {

Result<graph::Page> ExtractFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string(), "cannot open file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status::IoError(path.string(), "read failed");
  return ExtractText(bytes.str(), path.string());
}

namespace {

// The articles of `items`, which SplitPage found in `page_text`, with the
// page's context; each goes to `sink`.
Status BuildArticles(std::vector<RawItem> items, std::u32string_view page_text,
                     const std::string& path, const ArticleSink& sink) {
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
    sink(std::move(article.value()));
  }
  return Status::Ok();
}

// The length of the longest prefix of `bytes` that ends at a character
// boundary (a chunk of a file may end inside a character).
size_t CompletePrefix(std::string_view bytes) {
  size_t end = bytes.size();
  for (size_t back = 0; back < 4 && back < bytes.size(); ++back) {
    auto c = static_cast<unsigned char>(bytes[bytes.size() - 1 - back]);
    if ((c & 0xC0) == 0x80) continue;              // a continuation byte
    if (c >= 0xC0) end = bytes.size() - 1 - back;  // a lead byte: its character may be cut
    break;
  }
  return end;
}

// The number of bytes `text` takes in UTF-8.
size_t Utf8Length(std::u32string_view text) {
  size_t bytes = 0;
  for (char32_t c : text) bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  return bytes;
}

// Checks the whole file for UTF-8, a chunk at a time.
Status CheckUtf8(const std::filesystem::path& path) {
  constexpr size_t kChunkBytes = size_t{1} << 20;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string(), "cannot open file");
  std::string chunk;
  size_t base = 0;  // file offset of chunk[0]
  std::string buffer(kChunkBytes, '\0');
  for (;;) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto got = static_cast<size_t>(in.gcount());
    if (in.bad()) return Status::IoError(path.string(), "read failed");
    chunk.append(buffer, 0, got);
    const bool eof = got < buffer.size();
    const size_t complete = eof ? chunk.size() : CompletePrefix(chunk);
    if (auto bad = FindInvalidUtf8(std::string_view(chunk).substr(0, complete))) {
      return Status::InvalidInput(path.string(),
                                  "not UTF-8 at byte " + std::to_string(base + *bad));
    }
    if (eof) return Status::Ok();
    chunk.erase(0, complete);
    base += complete;
  }
}

}  // namespace

Result<graph::Page> ExtractText(std::string_view text, std::string path) {
  if (auto bad = FindInvalidUtf8(text)) {
    return Status::InvalidInput(path, "not UTF-8 at byte " + std::to_string(*bad));
  }
  graph::Page page;
  page.path = std::move(path);
  std::u32string page_text = ToU32(text);
  Status status = BuildArticles(SplitPage(page_text), page_text, page.path,
                                [&](graph::Article&& a) { page.articles.push_back(std::move(a)); });
  if (!status.ok()) return status;
  return page;
}

Status ExtractFileStreaming(const std::filesystem::path& path, const ArticleSink& sink,
                            size_t window_bytes) {
  if (Status utf8 = CheckUtf8(path); !utf8.ok()) return utf8;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string(), "cannot open file");
  std::string pending;  // bytes read and not yet extracted, from a line start
  size_t want = window_bytes;
  bool eof = false;
  while (!eof || !pending.empty()) {
    // Read until the window is full or the file ends.
    while (!eof && pending.size() < want) {
      std::string buffer(want - pending.size(), '\0');
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      if (in.bad()) return Status::IoError(path.string(), "read failed");
      pending.append(buffer, 0, static_cast<size_t>(in.gcount()));
      eof = in.eof();
    }
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
        want *= 2;  // one item fills the window: read on before cutting it
        continue;
      }
      // The last item may go on past the window: it starts the next one.
      next = Utf8Length(std::u32string_view(text).substr(0, items.back().page_offset));
      items.pop_back();
    }
    if (Status s = BuildArticles(std::move(items), text, path.string(), sink); !s.ok()) return s;
    pending.erase(0, next);
    want = window_bytes;
  }
  return Status::Ok();
}

}  // namespace guanxi::extract
