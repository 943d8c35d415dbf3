// Runs the built `verify` binary and captures its exit code, stdout and stderr.
#pragma once

#include <string>

namespace tc::test {

struct VerifyRun {
  int exit_code = -1;
  std::string out, err;
};

VerifyRun run_verify(const std::string& arguments);

// The path of the built `verify` binary, for tests that compose their own shell command.
const char* verify_binary();

}  // namespace tc::test
