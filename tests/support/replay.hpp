// Replaying a counterexample printed by `verify --json` without trusting verify's own replay.
//
// The report's "replayed": true is a constant of the report writer; a test that checks it checks
// nothing. replay_counterexample reads the printed input values back into bits (they must print
// the same again, so the reading is exact), simulates the component's construction (with the
// mutant) and its spec on them, and requires that the outputs print as reported and that the
// words reported as differing, and only those, differ.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "lib/component.hpp"

namespace tc::test {

// Sets the integer parameters and flags named in CLI options text such as "--D 2 --euler";
// options of the run (--engine sat, --json) are skipped.
void apply_options(const Component& c, Params& params, const std::string& options);

// Empty when the replay confirms the counterexample; otherwise what went wrong, one line.
std::string replay_counterexample(const Component& c, const Params& params,
                                  const nlohmann::json& counterexample);

}  // namespace tc::test
