#include "graph/store/pg_db.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

namespace guanxi::store {
namespace {

// libpq's messages end in a newline; a Status detail does not.
std::string Trimmed(const char* message) {
  std::string text = message == nullptr ? "" : message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

std::string RedactedUri(std::string_view uri) {
  const std::size_t scheme = uri.find("://");
  if (scheme == std::string_view::npos) return std::string(uri);
  const std::size_t authority = scheme + 3;
  const std::size_t at = uri.find('@', authority);
  const std::size_t slash = uri.find('/', authority);
  if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at)) {
    return std::string(uri);
  }
  const std::size_t colon = uri.find(':', authority);
  if (colon == std::string_view::npos || colon > at) return std::string(uri);
  return std::string(uri.substr(0, colon)) + std::string(uri.substr(at));
}

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

}  // namespace

bool IsPostgresUri(std::string_view text) {
  return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

void PgResult::Clearer::operator()(pg_result* result) const { PQclear(result); }

int PgResult::rows() const { return PQntuples(result_.get()); }
int PgResult::columns() const { return PQnfields(result_.get()); }
bool PgResult::IsNull(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) != 0;
}
std::string_view PgResult::Text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}
int64_t PgResult::Int(int row, int column) const {
  return IsNull(row, column) ? 0
                             : std::strtoll(PQgetvalue(result_.get(), row, column), nullptr, 10);
}
std::string PgResult::Bytes(int row, int column) const {
  const std::string_view hex = Text(row, column);
  std::string bytes;
  if (hex.size() < 2 || hex.substr(0, 2) != "\\x") return bytes;
  bytes.reserve((hex.size() - 2) / 2);
  for (std::size_t i = 2; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(HexDigit(hex[i]) * 16 + HexDigit(hex[i + 1]));
  }
  return bytes;
}

bool PgResult::IsBytes(int column) const {
  constexpr Oid kByteaOid = 17;  // pg_type.oid of bytea, fixed in every server
  return PQftype(result_.get(), column) == kByteaOid;
}
bool PgResult::IsBoolean(int column) const {
  constexpr Oid kBoolOid = 16;
  return PQftype(result_.get(), column) == kBoolOid;
}
int64_t PgResult::AffectedRows() const {
  return std::strtoll(PQcmdTuples(result_.get()), nullptr, 10);
}

void PgConnection::Finisher::operator()(pg_conn* connection) const { PQfinish(connection); }

PgConnection::PgConnection(std::string name, pg_conn* connection)
    : name_(std::move(name)), connection_(connection) {}

PgConnection::~PgConnection() = default;

Result<std::unique_ptr<PgConnection>> PgConnection::Open(std::string_view uri) {
  const std::string name = RedactedUri(uri);
  const std::string text(uri);
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(text.c_str(), &parse_error);
  if (options == nullptr) {
    const std::string why = parse_error != nullptr ? Trimmed(parse_error) : "out of memory";
    PQfreemem(parse_error);
    return Status::InvalidInput(name, "not a PostgreSQL URI (" + why + ")");
  }
  PQconninfoFree(options);
  if (!IsPostgresUri(uri)) {
    return Status::InvalidInput(name,
                                "not a PostgreSQL URI (give postgresql://USER@HOST:PORT/DBNAME)");
  }
  // Connection parameters as keywords: the URI, and a bounded wait for a
  // server that does not answer.
  const char* keywords[] = {"dbname", "connect_timeout", "client_encoding", nullptr};
  const char* values[] = {text.c_str(), "10", "UTF8", nullptr};
  pg_conn* connection = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (connection == nullptr) return Status::Internal(name, "cannot connect: out of memory");
  std::unique_ptr<pg_conn, Finisher> owned(connection);
  if (PQstatus(connection) != CONNECTION_OK) {
    return Status::IoError(name, "cannot connect (" + Trimmed(PQerrorMessage(connection)) + ")");
  }
  auto opened = std::unique_ptr<PgConnection>(new PgConnection(name, owned.release()));
  // Warnings ("there is no transaction in progress") are not output of ours.
  PQsetNoticeProcessor(
      opened->connection_.get(), [](void*, const char*) {}, nullptr);
  GUANXI_RETURN_IF_ERROR(opened->Exec("SET client_min_messages = warning"));
  return opened;
}

Result<PgResult> PgConnection::Check(pg_result* raw, std::string_view doing) {
  PgResult result(raw);
  const std::string prefix = doing.empty() ? "" : std::string(doing) + ": ";
  if (raw == nullptr) {
    return Status::IoError(name_, prefix + Trimmed(PQerrorMessage(connection_.get())));
  }
  const ExecStatusType status = PQresultStatus(raw);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  const std::string message = prefix + Trimmed(PQresultErrorMessage(raw));
  const char* state = PQresultErrorField(raw, PG_DIAG_SQLSTATE);
  const std::string sqlstate = state == nullptr ? "" : state;
  if (PQstatus(connection_.get()) != CONNECTION_OK || sqlstate.rfind("08", 0) == 0 ||
      sqlstate.rfind("53", 0) == 0 || sqlstate == "25006") {
    // Connection lost, out of resources (disk full: 53100), read-only.
    return Status::IoError(name_, message);
  }
  if (sqlstate.rfind("23", 0) == 0 || sqlstate.rfind("22", 0) == 0) {
    return Status::Corrupt(name_, message);  // the data breaks a constraint or a type
  }
  return Status::Internal(name_, message);
}

Status PgConnection::Exec(std::string_view sql) {
  const std::string text(sql);
  Result<PgResult> result = Check(PQexec(connection_.get(), text.c_str()), {});
  return result.ok() ? Status::Ok() : result.status();
}

namespace {

// libpq's parallel arrays for `params`.
struct ParamArrays {
  explicit ParamArrays(const std::vector<PgParam>& params) {
    for (const PgParam& param : params) {
      values.push_back(param.null ? nullptr : param.value.data());
      lengths.push_back(static_cast<int>(param.value.size()));
      formats.push_back(param.binary ? 1 : 0);
    }
  }
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
};

}  // namespace

Result<PgResult> PgConnection::Query(std::string_view sql, const std::vector<PgParam>& params,
                                     std::string_view doing) {
  const std::string text(sql);
  ParamArrays arrays(params);
  return Check(PQexecParams(connection_.get(), text.c_str(), static_cast<int>(params.size()),
                            nullptr, arrays.values.data(), arrays.lengths.data(),
                            arrays.formats.data(), /*resultFormat=*/0),
               doing);
}

Status PgConnection::Prepare(const std::string& statement, std::string_view sql, int params,
                             const std::vector<unsigned>& types) {
  const std::string text(sql);
  static_assert(sizeof(Oid) == sizeof(unsigned));
  Result<PgResult> result =
      Check(PQprepare(connection_.get(), statement.c_str(), text.c_str(), params,
                      types.empty() ? nullptr : reinterpret_cast<const Oid*>(types.data())),
            "preparing `" + text.substr(0, 80) + "`");
  return result.ok() ? Status::Ok() : result.status();
}

Result<PgResult> PgConnection::QueryPrepared(const std::string& statement,
                                             const std::vector<PgParam>& params,
                                             std::string_view doing) {
  ParamArrays arrays(params);
  return Check(PQexecPrepared(connection_.get(), statement.c_str(), static_cast<int>(params.size()),
                              arrays.values.data(), arrays.lengths.data(), arrays.formats.data(),
                              /*resultFormat=*/0),
               doing);
}

bool PgConnection::InTransaction() const {
  return PQtransactionStatus(connection_.get()) != PQTRANS_IDLE;
}

namespace {

// The key of the advisory lock that every write transaction holds.
constexpr int64_t kWritersLock = 7461785;

// `sql` with SQLite's numbered parameters (?1, ?2, ...) as PostgreSQL's ($1,
// $2, ...), leaving string literals and quoted names alone; `used` is set to
// whether each number up to the largest appears.
std::string PgParameters(std::string_view sql, std::vector<bool>& used) {
  std::string text;
  text.reserve(sql.size() + 8);
  used.clear();
  int parameters = 0;
  char quote = 0;  // the quote of the literal or name being copied, if any
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;  // a doubled quote closes and opens again
      text += c;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      text += c;
      continue;
    }
    if (c != '?') {
      text += c;
      continue;
    }
    std::size_t end = i + 1;
    while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
    const int number = end > i + 1 ? std::atoi(std::string(sql.substr(i + 1, end - i - 1)).c_str())
                                   : parameters + 1;
    parameters = std::max(parameters, number);
    if (used.size() < static_cast<std::size_t>(number)) used.resize(number, false);
    used[number - 1] = true;
    text += '$' + std::to_string(number);
    i = end - 1;
  }
  return text;
}

// A server-side prepared statement (PQprepare), run with its bindings at the
// first Step; its rows are then read from the one result.
class PgStatement final : public StatementBackend {
 public:
  PgStatement(PgDatabase& database, std::string name, std::string head, int parameters)
      : database_(database),
        name_(std::move(name)),
        head_(std::move(head)),
        params_(static_cast<std::size_t>(parameters), PgParam::Null()) {}
  ~PgStatement() override {
    // Fails harmlessly inside a failed transaction: the server then drops
    // the statement with the session.
    (void)database_.connection().Exec("DEALLOCATE " + name_);
  }
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;

  Status Bind(int index, std::string_view text) override {
    return Set(index, PgParam::Text(std::string(text)));
  }
  Status Bind(int index, int64_t number) override {
    return Set(index, PgParam::Text(std::to_string(number)));
  }
  Status BindDouble(int index, double number) override {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", number);
    return Set(index, PgParam::Text(text));
  }
  Status BindBlob(int index, std::string_view bytes) override {
    return Set(index, PgParam::Bytes(std::string(bytes)));
  }
  Status BindNull(int index) override { return Set(index, PgParam::Null()); }
  int ParameterCount() const override { return static_cast<int>(params_.size()); }

  Result<bool> Step() override {
    if (!result_) {
      Result<PgResult> ran =
          database_.connection().QueryPrepared(name_, params_, "running `" + head_ + "`");
      if (!ran.ok()) return ran.status();
      result_.emplace(std::move(*ran));
      database_.set_changes(result_->AffectedRows());
      row_ = -1;
    }
    if (row_ < result_->rows()) ++row_;
    return row_ < result_->rows();
  }
  void Reset() override {
    result_.reset();
    std::fill(params_.begin(), params_.end(), PgParam::Null());
  }

  int64_t ColumnInt(int column) const override {
    if (result_->IsBoolean(column)) return result_->Text(row_, column) == "t" ? 1 : 0;
    return result_->Int(row_, column);
  }
  std::string_view ColumnTextView(int column) const override { return result_->Text(row_, column); }
  std::string ColumnBlob(int column) const override {
    if (result_->IsBytes(column)) return result_->Bytes(row_, column);
    return std::string(result_->Text(row_, column));
  }
  double ColumnDouble(int column) const override {
    return result_->IsNull(row_, column)
               ? 0.0
               : std::strtod(std::string(result_->Text(row_, column)).c_str(), nullptr);
  }
  bool ColumnIsNull(int column) const override { return result_->IsNull(row_, column); }

 private:
  Status Set(int index, PgParam param) {
    if (index < 1 || static_cast<std::size_t>(index) > params_.size()) {
      return Status::Internal(
          database_.path().string(),
          "binding parameter " + std::to_string(index) + " of `" + head_ + "`: no such parameter");
    }
    params_[static_cast<std::size_t>(index) - 1] = std::move(param);
    return Status::Ok();
  }

  PgDatabase& database_;  // outlives the statement
  std::string name_;
  std::string head_;  // the SQL's start, for messages
  std::vector<PgParam> params_;
  std::optional<PgResult> result_;
  int row_ = -1;
};

}  // namespace

PgDatabase::PgDatabase(std::unique_ptr<PgConnection> connection)
    : Database(connection->name(), Dialect::kPostgres), connection_(std::move(connection)) {}

PgDatabase::~PgDatabase() = default;

Result<std::unique_ptr<PgDatabase>> PgDatabase::Open(std::string_view uri) {
  Result<std::unique_ptr<PgConnection>> connection = PgConnection::Open(uri);
  if (!connection.ok()) return connection.status();
  return std::unique_ptr<PgDatabase>(new PgDatabase(std::move(*connection)));
}

Status PgDatabase::Exec(std::string_view sql) { return connection_->Exec(sql); }

Result<Statement> PgDatabase::Prepare(std::string_view sql) {
  std::vector<bool> used;
  const std::string text = PgParameters(sql, used);
  // The server infers each parameter's type from where it stands; one that
  // a statement leaves out (bound all the same, as SQLite allows) is text.
  constexpr unsigned kTextOid = 25;
  std::vector<unsigned> types;
  for (bool in_sql : used) types.push_back(in_sql ? 0 : kTextOid);
  std::string name = "guanxi_" + std::to_string(++statements_);  // unique on the connection
  const std::string head(sql.substr(0, 60));
  GUANXI_RETURN_IF_ERROR(connection_->Prepare(name, text, static_cast<int>(types.size()), types));
  return Statement(
      std::make_unique<PgStatement>(*this, std::move(name), head, static_cast<int>(used.size())));
}

Result<int64_t> PgDatabase::InsertReturningId(Statement& insert) {
  Result<bool> row = insert.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal(path().string(), "INSERT: RETURNING gave no row");
  const int64_t id = insert.ColumnInt(0);
  GUANXI_RETURN_IF_ERROR(insert.Run());
  return id;
}

bool PgDatabase::InTransaction() const { return connection_->InTransaction(); }

std::string_view PgDatabase::BeginSql(TransactionKind kind) const {
  // A writer waits for the others as SQLite's BEGIN IMMEDIATE does (the
  // writers' advisory lock, held to COMMIT or ROLLBACK) and counts itself in
  // guanxi_meta's "writes": what SQLite's PRAGMA data_version tells a writer.
  static const std::string kWrite =
      "BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWritersLock) +
      "); INSERT INTO guanxi_meta (key, value) VALUES ('writes', '1') ON CONFLICT (key) DO "
      "UPDATE SET value = CAST(CAST(guanxi_meta.value AS BIGINT) + 1 AS TEXT)";
  return kind == TransactionKind::kWrite ? std::string_view(kWrite)
                                         : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
}

Result<PgTransaction> PgTransaction::Begin(PgConnection& connection) {
  GUANXI_RETURN_IF_ERROR(connection.Exec("BEGIN"));
  return PgTransaction(&connection);
}

PgTransaction::~PgTransaction() {
  if (connection_ != nullptr) (void)connection_->Exec("ROLLBACK");
}

Status PgTransaction::Commit() {
  PgConnection* connection = std::exchange(connection_, nullptr);
  return connection->Exec("COMMIT");
}

}  // namespace guanxi::store
