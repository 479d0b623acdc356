#pragma once

// The data files of extract/data/, compiled into the library by
// extract/embed_data.cmake.

#include <string_view>

namespace guanxi::extract {

// The text of the data file `name` (a file name such as "posts.txt"), or an
// empty view when no such file was embedded. The text lives for the whole run.
std::string_view EmbeddedDataFile(std::string_view name);

}  // namespace guanxi::extract
