// Tests of the wide CRT powers: exact on every base value, one or two cases, widths beyond
// int_power's int64 limit; the small-modulus mistake wraps; depth does not grow with k.
#include "circuits/int_power_wide.hpp"

#include <gmpxx.h>

#include <catch2/catch.hpp>

#include "lib/analysis.hpp"
#include "lib/simulate.hpp"

using namespace tc;

namespace {

// y = 2 x (when !s) or 2^n - x (when s) for an n-bit input x and a select bit s: the shape of
// log's |T|. Returns, per input (x, s), whether every power 2..k matched y^i exactly.
bool powers_exact_on_every_input(int n, int k, bool small_modulus) {
  Circuit c("powers");
  const Bits x = c.add_input_word("x", n, Decoding::unsigned_int());
  const Bits s = c.add_input_word("s", 1, Decoding::unsigned_int());
  PowerBaseCase doubled, complement;
  doubled.value.add_unsigned(x, 2);
  doubled.when = !s[0];
  complement.value.constant = int64_t{1} << n;
  complement.value.add_unsigned(x, -1);
  complement.when = s[0];
  const int64_t y_max = std::max((int64_t{1} << (n + 1)) - 2, int64_t{1} << n);
  const std::vector<Bits> powers =
      int_powers_wide(c, {doubled, complement}, y_max, k, small_modulus);
  for (int i = 2; i <= k; ++i)
    c.add_output_word(std::string("p").append(std::to_string(i)), powers[i],
                      Decoding::unsigned_int());
  REQUIRE(c.is_threshold_only());
  bool all = true;
  for (int64_t v = 0; v < (int64_t{1} << n); ++v)
    for (int sel = 0; sel < 2; ++sel) {
      Assignment in(n + 1);
      for (int j = 0; j < n; ++j) in[j] = (v >> j) & 1;
      in[n] = sel;
      const int64_t y = sel ? (int64_t{1} << n) - v : 2 * v;
      const auto out = simulate_outputs(c, in);
      for (int i = 2; i <= k; ++i) {
        mpz_class expected, got = 0;
        mpz_pow_ui(expected.get_mpz_t(), mpz_class(y).get_mpz_t(), static_cast<unsigned long>(i));
        const auto& bits = out[static_cast<size_t>(i - 2)];
        for (size_t b = 0; b < bits.size(); ++b)
          if (bits[b]) mpz_setbit(got.get_mpz_t(), static_cast<mp_bitcnt_t>(b));
        all = all && got == expected;
      }
    }
  return all;
}

}  // namespace

TEST_CASE("wide CRT powers are exact on every base value, past int_power's 60-bit limit",
          "[int][crt][power-wide]") {
  CHECK(powers_exact_on_every_input(3, 4, false));   // y < 16: y^4 in 16 bits
  CHECK(powers_exact_on_every_input(4, 14, false));  // y < 32: y^14 in 70 bits
}

TEST_CASE("wide CRT powers with too small a modulus wrap", "[int][crt][power-wide]") {
  CHECK_FALSE(powers_exact_on_every_input(3, 5, true));
}

TEST_CASE("wide CRT powers of a plain linear form, and their depth does not grow with k",
          "[int][crt][power-wide][depth]") {
  std::set<int> depths;
  for (int k : {4, 8, 16}) {
    Circuit c("powers");
    const Bits x = c.add_input_word("x", 5, Decoding::unsigned_int());
    PowerBaseCase plain;
    plain.value.add_unsigned(x, 1);
    const std::vector<Bits> powers = int_powers_wide(c, {plain}, 31, k);
    c.add_output_word("p", powers[k], Decoding::unsigned_int());
    CHECK(powers[k].size() == static_cast<size_t>(5 * k));
    depths.insert(analyze(c).depth);
    if (k == 4)
      for (int64_t v : {0, 1, 17, 31}) {
        Assignment in(5);
        for (int j = 0; j < 5; ++j) in[j] = (v >> j) & 1;
        int64_t got = 0;
        const auto out = simulate_outputs(c, in);
        for (int b = 0; b < 20; ++b) got |= int64_t{out[0][b]} << b;
        CHECK(got == v * v * v * v);
      }
  }
  CHECK(depths.size() == 1);
  Circuit c("bad");
  CHECK_THROWS_AS(int_powers_wide(c, {}, 3, 2), std::invalid_argument);
}
