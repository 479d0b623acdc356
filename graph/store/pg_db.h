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
#include "graph/store/database.h"
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
  bool IsBytes(int column) const;    // the column is bytea
  bool IsBoolean(int column) const;  // the column is boolean ("t" or "f")
  // Rows an INSERT, UPDATE or DELETE changed (or a SELECT returned).
  int64_t AffectedRows() const;

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
  // `types` gives each parameter's type OID (0: inferred); empty for all inferred.
  Status Prepare(const std::string& statement, std::string_view sql, int params,
                 const std::vector<unsigned>& types = {});
  Result<PgResult> QueryPrepared(const std::string& statement, const std::vector<PgParam>& params,
                                 std::string_view doing = {});
  // True inside a transaction block (BEGIN without COMMIT or ROLLBACK yet).
  bool InTransaction() const;

 private:
  struct Finisher {
    void operator()(pg_conn* connection) const;
  };
  PgConnection(std::string name, pg_conn* connection);
  Result<PgResult> Check(pg_result* result, std::string_view doing);

  std::string name_;
  std::unique_ptr<pg_conn, Finisher> connection_;
};

// A PostgreSQL database behind the store's interface (database.h): each
// Statement is a server-side prepared statement whose ?N parameters become
// $N; its rows arrive whole at the first Step. Values travel as text (bytea
// as bytes), and the server infers each parameter's type from where it
// stands.
class PgDatabase final : public Database {
 public:
  // PgConnection::Open's status for a bad or unreachable URI.
  static Result<std::unique_ptr<PgDatabase>> Open(std::string_view uri);
  ~PgDatabase() override;

  Status Exec(std::string_view sql) override;
  Result<Statement> Prepare(std::string_view sql) override;
  int64_t Changes() const override { return changes_; }
  Result<int64_t> InsertReturningId(Statement& insert) override;
  bool InTransaction() const override;
  bool ReadOnly() const override { return false; }
  // A read is REPEATABLE READ: one snapshot for the whole transaction. A
  // write waits for the writers' advisory lock (one writer at a time, as in
  // a SQLite file; `guanxi copy` into PostgreSQL is one) and adds one to
  // guanxi_meta's "writes", which a writer reads to learn whether another
  // wrote since its last transaction.
  std::string_view BeginSql(TransactionKind kind) const override;

  PgConnection& connection() { return *connection_; }
  // Called by a statement when it has run.
  void set_changes(int64_t changes) { changes_ = changes; }

 private:
  explicit PgDatabase(std::unique_ptr<PgConnection> connection);

  std::unique_ptr<PgConnection> connection_;
  int64_t changes_ = 0;
  int64_t statements_ = 0;
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
