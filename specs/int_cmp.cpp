// Spec of int-cmp: ge = [a >= b] for p-bit unsigned a, b, as "no borrow out of a - b"
// (subtract-and-borrow, ripple_ge in int_ripple.hpp).
#include "specs/int_cmp.hpp"

#include <stdexcept>

#include "specs/int_ripple.hpp"

namespace tc {

Circuit build_int_cmp_spec(const Params& params) {
  if (params.p < 1) throw std::invalid_argument("int-cmp spec: p must be at least 1");
  Circuit circuit("int-cmp-spec");
  const Bits a = circuit.add_input_word("a", params.p, Decoding::unsigned_int());
  const Bits b = circuit.add_input_word("b", params.p, Decoding::unsigned_int());
  circuit.add_output_word("ge", {ripple_ge(circuit, a, b)}, Decoding::boolean());
  return circuit;
}

}  // namespace tc
