// Spec of int-mul: product = a * b (2p bits) for p-bit unsigned a, b, by shift-and-add: one
// ripple-carry addition per bit of b (ripple_multiply in int_ripple.hpp).
#include "specs/int_mul.hpp"

#include <stdexcept>

#include "specs/int_ripple.hpp"

namespace tc {

Circuit build_int_mul_spec(const Params& params) {
  if (params.p < 1) throw std::invalid_argument("int-mul spec: p must be at least 1");
  Circuit circuit("int-mul-spec");
  const Bits a = circuit.add_input_word("a", params.p, Decoding::unsigned_int());
  const Bits b = circuit.add_input_word("b", params.p, Decoding::unsigned_int());
  circuit.add_output_word("product", ripple_multiply(circuit, a, b), Decoding::unsigned_int());
  return circuit;
}

}  // namespace tc
