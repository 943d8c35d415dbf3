// Float format changes as threshold blocks: exact widening (p, E) -> (p1, E1), exact negation,
// and narrowing (p1, E1) -> (p, E) = round_p of the value, once.
//
// Compositions (silu, softplus) compute inside a wider format and round once at the end. The
// widening is exact and needs no rounding: m' = m 2^(p1 - p), e' = e - (p1 - p), so the
// magnitude is only rewired and each exponent bit is one bit of a linear form over e's bits
// (fb_form_bit, depth 2), ANDed with the leading magnitude bit so that the canonical zero stays
// all zeros. Negation is one gate on the sign (a zero stays the canonical zero). Narrowing is
// fb_round_pack over the wide significand, whose leading one is at p1 - 1 for every nonzero
// valid word: depth 4. The spec side (specs/float_resize.hpp) is written independently.
#pragma once

#include "circuits/float_blocks.hpp"
#include "lib/circuit.hpp"
#include "lib/float_word.hpp"

namespace tc {

// The same value in a format with p1 >= p and E1 >= E (value unchanged on valid words). Throws
// std::invalid_argument when `to` is narrower or e - (p1 - p) does not fit E1 bits for some e.
Bits float_widen(Circuit& c, const Bits& word, FloatFormat from, FloatFormat to);
// -x, exact; the canonical zero stays the canonical zero.
Bits float_negate(Circuit& c, const Bits& word, FloatFormat f);
// round_p(x) in format `to` (p <= p1; saturating and flushing as round_p does). `options` other
// than the default model rounding mistakes for mutants.
Bits float_narrow(Circuit& c, const Bits& word, FloatFormat from, FloatFormat to,
                  const RoundOptions& options = {});

// Stand-alone blocks for tests and the stats: input "x" in `from`, output "z" in `to`.
Circuit float_widen_circuit(FloatFormat from, FloatFormat to);
Circuit float_negate_circuit(FloatFormat f);
Circuit float_narrow_circuit(FloatFormat from, FloatFormat to);

}  // namespace tc
