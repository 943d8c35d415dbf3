// The result of verifying one component, and its two renderings: human text and JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "lib/analysis.hpp"
#include "lib/component.hpp"
#include "lib/equivalence.hpp"

namespace tc {

struct Report {
  const Component* component = nullptr;
  Params params;
  CircuitStats construction, spec;
  bool stats_only = false;
  std::optional<EquivalenceResult> equivalence;
  // Decoded counterexample: "name = value" lines for inputs, and per output word both sides.
  std::vector<std::pair<std::string, std::string>> cex_inputs;
  struct OutputPair { std::string word, spec, construction; bool differs; };
  std::vector<OutputPair> cex_outputs;
  nlohmann::json lemmas = nlohmann::json::array();
};

int report_exit_code(const Report& r);  // 0 proved, 1 counterexample, 3 unknown
void print_report(const Report& r);     // human-readable, stdout
nlohmann::json report_json(const Report& r);

}  // namespace tc
