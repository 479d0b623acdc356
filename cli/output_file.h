#pragma once

// Where a command's output goes, written so that it never lies: a file is
// written into a temporary file beside it and renamed over it only once
// every byte is written, flushed and closed; standard output is flushed and
// checked. A short write, a full disk (ENOSPC, or EFBIG past the file size
// limit) or a closed pipe (EPIPE) is an IoError naming the file or
// "standard output", and no partial file is left behind.

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/status.h"

namespace guanxi::cli {

// The name errors give standard output.
inline constexpr char kStandardOutput[] = "standard output";

class OutputFile {
 public:
  // An output to `path`, or to standard output when `path` is "-". For a
  // file, creates the temporary file "PATH.tmp-XXXXXX" in the same folder
  // (so that the rename stays on one file system): IoError naming `path`
  // when it cannot (no such folder, no permission). An existing `path` that
  // is no regular file (a device such as /dev/stdout, a FIFO) is written in
  // place; a folder is an IoError.
  static Result<OutputFile> Open(const std::string& path);

  OutputFile(OutputFile&&) noexcept;
  OutputFile& operator=(OutputFile&&) noexcept;
  // Removes the temporary file unless Commit succeeded: `path` is left as
  // it was before.
  ~OutputFile();

  // Where to write. Errors are recorded and reported by Commit; writing on
  // after one is harmless.
  std::ostream& stream();
  // `path`, or "standard output".
  const std::string& name() const;

  // Writes out and closes the temporary file without putting it in place
  // (for outputs of several files: each finished before any is renamed);
  // the same errors as Commit.
  Status Finish();

  // Finish, then renames the temporary file to `path`; or
  // flushes standard output. IoError "NAME: cannot write (REASON)" for the
  // first failed write, close or rename; the temporary file is removed then.
  Status Commit();

 private:
  struct State;
  explicit OutputFile(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Writes `bytes` to `path` ("-": standard output) through an OutputFile.
Status WriteOutput(const std::string& path, std::string_view bytes);

// Routes std::cout through a buffer that keeps the error of its first
// failed write, for CheckStandardOutput. main calls it before any command.
void UseCheckedStandardOutput();

// Flushes standard output (std::cout) and checks that every
// write to it succeeded: IoError "standard output: cannot write (REASON)"
// otherwise. main calls it after every command.
Status CheckStandardOutput();

}  // namespace guanxi::cli
