// Exhaustive tests of the spec arithmetic helpers (specs/float_bits.hpp) at small widths, so a
// failure in a float spec can be told apart from a failure in its parts.
#include "specs/float_bits.hpp"

#include <catch2/catch.hpp>

#include "lib/simulate.hpp"

using namespace tc;

namespace {

uint64_t word_value(const std::vector<bool>& bits) {
  uint64_t v = 0;
  for (size_t i = 0; i < bits.size(); ++i) v |= uint64_t{bits[i]} << i;
  return v;
}

int64_t signed_value(const std::vector<bool>& bits) {
  const int64_t v = static_cast<int64_t>(word_value(bits));
  return bits.back() ? v - (int64_t{1} << bits.size()) : v;
}

Assignment inputs(uint64_t a, uint64_t b, int width_a, int width_b) {
  Assignment in;
  for (int i = 0; i < width_a; ++i) in.push_back((a >> i) & 1);
  for (int i = 0; i < width_b; ++i) in.push_back((b >> i) & 1);
  return in;
}

}  // namespace

TEST_CASE("bits add, sub, less and mul agree with integers on all 4-bit pairs", "[float-spec]") {
  const int w = 4;
  Circuit c;
  const Bits a = c.add_input_word("a", w, Decoding::unsigned_int());
  const Bits b = c.add_input_word("b", w, Decoding::unsigned_int());
  c.add_output_word("sum", bits_add(c, a, b, kTrue), Decoding::unsigned_int());
  c.add_output_word("diff", bits_sub(c, a, b), Decoding::unsigned_int());
  c.add_output_word("less", {bits_less(c, a, b)}, Decoding::boolean());
  c.add_output_word("less_signed", {bits_less_signed(c, a, b)}, Decoding::boolean());
  c.add_output_word("product", bits_mul(c, a, b), Decoding::unsigned_int());
  c.add_output_word("equal", {bits_equal(c, a, b)}, Decoding::boolean());
  for (uint64_t x = 0; x < 16; ++x)
    for (uint64_t y = 0; y < 16; ++y) {
      const auto out = simulate_outputs(c, inputs(x, y, w, w));
      INFO("a = " << x << ", b = " << y);
      CHECK(word_value(out[0]) == x + y + 1);
      CHECK(word_value(out[1]) == ((x - y) & 15));
      CHECK(out[2][0] == (x < y));
      const std::vector<bool> xs = inputs(x, 0, w, 0), ys = inputs(y, 0, w, 0);
      CHECK(out[3][0] == (signed_value(xs) < signed_value(ys)));
      CHECK(word_value(out[4]) == x * y);
      CHECK(out[5][0] == (x == y));
    }
}

TEST_CASE("bits shifters and normalizer agree with integers on all small inputs", "[float-spec]") {
  const int w = 6;
  Circuit c;
  const Bits x = c.add_input_word("x", w, Decoding::unsigned_int());
  const Bits s = c.add_input_word("s", 3, Decoding::unsigned_int());
  Signal sticky;
  c.add_output_word("left", bits_shift_left(c, x, s), Decoding::unsigned_int());
  c.add_output_word("right", bits_shift_right_sticky(c, x, s, &sticky), Decoding::unsigned_int());
  c.add_output_word("sticky", {sticky}, Decoding::boolean());
  Bits lz;
  c.add_output_word("normalized", bits_normalize(c, x, &lz), Decoding::unsigned_int());
  c.add_output_word("lz", lz, Decoding::unsigned_int());
  for (uint64_t v = 0; v < 64; ++v)
    for (uint64_t k = 0; k < 8; ++k) {
      const auto out = simulate_outputs(c, inputs(v, k, w, 3));
      INFO("x = " << v << ", shift = " << k);
      CHECK(word_value(out[0]) == ((v << k) & 63));
      CHECK(word_value(out[1]) == (v >> k));
      CHECK(out[2][0] == ((v & ((uint64_t{1} << k) - 1)) != 0));
      if (v == 0) continue;
      const uint64_t leading = static_cast<uint64_t>(std::countl_zero(v) - (64 - w));
      CHECK(word_value(out[4]) == leading);
      CHECK(word_value(out[3]) == v << leading);
    }
}
