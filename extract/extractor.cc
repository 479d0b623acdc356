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

Result<graph::Page> ExtractText(std::string_view text, std::string path) {
  if (auto bad = FindInvalidUtf8(text)) {
    return Status::InvalidInput(path, "not UTF-8 at byte " + std::to_string(*bad));
  }
  const Lexicon& lex = Lexicon::Default();
  graph::Page page;
  page.path = std::move(path);
  std::u32string page_text = ToU32(text);
  std::vector<RawItem> items = SplitPage(page_text);

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
    if (!article.ok()) {
      return Status::Internal(page.path, article.status().ToString());
    }
    page.articles.push_back(std::move(article.value()));
  }
  return page;
}

}  // namespace guanxi::extract
