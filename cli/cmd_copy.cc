// guanxi copy --from SOURCE --to TARGET: the whole graph between a database
// file and a PostgreSQL database (postgresql://USER@HOST:PORT/DBNAME).

#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/common.h"
#include "graph/store/store_copy.h"

namespace guanxi::cli {
namespace {

struct CopyOptions {
  std::string from;
  std::string to;
};

int RunCopy(const CopyOptions& options) {
  const bool from_pg = store::IsPostgresUri(options.from);
  const bool to_pg = store::IsPostgresUri(options.to);
  if (from_pg == to_pg) {
    return ReportError(Status::InvalidInput(
        options.from + " → " + options.to,
        "copy goes between a database file and a postgresql://USER@HOST:PORT/DBNAME URI"));
  }
  Result<store::CopyStats> copied = to_pg ? store::CopyToPostgres(options.from, options.to)
                                          : store::CopyFromPostgres(options.from, options.to);
  if (!copied.ok()) return ReportError(copied.status());
  std::cout << fmt::format("copied {} items, {} entities, {} relations, {} decisions to {}\n",
                           copied->Rows("articles"), copied->Rows("entities"),
                           copied->Rows("relations"), copied->Rows("decisions"),
                           store::RedactedUri(options.to));
  return kExitOk;
}

}  // namespace

RunFunction AddCopyCommand(CLI::App& command) {
  auto options = std::make_shared<CopyOptions>();
  command.add_option("--from", options->from, "Database file or postgresql:// URI to read")
      ->required();
  command
      .add_option("--to", options->to,
                  "New database file, or postgresql:// URI of an empty database")
      ->required();
  return [options] { return RunCopy(*options); };
}

}  // namespace guanxi::cli
