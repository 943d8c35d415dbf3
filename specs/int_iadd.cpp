// Spec of int-iadd: sum = x0 + ... + x{n-1} for n p-bit unsigned words, by a chain of n - 1
// ripple-carry adders (ripple_iterated_add in int_ripple.hpp).
//
// The chain yields p + n - 1 bits; the output word keeps the low p + ceil(log2 n), which hold the
// whole sum because n (2^p - 1) < 2^(p + ceil(log2 n)). The dropped high bits are therefore
// always 0; the spec tests check the full-width chain against exact sums.
#include "specs/int_iadd.hpp"

#include <bit>
#include <stdexcept>
#include <string>

#include "specs/int_ripple.hpp"

namespace tc {

Circuit build_int_iadd_spec(const Params& params) {
  if (params.p < 1) throw std::invalid_argument("int-iadd spec: p must be at least 1");
  if (params.n < 2) throw std::invalid_argument("int-iadd spec: n must be at least 2");
  Circuit circuit("int-iadd-spec");
  std::vector<Bits> operands;
  for (int i = 0; i < params.n; ++i) {
    const std::string name = std::string("x").append(std::to_string(i));
    operands.push_back(circuit.add_input_word(name, params.p, Decoding::unsigned_int()));
  }
  Bits sum = ripple_iterated_add(circuit, operands);
  const int ceil_log2_n = static_cast<int>(std::bit_width(static_cast<unsigned>(params.n - 1)));
  sum.resize(params.p + ceil_log2_n);
  circuit.add_output_word("sum", sum, Decoding::unsigned_int());
  return circuit;
}

}  // namespace tc
