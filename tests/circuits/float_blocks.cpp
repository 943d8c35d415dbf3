// Tests of the shared float blocks (circuits/float_blocks.hpp): folded gates, bits of linear
// forms, and round-and-pack checked exhaustively against round_to_float of the exact evaluator.
#include "circuits/float_blocks.hpp"

#include <gmpxx.h>

#include <catch2/catch.hpp>

#include "lib/analysis.hpp"
#include "lib/simulate.hpp"
#include "specs/float_exact.hpp"

using namespace tc;

namespace {

int64_t unsigned_value(const std::vector<bool>& bits) {
  int64_t v = 0;
  for (size_t i = 0; i < bits.size(); ++i) v |= int64_t{bits[i]} << i;
  return v;
}

int64_t signed_value(const std::vector<bool>& bits) {
  int64_t v = unsigned_value(bits);
  if (!bits.empty() && bits.back()) v -= int64_t{1} << bits.size();
  return v;
}

// All assignments of `bits` inputs, as bit vectors (LSB = input 0).
std::vector<bool> assignment(uint64_t index, int bits) {
  std::vector<bool> a(bits);
  for (int i = 0; i < bits; ++i) a[i] = (index >> i) & 1;
  return a;
}

}  // namespace

TEST_CASE("a gate with folded conditions is the AND of the gate and the conditions",
          "[float-circuits][float-blocks]") {
  Circuit c("fold");
  const Bits in = c.add_input_word("in", 5, Decoding::unsigned_int());
  // [3 a - 2 b + c >= 1] and d and !e.
  const Signal g = fb_gate(c, {in[0], in[1], in[2]}, {3, -2, 1}, 1, {in[3], !in[4]});
  c.add_output_word("g", {g}, Decoding::boolean());
  CHECK(analyze(c).depth == 1);
  for (uint64_t i = 0; i < 32; ++i) {
    const auto a = assignment(i, 5);
    const bool expected = 3 * a[0] - 2 * a[1] + a[2] >= 1 && a[3] && !a[4];
    CHECK(simulate_outputs(c, a)[0][0] == expected);
  }
}

TEST_CASE("bits of a signed linear form are its two's complement bits, in depth 2",
          "[float-circuits][float-blocks]") {
  Circuit c("form");
  const Bits a = c.add_input_word("a", 4, Decoding::signed_int());
  const Bits b = c.add_input_word("b", 3, Decoding::unsigned_int());
  const Bits sel = c.add_input_word("sel", 3, Decoding::unsigned_int());
  LinearForm form;  // 3 a - b - 5 + (one of -7, 2, 9 by a one-hot selector)
  form.add_signed(a, 3);
  form.add_unsigned(b, -1);
  form.constant = -5;
  const int g = form.new_group();
  form.add(sel[0], -7, g);
  form.add(sel[1], 2, g);
  form.add(sel[2], 9, g);
  CHECK(form.max_value() == 3 * 7 - 5 + 9);
  CHECK(form.min_value() == 3 * -8 - 7 - 5 - 7);
  Bits bits;
  for (int i = 0; i < 8; ++i) bits.push_back(fb_form_bit(c, form, i));
  c.add_output_word("v", bits, Decoding::signed_int());
  CHECK(analyze(c).depth == 2);
  for (uint64_t i = 0; i < (1u << 10); ++i) {
    const auto in = assignment(i, 10);
    const int ones = in[7] + in[8] + in[9];
    if (ones > 1) continue;  // the selector is one-hot or empty
    const int64_t av = signed_value({in.begin(), in.begin() + 4});
    const int64_t bv = unsigned_value({in.begin() + 4, in.begin() + 7});
    const int64_t value = 3 * av - bv - 5 - 7 * in[7] + 2 * in[8] + 9 * in[9];
    INFO("a = " << av << ", b = " << bv);
    CHECK(signed_value(simulate_outputs(c, in)[0]) == value);
  }
}

TEST_CASE("round and pack equals round_to_float of (N + sticky / 2) * 2^E on every input",
          "[float-circuits][float-blocks]") {
  // N of 7 bits, a sticky bit, a 4-bit exponent E, a sign; p = 3 and e = 3 make every range
  // decision (saturation, underflow to 0 and to min, the min / 2 tie) reachable.
  for (int lead_lo : {0, 3}) {
    const FloatFormat f{3, 3};
    Circuit c("round-pack");
    const Bits n = c.add_input_word("n", 7, Decoding::unsigned_int());
    const Bits s = c.add_input_word("s", 1, Decoding::boolean());
    const Bits e = c.add_input_word("e", 4, Decoding::signed_int());
    const Bits sign = c.add_input_word("sign", 1, Decoding::boolean());
    UnroundedValue v;
    v.n = n;
    v.lead_lo = lead_lo;
    v.sticky = s[0];
    v.exponent.add_signed(e, 1);
    v.sign = sign[0];
    add_float_output(c, "z", fb_round_pack(c, v, f), f);
    CHECK(c.is_threshold_only());
    for (uint64_t i = 0; i < (1u << 13); ++i) {
      const auto in = assignment(i, 13);
      const int64_t nv = unsigned_value({in.begin(), in.begin() + 7});
      const bool sticky = in[7];
      const int64_t ev = signed_value({in.begin() + 8, in.begin() + 12});
      // Preconditions: the sticky only below a rounded-away bit; N's leading one >= lead_lo.
      if (sticky && nv < (1 << f.p)) continue;
      if (nv != 0 && nv < (int64_t{1} << lead_lo)) continue;
      mpq_class exact(mpz_class(static_cast<long>(2 * nv + sticky)), mpz_class(2));
      exact *= ev >= 0 ? mpq_class(mpz_class(1) << static_cast<unsigned>(ev))
                       : mpq_class(mpz_class(1), mpz_class(1) << static_cast<unsigned>(-ev));
      if (in[12]) exact = -exact;
      const FloatValue expected = round_to_float(exact, f);
      const FloatValue got = float_from_bits(simulate_outputs(c, in)[0], f);
      INFO("N = " << nv << ", sticky = " << sticky << ", E = " << ev << ", negative = " << in[12]
                  << ", lead_lo = " << lead_lo);
      CHECK(float_to_string(got) == float_to_string(expected));
    }
  }
}

TEST_CASE("round and pack is four layers above N", "[float-circuits][float-blocks]") {
  for (int p : {4, 8, 12}) {
    const FloatFormat f{p, p + 1};
    Circuit c("round-pack-depth");
    UnroundedValue v;
    v.n = c.add_input_word("n", 2 * p + 2, Decoding::unsigned_int());
    v.sticky = c.add_input_word("s", 1, Decoding::boolean())[0];
    v.exponent.add_signed(c.add_input_word("e", f.e, Decoding::signed_int()), 1);
    v.sign = c.add_input_word("sign", 1, Decoding::boolean())[0];
    add_float_output(c, "z", fb_round_pack(c, v, f), f);
    INFO("p = " << p);
    CHECK(analyze(c).depth == 4);
  }
}
