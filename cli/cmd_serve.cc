// guanxi serve [--port N]: the JSON API on 127.0.0.1, read-only.

#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/api_server.h"
#include "cli/command.h"
#include "cli/common.h"

namespace guanxi::cli {

RunFunction AddServeCommand(CLI::App& command) {
  auto options = std::make_shared<ServeOptions>();
  AddDatabaseOption(command, options->database);
  options->assets = GUANXI_WEB_DIR;
  command.add_option("--assets", options->assets, "Folder of the page's files")
      ->capture_default_str();
  command.add_option("--port", options->port, "TCP port on 127.0.0.1 (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  return [options] {
    Status served = Serve(*options, [&](int port) {
      // The first line names the port, for scripts and tests started with --port 0.
      std::cout << fmt::format("serving {} on http://{}:{}/ (read-only; Ctrl-C stops)",
                               options->database, options->host, port)
                << std::endl;
    });
    return served.ok() ? kExitOk : ReportError(served);
  };
}

}  // namespace guanxi::cli
