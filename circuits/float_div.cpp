// fdiv: z = round_p(x / y) with div_by_zero = [y = 0], in constant depth and polynomial size.
//
// Chiang's Lemma 11 (paper Lemma 3.12) takes division from the TC^0 division of Hesse, Allender
// and Barrington. This construction takes the same route in its simplest form: the significand
// quotient Q = floor(X / Y) with X = m_x * 2^(p+1), Y = m_y, and its sticky bit come from one of
// two blocks (float_div_quotient.hpp):
//  - the series quotient (default): 1/y as a truncated geometric series whose powers come from
//    int_power (Chinese remaindering), then comparisons [X - k Y >= 0] for the one or few
//    candidates k next to the approximation (float_div_series.cpp proves the bound);
//  - the thermometer quotient (--thermometer): one comparison per candidate k in
//    [2^p, 2^(p+2)), exponential in p, kept to compare against.
// Q lies in [2^p, 2^(p+2)) for nonzero operands (1/2 < m_x / m_y < 2), and
// x / y = (Q + f) 2^(e_x - e_y - p - 1) with 0 <= f < 1 and f > 0 iff sticky; Q >= 2^p keeps the
// sticky below the kept bits, so fb_round_pack rounds it (leading one at p or p + 1).
// Decisions (specs/float_exact.hpp): y = 0 gives the canonical zero and div_by_zero = 1 (the
// rounded word is enabled only by y's leading bit, and div_by_zero = !y_(p-1) for valid words);
// x = 0 gives Q = 0, the canonical zero. Division never produces an exact tie at precision p,
// nor a rounding carry into the next binade, so those mistakes are no mutants here.
//
// Cut point: "significand-quotient", inputs m_x bits then m_y bits (LSB first), outputs Q
// (p + 2 bits, LSB first) then the sticky bit. Conventions at the edges: m_x = 0 gives Q = 0,
// m_y = 0 gives Q = 2^(p+2) - 1 and sticky 0 (no remainder without a divisor). On magnitudes
// that are zero or normalized it is floor(m_x 2^(p+1) / m_y) and [remainder != 0]; unnormalized
// patterns (never valid inputs) are outside its contract. The cut claims exactly that domain,
// which every valid word lies in, so the miter may share the block without a mux and keep the
// spec's long division for both sides: the quotient block, whose CNF is most of the problem, is
// proved once against it and then leaves the SAT obligations.
#include "circuits/float_div.hpp"

#include "circuits/float_blocks.hpp"
#include "circuits/float_div_quotient.hpp"
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
       "decodes the quotient from every passed test t_k instead of the edge t_k AND NOT t_(k+1)",
       false, "--thermometer"},
      {"series-term-dropped",
       "the t term of the series 1 + t + t^2 + .. for 1/y is left out (an off-by-one start)"},
  };
  return mutants;
}

namespace {

RoundOptions div_round_options(const std::string& mutant) {
  RoundOptions o;
  if (!fb_rounding_mutant(mutant, o) && mutant != "zero-divisor-saturates" &&
      mutant != "thermometer-not-one-hot" && mutant != "series-term-dropped" && !mutant.empty())
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

  const bool thermometer = params.flag("thermometer");
  // A mutant of the other quotient leaves this one unchanged (its Mutant::shows_with says so).
  const SignificandQuotient quotient =
      thermometer ? float_div_thermometer_quotient(c, x.magnitude, y.magnitude, params.mutant)
                  : float_div_series_quotient(c, x.magnitude, y.magnitude, params.mutant);
  const Bits& q = quotient.q;
  const Signal sticky = quotient.sticky;

  Bits cut_inputs = x.magnitude, cut_outputs = q;
  cut_inputs.insert(cut_inputs.end(), y.magnitude.begin(), y.magnitude.end());
  cut_outputs.push_back(sticky);
  // The block is specified on zero or normalized significands only (see the top of the file).
  c.add_cut("significand-quotient", cut_inputs, cut_outputs,
            all_zero_or_normalized(c, {x.magnitude, y.magnitude}));

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
