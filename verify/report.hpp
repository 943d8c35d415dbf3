// The result of verifying one component, and its two renderings: human text and JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lib/analysis.hpp"
#include "lib/component.hpp"
#include "lib/equivalence.hpp"
#include "lib/export/miter_cnf.hpp"
#include "lib/lower_weights.hpp"

namespace tc {

// --lower-weights: what the lowering replaced, and the circuit before it.
struct LoweringReport {
  WeightLowering counts;
  CircuitStats original;
};

struct Report {
  const Component* component = nullptr;
  Params params;
  CircuitStats construction, spec;
  std::string spec_not_built;  // non-empty: why `spec` is not measured (--stats-only only)
  // --circuit FILE: `construction` is the file's circuit, `builtin` the component's own.
  std::string circuit_file;
  std::optional<CircuitStats> builtin;
  size_t ignored_constraints = 0;          // the file's input constraints, not assumed
  std::optional<LoweringReport> lowering;  // `construction` is the lowered circuit
  bool stats_only = false;
  std::optional<MiterCnfSize> miter_cnf;  // --export-cnf: the CNF's size and encodings
  std::optional<EquivalenceResult> equivalence;
  // Decoded counterexample: "name = value" lines for inputs, and per output word both sides.
  std::vector<std::pair<std::string, std::string>> cex_inputs;
  struct OutputPair {
    std::string word, spec, construction;
    bool differs;
  };
  std::vector<OutputPair> cex_outputs;
  std::vector<LemmaResult> lemmas;  // the component's error-bound lemmas (empty when it has none)
};

// 0 proved, 1 counterexample or refuted lemma, 3 unknown (equivalence or a lemma)
int report_exit_code(const Report& r);
void print_report(const Report& r);  // human-readable, stdout
nlohmann::json report_json(const Report& r);

}  // namespace tc
