// Dyadic rationals (see dyadic.hpp).
#include "lib/dyadic.hpp"

namespace tc {

mpq_class power_of_two(int64_t k) {
  const mpz_class magnitude = mpz_class(1) << static_cast<mp_bitcnt_t>(k >= 0 ? k : -k);
  return k >= 0 ? mpq_class(magnitude) : mpq_class(mpz_class(1), magnitude);
}

mpq_class dyadic(const mpz_class& n, int64_t k) {
  mpq_class v = mpq_class(n) * power_of_two(k);
  v.canonicalize();
  return v;
}

}  // namespace tc
