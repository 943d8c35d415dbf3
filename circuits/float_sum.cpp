// fsum: z = round_p(x_0 + ... + x_(n-1)) as a threshold circuit of depth 20 for every p, n and
// exponent width (less only when the aligned word is too narrow for four column blocks).
//
// Chiang's Lemma 11 (paper Lemma 3.12 part 3): every operand is aligned exactly to the least
// exponent emin (one AND per exponent value and significand bit), the aligned words are added
// by the block-sum iterated adder of float_sum_blocks.hpp, and the exact sum T is rounded once
// (|T|, leading-one window, fb_round_pack). Size grows with the aligned width 2^E + p: it is
// polynomial in p only for a fixed exponent width E, which is why this component's default E
// is small (see the registry entry).
//
// Cut point "exact-sum": inputs the bits of x0, x1, ... in declaration order, outputs the
// ExactSum cut word (float_sum_blocks.hpp: aligned bits by sign, P, Q, T = P - Q, column by
// column), exact for every bit pattern. The miter proves it bit by bit, then shares it, and
// what remains is "normalize and round equal".
#include "circuits/float_sum.hpp"

#include <stdexcept>
#include <string>

#include "circuits/float_add.hpp"
#include "circuits/float_blocks.hpp"
#include "circuits/float_sum_blocks.hpp"
#include "circuits/float_sum_window.hpp"
#include "circuits/int_mutants.hpp"
#include "lib/float_word.hpp"

namespace tc {

const std::vector<Mutant>& float_sum_mutants() {
  static const std::vector<Mutant> mutants = {
      {"step-by-step-rounding",
       "adds left to right with a rounded fadd at every step, ((x0 + x1) + x2) + ..., instead "
       "of rounding the exact sum once"},
      {"far-terms-dropped",
       "drops operands p + 2 or more binades below another nonzero operand, as a two-operand "
       "adder may (exact for n = 2); from n = 3 the larger operands can cancel or sum to a tie "
       "that the dropped one decides"},
      {"sticky-dropped", "ignores the bits of |T| below the rounding window (no sticky bit)"},
      {"truncation", "drops the bits below the kept p instead of rounding to nearest"},
  };
  return mutants;
}

namespace {

std::string input_name(int i) { return std::string("x").append(std::to_string(i)); }

// The mutant that rounds after every addition: fadd constructions chained left to right.
Circuit step_by_step_sum(const Params& params, FloatFormat f) {
  Params add_params = params;
  add_params.mutant.clear();
  const Circuit adder = float_add_construction(add_params);
  Circuit c("float-sum");
  Bits acc = add_float_input(c, input_name(0), f);
  for (int i = 1; i < params.n; ++i) {
    Bits inputs = acc;
    const Bits x = add_float_input(c, input_name(i), f);
    inputs.insert(inputs.end(), x.begin(), x.end());
    const std::vector<Signal> map = c.import(adder, inputs);
    Bits next;
    for (Signal s : adder.output_word("z").bits) next.push_back(map[s.node()] ^ s.complemented());
    acc = next;
  }
  add_float_output(c, "z", acc, f);
  return c;
}

}  // namespace

Circuit float_sum_construction(const Params& params) {
  const FloatFormat f = float_format(params);
  const std::string& mutant = params.mutant;
  if (params.n < 1) throw std::invalid_argument("fsum: n must be at least 1");
  if (mutant == "step-by-step-rounding") return step_by_step_sum(params, f);
  RoundOptions options;
  if (mutant == "sticky-dropped")
    options.use_sticky = false;
  else if (mutant == "truncation")
    options.mode = RoundingMode::TowardZero;
  else if (!mutant.empty() && mutant != "far-terms-dropped")
    int_unknown_mutant("fsum", mutant);

  Circuit c("float-sum");
  std::vector<FloatBits> xs;
  Bits cut_inputs;
  for (int i = 0; i < params.n; ++i) {
    const Bits word = add_float_input(c, input_name(i), f);
    cut_inputs.insert(cut_inputs.end(), word.begin(), word.end());
    xs.push_back(split_float(word, f));
  }
  std::vector<Signal> enabled(params.n, kTrue);
  if (mutant == "far-terms-dropped") {
    for (int j = 0; j < params.n; ++j) {
      Bits far;
      for (int i = 0; i < params.n; ++i) {
        if (i == j) continue;
        LinearForm gap;  // e_i - e_j
        gap.add_signed(xs[i].exponent, 1);
        gap.add_signed(xs[j].exponent, -1);
        far.push_back(fb_at_least(c, gap, f.p + 2, {xs[i].magnitude[f.p - 1]}));
      }
      enabled[j] = !c.create_or(far);
    }
  }
  if (params.flag("windows")) {
    std::vector<WindowTerm> terms;
    for (int j = 0; j < params.n; ++j) {
      terms.push_back(fsw_float_term(c, xs[j]));
      terms.back().nonzero = c.create_and(terms.back().nonzero, enabled[j]);
    }
    add_float_output(c, "z", fsw_round_exact_sum(c, terms, f, options), f);
    return c;
  }
  std::vector<SumTerm> terms;
  for (int j = 0; j < params.n; ++j) {
    terms.push_back(fsb_float_term(xs[j], f));
    terms.back().enabled = enabled[j];
  }
  const ExactSum sum = fsb_exact_sum(c, terms);
  c.add_cut("exact-sum", cut_inputs, sum.cut_outputs);
  add_float_output(c, "z", fsb_round_sum(c, sum.difference, sum.exponent_lo, f, options), f);
  return c;
}

}  // namespace tc
