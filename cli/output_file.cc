#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <streambuf>
#include <utility>
#include <vector>

namespace guanxi::cli {
namespace {

// A stream buffer over a file descriptor that keeps the errno of its first
// failed write (std::filebuf forgets it). After a failure it drops what it
// is given, so that a command writing on costs nothing.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd), buffer_(kBufferBytes) { ResetBuffer(); }

  // Writes out what is buffered; false (and error() set) on failure.
  bool Drain() {
    const char* data = pbase();
    size_t left = static_cast<size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      const ssize_t written = ::write(fd_, data, left);
      if (written < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
      } else if (written == 0) {
        error_ = EIO;  // a short write that made no progress
      } else {
        data += written;
        left -= static_cast<size_t>(written);
      }
    }
    ResetBuffer();
    return error_ == 0;
  }

  // 0, or the errno of the first failed write.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  static constexpr size_t kBufferBytes = 64 * 1024;
  void ResetBuffer() { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

  int fd_;
  int error_ = 0;
  std::vector<char> buffer_;
};

std::string CannotWrite(int error) {
  return "cannot write (" + std::string(std::strerror(error != 0 ? error : EIO)) + ")";
}

// Standard output's buffer, installed under std::cout by the first call.
FdBuffer& StandardOutputBuffer() {
  static FdBuffer* buffer = [] {
    auto* made = new FdBuffer(STDOUT_FILENO);  // lives as long as std::cout
    std::cout.rdbuf(made);
    return made;
  }();
  return *buffer;
}

}  // namespace

struct OutputFile::State {
  std::string path;  // empty: standard output
  std::string name;
  std::string temporary;
  int fd = -1;
  std::unique_ptr<FdBuffer> buffer;
  std::unique_ptr<std::ostream> stream;
  bool committed = false;

  ~State() {
    if (fd >= 0) ::close(fd);
    if (!temporary.empty() && !committed) ::unlink(temporary.c_str());
  }
};

OutputFile::OutputFile(std::unique_ptr<State> state) : state_(std::move(state)) {}
OutputFile::OutputFile(OutputFile&&) noexcept = default;
OutputFile& OutputFile::operator=(OutputFile&&) noexcept = default;
OutputFile::~OutputFile() = default;

Result<OutputFile> OutputFile::Open(const std::string& path) {
  auto state = std::make_unique<State>();
  if (path == "-") {
    state->name = kStandardOutput;
    StandardOutputBuffer();
    return OutputFile(std::move(state));
  }
  state->path = path;
  state->name = path;
  // A device, FIFO or terminal (/dev/stdout, /dev/full, a named pipe) is
  // written in place: a temporary file renamed over it would replace it.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    if (S_ISDIR(existing.st_mode)) return Status::IoError(path, "a folder, not a file");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
      return Status::IoError(path, "cannot open (" + std::string(std::strerror(errno)) + ")");
    }
    state->fd = fd;
    state->buffer = std::make_unique<FdBuffer>(fd);
    state->stream = std::make_unique<std::ostream>(state->buffer.get());
    return OutputFile(std::move(state));
  }
  std::string pattern = path + ".tmp-XXXXXX";
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) {
    return Status::IoError(path, "cannot create (" + std::string(std::strerror(errno)) + ")");
  }
  // mkstemp makes the file private (0600); the output gets the permissions
  // a newly created file would have.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  (void)::fchmod(fd, 0666 & ~mask);
  state->fd = fd;
  state->temporary = pattern;
  state->buffer = std::make_unique<FdBuffer>(fd);
  state->stream = std::make_unique<std::ostream>(state->buffer.get());
  return OutputFile(std::move(state));
}

std::ostream& OutputFile::stream() { return state_->stream ? *state_->stream : std::cout; }

const std::string& OutputFile::name() const { return state_->name; }

Status OutputFile::Finish() {
  State& state = *state_;
  if (state.path.empty()) return CheckStandardOutput();
  if (state.fd < 0) return Status::Ok();  // finished already
  if (!state.buffer->Drain()) {
    return Status::IoError(state.name, CannotWrite(state.buffer->error()));
  }
  // A full disk may show only when the data reaches it (NFS, some quotas).
  if (::fsync(state.fd) != 0 && errno != EINVAL && errno != EROFS) {
    return Status::IoError(state.name, CannotWrite(errno));
  }
  const int fd = std::exchange(state.fd, -1);
  if (::close(fd) != 0) return Status::IoError(state.name, CannotWrite(errno));
  return Status::Ok();
}

Status OutputFile::Commit() {
  State& state = *state_;
  GUANXI_RETURN_IF_ERROR(Finish());
  if (state.temporary.empty()) return Status::Ok();  // standard output, or written in place
  if (::rename(state.temporary.c_str(), state.path.c_str()) != 0) {
    return Status::IoError(state.name, "cannot replace (" + std::string(std::strerror(errno)) + ")");
  }
  state.committed = true;
  return Status::Ok();
}

Status WriteOutput(const std::string& path, std::string_view bytes) {
  Result<OutputFile> output = OutputFile::Open(path);
  if (!output.ok()) return output.status();
  output->stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return output->Commit();
}

void UseCheckedStandardOutput() { StandardOutputBuffer(); }

Status CheckStandardOutput() {
  FdBuffer& buffer = StandardOutputBuffer();
  std::cout.flush();
  if (!buffer.Drain() || std::cout.bad()) {
    return Status::IoError(kStandardOutput, CannotWrite(buffer.error()));
  }
  return Status::Ok();
}

}  // namespace guanxi::cli
