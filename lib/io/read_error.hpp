// The one error a circuit reader throws: where in the file (source:line:column) and why, on one
// line, so the CLI can print it as it is.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace tc {

struct CircuitReadError : std::runtime_error {
  CircuitReadError(const std::string& source, size_t line, size_t column, const std::string& reason)
      : std::runtime_error(source + ":" + std::to_string(line) + ":" + std::to_string(column) +
                           ": " + reason) {}
};

}  // namespace tc
