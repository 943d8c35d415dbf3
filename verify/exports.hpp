// Writing a component's circuits in standard formats: AIGER (ABC, Yosys), DIMACS, OPB, DOT.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lib/component.hpp"
#include "lib/export/miter_cnf.hpp"
#include "verify/run_component.hpp"

namespace tc {

struct Exports {
  std::string aiger_base;  // BASE.construction.aig, BASE.spec.aig, BASE.miter.aig
  std::string cnf_path;    // the miter in DIMACS
  std::string opb_path;    // the miter in OPB (pseudo-Boolean)
  std::string dot_path;    // the construction in Graphviz
};

// Writes what `ex` asks for; returns the paths written, and with a CNF its size in `cnf_size`.
// The files are opened before anything is built; `sides` is built then, unless the caller has it
// already, and is left for the caller's check. A file that cannot be written is a UsageError.
std::vector<std::string> export_component(const Component& c, const Params& params,
                                          const Exports& ex, std::optional<Sides>& sides,
                                          std::optional<MiterCnfSize>* cnf_size = nullptr);

}  // namespace tc
