// ffloor: z = floor(x), packed as a float, as a threshold circuit of constant depth (8).
//
// Chiang's floor (paper Lemma 3.12) needs no rounding: for x = m * 2^k, k >= 0 means x is an
// integer already, and for k = -j < 0 the integer |floor(x)| is m >> j when x >= 0 and
// ceil(m / 2^j) = floor((m + 2^j - 1) / 2^j) when x < 0, at most 2^(p-1) either way. Shifts
// j >= p leave 0 or 1. The construction makes one case per shift j (selected by two depth-1
// tests on the exponent, [k >= -j] and [k <= -j]) and per sign; a positive case is one AND per
// bit, a negative one a telescoping sum of m's bits plus the constant 2^j - 1, with the case
// folded into its last gate; an OR joins the cases (depth 3). fb_round_pack then normalizes
// that integer by selection (it is at most 2^(p-1), so nothing is rounded away, and the
// exponent j' - p + 1 of leading position j' is always in range; the range gates fold to
// constants or never fire, see specs/float_exact.hpp for why floor(x) is always in F_p).
// Integers and zero (exponent sign bit 0) pass through unchanged. Decision
// (specs/float_floor.hpp): the output is a float of the same format, not an integer word.
#include "circuits/float_floor.hpp"

#include "circuits/float_blocks.hpp"
#include "circuits/int_arith.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/float_word.hpp"

namespace tc {

const std::vector<Mutant>& float_floor_mutants() {
  static const std::vector<Mutant> mutants = {
      {"toward-zero-for-negatives", "truncates negative x too, so floor(-1.5) = -1"},
      {"negative-integer-decremented",
       "adds one to |x| >> j for every negative x, so floor(-2) = -3"},
      {"all-shifted-out-drops-fraction",
       "a negative x with exponent <= -p (every bit shifted out) floors to 0 instead of -1"},
      {"integer-test-off-by-one", "treats exponent -1 as integral, so floor(1.5) = 1.5"},
      {"exponent-off-by-one", "normalization subtracts one too many from the exponent"},
  };
  return mutants;
}

Circuit float_floor_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  const std::string& mutant = params.mutant;
  RoundOptions options;
  if (mutant == "exponent-off-by-one")
    options.exponent_skew = -1;
  else if (mutant != "toward-zero-for-negatives" && mutant != "negative-integer-decremented" &&
           mutant != "all-shifted-out-drops-fraction" && mutant != "integer-test-off-by-one" &&
           !mutant.empty())
    int_unknown_mutant("ffloor", mutant);
  const bool truncate_negatives = mutant == "toward-zero-for-negatives";
  const int p = f.p, e = f.e;
  Circuit c("float-floor");
  const Bits xw = add_float_input(c, "x", f);
  const FloatBits x = split_float(xw, f);
  LinearForm k;
  k.add_signed(x.exponent, 1);

  // |floor(x)| for k = -j, one case per shift j and sign.
  std::vector<Bits> cases(p);
  for (int j = 1; j < p; ++j) {
    const Signal at_least = fb_at_least(c, k, -j), at_most = fb_at_most(c, k, -j);
    for (int i = 0; i + j < p; ++i)
      cases[i].push_back(c.create_and({!x.sign, at_least, at_most, x.magnitude[i + j]}));
    if (truncate_negatives) {
      for (int i = 0; i + j < p; ++i)
        cases[i].push_back(c.create_and({x.sign, at_least, at_most, x.magnitude[i + j]}));
      continue;
    }
    // Bit i of floor((m + offset) / 2^j): bit i + j of m's low bits plus the offset.
    const int64_t offset = (int64_t{1} << j) - (mutant == "negative-integer-decremented" ? 0 : 1);
    for (int i = 0; i + j <= p; ++i) {
      WeightedSum low;
      for (int b = 0; b <= i + j && b < p; ++b) low.add_term(x.magnitude[b], int64_t{1} << b);
      cases[i].push_back(
          fb_sum_bit(c, low, offset, low.max_value(), i + j, {x.sign, at_least, at_most}));
    }
  }
  // k <= -p: every bit shifts out; floor is 0 or, for negative x, -1.
  if (!truncate_negatives && mutant != "all-shifted-out-drops-fraction")
    cases[0].push_back(c.create_and(x.sign, fb_at_most(c, k, -p)));
  Bits n;
  for (const Bits& bits : cases) n.push_back(c.create_or(bits));

  // The fractional case (x != 0, k < 0) is rounded and packed; the rest passes through.
  const Signal fractional =
      mutant == "integer-test-off-by-one" ? fb_at_most(c, k, -2) : x.exponent[e - 1];
  UnroundedValue exact;
  exact.n = n;
  exact.sign = x.sign;  // exponent form 0: the integer itself
  const Bits packed = fb_round_pack(c, exact, f, {x.magnitude[p - 1], fractional}, options);
  const Bits kept = fb_and_word(c, xw, {!fractional});
  add_float_output(c, "z", fb_or_words(c, {packed, kept}), f);
  return c;
}

}  // namespace tc
