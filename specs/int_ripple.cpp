// Schoolbook integer arithmetic for the int-* specs (see int_ripple.hpp).
#include "specs/int_ripple.hpp"

#include <algorithm>

namespace tc {

namespace {

Signal bit_or_zero(const Bits& word, size_t i) { return i < word.size() ? word[i] : kFalse; }

}  // namespace

Bits ripple_add(Circuit& circuit, const Bits& a, const Bits& b, Signal carry_in) {
  const size_t width = std::max(a.size(), b.size());
  Bits sum;
  Signal carry = carry_in;
  for (size_t i = 0; i < width; ++i) {
    const Signal x = bit_or_zero(a, i), y = bit_or_zero(b, i);
    sum.push_back(circuit.create_xor(circuit.create_xor(x, y), carry));
    carry = circuit.create_majority({x, y, carry});
  }
  sum.push_back(carry);
  return sum;
}

// Borrow out of position i: a_i - b_i - borrow_in < 0, i.e. majority(!a_i, b_i, borrow_in).
Signal ripple_ge(Circuit& circuit, const Bits& a, const Bits& b) {
  const size_t width = std::max(a.size(), b.size());
  Signal borrow = kFalse;
  for (size_t i = 0; i < width; ++i)
    borrow = circuit.create_majority({!bit_or_zero(a, i), bit_or_zero(b, i), borrow});
  return !borrow;
}

Bits ripple_multiply(Circuit& circuit, const Bits& a, const Bits& b) {
  Bits accumulator;
  for (size_t i = 0; i < b.size(); ++i) {
    Bits row(i, kFalse);  // shifted by i
    for (Signal x : a) row.push_back(circuit.create_and(x, b[i]));
    accumulator = ripple_add(circuit, accumulator, row);
  }
  // Row i is |a| + i bits wide, so the last sum has |a| + |b| bits; pad for |a| = 0 or |b| = 0.
  accumulator.resize(a.size() + b.size(), kFalse);
  return accumulator;
}

Bits ripple_iterated_add(Circuit& circuit, const std::vector<Bits>& operands) {
  if (operands.empty()) return {kFalse};
  Bits sum = operands.front();
  for (size_t i = 1; i < operands.size(); ++i) sum = ripple_add(circuit, sum, operands[i]);
  if (sum.empty()) sum.push_back(kFalse);
  return sum;
}

}  // namespace tc
