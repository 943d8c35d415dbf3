// Word names and parameter ranges of the SSM scan and convolution components (scan,
// conv-kernel, conv-ssm), shared by their constructions (circuits/) and specs (specs/), which may
// not include each other.
//
// Names follow the team's convention: vectors "x0 x1 ...", matrices "name<row>_<col>" with the
// time first (Abar2_1 = Abar at t = 2, state n = 1). Inputs are declared in a fixed order so the
// two sides of a miter have the same interface: scan: every Abar<t>_<n> (t-major), then every
// Bbar<t>_<n>, every C<t>_<n>, then x<t>; conv-kernel: Abar<n>, Bbar<n>, C<n>; conv-ssm: the
// conv-kernel words, then x<t>.
#pragma once

#include <fmt/core.h>

#include <stdexcept>
#include <string>

#include "lib/component.hpp"

namespace tc {

// The widths every SSM scan component is built for: p, L, N (E = p + 1 always). The limits come
// from the blocks: fprod and fsum take n <= 8 operands (the longest product has L + 1). p is
// bounded by the aligned sums, 2^(p+1) columns each: p <= 6 for the constructions' threshold
// alignment, p <= 8 for the specs' barrel shifters (about 280,000 gates for scan), while with
// --windows (sums polynomial in E) a construction builds up to the float blocks' p <= 16.
inline constexpr int kSsmPMin = 2, kSsmPMax = 6, kSsmSpecPMax = 8, kSsmPMaxWindows = 16;
inline constexpr int kSsmLMin = 2, kSsmLMax = 6;
inline constexpr int kSsmNMin = 1, kSsmNMax = 3;

// Throws std::invalid_argument naming the component and the parameter out of range (p up to
// p_max, one of the limits above).
inline void ssm_check_params(const std::string& component, const Params& params, int p_max) {
  const auto check = [&](const char* name, int v, int lo, int hi) {
    if (v < lo || v > hi)
      throw std::invalid_argument(
          fmt::format("{}: {} = {} outside [{}, {}]", component, name, v, lo, hi));
  };
  check("p", params.p, kSsmPMin, p_max);
  check("L", params.L, kSsmLMin, kSsmLMax);
  check("N", params.N, kSsmNMin, kSsmNMax);
  if (params.e != 0 && params.e != params.p + 1)
    throw std::invalid_argument(fmt::format("{}: only the exponent width E = p + 1", component));
}

// "Abar2_1": a time-varying parameter at time t, state n.
inline std::string ssm_word(const std::string& name, int t, int n) {
  return fmt::format("{}{}_{}", name, t, n);
}
// "x3", "Abar1", "Kk2", "y0": a vector entry.
inline std::string ssm_word(const std::string& name, int i) { return fmt::format("{}{}", name, i); }

// A word name split into its stem and indices: "Abar2_1" -> {"Abar", 2, 1}, "W_in0_1" ->
// {"W_in", 0, 1}, "x3" -> {"x", 3, -1}, "delta" -> {"delta", -1, -1}. Feeds of embedded blocks
// route a block's input word by its name.
struct SsmWordName {
  std::string stem;
  int i = -1, j = -1;
};

inline SsmWordName parse_ssm_word(const std::string& name) {
  auto digits_before = [&](size_t end) {  // start of the run of digits that ends at `end`
    size_t b = end;
    while (b > 0 && name[b - 1] >= '0' && name[b - 1] <= '9') --b;
    return b;
  };
  const size_t last = digits_before(name.size());
  if (last == name.size()) return {name, -1, -1};
  const int tail = std::stoi(name.substr(last));
  if (last > 1 && name[last - 1] == '_') {
    const size_t first = digits_before(last - 1);
    if (first < last - 1)
      return {name.substr(0, first), std::stoi(name.substr(first, last - 1 - first)), tail};
  }
  return {name.substr(0, last), tail, -1};
}

}  // namespace tc
