// Error-bound lemmas on Z3's nonlinear real arithmetic (nlsat), with the guards that keep a proof
// from being vacuous (REFERENCE.md section 7).
//
// A lemma says: for all reals satisfying the hypotheses, claim(bound) holds. check_bound_lemma
//  1. checks that the hypotheses alone are satisfiable (else the lemma is vacuous: Refuted);
//  2. asks Z3 for "hypotheses and not claim(claimed bound)": unsat is Proved, sat is Refuted with
//     the model printed as the witness, anything else is Unknown (never Proved);
//  3. when proved and asked to, brackets the tightest provable bound by halving and bisection and
//     reports it with a slightly smaller bound that Z3 refutes (a witness that the claim has
//     teeth).
// Z3 never sees exp or ln: the lemma's author replaces them by fresh reals bounded by documented
// enclosures (stated in the lemma's note). Both closures may create the same named real constants
// (ctx.real_const("r")); Z3 identifies constants by name and sort.
#pragma once

#include <gmpxx.h>
#include <z3++.h>

#include <functional>
#include <string>

#include "lib/lemma.hpp"

namespace tc {

struct BoundLemma {
  std::string name;
  std::string statement;  // one line, with the claimed bound written out
  mpq_class claimed;      // the bound that must hold
  std::function<z3::expr(z3::context&)> hypotheses;
  std::function<z3::expr(z3::context&, const z3::expr& bound)> claim;
  std::string note;             // the enclosures and modelling choices it relies on
  bool search_tightest = true;  // false when the claim does not depend on the bound
};

struct BoundLemmaOptions {
  // Per Z3 call, wall clock. The slowest lemma query (selective-ssm.state, about 6 s alone) has a
  // 10x margin, so that a loaded machine (CI runs two tests at once) does not turn it UNKNOWN.
  double timeout_seconds = 60;
  int bisection_steps = 8;  // after the halving bracket: relative resolution 2^-steps
};

LemmaResult check_bound_lemma(const BoundLemma& lemma, const BoundLemmaOptions& options = {});

// The exact rational as a Z3 real numeral.
z3::expr z3_rational(z3::context& ctx, const mpq_class& q);
// |x| as a Z3 term (an if-then-else nlsat handles by case split).
z3::expr z3_abs(const z3::expr& x);
// "2^-9.87 (1.07e-03)" style, for statements and reports; "0" for zero.
std::string format_bound(const mpq_class& q);

}  // namespace tc
