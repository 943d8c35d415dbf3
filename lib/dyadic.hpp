// Dyadic rationals (m * 2^k), exact on GMP: the numbers floats, error bounds and lemma constants
// are made of. One home for 2^k as a rational, which the specs and lemmas used to rebuild each.
#pragma once

#include <gmpxx.h>

#include <cstdint>

namespace tc {

// 2^k as an exact rational, k of either sign.
mpq_class power_of_two(int64_t k);
// n * 2^k, canonical.
mpq_class dyadic(const mpz_class& n, int64_t k);

}  // namespace tc
