// fmul: z = round_p(x * y), the exact product rounded once, as a threshold circuit of depth 7.
//
// It follows Chiang's Lemma 10 (paper Lemma 3.12, part 1): the significand product
// m_x * m_y is an integer multiplication (int_multiply: partial products, then depth-2 column
// addition, depth 3), the exponent is the sum e_x + e_y, and the rest is one rounding. The
// product of two normalized significands has its leading one at bit 2p - 1 or 2p - 2, so
// fb_round_pack selects between just those two normalizations; a zero operand gives N = 0 and
// hence the canonical zero. The exponent never materializes as a word: e_x + e_y enters the
// range tests and the exponent bits as a linear form over the input bits. The sign is
// s_x XOR s_y (two layers), cleared for a zero result.
//
// Cut point (lib/sat/cut_points.hpp): "significand-product", inputs m_x bits then m_y bits
// (LSB first), outputs the 2p-bit product m_x * m_y (LSB first). The product is exact and
// total (every input pattern, valid or not), so any correct spec multiplier matches it.
#include "circuits/float_mul.hpp"

#include "circuits/float_blocks.hpp"
#include "circuits/int_arith.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/float_word.hpp"

namespace tc {

const std::vector<Mutant>& float_mul_mutants() {
  static const std::vector<Mutant> mutants = {
      {"ties-away-from-zero", "rounds halfway products away from zero instead of to even"},
      {"truncation", "drops the low product bits instead of rounding to nearest"},
      {"missing-saturation", "an exponent above emax wraps around instead of saturating to max"},
      {"rounding-carry-dropped",
       "a significand that rounds up to 2^p becomes 2^(p-1) without bumping the exponent"},
      {"exponent-off-by-one", "normalization subtracts one too many from the exponent"},
      {"negative-zero", "a zero product keeps the sign s_x XOR s_y (-0 for -x * 0)"},
  };
  return mutants;
}

namespace {

RoundOptions mul_round_options(const std::string& mutant) {
  RoundOptions o;
  if (!fb_rounding_mutant(mutant, o) && !mutant.empty()) int_unknown_mutant("fmul", mutant);
  return o;
}

}  // namespace

Circuit float_mul_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  const RoundOptions options = mul_round_options(params.mutant);
  const int p = f.p;
  Circuit c("float-mul");
  const FloatBits x = split_float(add_float_input(c, "x", f), f);
  const FloatBits y = split_float(add_float_input(c, "y", f), f);

  const Bits product = int_multiply(c, x.magnitude, y.magnitude);
  Bits cut_inputs = x.magnitude;
  cut_inputs.insert(cut_inputs.end(), y.magnitude.begin(), y.magnitude.end());
  // The block is claimed on zero or normalized significands only (every valid float's): a
  // quarter of the 2^(2p) assignments the block proof enumerates.
  c.add_cut("significand-product", cut_inputs, product,
            all_zero_or_normalized(c, {x.magnitude, y.magnitude}));

  UnroundedValue exact;
  exact.n = product;
  exact.lead_lo = 2 * p - 2;  // 2^(p-1) * 2^(p-1) <= m_x m_y for nonzero operands
  exact.exponent.add_signed(x.exponent, 1);
  exact.exponent.add_signed(y.exponent, 1);
  exact.sign = fb_xor(c, x.sign, y.sign);
  add_float_output(c, "z", fb_round_pack(c, exact, f, {}, options), f);
  return c;
}

}  // namespace tc
