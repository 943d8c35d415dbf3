// int-cmp: the comparison [a >= b] of two p-bit unsigned words as a single threshold gate,
// [sum 2^i a_i - sum 2^i b_i >= 0] (Alon & Bruck 1994: depth 1 with exponential weights; depth 2
// with polynomial weights, not used here). The float comparisons of paper Lemma 3.12 rest on it.
//
// The mutants rebuild the gate by hand with one mistake each, since the correct block,
// int_compare_ge, exposes no weights to perturb.
#include "circuits/int_cmp.hpp"

#include <stdexcept>

#include "circuits/int_arith.hpp"
#include "circuits/int_mutants.hpp"

namespace tc {

const std::vector<Mutant>& int_cmp_mutants() {
  static const std::vector<Mutant> mutants = {
      {"strict-comparison", "threshold off by one: computes [a > b], wrong when a = b"},
      {"top-weight-off-by-one", "weight of a's top bit is 2^(p-1) - 1 instead of 2^(p-1)"},
      {"dropped-lsb", "b's least significant bit left out of the gate"},
  };
  return mutants;
}

namespace {

// [sum 2^i a_i - sum 2^i b_i >= threshold] with the mistake named by `mutant`.
Signal mutated_compare(Circuit& circuit, const Bits& a, const Bits& b, const std::string& mutant) {
  const int p = static_cast<int>(a.size());
  Bits fanins;
  std::vector<int64_t> weights;
  for (int i = 0; i < p; ++i) {
    fanins.push_back(a[i]);
    weights.push_back(int64_t{1} << i);
    fanins.push_back(b[i]);
    weights.push_back(-(int64_t{1} << i));
  }
  int64_t threshold = 0;
  if (mutant == "strict-comparison")
    threshold = 1;
  else if (mutant == "top-weight-off-by-one")
    weights[2 * (p - 1)] -= 1;
  else if (mutant == "dropped-lsb")
    weights[1] = 0;
  else
    int_unknown_mutant("int-cmp", mutant);
  return circuit.create_threshold(fanins, weights, threshold);
}

}  // namespace

Circuit int_cmp_construction(const Params& params) {
  if (params.p < 1) throw std::invalid_argument("int-cmp: p must be at least 1");
  Circuit circuit("int-cmp");
  const Bits a = circuit.add_input_word("a", params.p, Decoding::unsigned_int());
  const Bits b = circuit.add_input_word("b", params.p, Decoding::unsigned_int());
  const Signal ge = params.mutant.empty() ? int_compare_ge(circuit, a, b)
                                          : mutated_compare(circuit, a, b, params.mutant);
  circuit.add_output_word("ge", {ge}, Decoding::boolean());
  return circuit;
}

}  // namespace tc
