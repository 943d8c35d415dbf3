// Tests of the wide CRT iterated product (circuits/int_product_wide.hpp) against exact integer
// products: every input at small widths, random operands (GMP) far beyond int_iterated_product's
// 56-bit limit, depth 10 whatever the shape, small weights, and the too-small-modulus mistake.
#include "circuits/int_product_wide.hpp"

#include <gmpxx.h>

#include <catch2/catch.hpp>
#include <numeric>
#include <random>
#include <string>

#include "lib/analysis.hpp"
#include "lib/simulate.hpp"
#include "tests/int_oracle_check.hpp"

using namespace tc;
using tc::test::first_mismatch;
using tc::test::product_of;
using tc::test::Values;

namespace {

Circuit wide_product_circuit(const std::vector<int>& widths, bool small_modulus = false) {
  Circuit c("wide-product");
  std::vector<Bits> words;
  for (size_t i = 0; i < widths.size(); ++i)
    words.push_back(c.add_input_word(std::string("x").append(std::to_string(i)), widths[i],
                                     Decoding::unsigned_int()));
  c.add_output_word("out", int_iterated_product_wide(c, words, small_modulus),
                    Decoding::unsigned_int());
  return c;
}

int total(const std::vector<int>& widths) {
  return std::accumulate(widths.begin(), widths.end(), 0);
}

// The number of random operand tuples (rounds of 64, simulated bit-parallel) whose product the
// circuit gets wrong.
int random_mismatches(const Circuit& c, const std::vector<int>& widths, int rounds, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Simulator sim(c);
  const Bits& out = c.output_word("out").bits;
  int wrong = 0;
  for (int round = 0; round < rounds; ++round) {
    std::vector<uint64_t> lanes;
    for (int w : widths)
      for (int b = 0; b < w; ++b)
        lanes.push_back(rng() | 0x8888888888888888ull);  // every fourth lane all ones: the
                                                         // largest product, the one M must exceed
    sim.run(lanes);
    for (int lane = 0; lane < 64; ++lane) {
      mpz_class expected = 1, got = 0;
      size_t input = 0;
      for (int w : widths) {
        mpz_class x = 0;
        for (int b = 0; b < w; ++b, ++input)
          if ((lanes[input] >> lane) & 1) mpz_setbit(x.get_mpz_t(), static_cast<mp_bitcnt_t>(b));
        expected *= x;
      }
      for (size_t b = 0; b < out.size(); ++b)
        if ((sim.value(out[b]) >> lane) & 1)
          mpz_setbit(got.get_mpz_t(), static_cast<mp_bitcnt_t>(b));
      if (got != expected) ++wrong;
    }
  }
  return wrong;
}

}  // namespace

TEST_CASE("int_iterated_product_wide equals the integer product on every input of small shapes",
          "[int][crt][product-wide]") {
  const std::vector<std::vector<int>> shapes = {{1, 1},    {2, 3},          {4, 4},
                                                {3, 3, 3}, {2, 5, 1},       {2, 2, 2, 2},
                                                {4, 4, 4}, {1, 2, 3, 4, 2}, {3, 3, 3, 3, 3, 3}};
  for (const auto& widths : shapes) {
    INFO("widths " << widths.size() << " total " << total(widths));
    const Circuit c = wide_product_circuit(widths);
    CHECK(c.output_word("out").bits.size() == static_cast<size_t>(total(widths)));
    CHECK(first_mismatch(c, product_of) == "");
    CHECK(c.is_threshold_only());
    CHECK(analyze(c).depth <= 10);  // tiny shapes fold
    if (total(widths) >= 12) CHECK(analyze(c).depth == 10);
  }
}

TEST_CASE("int_iterated_product_wide is exact on random wide operands, in depth 10, small weights",
          "[int][crt][product-wide]") {
  for (const auto& widths : std::vector<std::vector<int>>{
           {16, 16, 16}, {8, 8, 8, 8, 8, 8, 8, 8}, {10, 10, 10, 10, 10, 10}, {24, 24, 24, 24}}) {
    INFO("widths " << widths.size() << " total " << total(widths));
    const Circuit c = wide_product_circuit(widths);
    CHECK(random_mismatches(c, widths, 4, 17 + total(widths)) == 0);
    CHECK(c.is_threshold_only());
    CHECK(analyze(c).depth == 10);
    CHECK(analyze(c).max_weight < (int64_t{1} << 20));
  }
}

TEST_CASE("a wide CRT product whose modulus is too small is caught", "[int][crt][product-wide]") {
  CHECK(first_mismatch(wide_product_circuit({3, 3, 3}, true), product_of) != "");
  CHECK(random_mismatches(wide_product_circuit({8, 8, 8, 8, 8, 8, 8, 8}, true),
                          {8, 8, 8, 8, 8, 8, 8, 8}, 1, 5) > 0);
}

TEST_CASE("int_iterated_product_wide with no, one or an empty operand",
          "[int][crt][product-wide]") {
  Circuit c("wide-product");
  const Bits x = c.add_input_word("x", 4, Decoding::unsigned_int());
  CHECK(int_iterated_product_wide(c, {}) == Bits{kTrue});
  CHECK(int_iterated_product_wide(c, {x}) == x);
  CHECK_THROWS_AS(int_iterated_product_wide(c, {x, Bits{}}), std::invalid_argument);
}
