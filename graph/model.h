#pragma once

// The guanxi data model: what extract/ produces, the store keeps, and the
// graph, the renderers and the CLI read. Plain values, no behaviour beyond
// the name tables of the enumerations.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guanxi::graph {

enum class EntityType { kPerson, kInstitution, kProject, kCountry, kEvent, kPlace };
inline constexpr EntityType kAllEntityTypes[] = {
    EntityType::kPerson, EntityType::kInstitution, EntityType::kProject,
    EntityType::kCountry, EntityType::kEvent,       EntityType::kPlace};

enum class RelationType {
  kAttended,       // person -> event: present at it (出席, 参加, 陪同, 见证, 率队 ...)
  kChaired,        // person -> event: presides over it (主持)
  kSignedWith,     // institution <-> institution: sign an agreement (unordered)
  kHoldsPosition,  // person -> institution, with a post title
  kHeldAt,         // event -> place: where the event took place
  kMentionedIn,    // entity -> event: named in the item of that event (weak)
};
inline constexpr RelationType kAllRelationTypes[] = {
    RelationType::kAttended,      RelationType::kChaired, RelationType::kSignedWith,
    RelationType::kHoldsPosition, RelationType::kHeldAt,  RelationType::kMentionedIn};

// Lower-case names used in JSON, SQLite, GraphML and on the command line:
// "person", "institution", ...; "attended", "signed_with", ...
std::string_view ToString(EntityType type);
std::string_view ToString(RelationType type);
// The inverse of ToString; nullopt for an unknown name.
std::optional<EntityType> ParseEntityType(std::string_view name);
std::optional<RelationType> ParseRelationType(std::string_view name);
// True for relations whose direction carries no meaning (signed_with).
bool IsSymmetric(RelationType type);
// The short verb a relation reads as in Chinese news, as the CLI and the
// diagrams show it: 出席, 主持, 签约, 任职, 举办于, 见于.
std::string_view Verb(RelationType type);

// The place code of a national leader (Entity::place_code of a person): it
// nests only with itself, so such a person is one across items and never
// joins a local namesake.
inline constexpr char kNationalPlaceCode[] = "CN";

// Where a relation was read: the sentence that proves it. Offsets count
// Unicode code points (not bytes) from the start of the item's text.
struct Evidence {
  std::string sentence;
  int64_t char_begin = 0;  // first code point of the sentence in Article::text
  int64_t char_end = 0;    // one past its last code point
};

// An entity as named within one news item. `name` is canonical (the longest
// form the item gives); `aliases` are the other forms the same item uses.
struct Entity {
  EntityType type = EntityType::kPerson;
  std::string name;
  std::vector<std::string> aliases;
  // Institutions: the GB/T 2260 code of the division their name starts with
  // (峡江县委 -> "360823", 重庆文理学院 -> "50"), the sense that fits the item's
  // place when the name is several places; empty when it starts with none.
  // Persons: kNationalPlaceCode when the item gives them a title only a
  // national leader holds ("某某总书记"), else empty.
  std::string place_code{};
  // A shorthand that the item's place did not resolve (县委 in an item with no
  // known place, 自治区, 我校, 该公司): it names a different body in every item,
  // so graph/identity keeps it to its item.
  bool unresolved = false;
};

// A relation between two entities of the same item, named by their
// canonical names. `title` is the post for holds_position, empty otherwise.
struct Relation {
  RelationType type = RelationType::kAttended;
  std::string source;
  std::string target;
  std::string title;
  Evidence evidence;
};

// One news item of a newspaper page, after layout repair and extraction.
struct Article {
  std::string title;                   // main headline as printed
  std::vector<std::string> subtitles;  // further headline lines
  std::string date;                    // event date as written ("7月16日"); may be empty
  std::string full_date;               // that date with its year, "2024-07-16", from the page's
                                       // date (printed_date.h); empty when unknown
  std::string text;                    // body with broken sentences rejoined
  std::string outlet{};                // who published it, as a 来源 line prints it ("沧州日报");
                                       // empty when the page prints none
  std::string place{};                 // the division the item is about, its most specific level
                                       // known ("峡江县", "贵阳市", "四川省"); empty when unknown
  std::string place_code{};            // that division's GB/T 2260 code ("360823"); empty when
                                       // unknown or without one (Hong Kong, Macau, Taiwan, a
                                       // place missing from the gazetteer)
  std::string encoding{};              // the encoding its file was read in, as ICU names it
                                       // ("UTF-8", "GB18030", "Big5", "UTF-16LE"); empty when
                                       // made in memory rather than read from a file
  std::vector<Entity> entities;
  std::vector<Relation> relations;
};

// A newspaper page: the file it came from and the items found in it.
struct Page {
  std::string path;
  std::vector<Article> articles;
};

}  // namespace guanxi::graph
