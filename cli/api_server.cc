#include "cli/api_server.h"

#include <httplib.h>

#include <charconv>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "cli/evidence_query.h"
#include "cli/query_json.h"
#include "cli/query_options.h"
#include "cli/timeline_query.h"
#include "graph/index/graph_index.h"
#include "graph/printed_date.h"
#include "render/html_page.h"

namespace guanxi::cli {
namespace {

// The largest --depth of neighbors, as the command allows.
constexpr int kMaxDepth = 10;
constexpr std::size_t kMaxK = 20;
constexpr std::size_t kDefaultGrepLimit = 50;
constexpr std::size_t kDefaultSearchLimit = 20;

void SendJson(httplib::Response& response, int http_status, const nlohmann::json& body) {
  response.status = http_status;
  // Names are data: dump escapes them; invalid UTF-8 is replaced, not thrown.
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

void SendError(httplib::Response& response, int http_status, const std::string& parameter,
               const std::string& message) {
  SendJson(response, http_status, {{"error", message}, {"parameter", parameter}});
}

// NotFound -> 404, InvalidInput -> 400, anything else 500.
void SendStatus(httplib::Response& response, const Status& status) {
  int http_status = 500;
  if (status.code() == Status::Code::kNotFound) http_status = 404;
  if (status.code() == Status::Code::kInvalidInput) http_status = 400;
  SendError(response, http_status, status.context(), status.detail());
}

// A request's parameters, read with the parameter named in every error.
class Params {
 public:
  explicit Params(const httplib::Request& request) : request_(request) {}

  // The value of `name`; InvalidInput when it is missing or empty.
  Result<std::string> Required(const std::string& name) const {
    std::string value = request_.get_param_value(name);
    if (value.empty()) return Status::InvalidInput(name, "missing: give ?" + name + "=");
    return value;
  }
  std::string Optional(const std::string& name) const { return request_.get_param_value(name); }

  // Every value of `name`, comma-separated lists split.
  std::vector<std::string> List(const std::string& name) const {
    std::vector<std::string> values;
    const std::size_t count = request_.get_param_value_count(name);
    for (std::size_t i = 0; i < count; ++i) {
      const std::string value = request_.get_param_value(name, i);
      std::size_t start = 0;
      while (start <= value.size()) {
        std::size_t comma = value.find(',', start);
        if (comma == std::string::npos) comma = value.size();
        if (comma > start) values.push_back(value.substr(start, comma - start));
        start = comma + 1;
      }
    }
    return values;
  }

  // `name` as an integer in [low, high], `fallback` when absent.
  Result<long long> Integer(const std::string& name, long long low, long long high,
                            long long fallback) const {
    if (!request_.has_param(name)) return fallback;
    const std::string value = request_.get_param_value(name);
    long long number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size()) {
      return Status::InvalidInput(name, "\"" + value + "\" is not a whole number");
    }
    if (number < low || number > high) {
      return Status::InvalidInput(name, std::to_string(number) + " is out of range (" +
                                            std::to_string(low) + " to " + std::to_string(high) +
                                            ")");
    }
    return number;
  }

  bool Flag(const std::string& name) const {
    const std::string value = request_.get_param_value(name);
    return request_.has_param(name) && value != "0" && value != "false";
  }

 private:
  const httplib::Request& request_;
};

// The CLI's filters from ?relations=&via=&exclude=&max_hops=&since=&until=,
// types checked here as CLI11 checks them for the commands.
Result<FilterOptions> FilterFromParams(const Params& params) {
  FilterOptions filter;
  filter.relation_types = params.List("relations");
  for (const std::string& type : filter.relation_types) {
    if (!graph::ParseRelationType(type)) {
      return Status::InvalidInput("relations", "unknown relation type \"" + type + "\"");
    }
  }
  filter.via_types = params.List("via");
  for (const std::string& type : filter.via_types) {
    if (!graph::ParseEntityType(type)) {
      return Status::InvalidInput("via", "unknown entity type \"" + type + "\"");
    }
  }
  filter.excluded = params.List("exclude");
  Result<long long> max_hops = params.Integer("max_hops", 0, 1000, -1);
  if (!max_hops.ok()) return max_hops.status();
  filter.max_hops = static_cast<int>(*max_hops);
  filter.since = params.Optional("since");
  filter.until = params.Optional("until");
  for (const auto& [name, text] : {std::pair{"since", &filter.since}, std::pair{"until", &filter.until}}) {
    if (!text->empty() && !graph::ParseDateBound(*text)) {
      return Status::InvalidInput(name, "\"" + *text +
                                            "\" is not a date: write 2024-07-16, or month and "
                                            "day as 7-16 or 7月16日");
    }
  }
  return filter;
}

// One request's read-only view of the database.
class Handler {
 public:
  explicit Handler(std::string database) : database_(std::move(database)) {}

  // Opens the index and runs `answer`; sends its JSON or its error.
  template <typename Answer>
  void Run(httplib::Response& response, Answer answer) const {
    Result<index::GraphIndex> index = index::GraphIndex::Open(database_);
    if (!index.ok()) return SendStatus(response, index.status());
    Result<nlohmann::json> out = answer(*index);
    if (!out.ok()) return SendStatus(response, out.status());
    SendJson(response, 200, *out);
  }

 private:
  std::string database_;
};

// A path segment as a name: digits alone are an id ("12" is "#12").
std::string EntityKey(const std::string& segment) {
  const bool digits = !segment.empty() && segment.find_first_not_of("0123456789") ==
                                              std::string::npos;
  return digits ? "#" + segment : segment;
}

// The page's files: only these names are served, from the assets folder.
struct Asset {
  const char* name;
  const char* content_type;
};
constexpr Asset kAssets[] = {
    {"index.html", "text/html; charset=utf-8"},
    {"app.js", "text/javascript; charset=utf-8"},
    {"style.css", "text/css; charset=utf-8"},
    {"cytoscape.min.js", "text/javascript; charset=utf-8"},
};

void SendAsset(httplib::Response& response, const std::string& folder, const std::string& name) {
  for (const Asset& asset : kAssets) {
    if (name != asset.name) continue;
    Result<std::string> content = render::ReadPageFile(folder, name);
    if (!content.ok()) return SendStatus(response, content.status());  // missing: 404
    response.set_content(*content, asset.content_type);
    return;
  }
  SendError(response, 404, name, "no such asset");
}

void AddRoutes(httplib::Server& server, const Handler& handler, const std::string& assets) {
  server.Get("/", [&](const httplib::Request&, httplib::Response& response) {
    SendAsset(response, assets, "index.html");
  });
  server.Get(R"(/assets/([^/]+))", [&](const httplib::Request& request,
                                      httplib::Response& response) {
    SendAsset(response, assets, request.matches[1]);
  });

  server.Get("/api/search", [&](const httplib::Request& request, httplib::Response& response) {
    const Params params(request);
    Result<std::string> q = params.Required("q");
    if (!q.ok()) return SendStatus(response, q.status());
    Result<long long> limit = params.Integer("limit", 1, 1000, kDefaultSearchLimit);
    if (!limit.ok()) return SendStatus(response, limit.status());
    handler.Run(response, [&](index::GraphIndex& index) {
      return SearchQueryJson(index, *q, static_cast<std::size_t>(*limit));
    });
  });

  server.Get(R"(/api/entity/(.+))", [&](const httplib::Request& request,
                                        httplib::Response& response) {
    const std::string name = EntityKey(request.matches[1]);
    handler.Run(response, [&](index::GraphIndex& index) { return ShowQueryJson(index, name); });
  });

  server.Get("/api/path", [&](const httplib::Request& request, httplib::Response& response) {
    const Params params(request);
    Result<std::string> from = params.Required("from");
    if (!from.ok()) return SendStatus(response, from.status());
    Result<std::string> to = params.Required("to");
    if (!to.ok()) return SendStatus(response, to.status());
    Result<FilterOptions> filter_options = FilterFromParams(params);
    if (!filter_options.ok()) return SendStatus(response, filter_options.status());
    Result<long long> k = params.Integer("k", 0, kMaxK, 0);
    if (!k.ok()) return SendStatus(response, k.status());
    const bool all = params.Flag("all");
    if (all && *k > 0) {
      return SendError(response, 400, "k", "give all or k, not both");
    }
    handler.Run(response, [&](index::GraphIndex& index) -> Result<nlohmann::json> {
      Result<int64_t> a = ResolveEntity(index, *from);
      if (!a.ok()) return a.status();
      Result<int64_t> b = ResolveEntity(index, *to);
      if (!b.ok()) return b.status();
      Result<graph::PathFilter> filter = MakeFilter(index, *filter_options);
      if (!filter.ok()) return filter.status();
      return PathQueryJson(index, *a, *b, *filter, all, static_cast<std::size_t>(*k));
    });
  });

  server.Get("/api/neighbors", [&](const httplib::Request& request, httplib::Response& response) {
    const Params params(request);
    Result<std::string> name = params.Required("name");
    if (!name.ok()) return SendStatus(response, name.status());
    Result<long long> depth = params.Integer("depth", 0, kMaxDepth, 1);
    if (!depth.ok()) return SendStatus(response, depth.status());
    Result<long long> limit =
        params.Integer("limit", 1, static_cast<long long>(kMaxNeighbourhood), kMaxNeighbourhood);
    if (!limit.ok()) return SendStatus(response, limit.status());
    Result<FilterOptions> filter_options = FilterFromParams(params);
    if (!filter_options.ok()) return SendStatus(response, filter_options.status());
    handler.Run(response, [&](index::GraphIndex& index) -> Result<nlohmann::json> {
      Result<int64_t> centre = ResolveEntity(index, *name);
      if (!centre.ok()) return centre.status();
      Result<graph::PathFilter> filter = MakeFilter(index, *filter_options);
      if (!filter.ok()) return filter.status();
      return NeighborsQueryJson(index, *centre, static_cast<int>(*depth), *filter,
                                static_cast<std::size_t>(*limit));
    });
  });

  server.Get("/api/timeline", [&](const httplib::Request& request, httplib::Response& response) {
    const Params params(request);
    Result<std::string> name = params.Required("name");
    if (!name.ok()) return SendStatus(response, name.status());
    handler.Run(response, [&](index::GraphIndex& index) -> Result<nlohmann::json> {
      Result<int64_t> id = ResolveEntity(index, *name);
      if (!id.ok()) return id.status();
      Result<Timeline> timeline = BuildTimeline(index, *id);
      if (!timeline.ok()) return timeline.status();
      return TimelineJson(*timeline);
    });
  });

  server.Get("/api/holders", [&](const httplib::Request& request, httplib::Response& response) {
    const Params params(request);
    Result<std::string> body = params.Required("body");
    if (!body.ok()) return SendStatus(response, body.status());
    const std::string title = params.Optional("title");
    handler.Run(response, [&](index::GraphIndex& index) -> Result<nlohmann::json> {
      Result<int64_t> id = ResolveEntity(index, *body);
      if (!id.ok()) return id.status();
      Result<Timeline> holders = BuildHolders(index, *id, title);
      if (!holders.ok()) return holders.status();
      return TimelineJson(*holders);
    });
  });

  server.Get("/api/grep", [&](const httplib::Request& request, httplib::Response& response) {
    const Params params(request);
    Result<std::string> q = params.Required("q");
    if (!q.ok()) return SendStatus(response, q.status());
    Result<long long> limit = params.Integer("limit", 0, 10000, kDefaultGrepLimit);
    if (!limit.ok()) return SendStatus(response, limit.status());
    handler.Run(response, [&](index::GraphIndex& index) -> Result<nlohmann::json> {
      Result<GrepResult> result = Grep(index, *q, static_cast<std::size_t>(*limit));
      if (!result.ok()) return result.status();
      return GrepJson(*result, *q);
    });
  });

  // What no handler answered: a JSON 404, or 405 for a method other than GET
  // (the server is read-only). Handlers' own errors already have a body.
  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    if (request.method != "GET" && request.method != "HEAD") {
      SendError(response, 405, request.method, "read-only: only GET is answered");
    } else if (response.status == 404) {
      SendError(response, 404, request.path, "no such endpoint");
    } else {
      SendError(response, response.status, request.path, "bad request");
    }
  });
  server.set_exception_handler(
      [](const httplib::Request& request, httplib::Response& response, std::exception_ptr) {
        SendError(response, 500, request.path, "internal error");
      });
}

}  // namespace

Status Serve(const ServeOptions& options, const std::function<void(int port)>& on_listening) {
  // Refuse at once what every request would refuse: no file, another schema.
  Result<index::GraphIndex> probe = index::GraphIndex::Open(options.database);
  if (!probe.ok()) {
    if (probe.status().code() == Status::Code::kInvalidInput) {
      return Status::InvalidInput(options.database,
                                  probe.status().detail() +
                                      "; serve never writes: run `guanxi stats --db " +
                                      options.database + "` once to migrate it");
    }
    return probe.status();
  }
  if (options.port < 0 || options.port > 65535) {
    return Status::InvalidInput("--port", std::to_string(options.port) + " is not a port");
  }
  httplib::Server server;
  const Handler handler(options.database);
  AddRoutes(server, handler, options.assets);
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) return Status::InvalidInput("--port", "no free port on " + options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    return Status::InvalidInput("--port", std::to_string(port) + " on " + options.host +
                                              " cannot be bound (in use?)");
  }
  on_listening(port);
  if (!server.listen_after_bind()) {
    return Status::IoError("--port", "the server stopped listening on " + std::to_string(port));
  }
  return Status::Ok();
}

}  // namespace guanxi::cli
