#include "extract/extract_json.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace guanxi::extract {
namespace {

constexpr int kIndent = 2;
constexpr std::string_view kArticleIndent = "    ";  // an article sits two levels deep

// Replace invalid UTF-8 rather than throw: no exception crosses this header.
std::string Dump(const nlohmann::ordered_json& json, int indent) {
  return json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::ordered_json ArticleJson(const graph::Article& a) {
  nlohmann::ordered_json art;
  art["title"] = a.title;
  art["subtitles"] = a.subtitles;
  art["date"] = a.date;
  art["full_date"] = a.full_date;
  art["outlet"] = a.outlet;
  art["place"] = a.place;
  art["place_code"] = a.place_code;
  art["entities"] = nlohmann::ordered_json::array();
  for (const graph::Entity& e : a.entities) {
    nlohmann::ordered_json ej;
    ej["type"] = std::string(graph::ToString(e.type));
    ej["name"] = e.name;
    if (!e.aliases.empty()) ej["aliases"] = e.aliases;
    if (!e.place_code.empty()) ej["place_code"] = e.place_code;
    if (e.unresolved) ej["unresolved"] = true;
    art["entities"].push_back(std::move(ej));
  }
  art["relations"] = nlohmann::ordered_json::array();
  for (const graph::Relation& r : a.relations) {
    nlohmann::ordered_json rj;
    rj["type"] = std::string(graph::ToString(r.type));
    rj["source"] = r.source;
    rj["target"] = r.target;
    if (!r.title.empty()) rj["title"] = r.title;
    rj["evidence"] = {{"sentence", r.evidence.sentence},
                      {"char_begin", r.evidence.char_begin},
                      {"char_end", r.evidence.char_end}};
    art["relations"].push_back(std::move(rj));
  }
  return art;
}

}  // namespace

ExtractJsonWriter::ExtractJsonWriter(std::ostream& out, std::string_view path) : out_(out) {
  const nlohmann::ordered_json file = std::filesystem::path(path).filename().string();
  out_ << "{\n  \"file\": " << Dump(file, -1) << ",\n  \"articles\": [";
}

void ExtractJsonWriter::Add(const graph::Article& article) {
  out_ << (empty_ ? "\n" : ",\n") << kArticleIndent;
  empty_ = false;
  // The article's own lines, indented to its depth in the document.
  const std::string json = Dump(ArticleJson(article), kIndent);
  std::string indented;
  indented.reserve(json.size() + json.size() / 8);
  for (char c : json) {
    indented += c;
    if (c == '\n') indented += kArticleIndent;
  }
  out_ << indented;
}

void ExtractJsonWriter::Finish() { out_ << (empty_ ? "]\n}\n" : "\n  ]\n}\n"); }

void WriteExtractJson(const graph::Page& page, std::ostream& out) {
  ExtractJsonWriter writer(out, page.path);
  for (const graph::Article& a : page.articles) writer.Add(a);
  writer.Finish();
}

}  // namespace guanxi::extract
