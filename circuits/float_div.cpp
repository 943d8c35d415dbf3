// fdiv: z = round_p(x / y) with div_by_zero = [y = 0], by the thermometer method: constant depth
// (11), but exponential size (about 6 * 2^p gates).
//
// Chiang's Lemma 11 (paper Lemma 3.12) takes division from the TC^0 division of Hesse, Allender
// and Barrington, which is polynomial in size but far too intricate to build here. This
// construction is the simple constant-depth alternative, and it says so (registry size_note):
//  - Quotient. With X = m_x * 2^(p+1) and Y = m_y, Q = floor(X / Y) lies in [2^p, 2^(p+2)) for
//    nonzero operands (1/2 < m_x / m_y < 2). For each candidate k in that range one depth-1 gate
//    t_k = [X - k Y >= 0] (linear in the input bits) forms a thermometer; Z_k = t_k AND !t_(k+1)
//    is the one-hot quotient and each bit of Q is an OR of Z_k (depth 3). 3 * 2^p gates each.
//  - Sticky. The remainder is nonzero iff X >= Q Y + 1: Q Y by int_multiply (polynomial size,
//    depth 3 over Q), then one comparison gate (depth 7).
//  - x / y = (Q + f) 2^(e_x - e_y - p - 1) with 0 <= f < 1 and f > 0 iff sticky; Q >= 2^p keeps
//    the sticky below the kept bits, so fb_round_pack rounds it (leading one at p or p + 1).
// Decisions (specs/float_exact.hpp): y = 0 gives the canonical zero and div_by_zero = 1 (the
// rounded word is enabled only by y's leading bit, and div_by_zero = !y_(p-1) for valid words);
// x = 0 gives Q = 0, the canonical zero. Division never produces an exact tie at precision p,
// nor a rounding carry into the next binade, so those mistakes are no mutants here.
//
// Cut point: "significand-quotient", inputs m_x bits then m_y bits (LSB first), outputs Q
// (p + 2 bits, LSB first) then the sticky bit. Conventions at the edges: m_x = 0 gives Q = 0,
// m_y = 0 gives Q = 2^(p+2) - 1 (every t_k holds) and sticky 0 (no remainder without a
// divisor). On magnitudes that are zero or normalized it is floor(m_x 2^(p+1) / m_y) and
// [remainder != 0]; unnormalized patterns (never valid inputs) are outside its contract. The cut
// claims exactly that domain, which every valid word lies in, so the miter may share the block
// without a mux and keep the spec's long division for both sides: the thermometer, whose CNF
// is most of the problem, is proved once against it and then leaves the SAT obligations.
#include "circuits/float_div.hpp"

#include "circuits/float_blocks.hpp"
#include "circuits/int_arith.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/float_word.hpp"

namespace tc {

const std::vector<Mutant>& float_div_mutants() {
  static const std::vector<Mutant> mutants = {
      {"remainder-sticky-dropped",
       "rounds from the quotient bits alone: a nonzero remainder below a half is taken as a tie"},
      {"truncation", "drops the quotient bits below the significand instead of rounding"},
      {"missing-saturation", "an exponent above emax wraps around instead of saturating to max"},
      {"exponent-off-by-one", "normalization subtracts one too many from the exponent"},
      {"zero-divisor-saturates", "x / 0 gives +-max (an infinity stand-in) instead of zero"},
      {"thermometer-not-one-hot",
       "decodes the quotient from every passed test t_k instead of the edge t_k AND NOT t_(k+1)"},
  };
  return mutants;
}

namespace {

RoundOptions div_round_options(const std::string& mutant) {
  RoundOptions o;
  if (!fb_rounding_mutant(mutant, o) && mutant != "zero-divisor-saturates" &&
      mutant != "thermometer-not-one-hot" && !mutant.empty())
    int_unknown_mutant("fdiv", mutant);
  return o;
}

}  // namespace

Circuit float_div_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  const RoundOptions options = div_round_options(params.mutant);
  const int p = f.p;
  Circuit c("float-div");
  const Bits xw = add_float_input(c, "x", f);
  const FloatBits x = split_float(xw, f);
  const FloatBits y = split_float(add_float_input(c, "y", f), f);

  // Thermometer: t[i] = [X >= (2^p + i) Y] for i = 0 .. 3 * 2^p (the last one only closes Z).
  const int64_t k_lo = int64_t{1} << p, k_hi = int64_t{1} << (p + 2);
  Bits t;
  for (int64_t k = k_lo; k <= k_hi; ++k) {
    LinearForm remainder;  // X - k Y
    remainder.add_unsigned(x.magnitude, int64_t{1} << (p + 1));
    remainder.add_unsigned(y.magnitude, -k);
    t.push_back(fb_at_least(c, remainder, 0));
  }
  // One-hot quotient; the top candidate also stands for "every test holds" (Y = 0).
  Bits q(p + 2);
  std::vector<Bits> ones(p + 2);
  for (int64_t k = k_lo; k < k_hi; ++k) {
    const size_t i = static_cast<size_t>(k - k_lo);
    const bool edge = k + 1 < k_hi && params.mutant != "thermometer-not-one-hot";
    const Signal is_k = edge ? c.create_and(t[i], !t[i + 1]) : t[i];
    for (int b = 0; b < p + 2; ++b)
      if ((k >> b) & 1) ones[b].push_back(is_k);
  }
  for (int b = 0; b < p + 2; ++b) q[b] = c.create_or(ones[b]);

  // Sticky: X - Q Y >= 1, for a nonzero divisor.
  const Bits qy = int_multiply(c, q, y.magnitude);
  LinearForm rest;
  rest.add_unsigned(x.magnitude, int64_t{1} << (p + 1));
  rest.add_unsigned(qy, -1);
  const Signal sticky = fb_at_least(c, rest, 1, {y.magnitude[p - 1]});

  Bits cut_inputs = x.magnitude, cut_outputs = q;
  cut_inputs.insert(cut_inputs.end(), y.magnitude.begin(), y.magnitude.end());
  cut_outputs.push_back(sticky);
  // The block is specified on zero or normalized significands only (see the top of the file).
  const auto zero_or_normalized = [&](const Bits& m) {
    return c.create_or(m.back(), !c.create_or(Bits(m.begin(), m.end() - 1)));
  };
  c.add_cut("significand-quotient", cut_inputs, cut_outputs,
            c.create_and(zero_or_normalized(x.magnitude), zero_or_normalized(y.magnitude)));

  UnroundedValue exact;
  exact.n = q;
  exact.lead_lo = p;
  exact.sticky = sticky;
  exact.exponent.add_signed(x.exponent, 1);
  exact.exponent.add_signed(y.exponent, -1);
  exact.exponent.constant = -(p + 1);
  exact.sign = fb_xor(c, x.sign, y.sign);
  const Signal y_nonzero = y.magnitude[p - 1];  // valid words: leading bit or zero
  Bits z = fb_round_pack(c, exact, f, {y_nonzero}, options);
  if (params.mutant == "zero-divisor-saturates") {
    // x / 0 = +-max: all magnitude bits, exponent emax = 01..1, sign of x.
    const Bits inf_like = {!y_nonzero, x.magnitude[p - 1]};
    Bits max_word(f.width(), kFalse);
    for (int i = 0; i < p + f.e - 1; ++i) max_word[i] = c.create_and(inf_like);
    max_word.back() = c.create_and({!y_nonzero, x.sign});
    z = fb_or_words(c, {z, max_word});
  }
  add_float_output(c, "z", z, f);
  c.add_output_word("div_by_zero", {!y_nonzero}, Decoding::boolean());
  return c;
}

}  // namespace tc
