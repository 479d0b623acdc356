// guanxi: builds a relationship graph from Chinese news pages and explores it.

#include <cstddef>
#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.h"

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // CLI11 prints the message; a usage error is bad input (exit 1), --help is not.
    return app.exit(error) == 0 ? 0 : 1;
  }
  for (std::size_t i = 0; i < commands.size(); ++i) {
    if (commands[i]->parsed()) return runs[i]();
  }
  return 2;
}
