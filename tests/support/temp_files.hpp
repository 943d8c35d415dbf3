// Scratch files of tests: one directory per test name and process, so that two test runs at once
// (CI and a developer) never share one.
#pragma once

#include <filesystem>
#include <string>

namespace tc::test {

// TMP/tc_<name>_<pid>, removed if it exists (not created).
std::filesystem::path fresh_temp_dir(const std::string& name);

// The file's bytes ("" if it cannot be read).
std::string read_whole_file(const std::filesystem::path& path);

}  // namespace tc::test
