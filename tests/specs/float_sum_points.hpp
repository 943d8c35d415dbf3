// Input points for the iterated-sum tests (fsum and matmul, specs and constructions): every
// tuple of a small format, and directed points that reach the cases where an exact sum differs
// from a careless one: exact cancellation exposing a tiny term, clustered exponents (carries and
// ties), saturation and underflow.
#pragma once

#include <algorithm>
#include <memory>
#include <vector>

#include "lib/float_word.hpp"
#include "tests/support/float_check.hpp"

namespace tc::test {

// -x; the zero stays the canonical zero.
inline FloatValue negated(FloatValue x) {
  return {x.magnitude != 0 && !x.negative, x.magnitude, x.exponent};
}

// Point index -> the index-th n-tuple of values (mixed radix, first word slowest).
inline FloatCaseGenerator all_tuples(const std::vector<FloatValue>& values, int n) {
  return [&values, n](uint64_t index, std::vector<FloatValue>& in) {
    in.assign(n, FloatValue{});
    for (int i = n - 1; i >= 0; --i) {
      in[i] = values[index % values.size()];
      index /= values.size();
    }
  };
}

// n floats per point, chosen by index % 6: independent; exponents clustered within 2p + 4 of
// one another; x0 + x1 = 0 exactly with the rest far below (the cancellation a bounded window
// misses), once with x2 a power of two half an ulp of x0; every term near emax
// with one sign (saturation); every term near emin with mixed signs (underflow).
inline FloatCaseGenerator sum_points(FloatFormat f, int n, uint64_t seed) {
  auto s = std::make_shared<FloatSampler>(f, seed);
  return [s, f, n](uint64_t index, std::vector<FloatValue>& in) {
    in.assign(n, FloatValue{});
    const int64_t k = s->exponent();
    const bool sign = s->coin();
    for (int i = 0; i < n; ++i) {
      switch (index % 6) {
        case 0:
          in[i] = s->any();
          break;
        case 1:
          in[i] = s->with_exponent(k - static_cast<int64_t>(s->below(2 * f.p + 4)), s->coin());
          break;
        case 2:
        case 3:
          in[i] = s->with_exponent(k - f.p - 1 - static_cast<int64_t>(s->below(2 * f.p + 4)),
                                   s->coin());
          break;
        case 4:
          in[i] = s->with_exponent(f.emax() - static_cast<int64_t>(s->below(3)), sign);
          break;
        default:
          in[i] = s->with_exponent(f.emin() + static_cast<int64_t>(s->below(3)), s->coin());
          break;
      }
    }
    if (index % 6 == 2 || index % 6 == 3) {
      in[0] = s->with_exponent(k, s->coin());
      in[1] = negated(in[0]);
      if (index % 6 == 3 && n > 2)
        in[2] = {s->coin(), uint64_t{1} << (f.p - 1), std::max(in[0].exponent - f.p, f.emin())};
    }
    if (index % 7 == 0) {  // shuffle which words carry the structure
      for (int i = n - 1; i > 0; --i) std::swap(in[i], in[s->below(i + 1)]);
    }
  };
}

}  // namespace tc::test
