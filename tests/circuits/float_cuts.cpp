// Tests of the cut points the float constructions declare (lib/sat/cut_points.hpp): each block,
// extracted exactly as the miter extracts it, computes the documented integer from the raw input
// bits, so a spec that declares the same cut over the same inputs can share it.
#include <catch2/catch.hpp>

#include "lib/decode.hpp"
#include "lib/sat/cut_points.hpp"
#include "lib/simulate.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

Circuit block_of(const std::string& component, int p, const std::string& cut) {
  const Component* comp = find_component(component);
  REQUIRE(comp != nullptr);
  Params params;
  params.p = p;
  const Circuit c = comp->construction(params);
  const Circuit::Cut* found = find_cut(c, cut);
  REQUIRE(found != nullptr);
  std::optional<Circuit> block = extract_cut_block(c, *found);
  REQUIRE(block.has_value());
  return std::move(*block);
}

std::vector<bool> bits_of(uint64_t value, int width) {
  std::vector<bool> bits(width);
  for (int i = 0; i < width; ++i) bits[i] = (value >> i) & 1;
  return bits;
}

uint64_t value_of(const std::vector<bool>& bits) { return decode_unsigned(bits).get_ui(); }

}  // namespace

TEST_CASE("the fmul significand-product cut is m_x * m_y on every pattern of the magnitudes",
          "[float-circuits][cut]") {
  for (int p = 2; p <= 6; ++p) {
    const Circuit block = block_of("fmul", p, "significand-product");
    REQUIRE(block.num_input_bits() == 2 * p);
    REQUIRE(block.output_words()[0].bits.size() == static_cast<size_t>(2 * p));
    for (uint64_t mx = 0; mx < (1u << p); ++mx)
      for (uint64_t my = 0; my < (1u << p); ++my) {
        INFO("p = " << p << ", m_x = " << mx << ", m_y = " << my);
        CHECK(value_of(simulate_outputs(block, bits_of(mx | my << p, 2 * p))[0]) == mx * my);
      }
  }
}

TEST_CASE(
    "the fdiv significand-quotient cut is the quotient and remainder test on zero or "
    "normalized magnitudes",
    "[float-circuits][cut]") {
  for (int p = 2; p <= 6; ++p) {
    const Circuit block = block_of("fdiv", p, "significand-quotient");
    REQUIRE(block.num_input_bits() == 2 * p);
    REQUIRE(block.output_words()[0].bits.size() == static_cast<size_t>(p + 3));
    std::vector<uint64_t> magnitudes{0};
    for (uint64_t m = uint64_t{1} << (p - 1); m < (uint64_t{1} << p); ++m) magnitudes.push_back(m);
    for (uint64_t mx : magnitudes)
      for (uint64_t my : magnitudes) {
        const uint64_t x = mx << (p + 1);
        // The conventions at the edges: no divisor gives all ones and no remainder.
        const uint64_t q = my == 0 ? (uint64_t{1} << (p + 2)) - 1 : x / my;
        const bool sticky = my != 0 && x % my != 0;
        const std::vector<bool> out = simulate_outputs(block, bits_of(mx | my << p, 2 * p))[0];
        INFO("p = " << p << ", m_x = " << mx << ", m_y = " << my);
        CHECK(value_of({out.begin(), out.begin() + p + 2}) == q);
        CHECK(out.back() == sticky);
      }
  }
}

TEST_CASE("the fadd magnitude-order cut orders the (exponent, significand) keys on every pattern",
          "[float-circuits][cut]") {
  for (int p : {2, 3}) {
    const int e = p + 1, n = 2 * (p + e);
    const Circuit block = block_of("fadd", p, "magnitude-order");
    REQUIRE(block.num_input_bits() == n);
    for (uint64_t in = 0; in < (uint64_t{1} << n); ++in) {
      // Inputs m_x, e_x, m_y, e_y; the exponents biased by 2^(e-1) order like unsigned keys.
      const uint64_t mx = in & ((1u << p) - 1), ex = (in >> p) & ((1u << e) - 1);
      const uint64_t my = (in >> (p + e)) & ((1u << p) - 1), ey = in >> (2 * p + e);
      const uint64_t bias = uint64_t{1} << (e - 1);
      const uint64_t kx = ((ex ^ bias) << p) | mx, ky = ((ey ^ bias) << p) | my;
      INFO("p = " << p << ", input = " << in);
      CHECK(simulate_outputs(block, bits_of(in, n))[0][0] == (kx < ky));
    }
  }
}
