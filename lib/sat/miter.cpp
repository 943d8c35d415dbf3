// SAT equivalence checking: the order of the steps (see miter.hpp).
#include "lib/sat/miter.hpp"

#include "lib/sat/compositional.hpp"
#include "lib/sat/cut_sharing.hpp"
#include "lib/sat/deadline.hpp"
#include "lib/sat/miter_obligations.hpp"

namespace tc {

namespace {

// A composition of declared blocks is proved as the sum of its block proofs where that settles
// it. Certified runs keep the concrete miter, whose every obligation gets a DRAT proof.
bool proving_by_blocks(const Circuit& construction, const Circuit& spec,
                       const MiterParams& params) {
  return params.prove_cut_block && params.proof_dir.empty() && has_block_cuts(construction) &&
         has_block_cuts(spec);
}

}  // namespace

std::optional<bool> check_equivalence_sat(const Circuit& construction, const Circuit& spec,
                                          const MiterParams& params, MiterStats* stats) {
  MiterStats local;
  MiterStats& st = stats ? *stats : local;
  const auto start = SatClock::now();
  const SatDeadline deadline = deadline_after(start, params.timeout_seconds);
  if (proving_by_blocks(construction, spec, params)) {
    const std::optional<bool> by_blocks =
        check_equivalence_by_blocks(construction, spec, params, st);
    if (by_blocks || deadline_passed(deadline)) {
      st.seconds = seconds_since(start);
      return by_blocks;
    }
    st.obligations.clear();
    st.shared_cuts.clear();
    st.composition += "; no verdict from the blocks, so the concrete miter decides";
  }
  const std::vector<SharedCut> shared_cuts = share_proved_cuts(construction, spec, params, st);
  const Miter miter = build_miter(construction, spec, shared_cuts);
  const std::optional<bool> verdict = solve_miter_outputs(miter, params, deadline, st);
  st.seconds = seconds_since(start);
  return verdict;
}

}  // namespace tc
