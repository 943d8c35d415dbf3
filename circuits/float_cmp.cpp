// fcmp: le = [x <= y], eq = [x = y], exact comparison in depth 2.
//
// Comparison is the integer comparison of Chiang's Lemma 10 (paper Lemma 3.12, part 1; one
// gate with weights +-2^i, Alon & Bruck 1994) applied to a magnitude key: for nonzero valid
// words |x| < |y| iff K_x < K_y with K = 2^p e + m (exponent in two's complement, the
// normalized significand below it), because m < 2^p and equal exponents order by m. The key is
// linear in the input bits, so each test is one gate. le is an OR of four cases, each one gate
// with its side conditions folded in:
//   both nonzero, both >= 0, K_x <= K_y;   both nonzero, both < 0, K_x >= K_y;
//   x < 0 <= y (a negative word is nonzero: there is no -0);   x = 0 and y >= 0.
// eq uses that valid encodings are canonical (one zero, normalized significands): equal values
// have equal words, so eq is the AND of the two word comparisons (as unsigned integers).
#include "circuits/float_cmp.hpp"

#include "circuits/float_blocks.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/float_word.hpp"

namespace tc {

const std::vector<Mutant>& float_cmp_mutants() {
  static const std::vector<Mutant> mutants = {
      {"ignores-sign", "compares magnitudes only, so -2 <= 1 is decided as 2 <= 1"},
      {"negatives-not-reversed", "for two negatives, compares magnitudes the positive way"},
      {"exponent-as-unsigned", "reads the exponent bits as unsigned, so 2^-1 looks huge"},
      {"strict-comparison", "computes x < y for le, so x <= x fails"},
      {"eq-ignores-sign", "eq compares the words without their sign bits, so -x = x"},
      {"zero-ordered-by-encoding",
       "no zero case: 0 is keyed like m = 0 at exponent 0, above tiny positive numbers"},
  };
  return mutants;
}

Circuit float_cmp_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  const std::string& mutant = params.mutant;
  if (!mutant.empty()) {
    bool known = false;
    for (const Mutant& m : float_cmp_mutants()) known = known || m.name == mutant;
    if (!known) int_unknown_mutant("fcmp", mutant);
  }
  const int p = f.p;
  Circuit c("float-cmp");
  const Bits xw = add_float_input(c, "x", f);
  const Bits yw = add_float_input(c, "y", f);
  const FloatBits x = split_float(xw, f), y = split_float(yw, f);
  const Signal x_nonzero = x.magnitude[p - 1], y_nonzero = y.magnitude[p - 1];

  // K_y - K_x.
  LinearForm y_minus_x;
  const int64_t scale = int64_t{1} << p;
  if (mutant == "exponent-as-unsigned") {
    y_minus_x.add_unsigned(y.exponent, scale);
    y_minus_x.add_unsigned(x.exponent, -scale);
  } else {
    y_minus_x.add_signed(y.exponent, scale);
    y_minus_x.add_signed(x.exponent, -scale);
  }
  y_minus_x.add_unsigned(y.magnitude, 1);
  y_minus_x.add_unsigned(x.magnitude, -1);
  const int64_t slack = mutant == "strict-comparison" ? 1 : 0;  // K_y - K_x >= slack

  Signal le;
  if (mutant == "ignores-sign") {
    le = c.create_or(fb_at_least(c, y_minus_x, 0, {x_nonzero, y_nonzero}), !x_nonzero);
  } else {
    const bool zero_case = mutant != "zero-ordered-by-encoding";
    Bits both_positive{!x.sign, !y.sign}, both_negative{x.sign, y.sign};
    if (zero_case) {
      for (Bits* conds : {&both_positive, &both_negative}) {
        conds->push_back(x_nonzero);
        conds->push_back(y_nonzero);
      }
    }
    const Signal positives = fb_at_least(c, y_minus_x, slack, both_positive);
    const Signal negatives = mutant == "negatives-not-reversed"
                                 ? fb_at_least(c, y_minus_x, slack, both_negative)
                                 : fb_at_most(c, y_minus_x, -slack, both_negative);
    Bits cases{positives, negatives, c.create_and(x.sign, !y.sign)};
    if (zero_case) {
      // 0 <= y for y >= 0 (strictly: y > 0).
      cases.push_back(slack == 0 ? c.create_and(!x_nonzero, !y.sign)
                                 : c.create_and({!x_nonzero, !y.sign, y_nonzero}));
    }
    le = c.create_or(cases);
  }

  LinearForm word_difference;  // y - x as unsigned words
  const size_t compared = mutant == "eq-ignores-sign" ? xw.size() - 1 : xw.size();
  word_difference.add_unsigned(Bits(yw.begin(), yw.begin() + compared), 1);
  word_difference.add_unsigned(Bits(xw.begin(), xw.begin() + compared), -1);
  const Signal eq =
      c.create_and(fb_at_least(c, word_difference, 0), fb_at_most(c, word_difference, 0));

  c.add_output_word("le", {le}, Decoding::boolean());
  c.add_output_word("eq", {eq}, Decoding::boolean());
  return c;
}

}  // namespace tc
