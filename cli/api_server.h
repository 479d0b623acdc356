#pragma once

// guanxi serve: a read-only HTTP server on loopback with a JSON API over the
// same queries as the commands (cli/query_json.h). Every request opens its
// own read-only query index (index::GraphIndex), so an answer sees the last
// committed build and the server never writes, creates or migrates the
// database. The API is described in README.md ("guanxi serve").

#include <functional>
#include <string>

#include "graph/status.h"

namespace guanxi::cli {

struct ServeOptions {
  std::string database;        // an existing guanxi database of the current schema
  std::string host = "127.0.0.1";
  int port = 8080;             // 0: any free port (the one bound is passed to on_listening)
  // The page's files (render/web/ and the vendored Cytoscape.js), served at
  // / and /assets/NAME; the build folder's web/ by default.
  std::string assets;
};

// Checks that the database opens read-only, binds `options.host:port`, calls
// `on_listening(port)` once it accepts connections, and serves until the
// process ends. NotFound when there is no database file; InvalidInput when
// its schema needs migrating (a guanxi command that opens it for writing
// does that; serve does not) or the port cannot be bound (naming the port);
// GraphIndex::Open's status for a file that is not a guanxi database.
Status Serve(const ServeOptions& options, const std::function<void(int port)>& on_listening);

}  // namespace guanxi::cli
