#include "graph/store/pg_db.h"

#include <libpq-fe.h>

#include <cstdlib>
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

Status PgConnection::Prepare(const std::string& statement, std::string_view sql, int params) {
  const std::string text(sql);
  Result<PgResult> result =
      Check(PQprepare(connection_.get(), statement.c_str(), text.c_str(), params, nullptr),
            "preparing " + statement);
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
