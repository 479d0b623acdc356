#include "extract/extract_json.h"

#include <filesystem>
#include <nlohmann/json.hpp>

namespace guanxi::extract {

void WriteExtractJson(const graph::Page& page, std::ostream& out) {
  nlohmann::ordered_json root;
  root["file"] = std::filesystem::path(page.path).filename().string();
  root["articles"] = nlohmann::ordered_json::array();
  for (const graph::Article& a : page.articles) {
    nlohmann::ordered_json art;
    art["title"] = a.title;
    art["subtitles"] = a.subtitles;
    art["date"] = a.date;
    art["full_date"] = a.full_date;
    art["entities"] = nlohmann::ordered_json::array();
    for (const graph::Entity& e : a.entities) {
      nlohmann::ordered_json ej;
      ej["type"] = std::string(graph::ToString(e.type));
      ej["name"] = e.name;
      if (!e.aliases.empty()) ej["aliases"] = e.aliases;
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
    root["articles"].push_back(std::move(art));
  }
  // Replace invalid UTF-8 rather than throw: no exception crosses this header.
  out << root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace guanxi::extract
