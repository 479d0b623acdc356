#pragma once

// The extractor's entry points: a newspaper page (text or HTML; UTF-8,
// GB18030, Big5 or UTF-16/32) in, a graph::Page out, with one graph::Article
// per news item holding its entities (person, institution, project, country,
// one event) and relations (attended, chaired, signed_with, holds_position)
// with their evidence.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "graph/model.h"
#include "graph/status.h"

namespace guanxi::extract {

// How a page file is read (extract/encoding.h, extract/html_text.h).
struct ReadOptions {
  // An encoding to read the page in (a name extract::CanonicalEncoding
  // returned, as `--encoding` gives it); empty to detect it.
  std::string encoding;
  // Whether the page is HTML, whose text is read without its markup.
  enum class Format {
    kByName,  // HTML when the path ends in .html or .htm (any case)
    kText,
    kHtml,
  };
  Format format = Format::kByName;
};

// Reads the page at `path` and extracts its news items. Its encoding is
// detected (or forced by `options`) and each article records it
// (Article::encoding). Returns IoError naming the file when it cannot be
// read; InvalidInput naming it when it is not text ("PATH: not text (binary
// data at byte N)"), when its encoding cannot be told ("PATH: not UTF-8 at
// byte N, and its encoding cannot be told for sure (best guesses: ...)") or
// when it is not in the encoding detected or forced ("PATH: not GB18030 at
// byte N (...)"). An empty file is a page with no items.
Result<graph::Page> ExtractFile(const std::filesystem::path& path, const ReadOptions& options = {});

// The bytes of the file at `path`, as ExtractFile reads them (its IoErrors:
// "cannot open file", "read failed"); `size_hint`, the size stat gave, saves
// regrowing the buffer (a file that grew meanwhile is read to its end).
Result<std::string> ReadFileBytes(const std::filesystem::path& path, size_t size_hint = 0);

// The same on a file's bytes in memory; `path` is recorded in Page::path,
// names the input in errors and, by its ending, tells an HTML page. Evidence
// offsets count code points of Article::text.
Result<graph::Page> ExtractText(std::string_view bytes, std::string path,
                                const ReadOptions& options = {});

// Receives the articles of a streamed page, in reading order.
using ArticleSink = std::function<void(graph::Article&&)>;

// Extracts the page at `path` in windows of about `window_bytes` of text,
// handing each article to `sink` as soon as it is built, so that memory stays
// bounded however large the file (an archive of thousands of items), whatever
// its encoding: the file is decoded (and an HTML page parsed) a piece at a
// time. A window ends before the first line of its last item, which starts
// the next window; the items of a window share their page context (locality,
// people named in other items). A file that fits one window gives exactly
// ExtractFile's articles. The whole file is read for its encoding, and
// converted once to check it, before any article is handed over; errors as
// ExtractFile's.
Status ExtractFileStreaming(const std::filesystem::path& path, const ArticleSink& sink,
                            size_t window_bytes = size_t{4} << 20,
                            const ReadOptions& options = {});

}  // namespace guanxi::extract
