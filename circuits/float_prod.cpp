// fprod: z = round_p(x_1 * ... * x_n), the exact product rounded once, as a threshold circuit
// of constant depth: 9 for n p <= 56, 14 beyond (see below).
//
// Paper Lemma 3.12 part 3 (Chiang Lemma 11): the significand product m_1 ... m_n is an iterated
// integer product, built by Chinese remaindering in depth 5 or 10 (below); the exponent
// is e_1 + ... + e_n, a linear form over the input bits that enters fb_round_pack's gates
// directly; the sign is the parity of the signs (one telescoping sum, depth 2). The product of n
// normalized significands has its leading one at bit n (p - 1) or above, so its low
// s = (n - 1)(p - 1) - 1 bits lie below the round bit and matter only through their OR, the
// sticky. That OR is computed from the operands, not from the product: a nonzero product has
// tz(m_1) + ... + tz(m_n) trailing zeros, so sticky = [sum_i tz_i < s] and every m_i != 0, one
// gate over the depth-1 tests [tz_i >= t] (depth 2). fb_round_pack then normalizes among the n
// leading-one positions of N' = N >> s and rounds once: 4 layers above the product.
//
// Two significand products meet the same contract. Up to n p = 56, int_iterated_product: its
// last sum is int_arith.hpp's depth-2 column sums, whose weights grow as 2^(n p) and fit the
// IR's bound only there (int_iterated_product_fits); fprod then has depth 9. Past it (and at
// every width with the flag "wide-crt"), int_iterated_product_wide: the same residues, the CRT
// constants in GMP and the last sum by the block adder, depth 10 with weights below a thousand;
// fprod then has depth 14. At widths where both exist the wide one has 2 to 11% fewer gates and
// 30 to 45% fewer wires but 5 more layers, so the narrow one stays the default there (and so do the
// fprod blocks of scan and conv-kernel).
//
// Size: polynomial in n p. The residues dominate: with r primes m_j up to about 0.7 n p, layer 2
// has about n m_j gates of fan-in about n p m_j per prime (n^2 p sum_j m_j^2 wires): 1.7 million
// wires at p = 8, n = 7 and 33 million at p = 16, n = 8 (built in about 25 s).
//
// Cut point: "significand-product", inputs m_1 .. m_n, outputs N' then the sticky, like the spec.
#include "circuits/float_prod.hpp"

#include <stdexcept>
#include <string>

#include "circuits/float_blocks.hpp"
#include "circuits/int_arith.hpp"
#include "circuits/int_crt.hpp"
#include "circuits/int_mutants.hpp"
#include "circuits/int_product_wide.hpp"
#include "lib/float_word.hpp"

namespace tc {

const std::vector<Mutant>& float_prod_mutants() {
  static const std::vector<Mutant> mutants = {
      {"rounds-each-step",
       "rounds every partial product (round_p(round_p(x_1 x_2) x_3) ...) instead of once"},
      {"sticky-dropped", "ignores the product bits below the round bit (ties misjudged)"},
      {"sign-or", "the sign is the OR of the operand signs instead of their parity"},
      {"exponent-off-by-one", "normalization subtracts one too many from the exponent"},
      {"crt-modulus-too-small",
       "the CRT moduli multiply to less than the largest product, so products wrap around"},
  };
  return mutants;
}

namespace {

// [m has at least t trailing zeros] for t = 1 .. p - 1, for each operand; sticky of the low s
// product bits = [sum of those < s] for nonzero operands.
Signal trailing_zero_sticky(Circuit& c, const std::vector<FloatBits>& xs, int s) {
  if (s <= 0) return kFalse;
  Bits fanins, nonzero;
  std::vector<int64_t> weights;
  for (const FloatBits& x : xs) {
    const Bits& m = x.magnitude;
    nonzero.push_back(c.create_or(m));
    for (size_t t = 1; t < m.size(); ++t) {
      Bits zeros;
      for (size_t i = 0; i < t; ++i) zeros.push_back(!m[i]);
      fanins.push_back(c.create_and(zeros));
      weights.push_back(-1);
    }
  }
  return fb_gate(c, fanins, weights, -(s - 1), nonzero);
}

// The mutant "rounds-each-step": a chain of rounded pairwise products (fmul's construction).
Bits rounded_chain(Circuit& c, const std::vector<FloatBits>& xs, FloatFormat f) {
  FloatBits acc = xs[0];
  for (size_t i = 1; i < xs.size(); ++i) {
    UnroundedValue v;
    v.n = int_multiply(c, acc.magnitude, xs[i].magnitude);
    v.lead_lo = 2 * f.p - 2;
    v.exponent.add_signed(acc.exponent, 1);
    v.exponent.add_signed(xs[i].exponent, 1);
    v.sign = fb_xor(c, acc.sign, xs[i].sign);
    acc = split_float(fb_round_pack(c, v, f), f);
  }
  return join_float(acc);
}

}  // namespace

bool float_prod_uses_wide_crt(const Params& params) {
  return params.flag("wide-crt") ||
         !int_iterated_product_fits(std::vector<int>(static_cast<size_t>(params.n), params.p));
}

Circuit float_prod_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  const int n = params.n, p = f.p;
  const std::string& mutant = params.mutant;
  if (n < 2) throw std::invalid_argument("fprod: n must be at least 2");
  RoundOptions options;
  if (mutant == "sticky-dropped")
    options.use_sticky = false;
  else if (mutant == "exponent-off-by-one")
    options.exponent_skew = -1;
  else if (!mutant.empty() && mutant != "rounds-each-step" && mutant != "sign-or" &&
           mutant != "crt-modulus-too-small")
    int_unknown_mutant("fprod", mutant);

  Circuit c("float-prod");
  std::vector<FloatBits> xs;
  for (int i = 0; i < n; ++i)
    xs.push_back(split_float(add_float_input(c, std::string("x").append(std::to_string(i)), f), f));
  if (mutant == "rounds-each-step") {
    add_float_output(c, "z", rounded_chain(c, xs, f), f);
    return c;
  }

  std::vector<Bits> magnitudes;
  Bits cut_inputs, signs;
  for (const FloatBits& x : xs) {
    magnitudes.push_back(x.magnitude);
    cut_inputs.insert(cut_inputs.end(), x.magnitude.begin(), x.magnitude.end());
    signs.push_back(x.sign);
  }
  const bool small_modulus = mutant == "crt-modulus-too-small";
  const Bits product = float_prod_uses_wide_crt(params)
                           ? int_iterated_product_wide(c, magnitudes, small_modulus)
                       : small_modulus ? int_iterated_product_small_modulus(c, magnitudes)
                                       : int_iterated_product(c, magnitudes);
  const int s = (n - 1) * (p - 1) - 1;
  UnroundedValue exact;
  exact.n = Bits(product.begin() + s, product.end());
  exact.lead_lo = p;  // n (p - 1) - s
  exact.sticky = trailing_zero_sticky(c, xs, s);
  Bits cut_outputs = exact.n;
  cut_outputs.push_back(exact.sticky);
  // The block is claimed on zero or normalized significands only, every valid float's, which
  // leaves (2^(p-1) + 1)^n inputs to check instead of 2^(n p).
  c.add_cut("significand-product", cut_inputs, cut_outputs, all_zero_or_normalized(c, magnitudes));

  exact.exponent.constant = s;
  for (const FloatBits& x : xs) exact.exponent.add_signed(x.exponent, 1);
  if (mutant == "sign-or") {
    exact.sign = c.create_or(signs);
  } else {
    WeightedSum count;
    std::vector<int64_t> every_count;
    for (Signal sign : signs) count.add_term(sign, 1);
    for (int k = 1; k <= n; ++k) every_count.push_back(k);
    exact.sign = fb_telescope(c, count, false, every_count);  // parity of the negative operands
  }
  add_float_output(c, "z", fb_round_pack(c, exact, f, {}, options), f);
  return c;
}

}  // namespace tc
