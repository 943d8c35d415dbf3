// The manifest of emitted obligations (verify --emit-obligations DIR, then --collect DIR): the
// command line that produced them, so that --collect rebuilds the same run, and the obligation
// files, for the batch runner. DIR/manifest.json: {"format": "tc-obligations 1", "arguments":
// [...], "obligations": ["fadd/z_3_.cnf", ...]} (paths relative to DIR).
#pragma once

#include <string>
#include <vector>

namespace tc {

// The run's arguments without the emitting option and its value, nor --json.
std::vector<std::string> arguments_to_replay(const std::vector<std::string>& args);

// Writes DIR/manifest.json listing every .cnf file under DIR; returns how many.
size_t write_obligation_manifest(const std::string& dir, const std::vector<std::string>& arguments);

// The stored arguments; UsageError when the manifest is missing or malformed.
std::vector<std::string> read_obligation_manifest(const std::string& dir);

}  // namespace tc
