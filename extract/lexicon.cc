#include "extract/lexicon.h"

#include <string>
#include <vector>

#include "extract/embedded_data.h"
#include "extract/text_util.h"

namespace guanxi::extract {
namespace {

// The fields of each content line of an embedded data file: '#' lines and
// blank lines are skipped, fields are separated by spaces or tabs.
std::vector<std::vector<std::u32string>> ReadLines(std::string_view file_name) {
  std::vector<std::vector<std::u32string>> lines;
  const std::u32string text = ToU32(EmbeddedDataFile(file_name));
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(U'\n', pos);
    if (end == std::u32string::npos) end = text.size();
    std::u32string_view line = Trim(std::u32string_view(text).substr(pos, end - pos));
    pos = end + 1;
    if (line.empty() || line[0] == U'#') continue;
    std::vector<std::u32string> fields;
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && IsSpace(line[i])) ++i;
      size_t j = i;
      while (j < line.size() && !IsSpace(line[j])) ++j;
      if (j > i) fields.emplace_back(line.substr(i, j - i));
      i = j;
    }
    lines.push_back(std::move(fields));
  }
  return lines;
}

void LoadWords(std::string_view file_name, WordSet& set) {
  for (auto& fields : ReadLines(file_name)) set.Add(fields[0]);
}

void LoadGeneric(std::string_view file_name, GenericRules& rules) {
  for (auto& fields : ReadLines(file_name)) {
    if (fields.size() < 2) continue;
    if (fields[0] == U"=") rules.whole.Add(fields[1]);
    if (fields[0] == U"^") rules.leading.Add(fields[1]);
    if (fields[0] == U"~") rules.anywhere.Add(fields[1]);
  }
}

Lexicon Build() {
  Lexicon lex;
  LoadWords("surnames.txt", lex.surnames);
  LoadWords("name_followers.txt", lex.name_followers);
  for (auto& fields : ReadLines("name_stop_chars.txt")) {
    if (!fields[0].empty()) lex.name_stop_chars.insert(fields[0][0]);
  }
  LoadWords("name_stop_words.txt", lex.name_stop_words);
  LoadWords("honorifics.txt", lex.honorifics);
  LoadWords("group_words.txt", lex.group_words);
  LoadWords("body_kinds.txt", lex.body_kinds);
  LoadWords("speech_verbs.txt", lex.speech_verbs);
  LoadWords("appointment_verbs.txt", lex.appointment_verbs);
  LoadWords("appointment_intros.txt", lex.appointment_intros);
  for (auto& fields : ReadLines("page_furniture.txt")) {
    if (fields[0] == U"$" && fields.size() > 1) {
      lex.credit_endings.Add(fields[1]);
    } else {
      lex.page_furniture.Add(fields[0]);
    }
  }
  for (auto& fields : ReadLines("posts.txt")) {
    if (fields[0] == U"!" && fields.size() > 1) {
      lex.post_exclusions.Add(fields[1]);
      continue;
    }
    lex.posts.Add(fields[0]);
    if (fields.size() > 1) lex.implied_bodies[fields[0]] = fields[1];
  }
  LoadWords("post_modifiers.txt", lex.post_modifiers);
  for (auto& fields : ReadLines("institution_suffixes.txt")) {
    lex.institution_suffixes.Add(fields[0]);
    if (fields.size() > 1 && fields[1] == U"weak") lex.weak_institution_suffixes.Add(fields[0]);
  }
  LoadWords("institution_exclusions.txt", lex.institution_exclusions);
  LoadGeneric("generic_institutions.txt", lex.generic_institutions);
  for (auto& fields : ReadLines("boundary_words.txt")) {
    if (fields[0] == U"!" && fields.size() > 1) {
      lex.boundary_protected.Add(fields[1]);
    } else if (fields[0] == U"v" && fields.size() > 1) {
      lex.boundary_verbs.Add(fields[1]);
    } else {
      lex.boundary_words.Add(fields[0]);
    }
  }
  for (auto& fields : ReadLines("project_suffixes.txt")) {
    lex.project_suffixes.Add(fields[0]);
    if (fields.size() > 1 && fields[1] == U"weak") lex.weak_project_suffixes.Add(fields[0]);
  }
  for (auto& fields : ReadLines("project_heads.txt")) {
    if (fields.size() < 2) continue;
    if (fields[0] == U"+") lex.project_heads.Add(fields[1]);
    if (fields[0] == U"-") lex.project_slogan_heads.Add(fields[1]);
    if (fields[0] == U"$") lex.project_quote_endings.Add(fields[1]);
  }
  LoadGeneric("generic_projects.txt", lex.generic_projects);
  for (auto& fields : ReadLines("generic_projects.txt")) {
    if (fields[0] == U"!" && fields.size() > 1) lex.project_exclusions.Add(fields[1]);
  }
  for (auto& fields : ReadLines("triggers.txt")) {
    if (fields.size() < 3) continue;
    Trigger t;
    t.relation =
        fields[1] == U"chaired" ? graph::RelationType::kChaired : graph::RelationType::kAttended;
    t.strength = fields[2] == U"weak"     ? TriggerStrength::kWeak
                 : fields[2] == U"mutual" ? TriggerStrength::kMutual
                                          : TriggerStrength::kStrong;
    lex.trigger_words.Add(fields[0]);
    lex.triggers[fields[0]] = t;
  }
  LoadWords("sign_triggers.txt", lex.sign_triggers);
  LoadWords("date_words.txt", lex.date_words);
  LoadWords("org_prefixes.txt", lex.org_prefixes);
  for (auto& fields : ReadLines("event_titles.txt")) {
    if (fields.size() < 2) continue;
    if (fields[0] == U"speech") lex.event_speech_endings.push_back(fields[1]);
    if (fields[0] == U"end") lex.event_title_endings.push_back(fields[1]);
  }
  for (auto& fields : ReadLines("abbreviations.txt")) {
    if (fields.size() < 2) continue;
    lex.abbreviations[fields[0]] = fields[1];
    lex.abbreviation_words.Add(fields[0]);
  }
  for (auto& fields : ReadLines("countries.txt")) {
    lex.countries.Add(fields[0]);
    lex.country_canonical[fields[0]] = fields.size() > 1 ? fields[1] : fields[0];
  }
  for (auto& fields : ReadLines("places.txt")) {
    if (fields[0] == U"!" && fields.size() > 1) lex.not_places.Add(fields[1]);
    if (fields.size() < 3) continue;
    Place p{fields[0], fields[1], fields[2] == U"-" ? std::u32string() : fields[2]};
    lex.place_names.Add(p.name);
    lex.places[p.name] = p;
    // Short forms: 永川区 -> 永川, 泸州市 -> 泸州, 四川省 -> 四川.
    for (std::u32string_view end : {U"自治区", U"省", U"市", U"区", U"县"}) {
      const std::u32string& n = p.name;
      if (n.size() >= end.size() + 2 && n.ends_with(end)) {
        std::u32string short_name = n.substr(0, n.size() - end.size());
        if (!lex.places.count(short_name)) {
          lex.place_names.Add(short_name);
          lex.places[short_name] = p;
        }
        break;
      }
    }
  }
  return lex;
}

}  // namespace

void WordSet::Add(std::u32string_view word) {
  forward_.Insert(word.begin(), word.end());
  backward_.Insert(word.rbegin(), word.rend());
}

bool GenericRules::Matches(std::u32string_view mention) const {
  if (whole.Contains(mention)) return true;
  if (leading.LongestAt(mention, 0) > 0) return true;
  for (size_t i = 0; i < mention.size(); ++i) {
    if (anywhere.LongestAt(mention, i) > 0) return true;
  }
  return false;
}

const Lexicon& Lexicon::Default() {
  static const Lexicon* const kLexicon = new Lexicon(Build());
  return *kLexicon;
}

}  // namespace guanxi::extract
