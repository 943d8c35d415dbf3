// Spec of int-add: sum = a + b (p + 1 bits) for p-bit unsigned a, b, by a ripple-carry adder
// (ripple_add in int_ripple.hpp).
#include "specs/int_add.hpp"

#include <stdexcept>

#include "specs/int_ripple.hpp"

namespace tc {

Circuit build_int_add_spec(const Params& params) {
  if (params.p < 1) throw std::invalid_argument("int-add spec: p must be at least 1");
  Circuit circuit("int-add-spec");
  const Bits a = circuit.add_input_word("a", params.p, Decoding::unsigned_int());
  const Bits b = circuit.add_input_word("b", params.p, Decoding::unsigned_int());
  circuit.add_output_word("sum", ripple_add(circuit, a, b), Decoding::unsigned_int());
  return circuit;
}

}  // namespace tc
