// Spec of iterated float addition (see float_sum.hpp).
//
// Cut point "exact-sum": inputs the bits of x0, x1, ... in declaration order (magnitude,
// exponent, sign of each); outputs the cut word of specs/float_sum_word.hpp for the terms
// (-1)^s_i m_i 2^(e_i - emin): column by column the aligned bits split by sign, P, Q and the
// exact sum T = P - Q, W = (2^E - 1) + p + bit_width(n - 1) + 1 bits. Exact for every bit
// pattern, normalized or not.
#include "specs/float_sum.hpp"

#include <stdexcept>

#include "lib/float_word.hpp"
#include "specs/float_sum_word.hpp"

namespace tc {

std::string float_sum_input_name(int i) { return std::string("x").append(std::to_string(i)); }

Circuit build_float_sum_spec(const Params& params) {
  const FloatFormat f = float_format(params);
  if (params.n < 1) throw std::invalid_argument("fsum: n must be at least 1");
  Circuit c("float-sum-spec");
  std::vector<SpecTerm> terms;
  Bits cut_inputs;
  for (int i = 0; i < params.n; ++i) {
    const Bits word = add_float_input(c, float_sum_input_name(i), f);
    cut_inputs.insert(cut_inputs.end(), word.begin(), word.end());
    const FloatBits x = split_float(word, f);
    terms.push_back({x.magnitude, x.exponent, f.emin(), f.emax(), x.sign});
  }
  const SpecSum sum = sum_word_exact(c, terms);
  c.add_cut("exact-sum", cut_inputs, sum.cut_outputs);
  add_float_output(c, "z", sum_word_round(c, sum.difference, sum.exponent_lo, f), f);
  return c;
}

}  // namespace tc
