// Scratch files of tests (see temp_files.hpp).
#include "tests/support/temp_files.hpp"

#include <unistd.h>

#include <fstream>
#include <iterator>

namespace tc::test {

std::filesystem::path fresh_temp_dir(const std::string& name) {
  auto dir =
      std::filesystem::temp_directory_path() / ("tc_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace tc::test
