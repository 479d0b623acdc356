#pragma once

// Quoting for the command lines tests hand to /bin/sh (cli_test_util.h's
// RunShell, the PostgreSQL harness's server commands).

#include <string>

namespace guanxi::testing {

// `text` single-quoted for /bin/sh: any character stands for itself.
inline std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

}  // namespace guanxi::testing
