#pragma once

// The extractor's entry points: a newspaper page (UTF-8 text) in, a
// graph::Page out, with one graph::Article per news item holding its
// entities (person, institution, project, country, one event) and relations
// (attended, chaired, signed_with, holds_position) with their evidence.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "graph/model.h"
#include "graph/status.h"

namespace guanxi::extract {

// Reads the page at `path` and extracts its news items. Returns IoError
// naming the file when it cannot be read, InvalidInput "PATH: not UTF-8 at
// byte N" when it is not valid UTF-8. An empty file is a page with no items.
Result<graph::Page> ExtractFile(const std::filesystem::path& path);

// The same on text in memory; `path` is recorded in Page::path and names the
// input in errors. Evidence offsets count code points of Article::text.
Result<graph::Page> ExtractText(std::string_view text, std::string path);

// Receives the articles of a streamed page, in reading order.
using ArticleSink = std::function<void(graph::Article&&)>;

// Extracts the page at `path` in windows of about `window_bytes`, handing each
// article to `sink` as soon as it is built, so that memory stays bounded
// however large the file (an archive of thousands of items). A window ends
// before the first line of its last item, which starts the next window; the
// items of a window share their page context (locality, people named in
// other items). A file that fits one window gives exactly ExtractFile's
// articles. The whole file is checked for UTF-8 before any article is handed
// over; errors as ExtractFile's.
Status ExtractFileStreaming(const std::filesystem::path& path, const ArticleSink& sink,
                            size_t window_bytes = size_t{4} << 20);

}  // namespace guanxi::extract
