#include "graph/status.h"

namespace guanxi {

std::string Status::ToString() const {
  if (ok()) return "ok";
  if (detail_.empty()) return context_;
  if (context_.empty()) return detail_;
  return context_ + ": " + detail_;
}

}  // namespace guanxi
