#pragma once

// The extractor's lexicons, parsed once from the data files embedded from
// extract/data/ (each file's header says what a line means). Read-only after
// construction; safe to share between threads.

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/trie.h"
#include "graph/model.h"

namespace guanxi::extract {

// A set of words with longest-match lookups at a position of a text. Lookups
// allocate nothing: the words are held in a trie and, reversed, in a second
// trie for matches that end at a position.
class WordSet {
 public:
  // Adds `word`; an empty word adds nothing.
  void Add(std::u32string_view word);
  bool Contains(std::u32string_view word) const { return forward_.Contains(word); }
  // Length of the longest word that starts at `pos` in `text`; 0 if none.
  size_t LongestAt(std::u32string_view text, size_t pos) const {
    if (pos >= text.size()) return 0;
    return forward_.LongestMatch(text.begin() + pos, text.end());
  }
  // Length of the longest word that ends right before `end`; 0 if none.
  size_t LongestEndingAt(std::u32string_view text, size_t end) const {
    if (end > text.size()) return 0;
    return backward_.LongestMatch(std::make_reverse_iterator(text.begin() + end), text.rend());
  }
  bool empty() const { return forward_.empty(); }

 private:
  Trie forward_;
  Trie backward_;  // the words reversed
};

// How strongly an event trigger ties people to the event (triggers.txt).
enum class TriggerStrength { kStrong, kWeak, kMutual };

struct Trigger {
  graph::RelationType relation = graph::RelationType::kAttended;
  TriggerStrength strength = TriggerStrength::kStrong;
};

// A place of divisions.txt (China's administrative divisions) or places.txt
// (regions such as 川渝).
struct Place {
  std::u32string name;    // full name, "永川区"
  std::u32string level;   // province, prefecture, county, town or region
  std::u32string parent;  // full name of the parent, empty for none
  std::string code;       // GB/T 2260 code ("500118"), the parent's is a prefix; may be empty
  std::vector<std::u32string> short_forms;  // "永川"; "黔东南州", "黔东南" (the 州 form first)
};

// Lists "= WORD" (whole mentions), "^ WORD" (leading words) and "~ WORD"
// (words anywhere) of generic_*.txt.
struct GenericRules {
  WordSet whole;
  WordSet leading;
  WordSet anywhere;
  // True when `mention` is generic by any of the three lists.
  bool Matches(std::u32string_view mention) const;
};

// The rules of body_places.txt: what the start of an institution's name says
// about its place (its header says what each kind means).
struct BodyPlaceRules {
  WordSet formal_prefixes;  // "> PREFIX": 中共 before 峡江县委
  WordSet levels;           // "^ LEVEL": 县委, 市政协 with no place before them
  WordSet deictics;         // "@ WORD": 我校, 该公司
  WordSet generic_kinds;    // "= NAME": 公司, 统战部 as a whole name
  WordSet not_shorthand;    // "! WORD": 市场, 我国 start like a level or a deictic
};

// The fields of each content line of the embedded data file `file_name`
// (extract/data/): '#' lines and blank lines are skipped, fields are separated
// by spaces or tabs. Every line holds at least one field.
std::vector<std::vector<std::u32string>> ReadDataLines(std::string_view file_name);

struct Lexicon {
  WordSet surnames;
  WordSet name_followers;
  std::unordered_set<char32_t> name_stop_chars;
  WordSet name_stop_words;  // name_stop_words.txt: "强调" is no 强 + 调
  WordSet honorifics;
  WordSet national_titles;  // national_titles.txt: "总书记" after a name: a national leader
  WordSet group_words;
  WordSet name_syllables;  // name_syllables.txt: 扎西, 次仁 (Tibetan names: 1-3 of them)
  WordSet body_kinds;
  WordSet company_endings;  // company_endings.txt: "果业" of a short name (炎农果业)      //
                            // body_kinds.txt: "单位" in "A、B等5家单位" (A and B are bodies)
  WordSet speech_verbs;
  WordSet appointment_verbs;
  WordSet appointment_intros;  // "任命", "免去": a name follows
  WordSet posts;
  WordSet post_exclusions;  // "! WORD" lines of posts.txt: 主席台 holds a post but is none
  WordSet post_modifiers;
  std::unordered_map<std::u32string, std::u32string> implied_bodies;  // post -> body
  WordSet institution_suffixes;
  WordSet weak_institution_suffixes;  // endings marked "weak"
  WordSet institution_exclusions;
  GenericRules generic_institutions;
  WordSet boundary_words;
  WordSet boundary_protected;
  WordSet boundary_verbs;  // "v WORD" lines: boundaries for free-standing names only  // "! WORD"
                           // lines: words whose end is no boundary ("自由")
  WordSet project_suffixes;
  WordSet weak_project_suffixes;  // endings marked "weak" (工坊): a venue without a proper start
  WordSet project_heads;          // "+" lines: a quotation followed by these is a project
  WordSet project_slogan_heads;   // "-" lines: a quotation followed by these is a slogan
  WordSet project_quote_endings;  // "$" lines: quotations ending so are projects
  GenericRules generic_projects;
  WordSet project_exclusions;  // "! WORD" lines of generic_projects.txt ("工程师")
  WordSet trigger_words;
  std::unordered_map<std::u32string, Trigger> triggers;
  WordSet sign_triggers;
  std::unordered_map<std::u32string, std::u32string> abbreviations;  // short -> full ending
  WordSet abbreviation_words;
  BodyPlaceRules body_places;  // body_places.txt
  WordSet date_words;          // date_words.txt: "近日", "是日"
  WordSet org_prefixes;        // org_prefixes.txt: "中共", "中华", "全国"
  std::vector<std::u32string> event_speech_endings;  // event_titles.txt "speech" lines
  std::vector<std::u32string> event_title_endings;   // event_titles.txt "end" lines
  WordSet countries;
  std::unordered_map<std::u32string, std::u32string> country_canonical;
  // Places. A name (full or short) can be several places: 朝阳区 of Beijing
  // and of Changchun, hundreds of 城关镇. `place_senses` lists them all, the
  // primary sense first (a full name before a short form, then the higher
  // level, then division-code order); `places` holds, for each name of
  // place_names, its first sense that is no town.
  WordSet place_names;  // provinces, prefectures, counties with their short forms; regions
  WordSet town_names;   // full names of towns ("石排镇"); their short forms name no place
  WordSet not_places;   // "! WORD" lines of places.txt: 全区, 社区, 高新区 ...
  std::vector<Place> all_places;  // every place, in file order
  std::unordered_map<std::u32string, std::vector<uint32_t>> place_senses;  // name -> all_places
  std::unordered_map<std::u32string, Place> places;  // a name of place_names -> primary sense
  // A filter of the first two code points of place_names: false at `pos`
  // means no place name starts there. One bit test, where a probe of the
  // place_names trie (thousands of names) often misses the cache.
  bool PlaceMayStartAt(std::u32string_view text, size_t pos) const {
    return pos + 1 < text.size() && place_bigrams[PlaceBigram(text[pos], text[pos + 1])];
  }
  static size_t PlaceBigram(char32_t a, char32_t b) { return ((a << 7) ^ b) & 0xFFFF; }
  std::bitset<0x10000> place_bigrams;
  // The senses of `name` (indices into all_places, primary first); empty when
  // it names no place.
  const std::vector<uint32_t>& PlaceSenses(std::u32string_view name) const;
  // The place one level up from `place`: the place named by its parent field
  // whose code is a prefix of its code; nullptr for a province or a region.
  const Place* ParentOf(const Place& place) const;

  // The lexicon built from the embedded data, parsed on first use.
  static const Lexicon& Default();
};

}  // namespace guanxi::extract
