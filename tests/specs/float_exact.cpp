// Tests of the exact float evaluator (specs/float_exact.hpp): hand-computed roundings, the
// literal "nearest element of F_p" definition by brute force, and the exactness claim for floor.
#include "specs/float_exact.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace tc;

namespace {

mpq_class q(long num, long den = 1) {
  mpq_class x(num, den);
  x.canonicalize();
  return x;
}

mpq_class pow2(long k) {
  return k >= 0 ? mpq_class(mpz_class(1) << k) : mpq_class(mpz_class(1), mpz_class(1) << -k);
}

// The definition read literally: scan F_p for the nearest value; ties to the even significand,
// and between two even ones (only 0 and min) to 0.
FloatValue nearest_by_search(const mpq_class& x, const std::vector<FloatValue>& all) {
  FloatValue best = all[0];
  mpq_class best_distance = abs(x - value(best));
  for (const FloatValue& v : all) {
    const mpq_class distance = abs(x - value(v));
    const bool tie = distance == best_distance;
    const bool better_tie = tie && best.magnitude % 2 == 1 && v.magnitude % 2 == 0;
    if (distance < best_distance || better_tie) {
      best = v;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace

TEST_CASE("round_to_float rounds hand-computed cases at p = 4", "[float-spec]") {
  const FloatFormat f{4, 5};  // emin = -16, emax = 15, min = 2^-13, max = 15 * 2^15
  CHECK(round_to_float(0, f) == FloatValue{});
  CHECK(round_to_float(1, f) == FloatValue{false, 8, -3});
  CHECK(round_to_float(q(9, 8), f) == FloatValue{false, 9, -3});
  CHECK(round_to_float(q(-3, 1), f) == FloatValue{true, 12, -2});
  CHECK(round_to_float(q(1, 3), f) == FloatValue{false, 11, -5});  // 0.0101.. -> 1011 * 2^-5
  // Ties go to the even significand.
  CHECK(round_to_float(q(17, 16), f) == FloatValue{false, 8, -3});   // 8.5 * 2^-3
  CHECK(round_to_float(q(19, 16), f) == FloatValue{false, 10, -3});  // 9.5 * 2^-3
  CHECK(round_to_float(q(-19, 16), f) == FloatValue{true, 10, -3});
  CHECK(round_to_float(q(31, 2), f) == FloatValue{false, 8, 1});        // 15.5 -> 16
  CHECK(round_to_float(q(61, 4), f) == FloatValue{false, 15, 0});       // 15.25 -> 15
  CHECK(round_to_float(q(1025, 1024), f) == FloatValue{false, 8, -3});  // just above 1
}

TEST_CASE("round_to_float saturates at max and underflows to 0 or min", "[float-spec]") {
  const FloatFormat f{4, 5};
  const FloatValue max{false, 15, 15}, min{false, 8, -16};
  CHECK(float_max(f) == max);
  CHECK(float_min(f) == min);
  CHECK(value(max) == 491520);
  CHECK(value(min) == pow2(-13));
  CHECK(round_to_float(value(max), f) == max);
  CHECK(round_to_float(value(max) + pow2(14), f) == max);  // the tie toward 2^19 saturates
  CHECK(round_to_float(value(max) + pow2(15), f) == max);
  CHECK(round_to_float(pow2(40), f) == max);
  CHECK(round_to_float(-pow2(40), f) == FloatValue{true, 15, 15});
  CHECK(round_to_float(value(max) - pow2(14), f) == FloatValue{false, 14, 15});  // tie to even
  // Below min: 0 or min, whichever is nearer; the tie min / 2 goes to 0.
  CHECK(round_to_float(pow2(-14), f) == FloatValue{});
  CHECK(round_to_float(pow2(-14) + pow2(-40), f) == min);
  CHECK(round_to_float(pow2(-14) - pow2(-40), f) == FloatValue{});
  CHECK(round_to_float(q(3) * pow2(-15), f) == min);
  CHECK(round_to_float(-q(3) * pow2(-15), f) == FloatValue{true, 8, -16});
  CHECK(round_to_float(pow2(-15), f) == FloatValue{});
  CHECK(round_to_float(value(min) + pow2(-17), f) == min);  // tie between 8 and 9 at emin
  CHECK(round_to_float(value(min) + 3 * pow2(-17), f) == FloatValue{false, 10, -16});
  // -0 does not exist: tiny negatives round to the canonical zero.
  const FloatValue z = round_to_float(-pow2(-14), f);
  CHECK(z == FloatValue{});
  CHECK_FALSE(z.negative);
}

TEST_CASE("round_to_float is the nearest element of F_p with ties to even", "[float-spec]") {
  for (FloatFormat f : {FloatFormat{4, 5}, FloatFormat{3, 3}, FloatFormat{2, 2}}) {
    std::vector<FloatValue> all = all_float_values(f);
    std::vector<mpq_class> sorted;
    for (const FloatValue& v : all) sorted.push_back(value(v));
    std::sort(sorted.begin(), sorted.end());
    // Every value, every midpoint, points just around midpoints, and beyond both ends.
    std::vector<mpq_class> points;
    const mpq_class tiny = pow2(-f.p - 2 * (1 << (f.e - 1)) - 8);
    for (size_t i = 0; i < sorted.size(); ++i) {
      points.push_back(sorted[i]);
      if (i + 1 == sorted.size()) break;
      const mpq_class mid = (sorted[i] + sorted[i + 1]) / 2;
      for (const mpq_class& d : {mpq_class(0), tiny, mpq_class(-tiny)}) points.push_back(mid + d);
      points.push_back((3 * sorted[i] + sorted[i + 1]) / 4);
    }
    const mpq_class top = sorted.back();
    for (const mpq_class& x : std::vector<mpq_class>{top + 1, top * 2, top * 1000}) {
      points.push_back(x);
      points.push_back(-x);
    }
    for (const mpq_class& x : points) {
      INFO("p = " << f.p << ", e = " << f.e << ", x = " << x.get_str());
      REQUIRE(round_to_float(x, f) == nearest_by_search(x, all));
    }
  }
}

TEST_CASE("exact operations round the exact result once", "[float-spec]") {
  const FloatFormat f{4, 5};
  const FloatValue one{false, 8, -3}, three{false, 12, -2}, half{false, 8, -4};
  CHECK(exact_add(one, half, f) == FloatValue{false, 12, -3});
  CHECK(exact_add(one, FloatValue{true, 8, -3}, f) == FloatValue{});  // exact cancellation: +0
  CHECK(exact_add(one, {false, 8, -8}, f) == one);  // 1 + 2^-5: below half an ulp (2^-4)
  CHECK(exact_add(one, {false, 8, -7}, f) == one);  // 1 + 2^-4: tie, to even
  CHECK(exact_add(one, {false, 9, -7}, f) == FloatValue{false, 9, -3});  // above the tie
  CHECK(exact_mul(three, three, f) == FloatValue{false, 9, 0});
  CHECK(exact_mul(float_max(f), float_max(f), f) == float_max(f));
  CHECK(exact_mul(float_min(f), float_min(f), f) == FloatValue{});
  CHECK(exact_div(one, three, f) == DivResult{{false, 11, -5}, false});
  CHECK(exact_div(three, FloatValue{}, f) == DivResult{{}, true});
  CHECK(exact_div(FloatValue{}, FloatValue{}, f) == DivResult{{}, true});
  CHECK(exact_div(FloatValue{}, three, f) == DivResult{{}, false});
  CHECK(exact_le(FloatValue{true, 8, -16}, FloatValue{}));
  CHECK(exact_le(FloatValue{}, FloatValue{}));
  CHECK_FALSE(exact_le(one, half));
  CHECK(exact_eq(one, one));
  CHECK_FALSE(exact_eq(one, FloatValue{true, 8, -3}));
}

TEST_CASE("exact_floor gives floor(x) as a float", "[float-spec]") {
  const FloatFormat f{4, 5};
  CHECK(exact_floor({false, 10, -2}, f) == FloatValue{false, 8, -2});  // 2.5 -> 2
  CHECK(exact_floor({true, 10, -2}, f) == FloatValue{true, 12, -2});   // -2.5 -> -3
  CHECK(exact_floor({true, 8, -4}, f) == FloatValue{true, 8, -3});     // -0.5 -> -1
  CHECK(exact_floor({false, 15, -4}, f) == FloatValue{});              // 0.9375 -> 0
  CHECK(exact_floor(float_min(f), f) == FloatValue{});
  CHECK(exact_floor({true, 8, -16}, f) == FloatValue{true, 8, -3});  // -min -> -1
  CHECK(exact_floor(float_max(f), f) == float_max(f));
  CHECK(exact_floor({true, 15, -1}, f) == FloatValue{true, 8, 0});  // -7.5 -> -8
}

// The claim behind the floor output format (specs/float_exact.hpp): floor(x) is in F_p, so
// round_to_float does nothing, in every format; narrow exponents (emin > -(p - 1)) included.
TEST_CASE("exact_floor is exact for every input of every small format", "[float-spec]") {
  for (int p = 2; p <= 8; ++p) {
    for (int e = 2; e <= p + 1; ++e) {
      const FloatFormat f{p, e};
      if (p == 8 && e < p + 1) continue;  // keep the run short; p = 8 is checked at e = 9
      bool all_exact = true;
      for (const FloatValue& x : all_float_values(f)) {
        const mpq_class v = value(x);
        mpz_class fl;
        mpz_fdiv_q(fl.get_mpz_t(), v.get_num().get_mpz_t(), v.get_den().get_mpz_t());
        if (value(exact_floor(x, f)) != mpq_class(fl)) {
          all_exact = false;
          break;
        }
      }
      INFO("p = " << p << ", e = " << e);
      CHECK(all_exact);
    }
  }
}

TEST_CASE("all_float_values lists every valid encoding once", "[float-spec]") {
  const FloatFormat f{4, 5};
  const auto all = all_float_values(f);
  CHECK(all.size() == 513);
  CHECK(all[0] == FloatValue{});
  std::vector<mpq_class> values;
  for (const FloatValue& v : all) {
    CHECK(float_is_valid(v, f));
    values.push_back(value(v));
  }
  std::sort(values.begin(), values.end());
  CHECK(std::adjacent_find(values.begin(), values.end()) == values.end());  // distinct values
  CHECK(all_float_values({8, 9}).size() == 131073);
}
