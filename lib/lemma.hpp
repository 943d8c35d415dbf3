// The outcome of checking one error-bound lemma or one exhaustive error measurement.
//
// Components whose correctness has two layers (circuit = algorithm, proved by the miter; algorithm
// close to the mathematics, proved by Z3 or measured exhaustively) report the second layer as a
// list of LemmaResults. lib/smt/bound_lemma.hpp produces them from Z3 queries; a measurement is a
// LemmaResult of kind Measurement whose verdict says whether the worst case stayed in bounds.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace tc {

struct Params;

enum class LemmaVerdict {
  Proved,   // Z3 answered unsat for "hypotheses and not claim" (or the measurement is in bounds)
  Refuted,  // a witness violates the claim (printed), or the hypotheses are unsatisfiable (vacuous)
  Unknown,  // Z3 gave up or hit its time limit: never counted as proved
};

enum class LemmaKind {
  Z3,           // a Z3 query (lib/smt/bound_lemma.hpp)
  Measurement,  // an exhaustive (or sampled) error measurement
};

struct LemmaResult {
  std::string name;  // "log.truncation"
  LemmaKind kind = LemmaKind::Z3;
  std::string statement;  // the claim with its numbers, one line
  LemmaVerdict verdict = LemmaVerdict::Unknown;
  double seconds = 0;
  std::string witness;         // Refuted: the values that violate the claim, "r = 0.53, ..."
  std::string claimed_bound;   // the bound stated by the paper or the design, e.g. "2^-8"
  std::string tightest_bound;  // smallest bound found provable by bisection (empty: not searched)
  std::string failing_bound;   // a bound just below the tightest that Z3 refutes (non-vacuity)
  std::string note;            // e.g. which enclosure of ln it trusts, or why it is Unknown
};

// Checks a component's lemmas for the given parameters. Params::mutant may name a lemma-level
// mutant (a wrong design constant), which must then make some lemma fail.
using LemmaChecker = std::function<std::vector<LemmaResult>(const Params&)>;

const char* lemma_verdict_name(LemmaVerdict v);  // "proved", "refuted", "unknown"
const char* lemma_kind_name(LemmaKind k);        // "z3", "measurement" (reports)

}  // namespace tc
