// Spec of float format changes: widening (p, E) -> (p1, E1), negation, narrowing back by round_p.
//
// Written as plain word logic, independently of circuits/float_resize.hpp: widening appends
// p1 - p zero bits below the magnitude and subtracts p1 - p from the sign-extended exponent
// with a ripple subtractor, then a mux puts back the all-zero word for the canonical zero;
// negation XORs the sign with "some magnitude bit is set"; narrowing hands the wide word to
// float_round (specs/float_round.hpp), the one place where rounding is specified.
#pragma once

#include "lib/circuit.hpp"
#include "lib/float_word.hpp"

namespace tc {

// Same value in `to` (p1 >= p, E1 >= E, and emin - (p1 - p) must fit E1 bits; else throws).
Bits spec_float_widen(Circuit& c, const Bits& word, FloatFormat from, FloatFormat to);
// -x; zero stays the canonical zero.
Bits spec_float_negate(Circuit& c, const Bits& word, FloatFormat f);
// round_p(x) in `to` (to.p <= from.p).
Bits spec_float_narrow(Circuit& c, const Bits& word, FloatFormat from, FloatFormat to);

// Stand-alone specs: input "x" in `from`, output "z" in `to`.
Circuit spec_float_widen_circuit(FloatFormat from, FloatFormat to);
Circuit spec_float_negate_circuit(FloatFormat f);
Circuit spec_float_narrow_circuit(FloatFormat from, FloatFormat to);

}  // namespace tc
