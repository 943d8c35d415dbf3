// Runs the built `verify` binary (path compiled in as TC_VERIFY_BINARY) through the shell.
#include "tests/support/run_verify.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "tests/support/temp_files.hpp"

namespace tc::test {

VerifyRun run_verify(const std::string& arguments) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("tc_verify_run_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string out = (dir / "out").string(), err = (dir / "err").string();
  const std::string cmd =
      std::string(TC_VERIFY_BINARY) + " " + arguments + " >" + out + " 2>" + err;
  const int status = std::system(cmd.c_str());
  VerifyRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_whole_file(out);
  r.err = read_whole_file(err);
  return r;
}

const char* verify_binary() { return TC_VERIFY_BINARY; }

}  // namespace tc::test
