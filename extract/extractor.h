#pragma once

// The extractor's entry points: a newspaper page (UTF-8 text) in, a
// graph::Page out, with one graph::Article per news item holding its
// entities (person, institution, project, country, one event) and relations
// (attended, chaired, signed_with, holds_position) with their evidence.

#include <filesystem>
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

}  // namespace guanxi::extract
