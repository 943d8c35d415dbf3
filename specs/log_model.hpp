// A fast C++ model of the log algorithm of specs/log.hpp, on exact integers and rationals.
//
// It evaluates the same algorithm as the spec circuit, but each rounded term is computed as
// floor(|t|^i / i * 2^q + 1/2) on a GMP rational (the circuit uses the floor identity of
// specs/log.cpp), and the sum S is tabulated per significand. tests/specs/log.cpp checks it
// against the spec circuit by simulation on every input at small p; the MPFR measurement
// (specs/log_measure.hpp) runs on it because it is far faster than simulating per input.
#pragma once

#include <gmpxx.h>

#include <vector>

#include "lib/float_word.hpp"
#include "specs/log.hpp"

namespace tc {

struct LogModelResult {
  bool domain_error = false;
  mpz_class l;   // L, with L 2^-q the value before the final rounding (0 on a domain error)
  FloatValue z;  // round_p(L 2^-q), the canonical zero on a domain error
};

class LogModel {
 public:
  // The design defaults to log_design(f.p); the lemma tests pass modified designs.
  explicit LogModel(FloatFormat f);
  LogModel(FloatFormat f, const LogDesign& design);

  const LogDesign& design() const { return design_; }
  const mpz_class& ln2() const { return ln2_; }  // LN2 = round(ln 2 * 2^q)
  LogModelResult evaluate(FloatValue x) const;
  // S for the significand m (2^(p-1) <= m < 2^p), and the k of x = r 2^k.
  const mpz_class& series_sum(uint64_t m) const;
  static int64_t reduced_exponent(FloatValue x, int p);

 private:
  FloatFormat f_;
  LogDesign design_;
  mpz_class ln2_;
  std::vector<mpz_class> sums_;  // indexed by m - 2^(p-1)
};

}  // namespace tc
