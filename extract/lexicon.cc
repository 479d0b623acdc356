#include "extract/lexicon.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "extract/embedded_data.h"
#include "extract/text_util.h"

namespace guanxi::extract {

std::vector<std::vector<std::u32string>> ReadDataLines(std::string_view file_name) {
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

namespace {

void LoadWords(std::string_view file_name, WordSet& set) {
  for (auto& fields : ReadDataLines(file_name)) set.Add(fields[0]);
}

void LoadGeneric(std::string_view file_name, GenericRules& rules) {
  for (auto& fields : ReadDataLines(file_name)) {
    if (fields.size() < 2) continue;
    if (fields[0] == U"=") rules.whole.Add(fields[1]);
    if (fields[0] == U"^") rules.leading.Add(fields[1]);
    if (fields[0] == U"~") rules.anywhere.Add(fields[1]);
  }
}

// Rank of a place level in the order of senses: provinces first.
int LevelRank(std::u32string_view level) {
  if (level == U"province") return 0;
  if (level == U"prefecture") return 1;
  if (level == U"county") return 2;
  if (level == U"town") return 3;
  return 4;
}

// divisions.txt ("NAME LEVEL PARENT CODE SHORT..."), then places.txt (regions,
// "! WORD" lines).
void LoadPlaces(Lexicon& lex) {
  constexpr size_t kExpectedNames = 52000;  // divisions.txt: ~42,000 places, ~8,000 short forms
  lex.place_senses.reserve(kExpectedNames);
  lex.all_places.reserve(kExpectedNames);
  auto add_sense = [&](const std::u32string& name, uint32_t index) {
    lex.place_senses[name].push_back(index);
  };
  for (const char* file : {"divisions.txt", "places.txt"}) {
    for (auto& fields : ReadDataLines(file)) {
      if (fields[0] == U"!" && fields.size() > 1) lex.not_places.Add(fields[1]);
      if (fields.size() < 3 || fields[0] == U"!") continue;
      Place p;
      p.name = std::move(fields[0]);
      p.level = std::move(fields[1]);
      if (fields[2] != U"-") p.parent = std::move(fields[2]);
      if (fields.size() > 3 && fields[3] != U"-") p.code = ToUtf8(fields[3]);
      for (size_t i = 4; i < fields.size(); ++i) p.short_forms.push_back(std::move(fields[i]));
      const auto index = static_cast<uint32_t>(lex.all_places.size());
      const bool town = p.level == U"town";
      // Towns have a word set of their own: ~40,000 names in place_names
      // would slow every lookup of the finders.
      // A town's short form is kept in its Place only: 石排 is a town only in
      // an item about its county, which a lookup by name cannot tell.
      auto add_place_name = [&](const std::u32string& name) {
        lex.place_names.Add(name);
        if (name.size() >= 2) lex.place_bigrams.set(Lexicon::PlaceBigram(name[0], name[1]));
      };
      if (town) {
        lex.town_names.Add(p.name);
      } else {
        add_place_name(p.name);
      }
      add_sense(p.name, index);
      for (const std::u32string& s : p.short_forms) {
        if (town) break;
        add_place_name(s);
        add_sense(s, index);
      }
      lex.all_places.push_back(std::move(p));
    }
  }
  // Primary sense first: a full name before a short form, then the higher
  // level, then file (code) order.
  for (auto& [name, senses] : lex.place_senses) {
    // Towns stay out of `places`: ~40,000 copies, and no lookup there meets one.
    if (senses.size() == 1) {
      const Place& only = lex.all_places[senses.front()];
      if (only.level != U"town") lex.places.emplace(name, only);
      continue;
    }
    auto key = [&, &n = name](uint32_t i) {
      const Place& p = lex.all_places[i];
      return std::make_tuple(p.name != n, LevelRank(p.level), i);
    };
    std::sort(senses.begin(), senses.end(),
              [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
    for (uint32_t i : senses) {
      if (lex.all_places[i].level == U"town") continue;
      lex.places.emplace(name, lex.all_places[i]);
      break;
    }
  }
}

Lexicon Build() {
  Lexicon lex;
  LoadWords("surnames.txt", lex.surnames);
  LoadWords("name_followers.txt", lex.name_followers);
  for (auto& fields : ReadDataLines("name_stop_chars.txt")) {
    if (!fields[0].empty()) lex.name_stop_chars.insert(fields[0][0]);
  }
  LoadWords("name_stop_words.txt", lex.name_stop_words);
  LoadWords("honorifics.txt", lex.honorifics);
  LoadWords("national_titles.txt", lex.national_titles);
  LoadWords("group_words.txt", lex.group_words);
  LoadWords("body_kinds.txt", lex.body_kinds);
  LoadWords("company_endings.txt", lex.company_endings);
  LoadWords("name_syllables.txt", lex.name_syllables);
  LoadWords("speech_verbs.txt", lex.speech_verbs);
  LoadWords("appointment_verbs.txt", lex.appointment_verbs);
  LoadWords("appointment_intros.txt", lex.appointment_intros);
  for (auto& fields : ReadDataLines("posts.txt")) {
    if (fields[0] == U"!" && fields.size() > 1) {
      lex.post_exclusions.Add(fields[1]);
      continue;
    }
    lex.posts.Add(fields[0]);
    if (fields.size() > 1) lex.implied_bodies[fields[0]] = fields[1];
  }
  LoadWords("post_modifiers.txt", lex.post_modifiers);
  for (auto& fields : ReadDataLines("institution_suffixes.txt")) {
    lex.institution_suffixes.Add(fields[0]);
    if (fields.size() > 1 && fields[1] == U"weak") lex.weak_institution_suffixes.Add(fields[0]);
  }
  LoadWords("institution_exclusions.txt", lex.institution_exclusions);
  LoadGeneric("generic_institutions.txt", lex.generic_institutions);
  for (auto& fields : ReadDataLines("boundary_words.txt")) {
    if (fields[0] == U"!" && fields.size() > 1) {
      lex.boundary_protected.Add(fields[1]);
    } else if (fields[0] == U"v" && fields.size() > 1) {
      lex.boundary_verbs.Add(fields[1]);
    } else {
      lex.boundary_words.Add(fields[0]);
    }
  }
  for (auto& fields : ReadDataLines("project_suffixes.txt")) {
    lex.project_suffixes.Add(fields[0]);
    if (fields.size() > 1 && fields[1] == U"weak") lex.weak_project_suffixes.Add(fields[0]);
  }
  for (auto& fields : ReadDataLines("project_heads.txt")) {
    if (fields.size() < 2) continue;
    if (fields[0] == U"+") lex.project_heads.Add(fields[1]);
    if (fields[0] == U"-") lex.project_slogan_heads.Add(fields[1]);
    if (fields[0] == U"$") lex.project_quote_endings.Add(fields[1]);
  }
  LoadGeneric("generic_projects.txt", lex.generic_projects);
  for (auto& fields : ReadDataLines("generic_projects.txt")) {
    if (fields[0] == U"!" && fields.size() > 1) lex.project_exclusions.Add(fields[1]);
  }
  for (auto& fields : ReadDataLines("triggers.txt")) {
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
  for (auto& fields : ReadDataLines("body_places.txt")) {
    if (fields.size() < 2) continue;
    if (fields[0] == U">") lex.body_places.formal_prefixes.Add(fields[1]);
    if (fields[0] == U"^") lex.body_places.levels.Add(fields[1]);
    if (fields[0] == U"@") lex.body_places.deictics.Add(fields[1]);
    if (fields[0] == U"=") lex.body_places.generic_kinds.Add(fields[1]);
    if (fields[0] == U"!") lex.body_places.not_shorthand.Add(fields[1]);
  }
  LoadWords("date_words.txt", lex.date_words);
  LoadWords("org_prefixes.txt", lex.org_prefixes);
  for (auto& fields : ReadDataLines("event_titles.txt")) {
    if (fields.size() < 2) continue;
    if (fields[0] == U"speech") lex.event_speech_endings.push_back(fields[1]);
    if (fields[0] == U"end") lex.event_title_endings.push_back(fields[1]);
  }
  for (auto& fields : ReadDataLines("abbreviations.txt")) {
    if (fields.size() < 2) continue;
    lex.abbreviations[fields[0]] = fields[1];
    lex.abbreviation_words.Add(fields[0]);
  }
  for (auto& fields : ReadDataLines("countries.txt")) {
    lex.countries.Add(fields[0]);
    lex.country_canonical[fields[0]] = fields.size() > 1 ? fields[1] : fields[0];
  }
  LoadPlaces(lex);
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

const std::vector<uint32_t>& Lexicon::PlaceSenses(std::u32string_view name) const {
  static const std::vector<uint32_t> kNone;
  auto it = place_senses.find(std::u32string(name));
  return it == place_senses.end() ? kNone : it->second;
}

const Place* Lexicon::ParentOf(const Place& place) const {
  if (place.parent.empty()) return nullptr;
  for (uint32_t i : PlaceSenses(place.parent)) {
    const Place& p = all_places[i];
    if (p.name != place.parent) continue;
    if (place.code.empty() ||
        (p.code.size() < place.code.size() && place.code.starts_with(p.code))) {
      return &p;
    }
  }
  return nullptr;
}

const Lexicon& Lexicon::Default() {
  static const Lexicon* const kLexicon = new Lexicon(Build());
  return *kLexicon;
}

}  // namespace guanxi::extract
