#pragma once

// The PostgreSQL adapter: the only code that calls libpq. It owns the
// connection and results through std::unique_ptr and converts every libpq
// failure into a guanxi::Status once, here. Queries carry their data as
// parameters ($1, $2, ...), never in the SQL text. Internal to guanxi_store.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/status.h"
#include "graph/store/store_copy.h"

struct pg_conn;
struct pg_result;

namespace guanxi::store {

// One query parameter: text, SQL NULL, or bytes sent as binary (bytea).
struct PgParam {
  static PgParam Text(std::string text) { return {std::move(text), false, false}; }
  static PgParam Null() { return {{}, true, false}; }
  static PgParam Bytes(std::string bytes) { return {std::move(bytes), false, true}; }
  std::string value;
  bool null = false;
  bool binary = false;
};

// A query's rows, read as text (libpq's text format). Move-only.
class PgResult {
 public:
  PgResult(PgResult&&) noexcept = default;
  PgResult& operator=(PgResult&&) noexcept = default;
  ~PgResult() = default;

  int rows() const;
  int columns() const;
  bool IsNull(int row, int column) const;
  // The value as text; empty for NULL. Valid while the result lives.
  std::string_view Text(int row, int column) const;
  int64_t Int(int row, int column) const;  // 0 for NULL
  // A bytea column's bytes, decoded from PostgreSQL's hex text ("\x..").
  std::string Bytes(int row, int column) const;

 private:
  friend class PgConnection;
  struct Clearer {
    void operator()(pg_result* result) const;
  };
  explicit PgResult(pg_result* result) : result_(result) {}
  std::unique_ptr<pg_result, Clearer> result_;
};

// An open connection to a PostgreSQL database. One thread at a time.
class PgConnection {
 public:
  // Connects to `uri` ("postgresql://USER@HOST:PORT/DBNAME", any libpq URI).
  // InvalidInput "URI: not a PostgreSQL URI (...)" when libpq cannot parse
  // it; IoError "URI: cannot connect (...)" when the server cannot be
  // reached or refuses. A password in the URI never appears in a message.
  static Result<std::unique_ptr<PgConnection>> Open(std::string_view uri);

  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection();

  // The URI without its password: the context of every Status.
  const std::string& name() const { return name_; }

  // Runs SQL without parameters (schema, BEGIN/COMMIT, several statements).
  // Never pass data here: use Query.
  Status Exec(std::string_view sql);
  // Runs one statement with `params` as $1, $2, ...: its rows. IoError for a
  // lost connection, Corrupt for a constraint the data breaks, Internal for
  // other server errors; the detail is the server's message and `doing`.
  Result<PgResult> Query(std::string_view sql, const std::vector<PgParam>& params,
                         std::string_view doing = {});
  // Prepares `sql` under `statement` (a constant name) once, then
  // QueryPrepared runs it: a bulk copy parses its INSERT once.
  Status Prepare(const std::string& statement, std::string_view sql, int params);
  Result<PgResult> QueryPrepared(const std::string& statement, const std::vector<PgParam>& params,
                                 std::string_view doing = {});

 private:
  struct Finisher {
    void operator()(pg_conn* connection) const;
  };
  PgConnection(std::string name, pg_conn* connection);
  Result<PgResult> Check(pg_result* result, std::string_view doing);

  std::string name_;
  std::unique_ptr<pg_conn, Finisher> connection_;
};

// A transaction that rolls back unless committed (BEGIN ... COMMIT).
class PgTransaction {
 public:
  static Result<PgTransaction> Begin(PgConnection& connection);
  PgTransaction(PgTransaction&& other) noexcept
      : connection_(std::exchange(other.connection_, nullptr)) {}
  PgTransaction& operator=(PgTransaction&&) = delete;
  ~PgTransaction();
  Status Commit();

 private:
  explicit PgTransaction(PgConnection* connection) : connection_(connection) {}
  PgConnection* connection_;  // null once committed or rolled back
};

}  // namespace guanxi::store
