// The JSON report (`verify --json`) of a SAT proof through blocks (lib/sat/compositional.hpp),
// checked the same way for every composition: exp, silu, softplus.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tc::test {

// Proved by engine sat; exactly the blocks `names`, in order, each proved with its guarantee;
// every one of them abstracted in the glue; every glue obligation unsat.
void check_proved_by_blocks(const nlohmann::json& report, const std::vector<std::string>& names);

}  // namespace tc::test
