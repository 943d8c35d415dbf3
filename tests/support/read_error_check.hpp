// Checks that a circuit reader rejects a text with one line naming the place: "FILE:WHERE: ...".
#pragma once

#include <functional>
#include <string>

namespace tc::test {

// `read` must throw CircuitReadError whose message starts "file:where: ", is one line and
// contains `fragment`.
void check_read_error(const std::function<void()>& read, const std::string& text,
                      const std::string& file, const std::string& where,
                      const std::string& fragment);

}  // namespace tc::test
