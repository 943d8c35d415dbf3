// Tests of the Chinese-remainder iterated product and power (circuits/int_crt.hpp) against plain
// integer arithmetic: every input at small widths, random inputs at wide ones, depth 5 and 4
// whatever the operand count and widths, and the too-small-modulus mistake caught.
#include "circuits/int_crt.hpp"

#include <catch2/catch.hpp>
#include <numeric>
#include <string>

#include "lib/analysis.hpp"
#include "tests/int_oracle_check.hpp"

using namespace tc;
using tc::test::first_mismatch;
using tc::test::product_of;
using tc::test::Values;

namespace {

// Input words x0, x1, ... of the given widths; output "out" = make(words).
Circuit product_circuit(const std::vector<int>& widths,
                        Bits (*make)(Circuit&, const std::vector<Bits>&) = int_iterated_product) {
  Circuit c("iterated-product");
  std::vector<Bits> words;
  for (size_t i = 0; i < widths.size(); ++i)
    words.push_back(c.add_input_word(std::string("x").append(std::to_string(i)), widths[i],
                                     Decoding::unsigned_int()));
  c.add_output_word("out", make(c, words), Decoding::unsigned_int());
  return c;
}

Circuit power_circuit(int width, int k) {
  Circuit c("power");
  const Bits y = c.add_input_word("y", width, Decoding::unsigned_int());
  c.add_output_word("out", int_power(c, y, k), Decoding::unsigned_int());
  return c;
}

int total(const std::vector<int>& widths) {
  return std::accumulate(widths.begin(), widths.end(), 0);
}

}  // namespace

TEST_CASE("int_iterated_product equals the integer product on every input of small shapes",
          "[crt]") {
  const std::vector<std::vector<int>> shapes = {
      {1, 1}, {2, 3}, {4, 4}, {3, 3, 3}, {2, 5, 1}, {2, 2, 2, 2}, {4, 4, 4}, {1, 2, 3, 4, 2}};
  for (const auto& widths : shapes) {
    INFO("widths " << widths.size() << " total " << total(widths));
    const Circuit c = product_circuit(widths);
    CHECK(c.output_word("out").bits.size() == static_cast<size_t>(total(widths)));
    CHECK(first_mismatch(c, product_of) == "");
    CHECK(c.is_threshold_only());
    CHECK(analyze(c).depth <= 5);  // tiny shapes fold (1 x 1 bit is one AND gate)
    if (total(widths) >= 5) CHECK(analyze(c).depth == 5);
  }
}

TEST_CASE("int_iterated_product equals the integer product on random wide inputs", "[crt]") {
  for (const auto& widths :
       std::vector<std::vector<int>>{{8, 8, 8}, {6, 6, 6, 6, 6, 6}, {16, 16, 16}}) {
    INFO("total width " << total(widths));
    REQUIRE(int_iterated_product_fits(widths));
    const Circuit c = product_circuit(widths);
    CHECK(first_mismatch(c, product_of, 16) == "");
    CHECK(analyze(c).depth == 5);
  }
}

TEST_CASE("int_power equals y^k on every input", "[crt]") {
  for (int width = 1; width <= 7; ++width)
    for (int k = 2; k <= 5; ++k) {
      INFO("width " << width << " k " << k);
      const Circuit c = power_circuit(width, k);
      CHECK(c.output_word("out").bits.size() == static_cast<size_t>(width * k));
      CHECK(first_mismatch(c, [k](const Values& v) {
              uint64_t x = 1;
              for (int i = 0; i < k; ++i) x *= v[0];
              return Values{x};
            }) == "");
      CHECK(analyze(c).depth == (width == 1 ? 0 : 4));  // a bit's power is the bit
    }
}

TEST_CASE("int_power at k = 0 and 1 and beyond int64 weights", "[crt]") {
  Circuit c("power");
  const Bits y = c.add_input_word("y", 5, Decoding::unsigned_int());
  CHECK(int_power(c, y, 0) == Bits{kTrue});
  CHECK(int_power(c, y, 1) == y);
  CHECK(int_power_fits(5, 10));
  CHECK_FALSE(int_power_fits(16, 8));
  CHECK_THROWS_AS(int_power(c, c.add_input_word("z", 16, Decoding::unsigned_int()), 8),
                  std::invalid_argument);
  CHECK_FALSE(int_iterated_product_fits({12, 12, 12, 12, 12, 12, 12, 12}));
}

TEST_CASE("a CRT product whose modulus is too small is caught", "[crt]") {
  const Circuit c = product_circuit({3, 3, 3}, int_iterated_product_small_modulus);
  CHECK(first_mismatch(c, product_of) != "");
}
