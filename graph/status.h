#pragma once

// Status and Result<T>: how every fallible guanxi call reports failure.
// No exception crosses a module header; adapters turn their C library's
// convention (ICU UErrorCode, SQLite rc, cgraph NULL) into a Status once.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace guanxi {

class [[nodiscard]] Status {
 public:
  enum class Code { kOk, kNotFound, kInvalidInput, kCorrupt, kIoError, kInternal };

  // The default status is Ok.
  Status() = default;

  static Status Ok() { return Status(); }
  // `context` names what the error is about (a file, an entity, a table);
  // `detail` says what is wrong with it.
  static Status NotFound(std::string context, std::string detail) {
    return Status(Code::kNotFound, std::move(context), std::move(detail));
  }
  static Status InvalidInput(std::string context, std::string detail) {
    return Status(Code::kInvalidInput, std::move(context), std::move(detail));
  }
  static Status Corrupt(std::string context, std::string detail) {
    return Status(Code::kCorrupt, std::move(context), std::move(detail));
  }
  static Status IoError(std::string context, std::string detail) {
    return Status(Code::kIoError, std::move(context), std::move(detail));
  }
  static Status Internal(std::string context, std::string detail) {
    return Status(Code::kInternal, std::move(context), std::move(detail));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& context() const { return context_; }
  const std::string& detail() const { return detail_; }

  // "context: detail", or "ok".
  std::string ToString() const;

 private:
  Status(Code code, std::string context, std::string detail)
      : code_(code), context_(std::move(context)), detail_(std::move(detail)) {}

  Code code_ = Code::kOk;
  std::string context_;
  std::string detail_;
};

// Either a value or a non-OK Status. Reading value() of a failed Result is a
// programming error (asserted in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok() && "a Result needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  // Ok when there is a value, the error otherwise.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace guanxi

// Returns from the enclosing function when `expr` (a Status) is not ok.
#define GUANXI_RETURN_IF_ERROR(expr)            \
  do {                                          \
    ::guanxi::Status guanxi_status_ = (expr);   \
    if (!guanxi_status_.ok()) return guanxi_status_; \
  } while (false)
