#include "tests/postgres/postgres_server.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <system_error>
#include <vector>

#include "tests/shell_quote.h"

namespace guanxi::testing {
namespace {

namespace fs = std::filesystem;

// Runs `command` through /bin/sh, stdout and stderr together into `output`.
int Run(const std::string& command, std::string* output) {
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return -1;
  std::array<char, 4096> buffer;
  std::string text;
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) text.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  if (output != nullptr) *output = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A port on 127.0.0.1 that nothing listens on now: the kernel's pick for
// port 0. Another process could take it before the server does; the server
// then fails to start and says so.
int FreePort() {
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  if (socket < 0) return 0;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  int port = 0;
  socklen_t length = sizeof address;
  if (::bind(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(socket);
  return port;
}

}  // namespace

fs::path PostgresServer::BinDir() {
  std::vector<fs::path> found;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator("/usr/lib/postgresql", error)) {
    if (fs::exists(entry.path() / "bin" / "initdb") &&
        fs::exists(entry.path() / "bin" / "pg_ctl")) {
      found.push_back(entry.path() / "bin");
    }
  }
  if (found.empty()) return {};
  // The newest major version (folder names are numbers: 15, 16).
  return *std::max_element(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
    return std::atoi(a.parent_path().filename().c_str()) <
           std::atoi(b.parent_path().filename().c_str());
  });
}

int PostgresServer::RunAsServerUser(const std::string& command, std::string* output) {
  // PostgreSQL refuses to run as root: as root, run as `postgres`.
  if (::geteuid() == 0) return Run("runuser -u postgres -- sh -c " + ShellQuote(command), output);
  return Run(command, output);
}

PostgresServer::PostgresServer() : bin_(BinDir()) {
  if (bin_.empty()) {
    error_ =
        "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin "
        "(Debian package postgresql)";
    return;
  }
  std::string pattern = (fs::temp_directory_path() / "guanxi-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    error_ = "cannot create a temporary directory";
    return;
  }
  dir_ = pattern;
  if (::geteuid() == 0) {
    std::string output;
    if (Run("chown postgres: " + ShellQuote(dir_.string()), &output) != 0) {
      error_ = "cannot give " + dir_.string() + " to the postgres user: " + output;
      return;
    }
  }
  const fs::path data = dir_ / "data";
  std::string output;
  if (RunAsServerUser(ShellQuote((bin_ / "initdb").string()) + " -D " + ShellQuote(data.string()) +
                          " -A trust -U postgres -E UTF8 --locale=C --no-sync",
                      &output) != 0) {
    error_ = "initdb failed: " + output;
    return;
  }
  for (int attempt = 0; attempt < 3 && !running_; ++attempt) {
    port_ = FreePort();
    const std::string options = "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) +
                                " -k " + dir_.string() + " -c fsync=off";
    running_ = RunAsServerUser(ShellQuote((bin_ / "pg_ctl").string()) + " -D " + ShellQuote(data.string()) +
                                   " -l " + ShellQuote((dir_ / "server.log").string()) + " -o " +
                                   ShellQuote(options) + " -w -t 60 start",
                               &output) == 0;
    if (!running_) error_ = "pg_ctl start failed: " + output;
  }
}

PostgresServer::~PostgresServer() {
  if (running_) {
    RunAsServerUser(ShellQuote((bin_ / "pg_ctl").string()) + " -D " + ShellQuote((dir_ / "data").string()) +
                        " -m immediate -w stop",
                    nullptr);
  }
  if (!dir_.empty()) {
    std::error_code error;
    fs::remove_all(dir_, error);
  }
}

bool PostgresServer::CreateDatabase(const std::string& name) {
  std::string output;
  if (Run(ShellQuote((bin_ / "createdb").string()) + " -h 127.0.0.1 -p " + std::to_string(port_) +
              " -U postgres " + ShellQuote(name),
          &output) != 0) {
    error_ = "createdb " + name + " failed: " + output;
    return false;
  }
  return true;
}

std::string PostgresServer::Uri(const std::string& name) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + name;
}

std::string PostgresServer::Psql(const std::string& name, const std::string& sql, bool* ok) {
  std::string output;
  const int code = Run(ShellQuote((bin_ / "psql").string()) + " -X -q -A -t -v ON_ERROR_STOP=1 -d " +
                           ShellQuote(Uri(name)) + " -c " + ShellQuote(sql),
                       &output);
  if (ok != nullptr) *ok = code == 0;
  if (code != 0) error_ = "psql failed: " + output;
  return output;
}

PostgresServer& SharedPostgresServer() {
  // Destroyed at exit, which stops the server.
  static PostgresServer server;
  return server;
}

std::string NewPostgresDatabase(std::string* why, bool* skip) {
  *skip = PostgresServer::BinDir().empty();
  if (*skip) {
    *why =
        "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin: install Debian's "
        "postgresql (run.sh deps does)";
    return {};
  }
  PostgresServer& server = SharedPostgresServer();
  if (!server.running()) {
    *why = server.error();
    return {};
  }
  static std::atomic<int> next{0};
  const std::string name =
      "guanxi_test_" + std::to_string(::getpid()) + "_" + std::to_string(next++);
  if (!server.CreateDatabase(name)) {
    *why = server.error();
    return {};
  }
  return server.Uri(name);
}

PostgresServer& PostgresTest::Server() { return SharedPostgresServer(); }

void PostgresTest::SetUp() {
  std::string why;
  bool skip = false;
  uri_ = NewPostgresDatabase(&why, &skip);
  if (skip) GTEST_SKIP() << why;
  ASSERT_FALSE(uri_.empty()) << why;
  database_ = uri_.substr(uri_.rfind('/') + 1);
}

}  // namespace guanxi::testing
