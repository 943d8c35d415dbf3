// Tests of fdiv's two quotient constructions: the series quotient (default) and the thermometer
// (--thermometer). Both must equal the spec's long division on every zero or normalized pair at
// small p and the whole of fdiv on every input; the series design must keep its bound, and its
// size must grow polynomially where the thermometer's doubles with every bit.
#include <catch2/catch.hpp>

#include "circuits/float_div_quotient.hpp"
#include "lib/analysis.hpp"
#include "lib/decode.hpp"
#include "lib/sat/cut_points.hpp"
#include "lib/simulate.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

Params fdiv_params(int p, bool thermometer, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.mutant = mutant;
  if (thermometer) params.flags.insert("thermometer");
  return params;
}

const Component& fdiv() {
  const Component* c = find_component("fdiv");
  REQUIRE(c != nullptr);
  return *c;
}

uint64_t value_of(const std::vector<bool>& bits) { return decode_unsigned(bits).get_ui(); }

}  // namespace

TEST_CASE("the series design's bound leaves one candidate and its table has fewer than 4 p entries",
          "[fdiv][fdiv-series]") {
  for (int p = 2; p <= 16; ++p) {
    INFO("p = " << p);
    const FloatDivSeriesDesign d = float_div_series_design(p);
    CHECK(d.bound < 1);  // B < 1: Q is Q0 or Q0 + 1
    CHECK(d.D == 1);
    CHECK((int64_t{1} << d.k) < 4 * p);
    CHECK(d.m <= 6);                                                   // about (p + 6) / k terms
    CHECK(d.T_max < (int64_t{1} << d.L) / (int64_t{1} << (d.k - 1)));  // t < 2^-(k-1)
  }
}

TEST_CASE(
    "both quotient blocks are floor(m_x 2^(p+1) / m_y) and the remainder test on every zero "
    "or normalized pair",
    "[fdiv][fdiv-series][cut]") {
  for (bool thermometer : {false, true})
    for (int p = 2; p <= 7; ++p) {
      const Circuit c = fdiv().construction(fdiv_params(p, thermometer));
      const Circuit::Cut* cut = find_cut(c, "significand-quotient");
      REQUIRE(cut != nullptr);
      const std::optional<Circuit> block = extract_cut_block(c, *cut);
      REQUIRE(block.has_value());
      std::vector<uint64_t> magnitudes{0};
      for (uint64_t m = uint64_t{1} << (p - 1); m < (uint64_t{1} << p); ++m)
        magnitudes.push_back(m);
      for (uint64_t mx : magnitudes)
        for (uint64_t my : magnitudes) {
          std::vector<bool> in(2 * p);
          for (int b = 0; b < p; ++b) in[b] = (mx >> b) & 1, in[p + b] = (my >> b) & 1;
          const std::vector<bool> out = simulate_outputs(*block, in)[0];
          const uint64_t x = mx << (p + 1);
          INFO("thermometer " << thermometer << ", p = " << p << ", m_x = " << mx
                              << ", m_y = " << my);
          CHECK(value_of({out.begin(), out.begin() + p + 2}) ==
                (my == 0 ? (uint64_t{1} << (p + 2)) - 1 : x / my));
          CHECK(out.back() == (my != 0 && x % my != 0));
        }
    }
}

TEST_CASE("fdiv with and without --thermometer equals the same spec on every input at p = 3 and 4",
          "[fdiv][fdiv-series]") {
  for (int p : {3, 4}) {
    const Circuit spec = fdiv().spec(fdiv_params(p, false));
    for (bool thermometer : {false, true}) {
      INFO("p = " << p << ", thermometer " << thermometer);
      const CompareResult r =
          compare_by_simulation(fdiv().construction(fdiv_params(p, thermometer)), spec, {});
      CHECK(r.complete);
      CHECK_FALSE(r.difference.has_value());
    }
  }
}

TEST_CASE(
    "the --thermometer flag selects the exponential quotient and the default the polynomial "
    "one, at the same depth at every p",
    "[fdiv][fdiv-series][depth]") {
  std::map<int, CircuitStats> series, thermometer;
  for (int p : {4, 8, 12, 16}) {
    series[p] = analyze(fdiv().construction(fdiv_params(p, false)));
    CHECK(series[p].depth == fdiv().depth);
  }
  for (int p : {4, 8, 12}) thermometer[p] = analyze(fdiv().construction(fdiv_params(p, true)));
  // The thermometer has 2^(p+2) first-layer comparisons; doubling p more than squares it.
  CHECK(thermometer[12].gates > (size_t{1} << 14));
  CHECK(thermometer[8].gates > 4 * thermometer[4].gates);
  // The series grows like a low power of p: gates(2p) / gates(p) below 2^4 at two pairs.
  CHECK(series[8].gates < 16 * series[4].gates);
  CHECK(series[16].gates < 16 * series[8].gates);
  CHECK(series[12].gates < thermometer[12].gates / 4);
  CHECK(thermometer[4].depth == 11);
}

TEST_CASE(
    "the series-term-dropped mutant differs from the spec at p = 4 and the thermometer "
    "mutant only under --thermometer",
    "[fdiv][fdiv-series][mutant]") {
  const Circuit spec = fdiv().spec(fdiv_params(4, false));
  CHECK(compare_by_simulation(fdiv().construction(fdiv_params(4, false, "series-term-dropped")),
                              spec, {})
            .difference.has_value());
  CHECK(compare_by_simulation(fdiv().construction(fdiv_params(4, true, "thermometer-not-one-hot")),
                              spec, {})
            .difference.has_value());
  // A mutant of the other quotient leaves a construction unchanged.
  CHECK_FALSE(compare_by_simulation(
                  fdiv().construction(fdiv_params(4, false, "thermometer-not-one-hot")), spec, {})
                  .difference.has_value());
}
