// Schoolbook word-level logic for the float specs (see float_bits.hpp).
//
// Full adders are XOR (spec-only gates) plus a majority gate; comparisons go through the carry
// of a subtraction; shifters and the normalizer are log-depth mux stages. Gate count and depth
// are not a goal here: these feed specs, which are only simulated and compared in miters.
#include "specs/float_bits.hpp"

#include <bit>
#include <cassert>
#include <stdexcept>

namespace tc {

int bits_width_of(int64_t n) { return static_cast<int>(std::bit_width(static_cast<uint64_t>(n))); }

Bits bits_constant(int64_t value, int width) {
  Bits x;
  for (int i = 0; i < width; ++i) {
    const bool bit = i < 64 ? (static_cast<uint64_t>(value) >> i) & 1 : value < 0;
    x.push_back(bit ? kTrue : kFalse);
  }
  return x;
}

Bits bits_zero_extend(const Bits& x, int width) {
  assert(static_cast<int>(x.size()) <= width);
  Bits y = x;
  y.resize(width, kFalse);
  return y;
}

Bits bits_sign_extend(const Bits& x, int width) {
  assert(!x.empty() && static_cast<int>(x.size()) <= width);
  Bits y = x;
  y.resize(width, x.back());
  return y;
}

Bits bits_slice(const Bits& x, int lo, int hi) {
  assert(0 <= lo && lo <= hi && hi <= static_cast<int>(x.size()));
  return Bits(x.begin() + lo, x.begin() + hi);
}

Bits bits_concat(const Bits& low, const Bits& high) {
  Bits x = low;
  x.insert(x.end(), high.begin(), high.end());
  return x;
}

Bits bits_not(const Bits& x) {
  Bits y;
  for (Signal s : x) y.push_back(!s);
  return y;
}

Signal bits_any(Circuit& c, const Bits& x) { return x.empty() ? kFalse : c.create_or(x); }

Signal bits_equal(Circuit& c, const Bits& a, const Bits& b) {
  if (a.size() != b.size()) throw std::invalid_argument("bits_equal: widths differ");
  Bits same;
  for (size_t i = 0; i < a.size(); ++i) same.push_back(!c.create_xor(a[i], b[i]));
  return same.empty() ? kTrue : c.create_and(same);
}

Bits bits_mux(Circuit& c, Signal sel, const Bits& a, const Bits& b) {
  if (a.size() != b.size()) throw std::invalid_argument("bits_mux: widths differ");
  Bits y;
  for (size_t i = 0; i < a.size(); ++i) y.push_back(c.create_mux(sel, a[i], b[i]));
  return y;
}

// Ripple-carry: sum = a ^ b ^ carry, carry = majority(a, b, carry).
Bits bits_add(Circuit& c, const Bits& a, const Bits& b, Signal carry_in) {
  if (a.size() != b.size()) throw std::invalid_argument("bits_add: widths differ");
  Bits sum;
  Signal carry = carry_in;
  for (size_t i = 0; i < a.size(); ++i) {
    sum.push_back(c.create_xor(c.create_xor(a[i], b[i]), carry));
    carry = c.create_majority({a[i], b[i], carry});
  }
  sum.push_back(carry);
  return sum;
}

// a - b = a + ~b + 1.
Bits bits_sub(Circuit& c, const Bits& a, const Bits& b) {
  Bits d = bits_add(c, a, bits_not(b), kTrue);
  d.pop_back();
  return d;
}

// a + ~b + 1 carries out exactly when a >= b.
Signal bits_less(Circuit& c, const Bits& a, const Bits& b) {
  return !bits_add(c, a, bits_not(b), kTrue).back();
}

// One bit wider, a - b cannot overflow; its sign is the answer.
Signal bits_less_signed(Circuit& c, const Bits& a, const Bits& b) {
  if (a.size() != b.size()) throw std::invalid_argument("bits_less_signed: widths differ");
  const int w = static_cast<int>(a.size()) + 1;
  return bits_sub(c, bits_sign_extend(a, w), bits_sign_extend(b, w)).back();
}

// Shift-and-add: one row of partial products per bit of b.
Bits bits_mul(Circuit& c, const Bits& a, const Bits& b) {
  const int w = static_cast<int>(a.size() + b.size());
  Bits acc = bits_constant(0, w);
  for (size_t j = 0; j < b.size(); ++j) {
    Bits row = bits_constant(0, w);
    for (size_t i = 0; i < a.size(); ++i) row[i + j] = c.create_and(a[i], b[j]);
    acc = bits_add(c, acc, row);
    acc.pop_back();  // the product fits in w bits
  }
  return acc;
}

// Barrel shifter: stage i shifts by 2^i when amount bit i is set.
Bits bits_shift_left(Circuit& c, const Bits& x, const Bits& amount) {
  const int n = static_cast<int>(x.size());
  Bits y = x;
  for (size_t i = 0; i < amount.size(); ++i) {
    const int64_t by = i < 62 ? (int64_t{1} << i) : n;
    Bits shifted(n, kFalse);
    for (int j = 0; j < n; ++j)
      if (j - by >= 0) shifted[j] = y[j - by];
    y = bits_mux(c, amount[i], shifted, y);
  }
  return y;
}

Bits bits_shift_right_sticky(Circuit& c, const Bits& x, const Bits& amount, Signal* sticky) {
  const int n = static_cast<int>(x.size());
  Bits y = x;
  Signal lost = kFalse;
  for (size_t i = 0; i < amount.size(); ++i) {
    const int64_t by = i < 62 ? (int64_t{1} << i) : n;
    Bits shifted(n, kFalse), out;
    for (int j = 0; j < n; ++j) {
      if (j + by < n) shifted[j] = y[j + by];
      if (j < by) out.push_back(y[j]);
    }
    lost = c.create_or(lost, c.create_and(amount[i], bits_any(c, out)));
    y = bits_mux(c, amount[i], shifted, y);
  }
  *sticky = lost;
  return y;
}

// Leading-zero normalization, largest stage first: if the top 2^i bits are all zero, shift by
// 2^i. Before stage i fewer than 2^(i+1) leading zeros remain, so the stages find the count.
Bits bits_normalize(Circuit& c, const Bits& x, Bits* shift) {
  const int n = static_cast<int>(x.size());
  const int stages = bits_width_of(n - 1);
  Bits y = x;
  Bits count(stages, kFalse);
  for (int i = stages - 1; i >= 0; --i) {
    const int by = 1 << i;
    const Bits top = bits_slice(y, std::max(0, n - by), n);
    const Signal zeros = !bits_any(c, top);
    Bits shifted(n, kFalse);
    for (int j = by; j < n; ++j) shifted[j] = y[j - by];
    y = bits_mux(c, zeros, shifted, y);
    count[i] = zeros;
  }
  *shift = count;
  return y;
}

}  // namespace tc
