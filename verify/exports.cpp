// Exports of a component (see exports.hpp).
#include "verify/exports.hpp"

#include <stdexcept>

#include "lib/export/aiger.hpp"
#include "lib/export/atomic_files.hpp"
#include "lib/export/dot.hpp"
#include "lib/export/miter_cnf.hpp"
#include "lib/export/miter_opb.hpp"

namespace tc {

std::vector<std::string> export_component(const Component& c, const Params& params,
                                          const Exports& ex, std::optional<Sides>& sides,
                                          std::optional<MiterCnfSize>* cnf_size) {
  validate_params(c, params);
  std::string aiger_base = ex.aiger_base;
  if (aiger_base.size() > 4 && aiger_base.substr(aiger_base.size() - 4) == ".aig")
    aiger_base.resize(aiger_base.size() - 4);
  // All of one command's exports or none: every file is opened (as a temporary) before anything
  // is built, so a path that cannot be written fails at once, and the files are renamed into
  // place only once every one is written (a size limit or the memory limit in the last leaves
  // none of them). A path that cannot be written is the user's to fix: a usage error.
  AtomicFiles files;
  std::ostream *construction_aig = nullptr, *spec_aig = nullptr, *miter_aig = nullptr;
  std::ostream *cnf = nullptr, *opb = nullptr, *dot = nullptr;
  std::vector<std::string> written;
  auto open = [&](const std::string& path) -> std::ostream* {
    if (path.empty()) return nullptr;
    try {
      std::ostream& out = files.open(path);
      written.push_back(path);
      return &out;
    } catch (const ExportFileError& e) {
      throw UsageError(e.what());
    }
  };
  if (!aiger_base.empty()) {
    construction_aig = open(aiger_base + ".construction.aig");
    spec_aig = open(aiger_base + ".spec.aig");
    miter_aig = open(aiger_base + ".miter.aig");
  }
  cnf = open(ex.cnf_path);
  opb = open(ex.opb_path);
  dot = open(ex.dot_path);

  if (!sides) sides = build_sides(c, params);
  const Circuit& construction = sides->construction;
  const Circuit& spec = sides->spec;
  if (construction_aig) {
    // Both sides masked by the same validity predicate: ABC's unconstrained equivalence then
    // means "equal on every valid input", as ours does.
    const AigerPair aig = aiger_pair(construction, spec);
    write_aiger_binary(*construction_aig, aig.construction);
    write_aiger_binary(*spec_aig, aig.spec);
    write_aiger_binary(*miter_aig, aig.miter);
  }
  if (cnf) {
    const MiterCnfSize size = write_miter_dimacs(*cnf, construction, spec);
    if (cnf_size) *cnf_size = size;
  }
  if (opb) write_miter_opb(*opb, construction, spec);
  if (dot) write_dot(*dot, construction);
  try {
    files.commit();
  } catch (const ExportFileError& e) {
    throw UsageError(e.what());
  }
  return written;
}

}  // namespace tc
