// Cut sharing for the concrete miter (see cut_sharing.hpp).
#include "lib/sat/cut_sharing.hpp"

#include <cstdint>
#include <map>
#include <stdexcept>

#include "lib/circuit_fingerprint.hpp"
#include "lib/sat/cut_points.hpp"
#include "lib/sat/miter_circuit.hpp"

namespace tc {

namespace {

// A block too large to encode (a BDD over the node limit) costs the most.
size_t cut_block_cnf_clauses_or_max(const Circuit& block, size_t clause_limit = SIZE_MAX) {
  try {
    return cut_block_cnf_clauses(block, clause_limit);
  } catch (const std::runtime_error&) {
    return SIZE_MAX;
  }
}

}  // namespace

std::vector<SharedCut> share_proved_cuts(const Circuit& construction, const Circuit& spec,
                                         const MiterParams& params, MiterStats& st) {
  std::vector<SharedCut> shared_cuts;
  if (!params.prove_cut_block) return shared_cuts;
  // Block pairs already proved, by structure: matmul's entries are the same dot product over
  // other inputs, proved once. Each value says where it was proved.
  std::map<std::string, std::string> proved_pairs;
  auto prove_once = [&](const std::string& label, const Circuit& a,
                        const Circuit& b) -> std::optional<std::string> {
    const std::string key = circuit_fingerprint(a) + "|" + circuit_fingerprint(b);
    if (auto it = proved_pairs.find(key); it != proved_pairs.end())
      return "structural identity with the pair of " + it->second;
    auto how = params.prove_cut_block(label, a, b);
    if (how) proved_pairs.emplace(key, label + " (" + *how + ")");
    return how;
  };
  for (const auto& name : matching_cuts(construction, spec)) {
    const Circuit::Cut& cut = *find_cut(construction, name);
    auto bc = extract_cut_block(construction, cut);
    auto bs = extract_cut_block(spec, *find_cut(spec, name));
    if (!bc || !bs) {
      st.unshared_cuts.push_back(name + ": its inputs do not cut the block off");
      continue;
    }
    auto how = prove_once(name, *bc, *bs);
    if (!how) {
      st.unshared_cuts.push_back(name + ": blocks not proved equivalent");
      continue;
    }
    SharedCut shared{name, *how};
    shared.unconditional = cut.assumption == kTrue;
    if (!shared.unconditional) {
      auto [holds, truth] = cut_assumption_check(construction, spec, cut);
      if (auto implied = prove_once(name + "-assumption", holds, truth)) {
        shared.unconditional = true;
        shared.proof += "; its assumption holds on every valid input (" + *implied + ")";
      }
    }
    // Either block may serve both sides once the sharing is unconditional: keep the cheaper.
    // The construction's block is encoded only as far as the spec's size (fdiv's series
    // quotient would take minutes and gigabytes whole at p = 12): the same decision.
    const size_t spec_clauses =
        shared.unconditional && distinct_gate_nodes(construction, cut.outputs)
            ? cut_block_cnf_clauses_or_max(*bs)
            : SIZE_MAX;
    if (spec_clauses < SIZE_MAX && spec_clauses < cut_block_cnf_clauses_or_max(*bc, spec_clauses)) {
      shared.spec_block_kept = true;
      shared.proof += "; the spec's block (smaller CNF) serves both sides";
    }
    shared_cuts.push_back(shared);
    st.shared_cuts.push_back(shared);
    if (params.progress) params.progress("cut " + name + " proved by " + shared.proof + "; shared");
  }
  return shared_cuts;
}

}  // namespace tc
