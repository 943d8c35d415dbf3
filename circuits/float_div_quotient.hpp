// fdiv's significand quotient, the block behind the "significand-quotient" cut: two constructions
// of Q = floor(m_x 2^(p+1) / m_y) and the sticky bit [remainder != 0] for zero or normalized
// p-bit significands (conventions at zero in float_div.cpp).
//  - series (the default, float_div_series.cpp): 1/y as a truncated geometric series whose powers
//    come from int_power (Chinese remaindering), then a constant number of comparisons
//    [X - k Y >= 0] next to the approximation. Constant depth, polynomial size.
//  - thermometer (--thermometer, float_div_thermometer.cpp): one comparison per candidate
//    quotient. Constant depth, exponential size (2^(p+2) first-layer gates).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lib/circuit.hpp"

namespace tc {

struct SignificandQuotient {
  Bits q;         // p + 2 bits, LSB first
  Signal sticky;  // remainder != 0 (0 for a zero divisor)
};

// The constants of the series quotient at precision p (float_div_series.cpp derives them and
// proves the bound B in its opening comment). Throws std::invalid_argument where no design fits
// int_power's widths.
struct FloatDivSeriesDesign {
  int p = 0;
  int k = 0;                     // table bits: the k divisor bits below its leading one select c_j
  int K = 0;                     // c_j = C[j] / 2^K
  int L = 0;                     // t = T / 2^L with L = K + p
  std::vector<int64_t> C;        // C[j] = floor(2^K / b_j), b_j the top of the j-th interval of y
  int64_t T_max = 0;             // the largest T = 2^L - C_j m_y over normalized m_y
  int T_width = 0;               // bits of T_max
  int m = 0;                     // terms t^0 .. t^(m-1)
  int F = 0;                     // fraction bits of each term P_i ~ t^i 2^F
  std::vector<int> s;            // s[i]: low bits of T dropped before raising to the i-th power
  std::vector<int> power_width;  // s[i] > 0 or i >= 2: bits of the word int_power raises
  int W_width = 0;               // bits of W = m_x C_j
  int low_column = 0;            // partial products of S below this column are left out
  int D = 0;                     // candidates Q0 + 1 .. Q0 + D are compared (Q - Q0 in [0, D])
  double bound = 0;              // B (rounded up): X / Y - Q0 < B + 1, and D = ceil(B)
};
FloatDivSeriesDesign float_div_series_design(int p);

// The series quotient; mutant "series-term-dropped" leaves out the t term. Cut conventions as
// for the thermometer.
SignificandQuotient float_div_series_quotient(Circuit& circuit, const Bits& m_x, const Bits& m_y,
                                              const std::string& mutant);

// The thermometer quotient; mutant "thermometer-not-one-hot" decodes every passed test.
SignificandQuotient float_div_thermometer_quotient(Circuit& circuit, const Bits& m_x,
                                                   const Bits& m_y, const std::string& mutant);

}  // namespace tc
