#include "cli/decision_file.h"

#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "cli/output_file.h"

namespace guanxi::cli {
namespace {

using nlohmann::json;

json RefToJson(const store::EntityRef& ref) {
  json mentions = json::array();
  for (const store::MentionRef& mention : ref.mentions) {
    mentions.push_back({{"item", mention.item}, {"name", mention.name}});
  }
  return {{"type", graph::ToString(ref.type)}, {"name", ref.name}, {"mentions", mentions}};
}

json RelationToJson(const store::RelationRef& relation) {
  return {{"type", graph::ToString(relation.type)},
          {"item", relation.item},
          {"source", relation.source},
          {"target", relation.target},
          {"title", relation.title},
          {"char_begin", relation.char_begin}};
}

json DecisionToJson(const store::Decision& decision) {
  const bool has_entity = !decision.relation.has_value();
  const bool has_other = decision.kind == store::DecisionKind::kMerge;
  return {{"id", decision.id},
          {"kind", store::ToString(decision.kind)},
          {"at", decision.at},
          {"reason", decision.reason},
          {"entity", has_entity ? RefToJson(decision.entity) : json(nullptr)},
          {"other", has_other ? RefToJson(decision.other) : json(nullptr)},
          {"items", decision.items},
          {"name", decision.name},
          {"relation", decision.relation ? RelationToJson(*decision.relation) : json(nullptr)},
          {"undoes", decision.undoes},
          {"undone", decision.undone}};
}

// Reads the fields of one JSON object, remembering the first problem; the
// where-string names the object ("decision 2 (merge)", "its entity").
class FieldReader {
 public:
  FieldReader(const json& object, std::string where, std::optional<Status>& error)
      : object_(object), where_(std::move(where)), error_(error) {
    if (!object_.is_object()) Fail("not a JSON object");
  }

  // The field, or nullptr when absent or null (and a problem if `required`).
  const json* Field(std::string_view name, bool required) {
    if (error_ || !object_.is_object()) return nullptr;
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) {
      if (required) Fail(fmt::format("missing \"{}\"", name));
      return nullptr;
    }
    return &*it;
  }

  std::string String(std::string_view name, bool required) {
    const json* field = Field(name, required);
    if (field == nullptr) return "";
    if (!field->is_string()) {
      Fail(fmt::format("\"{}\" is not a string", name));
      return "";
    }
    return field->get<std::string>();
  }

  int64_t Integer(std::string_view name, bool required) {
    const json* field = Field(name, required);
    if (field == nullptr) return 0;
    if (!field->is_number_integer()) {
      Fail(fmt::format("\"{}\" is not an integer", name));
      return 0;
    }
    return field->get<int64_t>();
  }

  bool Boolean(std::string_view name) {
    const json* field = Field(name, false);
    if (field == nullptr) return false;
    if (!field->is_boolean()) {
      Fail(fmt::format("\"{}\" is not true or false", name));
      return false;
    }
    return field->get<bool>();
  }

  std::vector<std::string> Strings(std::string_view name, bool required) {
    std::vector<std::string> out;
    const json* field = Field(name, required);
    if (field == nullptr) return out;
    if (!field->is_array()) {
      Fail(fmt::format("\"{}\" is not a list", name));
      return out;
    }
    for (const json& value : *field) {
      if (!value.is_string()) {
        Fail(fmt::format("\"{}\" holds a non-string", name));
        return out;
      }
      out.push_back(value.get<std::string>());
    }
    return out;
  }

  void Fail(const std::string& problem) {
    if (!error_) error_ = Status::InvalidInput("", fmt::format("{}: {}", where_, problem));
  }

 private:
  const json& object_;
  std::string where_;
  std::optional<Status>& error_;
};

store::EntityRef RefFromJson(const json& object, const std::string& where,
                             std::optional<Status>& error) {
  FieldReader reader(object, where, error);
  store::EntityRef ref;
  std::string type = reader.String("type", true);
  if (!error) {
    std::optional<graph::EntityType> parsed = graph::ParseEntityType(type);
    if (!parsed) reader.Fail(fmt::format("unknown entity type \"{}\"", type));
    ref.type = parsed.value_or(graph::EntityType::kPerson);
  }
  ref.name = reader.String("name", true);
  const json* mentions = reader.Field("mentions", true);
  if (mentions != nullptr && !mentions->is_array()) reader.Fail("\"mentions\" is not a list");
  if (mentions == nullptr || error) return ref;
  if (mentions->empty()) reader.Fail("\"mentions\" is empty: it names no entity");
  for (std::size_t i = 0; i < mentions->size() && !error; ++i) {
    FieldReader mention((*mentions)[i], fmt::format("{}, mention {}", where, i + 1), error);
    store::MentionRef out;
    out.item = mention.String("item", true);
    out.name = mention.String("name", true);
    ref.mentions.push_back(std::move(out));
  }
  return ref;
}

store::RelationRef RelationFromJson(const json& object, const std::string& where,
                                    std::optional<Status>& error) {
  FieldReader reader(object, where, error);
  store::RelationRef relation;
  std::string type = reader.String("type", true);
  if (!error) {
    std::optional<graph::RelationType> parsed = graph::ParseRelationType(type);
    if (!parsed) reader.Fail(fmt::format("unknown relation type \"{}\"", type));
    relation.type = parsed.value_or(graph::RelationType::kAttended);
  }
  relation.item = reader.String("item", true);
  relation.source = reader.String("source", true);
  relation.target = reader.String("target", true);
  relation.title = reader.String("title", false);
  relation.char_begin = reader.Integer("char_begin", true);
  return relation;
}

store::Decision DecisionFromJson(const json& object, std::size_t position,
                                 std::optional<Status>& error) {
  store::Decision decision;
  std::string where = fmt::format("decision {}", position);
  FieldReader reader(object, where, error);
  std::string kind = reader.String("kind", true);
  if (error) return decision;
  std::optional<store::DecisionKind> parsed = store::ParseDecisionKind(kind);
  if (!parsed) {
    reader.Fail(fmt::format("unknown kind \"{}\" (merge, split, rename or reject)", kind));
    return decision;
  }
  decision.kind = *parsed;
  where = fmt::format("decision {} ({})", position, kind);
  FieldReader fields(object, where, error);
  decision.id = fields.Integer("id", false);
  decision.at = fields.String("at", true);
  decision.reason = fields.String("reason", false);
  decision.items = fields.Strings("items", false);
  decision.name = fields.String("name", false);
  decision.undoes = fields.Integer("undoes", false);
  decision.undone = fields.Boolean("undone");
  const bool is_reject = decision.kind == store::DecisionKind::kReject;
  if (const json* relation = fields.Field("relation", false); relation && !error) {
    if (!is_reject) {
      fields.Fail("only a reject names a relation");
      return decision;
    }
    decision.relation = RelationFromJson(*relation, where + ", its relation", error);
  }
  if (!decision.relation) {
    if (const json* entity = fields.Field("entity", true); entity && !error) {
      decision.entity = RefFromJson(*entity, where + ", its entity", error);
    }
  }
  if (decision.kind == store::DecisionKind::kMerge) {
    if (const json* other = fields.Field("other", true); other && !error) {
      decision.other = RefFromJson(*other, where + ", its other entity", error);
    }
  }
  if (decision.kind == store::DecisionKind::kRename && decision.name.empty()) {
    fields.Fail("missing \"name\" (the new name)");
  }
  if (decision.kind == store::DecisionKind::kSplit && decision.items.empty() &&
      decision.undoes == 0) {
    fields.Fail("a split needs \"items\" or the merge it \"undoes\"");
  }
  return decision;
}

}  // namespace

json DecisionsToJson(const std::vector<store::Decision>& decisions) {
  json list = json::array();
  for (const store::Decision& decision : decisions) list.push_back(DecisionToJson(decision));
  return {{"format", kDecisionFormat},
          {"version", kDecisionFormatVersion},
          {"decisions", std::move(list)}};
}

Result<std::vector<store::Decision>> DecisionsFromJson(const json& document,
                                                       const std::string& context) {
  if (!document.is_object() || document.value("format", json()) != kDecisionFormat) {
    return Status::InvalidInput(
        context,
        fmt::format("not a guanxi decision file (no \"format\": \"{}\")", kDecisionFormat));
  }
  const json version = document.value("version", json());
  if (!version.is_number_integer() || version.get<int64_t>() != kDecisionFormatVersion) {
    return Status::InvalidInput(
        context, fmt::format("decision file version {}; this guanxi reads version {}",
                             version.dump(), kDecisionFormatVersion));
  }
  auto list = document.find("decisions");
  if (list == document.end() || !list->is_array()) {
    return Status::InvalidInput(context, "missing \"decisions\" (a list)");
  }
  std::vector<store::Decision> decisions;
  std::optional<Status> error;
  for (std::size_t i = 0; i < list->size(); ++i) {
    store::Decision decision = DecisionFromJson((*list)[i], i + 1, error);
    if (error) return Status::InvalidInput(context, error->detail());
    decisions.push_back(std::move(decision));
  }
  return decisions;
}

Status WriteDecisionFile(const std::vector<store::Decision>& decisions,
                         const std::filesystem::path& path) {
  return WriteOutput(path.string(), DecisionsToJson(decisions).dump(2) + '\n');
}

Result<std::vector<store::Decision>> ReadDecisionFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string(), "cannot open for reading");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError(path.string(), "read failed");
  json document;
  try {
    document = json::parse(text.str());
  } catch (const json::parse_error& error) {
    // "[json.exception.parse_error.101] parse error at line 3, column 1: ..." without the tag.
    std::string_view message = error.what();
    if (auto tag_end = message.find("] "); tag_end != std::string_view::npos) {
      message.remove_prefix(tag_end + 2);
    }
    return Status::InvalidInput(path.string(), fmt::format("not JSON: {}", message));
  }
  return DecisionsFromJson(document, path.string());
}

}  // namespace guanxi::cli
