// What every error measurement against MPFR needs: exact conversions between GMP rationals and
// MPFR numbers, an enclosure [lo, hi] of the exact result with an upper bound of a value's
// relative error against it, and the worst case seen so far (lib/random_float.hpp draws the
// sampled inputs of large p).
//
// The specs' *_measure.cpp files fill an Enclosure with directed rounding (lo() rounded down,
// hi() rounded up) from their own MPFR formulas; everything after that is shared here, so the
// error bounds of exp, silu, softplus and the rest are computed by one piece of code.
#pragma once

#include <gmpxx.h>
#include <mpfr.h>

#include <cstdint>
#include <string>

#include "lib/float_word.hpp"

namespace tc {

// Sets out to v exactly; throws std::logic_error when v does not fit out's precision.
void mpfr_set_exact(mpfr_t out, const mpq_class& v);
mpq_class mpfr_to_rational(const mpfr_t v);

// [lo, hi] around a real F > 0 (the caller rounds lo down and hi up), with scratch for queries.
class Enclosure {
 public:
  explicit Enclosure(mpfr_prec_t precision = 160);
  ~Enclosure();
  Enclosure(const Enclosure&) = delete;
  Enclosure& operator=(const Enclosure&) = delete;

  mpfr_ptr lo() { return lo_; }
  mpfr_ptr hi() { return hi_; }
  void set_precision(mpfr_prec_t precision);  // of the ends and the scratch; clears the values
  // -1: F < v, +1: F > v, 0: F = v exactly (lo = hi = v), 2: cannot tell.
  int compare(const mpq_class& v);
  // An upper bound of |y - F| / F.
  mpq_class relative_error(const mpq_class& y);
  mpq_class lower_rational() const { return mpfr_to_rational(lo_); }
  std::string lower_text() const;  // lo with 20 significant digits

 private:
  mpfr_t lo_, hi_, a_, b_;
};

// "2^-9.87", or "0" for zero: an error for reports.
std::string error_text(const mpq_class& error);

// The worst relative error seen so far and where; Worst is a struct whose first field is
// `mpq_class error` and whose other fields are the arguments `where`.
template <class Worst, class... Where>
void keep_worse(Worst& worst, const mpq_class& error, const Where&... where) {
  if (error > worst.error) worst = {error, where...};
}

// The worst case of a one-input float function.
struct FloatWorstCase {
  mpq_class error = 0;  // an upper bound of the relative error (exact rational)
  FloatValue x;         // where it occurs
  FloatValue z;         // the algorithm's result there
};

}  // namespace tc
