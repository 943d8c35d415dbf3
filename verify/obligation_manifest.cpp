// The manifest of emitted obligations (see obligation_manifest.hpp).
#include "verify/obligation_manifest.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "verify/run_component.hpp"

namespace tc {

namespace {

constexpr const char* kFormat = "tc-obligations 1";

std::string manifest_path(const std::string& dir) { return dir + "/manifest.json"; }

}  // namespace

std::vector<std::string> arguments_to_replay(const std::vector<std::string>& args) {
  std::vector<std::string> kept;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--emit-obligations") {
      ++i;  // and its value
      continue;
    }
    if (args[i].rfind("--emit-obligations=", 0) == 0 || args[i] == "--json") continue;
    kept.push_back(args[i]);
  }
  return kept;
}

size_t write_obligation_manifest(const std::string& dir,
                                 const std::vector<std::string>& arguments) {
  std::vector<std::string> cnfs;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".cnf")
      cnfs.push_back(std::filesystem::relative(entry.path(), dir).generic_string());
  std::sort(cnfs.begin(), cnfs.end());
  const nlohmann::json manifest = {
      {"format", kFormat}, {"arguments", arguments}, {"obligations", cnfs}};
  std::ofstream out(manifest_path(dir));
  out << manifest.dump(2) << "\n";
  if (!out) throw UsageError("cannot write " + manifest_path(dir));
  return cnfs.size();
}

std::vector<std::string> read_obligation_manifest(const std::string& dir) {
  std::ifstream in(manifest_path(dir));
  if (!in)
    throw UsageError("no obligation manifest " + manifest_path(dir) +
                     " (made by verify --emit-obligations DIR)");
  try {
    const nlohmann::json manifest = nlohmann::json::parse(in);
    if (manifest.value("format", "") != kFormat)
      throw UsageError(manifest_path(dir) + " is not a manifest of format '" + kFormat + "'");
    return manifest.at("arguments").get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    throw UsageError("malformed manifest " + manifest_path(dir) + ": " + e.what());
  }
}

}  // namespace tc
