#pragma once

// The decision log as a JSON file: what `guanxi decisions --export` writes,
// `--import` reads and `decisions --json` prints. The format is described in
// README.md ("Decision files"): an object {"format": "guanxi-decisions",
// "version": 1, "decisions": [...]}, one object per store::Decision, entities
// named by their mentions (item content hash and name), never by row ids, so
// that a file applies to another database built from the same pages.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/status.h"
#include "graph/store/sqlite_store.h"

namespace guanxi::cli {

inline constexpr char kDecisionFormat[] = "guanxi-decisions";
inline constexpr int kDecisionFormatVersion = 1;

// The whole document for `decisions`, oldest first.
nlohmann::json DecisionsToJson(const std::vector<store::Decision>& decisions);

// The decisions of a document. InvalidInput naming `context` (the file) and
// the problem: not the format or an unknown version, a decision without a
// field its kind needs ("decision 2 (merge): missing \"other\""), a field of
// the wrong JSON type, an unknown kind, entity or relation type.
Result<std::vector<store::Decision>> DecisionsFromJson(const nlohmann::json& document,
                                                       const std::string& context);

// Writes the document to `path` (UTF-8, indented). IoError naming the file.
Status WriteDecisionFile(const std::vector<store::Decision>& decisions,
                         const std::filesystem::path& path);

// Reads a document from `path`: IoError when it cannot be read, InvalidInput
// for text that is not JSON (with the line and column) or as DecisionsFromJson.
Result<std::vector<store::Decision>> ReadDecisionFile(const std::filesystem::path& path);

}  // namespace guanxi::cli
