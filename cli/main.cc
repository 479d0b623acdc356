// guanxi: builds a relationship graph from Chinese news pages and explores it.

#include <algorithm>
#include <csignal>
#include <cstddef>
#include <exception>
#include <iostream>
#include <new>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/output_file.h"

int main(int argc, char** argv) {
  CLI::App app{"guanxi: a relationship graph of Chinese news (who meets whom, with evidence)",
               "guanxi"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "guanxi 0.1.0");

  std::vector<CLI::App*> commands;
  std::vector<guanxi::cli::RunFunction> runs;
  for (const auto& spec : guanxi::cli::kCommands) {
    CLI::App* command = app.add_subcommand(std::string(spec.name), std::string(spec.help));
    commands.push_back(command);
    runs.push_back(spec.add(*command));
  }

  // A closed pipe is a write error (EPIPE) reported like any other, not a
  // silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  guanxi::cli::UseCheckedStandardOutput();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // CLI11 prints the message; a usage error is bad input (exit 1), --help is not.
    const int code = app.exit(error) == 0 ? 0 : 1;
    if (guanxi::Status written = guanxi::cli::CheckStandardOutput(); !written.ok()) {
      return guanxi::cli::ReportError(written);
    }
    return code;
  }
  // The last line of defence: whatever escapes a command is reported, not
  // left to std::terminate (exit 134 with no word on what failed).
  try {
    for (std::size_t i = 0; i < commands.size(); ++i) {
      if (!commands[i]->parsed()) continue;
      const int code = runs[i]();
      // Every byte of the output written, or an error (a full disk, a
      // closed pipe): never exit 0 over a truncated output.
      if (guanxi::Status written = guanxi::cli::CheckStandardOutput(); !written.ok()) {
        return std::max(code, guanxi::cli::ReportError(written));
      }
      return code;
    }
  } catch (const std::bad_alloc&) {
    std::cerr << "guanxi: internal error: out of memory\n";
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "guanxi: internal error: " << error.what() << '\n';
    return 2;
  } catch (...) {
    std::cerr << "guanxi: internal error: an unknown exception\n";
    return 2;
  }
  return 2;
}
