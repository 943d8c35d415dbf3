#include "tests/support/read_error_check.hpp"

#include <catch2/catch.hpp>

#include "lib/io/read_error.hpp"

namespace tc::test {

void check_read_error(const std::function<void()>& read, const std::string& text,
                      const std::string& file, const std::string& where,
                      const std::string& fragment) {
  try {
    read();
    FAIL("accepted: " << text);
  } catch (const CircuitReadError& e) {
    const std::string msg = e.what();
    INFO(msg);
    CHECK(msg.rfind(file + ":" + where + ": ", 0) == 0);
    CHECK(msg.find('\n') == std::string::npos);
    CHECK(msg.find(fragment) != std::string::npos);
  }
}

}  // namespace tc::test
