// fdiv's thermometer quotient (--thermometer): constant depth, exponential size.
//
// With X = m_x * 2^(p+1) and Y = m_y, Q = floor(X / Y) lies in [2^p, 2^(p+2)) for nonzero
// operands (1/2 < m_x / m_y < 2). For each candidate k in that range one depth-1 gate
// t_k = [X - k Y >= 0] (linear in the input bits) forms a thermometer; Z_k = t_k AND !t_(k+1) is
// the one-hot quotient and each bit of Q is an OR of Z_k (depth 3): 3 * 2^p gates each. The
// remainder is nonzero iff X >= Q Y + 1: Q Y by int_multiply (depth 3 over Q), then one
// comparison gate (depth 7). m_x = 0 gives Q = 0; m_y = 0 gives Q = 2^(p+2) - 1 (every t_k
// holds) and sticky 0, the conventions of the cut (float_div.cpp).
#include "circuits/float_blocks.hpp"
#include "circuits/float_div_quotient.hpp"
#include "circuits/int_arith.hpp"

namespace tc {

SignificandQuotient float_div_thermometer_quotient(Circuit& c, const Bits& m_x, const Bits& m_y,
                                                   const std::string& mutant) {
  const int p = static_cast<int>(m_x.size());
  // Thermometer: t[i] = [X >= (2^p + i) Y] for i = 0 .. 3 * 2^p (the last one only closes Z).
  const int64_t k_lo = int64_t{1} << p, k_hi = int64_t{1} << (p + 2);
  Bits t;
  for (int64_t k = k_lo; k <= k_hi; ++k) {
    LinearForm remainder;  // X - k Y
    remainder.add_unsigned(m_x, int64_t{1} << (p + 1));
    remainder.add_unsigned(m_y, -k);
    t.push_back(fb_at_least(c, remainder, 0));
  }
  // One-hot quotient; the top candidate also stands for "every test holds" (Y = 0).
  SignificandQuotient out{Bits(p + 2), kFalse};
  std::vector<Bits> ones(p + 2);
  for (int64_t k = k_lo; k < k_hi; ++k) {
    const size_t i = static_cast<size_t>(k - k_lo);
    const bool edge = k + 1 < k_hi && mutant != "thermometer-not-one-hot";
    const Signal is_k = edge ? c.create_and(t[i], !t[i + 1]) : t[i];
    for (int b = 0; b < p + 2; ++b)
      if ((k >> b) & 1) ones[b].push_back(is_k);
  }
  for (int b = 0; b < p + 2; ++b) out.q[b] = c.create_or(ones[b]);

  // Sticky: X - Q Y >= 1, for a nonzero divisor.
  const Bits qy = int_multiply(c, out.q, m_y);
  LinearForm rest;
  rest.add_unsigned(m_x, int64_t{1} << (p + 1));
  rest.add_unsigned(qy, -1);
  out.sticky = fb_at_least(c, rest, 1, {m_y[p - 1]});
  return out;
}

}  // namespace tc
