// hadamard: the entry-wise product of two float vectors, z_i = round_p(x_i * y_i), depth 7.
//
// Paper Lemma B.1: the entries are independent float products, so the circuit is n copies of the
// float multiplication of Lemma 3.12 side by side (fmul's construction: depth-3 significand
// product, exponent sum as a linear form, normalize by selection, round once) and its depth does
// not grow with n. Cut points "significand-product-i" over (m_xi, m_yi), one per entry.
#include "circuits/float_hadamard.hpp"

#include <stdexcept>
#include <string>

#include "circuits/float_blocks.hpp"
#include "circuits/int_arith.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/float_word.hpp"

namespace tc {

const std::vector<Mutant>& float_hadamard_mutants() {
  static const std::vector<Mutant> mutants = {
      {"sign-or", "each entry's sign is s_x OR s_y instead of s_x XOR s_y"},
      {"ties-away-from-zero", "rounds halfway products away from zero instead of to even"},
      {"entries-misaligned", "entry i multiplies x_i by y_(i+1) (an off-by-one index, wrapping)"},
      {"exponent-off-by-one", "normalization subtracts one too many from the exponent"},
  };
  return mutants;
}

Circuit float_hadamard_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  const int n = params.n;
  const std::string& mutant = params.mutant;
  if (n < 1) throw std::invalid_argument("hadamard: n must be at least 1");
  RoundOptions options;
  if (mutant == "ties-away-from-zero")
    options.mode = RoundingMode::NearestAway;
  else if (mutant == "exponent-off-by-one")
    options.exponent_skew = -1;
  else if (!mutant.empty() && mutant != "sign-or" && mutant != "entries-misaligned")
    int_unknown_mutant("hadamard", mutant);

  Circuit c("float-hadamard");
  std::vector<FloatBits> xs, ys;
  for (int i = 0; i < n; ++i)
    xs.push_back(split_float(add_float_input(c, std::string("x").append(std::to_string(i)), f), f));
  for (int i = 0; i < n; ++i)
    ys.push_back(split_float(add_float_input(c, std::string("y").append(std::to_string(i)), f), f));
  for (int i = 0; i < n; ++i) {
    const FloatBits& x = xs[i];
    const FloatBits& y = ys[mutant == "entries-misaligned" ? (i + 1) % n : i];
    UnroundedValue exact;
    exact.n = int_multiply(c, x.magnitude, y.magnitude);
    exact.lead_lo = 2 * f.p - 2;  // 2^(p-1) * 2^(p-1) <= m_x m_y for nonzero operands
    if (mutant != "entries-misaligned") {
      Bits cut_inputs = x.magnitude;
      cut_inputs.insert(cut_inputs.end(), y.magnitude.begin(), y.magnitude.end());
      c.add_cut(std::string("significand-product-").append(std::to_string(i)), cut_inputs, exact.n);
    }
    exact.exponent.add_signed(x.exponent, 1);
    exact.exponent.add_signed(y.exponent, 1);
    exact.sign = mutant == "sign-or" ? c.create_or(x.sign, y.sign) : fb_xor(c, x.sign, y.sign);
    add_float_output(c, std::string("z").append(std::to_string(i)),
                     fb_round_pack(c, exact, f, {}, options), f);
  }
  return c;
}

}  // namespace tc
