#pragma once

// Which mentions are one real-world entity: the rules that Store::Ingest
// applies to each item's entities before it stores them (graph/README.md,
// "Identity rules"). Pure functions over the model; the store supplies what
// it already knows.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/model.h"

namespace guanxi::identity {

// Where an entity lives: the whole graph, or only the item that names it.
enum class Scope { kGraph, kItem };

// Events belong to their item ("会议" is a different meeting in every item);
// so do unresolved shorthand names (Entity::unresolved: 县委 with no place,
// 我校, 该公司). Everything else is one entity per (type, name) across items,
// persons subject to MatchPerson.
Scope ScopeOf(const graph::Entity& entity);

// Items shorter than this (in code points) are never folded as reprints: a
// one-line item or a caption has too few shingles to tell a reprint from two
// reports written on one template ("开会：张三出席会议。", "座谈：张三出席会议。").
inline constexpr size_t kMinReprintCodePoints = 60;

// True when `text` (UTF-8) is long enough to be compared for reprints.
bool LongEnoughForReprint(std::string_view text);

// A reprint keeps its original's text and so the date it prints: two items
// whose dates are both known and differ (full dates when both have one,
// else the dates as printed) report two events on one template ("第三次常务会议"
// and "第四次…") and are no reprint, however alike their wording.
bool DatesAllowReprint(std::string_view full_date, std::string_view date,
                       std::string_view other_full_date, std::string_view other_date);

// True when one division code contains the other: GB/T 2260 codes nest by
// prefix ("50" 重庆市 contains "500118" 永川区; "500118" contains itself).
// An empty code nests with nothing; a place by name (kPlaceNamePrefix) only
// with the same name.
bool PlacesNest(std::string_view a, std::string_view b);

// The place of an item whose place the gazetteer lacks (a new district, a
// made-up one) is "@" and its name: it nests only with the same name.
inline constexpr char kPlaceNamePrefix[] = "@";

// What items say about a person of a given name: where, and in which bodies.
struct PersonEvidence {
  // The places of the bodies they hold posts in (Entity::place_code), or,
  // when none of those has one, the item's place (Article::place_code, else
  // kPlaceNamePrefix + Article::place).
  std::vector<std::string> place_codes;
  // The canonical names of the bodies they hold posts in; unresolved
  // shorthand (Entity::unresolved) is left out: it is no shared body.
  std::vector<std::string> bodies;

  // Adds `other`'s places and bodies that are not there yet.
  void Add(const PersonEvidence& other);
  bool empty() const { return place_codes.empty() && bodies.empty(); }
};

// The evidence `article` gives on its person `name` (an Entity::name of type
// person): its holds_position relations and the item's place.
PersonEvidence EvidenceOf(const graph::Article& article, std::string_view name);

// A stored person of the same name, with the evidence of all their items.
struct KnownPerson {
  int64_t id = 0;
  PersonEvidence evidence;
};

// A known person whose name agrees but whose evidence does not: a possible
// same person, for a human to decide (`guanxi candidates`).
struct Candidate {
  int64_t id = 0;
  std::string reason;  // "same name; places 522634 and 500118 apart"
};

struct PersonMatch {
  std::optional<int64_t> same_as;  // the known person the mention is
  std::string reason;              // why it is: "shared body 峡江县委", "nested places ..."
  std::vector<Candidate> candidates;
};

// A person of one item is a known person of the same name only when the
// evidence agrees: a shared body, else the same or nested places. A shared
// body beats a place; among equals the first in `known` wins. Without a
// match, every known person becomes a candidate with the reason the evidence
// disagrees (or is missing).
PersonMatch MatchPerson(const PersonEvidence& mention, const std::vector<KnownPerson>& known);

}  // namespace guanxi::identity
