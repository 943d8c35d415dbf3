// Miter DIMACS export (see miter_cnf.hpp).
#include "lib/export/miter_cnf.hpp"

#include <string>
#include <vector>

#include "lib/cnf/dimacs.hpp"
#include "lib/sat/circuit_cnf.hpp"
#include "lib/sat/miter_circuit.hpp"

namespace tc {

namespace {

// The miter's CNF; with `comments`, the header lines that name the differences and the inputs.
CircuitCnf miter_cnf_build(const Circuit& construction, const Circuit& spec,
                           std::vector<std::string>* comments_out) {
  const Miter miter = build_miter(construction, spec);
  const Circuit& m = miter.circuit;
  CircuitCnf cc;
  for (Signal s : m.constraints()) cc.cnf.add_clause({cnf_encode_cone(cc, m, {s})[0]});
  std::vector<Lit> some_difference;
  std::vector<std::string> comments = {
      "equivalence miter: construction '" + construction.name() + "' against spec '" + spec.name() +
          "'",
      "SAT: the circuits differ on some input that satisfies the input constraints;",
      "     the 'input' lines below map the model back to input bits (1 = true)",
      "UNSAT: the circuits agree on every such input (every output word)",
  };
  for (const MiterWord& word : miter.words) {
    const std::vector<Lit> lits = cnf_encode_cone(cc, m, word.diff);
    some_difference.insert(some_difference.end(), lits.begin(), lits.end());
    // A structurally merged bit is the constant-false node: its variable is forced false.
    for (size_t i = 0; i < lits.size(); ++i)
      comments.push_back("differs " + word.name + "[" + std::to_string(i) +
                         "] = " + std::to_string(lits[i]));
  }
  cc.cnf.add_clause(some_difference);
  // Inputs outside every cone still get a variable, so the model covers each input bit.
  for (const Word& w : m.input_words())
    for (size_t i = 0; i < w.bits.size(); ++i)
      comments.push_back("input " + w.name + "[" + std::to_string(i) +
                         "] = " + std::to_string(cnf_encode_cone(cc, m, {w.bits[i]})[0]));
  if (comments_out) *comments_out = std::move(comments);
  return cc;
}

}  // namespace

MiterCnfSize write_miter_dimacs(std::ostream& out, const Circuit& construction,
                                const Circuit& spec) {
  std::vector<std::string> comments;
  const CircuitCnf cc = miter_cnf_build(construction, spec, &comments);
  cnf_write_dimacs(out, cc.cnf, comments);
  return {cc.cnf.num_vars, int64_t(cc.cnf.clauses.size()), cc.counts, cc.sharing.stats.adder_sums,
          cc.sharing.stats.totalizer_counts};
}

}  // namespace tc
