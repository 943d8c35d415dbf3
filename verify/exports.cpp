// Exports of a component (see exports.hpp).
#include "verify/exports.hpp"

#include <fstream>
#include <stdexcept>

#include "lib/export/aiger.hpp"
#include "lib/export/dot.hpp"
#include "lib/export/miter_cnf.hpp"
#include "lib/export/miter_opb.hpp"
#include "lib/sat/miter_circuit.hpp"
#include "verify/run_component.hpp"

namespace tc {

namespace {

std::ofstream open_for_writing(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw UsageError("cannot write " + path);
  return out;
}

}  // namespace

std::vector<std::string> export_component(const Component& c, const Params& params,
                                          const Exports& ex,
                                          std::optional<MiterCnfSize>* cnf_size) {
  validate_params(c, params);
  const Circuit construction = build_side(c.construction, params);
  const Circuit spec = build_side(c.spec, params);
  std::vector<std::string> written;
  if (!ex.aiger_base.empty()) {
    std::string base = ex.aiger_base;
    if (base.size() > 4 && base.substr(base.size() - 4) == ".aig") base.resize(base.size() - 4);
    // Both sides masked by the same validity predicate: ABC's unconstrained equivalence then
    // means "equal on every valid input", as ours does.
    AigerOptions masked;
    masked.mask_invalid_inputs = true;
    const std::pair<std::string, Circuit> files[] = {
        {base + ".construction.aig", aiger_share_constraints(construction, spec)},
        {base + ".spec.aig", aiger_share_constraints(spec, construction)},
        {base + ".miter.aig", build_miter(construction, spec).circuit}};
    for (const auto& [path, circuit] : files) {
      auto out = open_for_writing(path);
      write_aiger_binary(out, circuit, masked);
      written.push_back(path);
    }
  }
  if (!ex.cnf_path.empty()) {
    auto out = open_for_writing(ex.cnf_path);
    const MiterCnfSize size = write_miter_dimacs(out, construction, spec);
    if (cnf_size) *cnf_size = size;
    written.push_back(ex.cnf_path);
  }
  if (!ex.opb_path.empty()) {
    auto out = open_for_writing(ex.opb_path);
    write_miter_opb(out, construction, spec);
    written.push_back(ex.opb_path);
  }
  if (!ex.dot_path.empty()) {
    auto out = open_for_writing(ex.dot_path);
    write_dot(out, construction);
    written.push_back(ex.dot_path);
  }
  return written;
}

}  // namespace tc
