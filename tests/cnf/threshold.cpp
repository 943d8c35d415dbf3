// Tests for the threshold gate encodings (lib/cnf/threshold.cpp).  Following
// REFERENCE.md section 4, every encoding is checked gate by gate: for small
// fan-in exhaustively (fixing all inputs, unit propagation must fix y to the
// gate's value, and the opposite y must conflict), on small gates for full
// propagation completeness (every partial assignment), and for large fan-in
// on random assignments with CaDiCaL as a second opinion.
#include "lib/cnf/threshold.hpp"

#include <cadical.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/threshold_test_gate.hpp"
#include "tests/support/unit_propagation.hpp"

using namespace tc;
using tc::test::describe;
using tc::test::gate_value;
using tc::test::ThresholdTestGate;

namespace {

const char* name(ThresholdEncoding enc) {
  switch (enc) {
    case ThresholdEncoding::Auto:
      return "Auto";
    case ThresholdEncoding::Direct:
      return "Direct";
    case ThresholdEncoding::Bdd:
      return "Bdd";
    case ThresholdEncoding::Adder:
      return "Adder";
    case ThresholdEncoding::Totalizer:
      return "Totalizer";
  }
  return "?";
}

// Deterministic across standard libraries, unlike std::uniform_int_distribution.
struct Rng {
  std::mt19937_64 gen;
  explicit Rng(uint64_t seed) : gen(seed) {}
  int64_t range(int64_t lo, int64_t hi) { return lo + int64_t(gen() % uint64_t(hi - lo + 1)); }
  bool coin() { return gen() & 1; }
};

Cnf encode(const ThresholdTestGate& g, ThresholdEncoding enc) {
  Cnf cnf;
  cnf.num_vars = int(g.xs.size()) + 1;
  cnf_encode_threshold(cnf, g.y, g.xs, g.ws, g.T, enc);
  return cnf;
}

// Fixing the inputs to bits must make unit propagation fix y correctly, and
// assuming the wrong y must conflict.  Returns "" or a failure description.
std::string check_assignment(const Cnf& cnf, const ThresholdTestGate& g,
                             const std::vector<bool>& bits) {
  std::vector<Lit> assumptions;
  for (size_t v = 1; v <= bits.size(); ++v) assumptions.push_back(bits[v - 1] ? int(v) : -int(v));
  const bool expected = gate_value(g, bits);
  const auto values = cnf_unit_propagate(cnf, assumptions);
  std::string where;
  for (bool b : bits) where += b ? '1' : '0';
  if (!values) return "conflict on inputs " + where;
  const int8_t yv = (*values)[size_t(std::abs(g.y))] * (g.y < 0 ? -1 : 1);
  if (yv != (expected ? 1 : -1))
    return "y not fixed to " + std::to_string(expected) + " on inputs " + where + " (got " +
           std::to_string(yv) + ")";
  assumptions.push_back(expected ? -g.y : g.y);
  if (cnf_unit_propagate(cnf, assumptions)) return "wrong y gives no conflict on inputs " + where;
  return "";
}

std::string check_exhaustive(const ThresholdTestGate& g, ThresholdEncoding enc) {
  const Cnf cnf = encode(g, enc);
  const size_t n = g.xs.size();
  std::vector<bool> bits(n);
  for (uint64_t a = 0; a < (uint64_t(1) << n); ++a) {
    for (size_t i = 0; i < n; ++i) bits[i] = (a >> i) & 1;
    std::string failure = check_assignment(cnf, g, bits);
    if (!failure.empty()) return std::string(name(enc)) + " " + describe(g) + ": " + failure;
  }
  return "";
}

// Random input and output signs for the weights ws.
ThresholdTestGate make_gate(Rng& rng, const std::vector<int64_t>& ws, int64_t T) {
  ThresholdTestGate g;
  g.ws = ws;
  g.T = T;
  for (size_t i = 0; i < ws.size(); ++i) g.xs.push_back(rng.coin() ? int(i + 1) : -int(i + 1));
  g.y = rng.coin() ? int(ws.size() + 1) : -int(ws.size() + 1);
  return g;
}

int64_t total(const std::vector<int64_t>& ws) {
  int64_t s = 0;
  for (int64_t w : ws) s += w;
  return s;
}

// Calls f(ws) for every non-decreasing weight vector of length n over
// 1..max_w (weight order is covered by the encoder's own sorting and by the
// random tests).
template <class F>
void for_each_multiset(size_t n, int64_t max_w, F&& f) {
  std::vector<int64_t> ws(n, 1);
  for (;;) {
    f(ws);
    size_t i = n;
    while (i > 0 && ws[i - 1] == max_w) --i;
    if (i == 0) return;
    const int64_t next = ws[i - 1] + 1;
    for (size_t j = i - 1; j < n; ++j) ws[j] = next;
  }
}

// Weight vectors for fan-in n drawn from the families seen in threshold
// arithmetic: small, powers of two, large, equal, mixed.
std::vector<int64_t> random_weights(Rng& rng, size_t n, int family) {
  std::vector<int64_t> ws(n);
  const int64_t equal = rng.range(1, int64_t(1) << 30);
  for (size_t i = 0; i < n; ++i) {
    switch (family) {
      case 0:
        ws[i] = rng.range(1, 10);
        break;
      case 1:
        ws[i] = int64_t(1) << rng.range(0, 20);
        break;
      case 2:
        ws[i] = rng.range(1, int64_t(1) << 30);
        break;
      case 3:
        ws[i] = equal;
        break;
      default:
        ws[i] = rng.coin() ? rng.range(1, 4) : rng.range(1, int64_t(1) << 30);
        break;
    }
  }
  return ws;
}

// Random bits with a random density, so that sums spread over the whole
// range rather than concentrating at the middle.
std::vector<bool> random_bits(Rng& rng, size_t n) {
  const uint64_t density = uint64_t(rng.range(0, 16));
  std::vector<bool> bits(n);
  for (size_t i = 0; i < n; ++i) bits[i] = rng.gen() % 16 < density;
  return bits;
}

// Threshold near the sum of a random assignment, so both outputs occur.
int64_t random_threshold(Rng& rng, const std::vector<int64_t>& ws) {
  std::vector<bool> bits = random_bits(rng, ws.size());
  int64_t sum = 0;
  for (size_t i = 0; i < ws.size(); ++i) sum += bits[i] ? ws[i] : 0;
  return std::clamp<int64_t>(sum + rng.range(-2, 2), 1, total(ws));
}

// For every partial assignment to the inputs and y: unit propagation on cnf
// conflicts iff no extension satisfies the gate, and otherwise fixes every
// one of these variables that all extensions agree on.  Other variables of
// cnf (auxiliaries, other gates' outputs) are left free.  Returns "" or a
// failure description.
std::string check_propagation_complete(const Cnf& cnf, const ThresholdTestGate& g) {
  const size_t n = g.xs.size();
  std::vector<int> vars;  // inputs 1..n, then y's variable
  for (size_t v = 1; v <= n; ++v) vars.push_back(int(v));
  vars.push_back(std::abs(g.y));
  std::vector<std::vector<bool>> models;  // over vars
  for (uint64_t a = 0; a < (uint64_t(1) << n); ++a) {
    std::vector<bool> bits(n + 1);
    for (size_t i = 0; i < n; ++i) bits[i] = (a >> i) & 1;
    bits[n] = gate_value(g, bits) != (g.y < 0);
    models.push_back(bits);
  }
  uint64_t partial_count = 1;
  for (size_t v = 0; v <= n; ++v) partial_count *= 3;
  for (uint64_t p = 0; p < partial_count; ++p) {
    std::vector<int> partial(n + 1);  // 0 free, 1 true, 2 false
    std::vector<Lit> assumptions;
    uint64_t q = p;
    for (size_t v = 0; v <= n; ++v, q /= 3) {
      partial[v] = int(q % 3);
      if (partial[v]) assumptions.push_back(partial[v] == 1 ? vars[v] : -vars[v]);
    }
    std::vector<int> agreed(n + 1, -1);  // -1 no model yet, 0/1 agreed, 2 both
    bool any = false;
    for (const auto& m : models) {
      bool extends = true;
      for (size_t v = 0; v <= n; ++v)
        if (partial[v] && m[v] != (partial[v] == 1)) extends = false;
      if (!extends) continue;
      any = true;
      for (size_t v = 0; v <= n; ++v)
        agreed[v] = agreed[v] == -1 ? int(m[v]) : agreed[v] == int(m[v]) ? agreed[v] : 2;
    }
    const auto values = cnf_unit_propagate(cnf, assumptions);
    const std::string where = describe(g) + " partial assignment " + std::to_string(p);
    if (bool(values) != any) return (any ? "conflict on " : "no conflict on ") + where;
    if (!any) continue;
    for (size_t v = 0; v <= n; ++v)
      if ((agreed[v] == 0 || agreed[v] == 1) && (*values)[size_t(vars[v])] != (agreed[v] ? 1 : -1))
        return "variable " + std::to_string(vars[v]) + " not fixed on " + where;
  }
  return "";
}

const ThresholdEncoding kAllEncodings[] = {ThresholdEncoding::Direct, ThresholdEncoding::Bdd,
                                           ThresholdEncoding::Auto};

}  // namespace

TEST_CASE("every gate with weights up to 4 and fan-in up to 5 fixes y by unit propagation",
          "[cnf][threshold]") {
  Rng rng(1);
  size_t gates = 0;
  for (size_t n = 1; n <= 5; ++n)
    for_each_multiset(n, 4, [&](const std::vector<int64_t>& ws) {
      for (int64_t T = 1; T <= total(ws); ++T) {
        const ThresholdTestGate g = make_gate(rng, ws, T);
        for (ThresholdEncoding enc : kAllEncodings) REQUIRE(check_exhaustive(g, enc) == "");
        REQUIRE(check_exhaustive(g, ThresholdEncoding::Totalizer) == "");
        ++gates;
      }
    });
  CHECK(gates == 1260);
}

TEST_CASE("random gates of fan-in 6 to 10 fix y by unit propagation on all inputs",
          "[cnf][threshold]") {
  Rng rng(2);
  for (size_t n = 6; n <= 10; ++n) {
    const int per_family = n <= 8 ? 8 : 4;
    for (int family = 0; family < 5; ++family)
      for (int k = 0; k < per_family; ++k) {
        const std::vector<int64_t> ws = random_weights(rng, n, family);
        const ThresholdTestGate g = make_gate(rng, ws, random_threshold(rng, ws));
        for (ThresholdEncoding enc : kAllEncodings) REQUIRE(check_exhaustive(g, enc) == "");
      }
  }
}

TEST_CASE("direct, BDD and totalizer encodings of small gates are propagation complete",
          "[cnf][threshold]") {
  Rng rng(3);
  for (size_t n = 1; n <= 4; ++n)
    for_each_multiset(n, 3, [&](const std::vector<int64_t>& ws) {
      for (int64_t T = 1; T <= total(ws); ++T) {
        const ThresholdTestGate g = make_gate(rng, ws, T);
        for (ThresholdEncoding enc :
             {ThresholdEncoding::Direct, ThresholdEncoding::Bdd, ThresholdEncoding::Totalizer})
          REQUIRE(check_propagation_complete(encode(g, enc), g) == "");
      }
    });
}

TEST_CASE("AND and OR gates get n+1 plain clauses under every encoding", "[cnf][threshold]") {
  for (ThresholdEncoding enc : kAllEncodings) {
    for (size_t n : {1, 2, 5, 40}) {
      std::vector<Lit> xs;
      for (size_t i = 0; i < n; ++i) xs.push_back(int(i + 1));
      const Lit y = int(n + 1);
      Cnf and_gate;
      and_gate.num_vars = int(n + 1);
      // Weights (3, 2, 2, ...) with T = sum - 1: every input is still needed.
      std::vector<int64_t> ws(n, 2);
      ws[0] = 3;
      cnf_encode_threshold(and_gate, y, xs, ws, total(ws) - (n > 1 ? 1 : 0), enc);
      CHECK(and_gate.num_vars == int(n + 1));
      CHECK(and_gate.clauses.size() == n + 1);
      Cnf or_gate;
      or_gate.num_vars = int(n + 1);
      // Weights above T are clipped to T: every input suffices.
      std::vector<int64_t> big(n, 1000);
      big[0] = 7;
      cnf_encode_threshold(or_gate, y, xs, big, 7, enc);
      CHECK(or_gate.num_vars == int(n + 1));
      CHECK(or_gate.clauses.size() == n + 1);
    }
  }
}

TEST_CASE("direct encoding of majority-5 has 2*C(5,3) clauses and no auxiliary variables",
          "[cnf][threshold]") {
  Cnf cnf;
  cnf.num_vars = 6;
  cnf_encode_threshold(cnf, 6, {1, 2, 3, 4, 5}, {1, 1, 1, 1, 1}, 3, ThresholdEncoding::Direct);
  CHECK(cnf.num_vars == 6);
  CHECK(cnf.clauses.size() == 20);
  for (const Clause& c : cnf.clauses) CHECK(c.size() == 4);
}

TEST_CASE("Auto picks Direct for small fan-in or few clauses and Bdd otherwise",
          "[cnf][threshold]") {
  auto aux_vars = [](size_t n, const std::vector<int64_t>& ws, int64_t T) {
    std::vector<Lit> xs;
    for (size_t i = 0; i < n; ++i) xs.push_back(int(i + 1));
    Cnf cnf;
    cnf.num_vars = int(n + 1);
    cnf_encode_threshold(cnf, int(n + 1), xs, ws, T);
    return cnf.num_vars - int(n + 1);
  };
  // Majority of 8: 2*C(8,4) = 140 direct clauses, still Direct by fan-in.
  CHECK(aux_vars(8, std::vector<int64_t>(8, 1), 4) == 0);
  // Majority of 9: 252 direct clauses: Bdd.
  CHECK(aux_vars(9, std::vector<int64_t>(9, 1), 5) > 0);
  // y <-> x1 OR (x2 AND ... AND x20): 4 direct clauses at fan-in 20.
  std::vector<int64_t> ws(20, 1);
  ws[0] = 19;
  CHECK(aux_vars(20, ws, 19) == 0);
}

TEST_CASE("BDD sizes stay linear for comparators and quadratic for equal weights",
          "[cnf][threshold]") {
  std::vector<Lit> xs;
  for (int i = 1; i <= 60; ++i) xs.push_back(i);
  // a >= T for a 40-bit a: weights 2^0..2^39.
  std::vector<int64_t> pow2;
  for (int i = 0; i < 40; ++i) pow2.push_back(int64_t(1) << i);
  Cnf cmp;
  cmp.num_vars = 61;
  cnf_encode_threshold(cmp, 61, std::vector<Lit>(xs.begin(), xs.begin() + 40), pow2,
                       (int64_t(1) << 39) + 12345, ThresholdEncoding::Bdd);
  CHECK(cmp.num_vars - 61 <= 40);  // at most one node per level; the root is tied to y
  // At least 30 of 60, weights 2^33 each.
  Cnf maj;
  maj.num_vars = 61;
  cnf_encode_threshold(maj, 61, xs, std::vector<int64_t>(60, int64_t(1) << 33),
                       30 * (int64_t(1) << 33), ThresholdEncoding::Bdd);
  CHECK(maj.num_vars - 61 <= 31 * 30);
}

TEST_CASE("a BDD of fan-in 300 with weights up to 2^40 builds fast", "[cnf][threshold]") {
  // Bit 40 of a sum of numbers' low bits: weights 2^(i mod 41) plus noise.
  Rng rng(4);
  const size_t n = 300;
  std::vector<int64_t> ws;
  std::vector<Lit> xs;
  for (size_t i = 0; i < n; ++i) {
    ws.push_back(int64_t(1) << (i % 41));
    xs.push_back(rng.coin() ? int(i + 1) : -int(i + 1));
  }
  const auto start = std::chrono::steady_clock::now();
  Cnf cnf;
  cnf.num_vars = int(n + 1);
  const int64_t T = int64_t(3) << 40;
  cnf_encode_threshold(cnf, int(n + 1), xs, ws, T, ThresholdEncoding::Bdd);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 1.0);
  ThresholdTestGate g{xs, ws, T, int(n + 1)};
  for (int k = 0; k < 20; ++k) REQUIRE(check_assignment(cnf, g, random_bits(rng, n)) == "");
}

TEST_CASE("a BDD beyond the node budget is refused with a message", "[cnf][threshold]") {
  // 60 random 30-bit weights: the middle levels would need ~2^30 nodes.
  Rng rng(5);
  std::vector<int64_t> ws = random_weights(rng, 60, 2);
  std::vector<Lit> xs;
  for (int i = 1; i <= 60; ++i) xs.push_back(i);
  Cnf cnf;
  cnf.num_vars = 61;
  CHECK_THROWS_WITH(cnf_encode_threshold(cnf, 61, xs, ws, total(ws) / 2, ThresholdEncoding::Bdd),
                    Catch::Contains("threshold BDD exceeds"));
}

TEST_CASE("the adder encoding is exact on every input of random gates", "[cnf][threshold]") {
  // Fixing every input determines each adder and comparator output by unit propagation, so the
  // exhaustive propagation check applies (the other direction is not propagation complete).
  Rng rng(11);
  for (int trial = 0; trial < 200; ++trial) {
    const size_t n = size_t(rng.range(1, 10));
    std::vector<int64_t> ws;
    for (size_t i = 0; i < n; ++i) ws.push_back(rng.range(1, trial % 2 ? 7 : int64_t(1) << 20));
    const ThresholdTestGate g = make_gate(rng, ws, random_threshold(rng, ws));
    REQUIRE(check_exhaustive(g, ThresholdEncoding::Adder) == "");
  }
}

TEST_CASE("Auto falls back to the adder network where the BDD exceeds its budget",
          "[cnf][threshold]") {
  Rng rng(5);
  const std::vector<int64_t> ws = random_weights(rng, 60, 2);  // the refused BDD above
  const ThresholdTestGate g = make_gate(rng, ws, total(ws) / 2);
  Cnf cnf;
  REQUIRE_NOTHROW(cnf = encode(g, ThresholdEncoding::Auto));
  for (int a = 0; a < 200; ++a)
    REQUIRE(check_assignment(cnf, g, random_bits(rng, ws.size())) == "");
}

TEST_CASE("gates of fan-in 20 to 60 with large weights are right on random inputs and by CaDiCaL",
          "[cnf][threshold]") {
  Rng rng(6);
  struct Family {
    const char* what;
    size_t n;
  };
  // Weight families whose ROBDD is polynomial, plus random 30-bit weights at
  // fan-in 20 and 24, where the BDD width is at most 2^(n/2).
  for (int family = 0; family < 6; ++family)
    for (int k = 0; k < 3; ++k) {
      std::vector<int64_t> ws;
      switch (family) {
        case 0:  // comparator a >= T, a of 30 bits
          for (int i = 0; i < 30; ++i) ws.push_back(int64_t(1) << i);
          break;
        case 1:  // a + b >= T, 30-bit a and b
          for (int i = 0; i < 60; ++i) ws.push_back(int64_t(1) << (i % 30));
          break;
        case 2:  // at least k of 50, equal large weights
          ws.assign(50, rng.range(1, int64_t(1) << 30));
          break;
        case 3: {  // three distinct large weights, fan-in 60
          const int64_t w[3] = {rng.range(1, int64_t(1) << 30), rng.range(1, int64_t(1) << 30),
                                rng.range(1, 1000)};
          for (int i = 0; i < 60; ++i) ws.push_back(w[rng.range(0, 2)]);
          break;
        }
        case 4:
          ws = random_weights(rng, 20, 2);
          break;
        default:
          ws = random_weights(rng, 24, 2);
          break;
      }
      const size_t n = ws.size();
      const ThresholdTestGate g = make_gate(rng, ws, random_threshold(rng, ws));
      for (ThresholdEncoding enc : {ThresholdEncoding::Bdd, ThresholdEncoding::Auto}) {
        INFO(name(enc) << " family " << family << " " << describe(g));
        const Cnf cnf = encode(g, enc);
        const int assignments = family >= 4 ? 30 : 100;  // families 4, 5: ~30k clauses
        for (int a = 0; a < assignments; ++a)
          REQUIRE(check_assignment(cnf, g, random_bits(rng, n)) == "");
        CaDiCaL::Solver solver;
        for (const Clause& c : cnf.clauses) {
          for (Lit l : c) solver.add(l);
          solver.add(0);
        }
        for (int a = 0; a < 10; ++a) {
          const std::vector<bool> bits = random_bits(rng, n);
          const bool expected = gate_value(g, bits);
          auto assume_inputs = [&] {
            for (size_t v = 1; v <= n; ++v) solver.assume(bits[v - 1] ? int(v) : -int(v));
          };
          assume_inputs();
          REQUIRE(solver.solve() == 10);
          REQUIRE((solver.val(g.y) > 0) == expected);
          assume_inputs();
          solver.assume(expected ? -g.y : g.y);
          REQUIRE(solver.solve() == 20);
        }
      }
    }
}

TEST_CASE("gates sharing a BDD cache are each right on every input and share nodes",
          "[cnf][threshold]") {
  // The first layer of a telescoping sum: one weighted sum, many thresholds,
  // plus gates over other weights, all in one CNF through one cache.
  Rng rng(7);
  const size_t n = 9;
  std::vector<Lit> xs;
  for (size_t i = 0; i < n; ++i) xs.push_back(rng.coin() ? int(i + 1) : -int(i + 1));
  std::vector<ThresholdTestGate> gates;
  for (int family : {0, 1, 3}) {
    const std::vector<int64_t> ws = random_weights(rng, n, family);
    for (int k = 0; k < 6; ++k) gates.push_back({xs, ws, random_threshold(rng, ws), 0});
  }
  Cnf shared, separate;
  shared.num_vars = separate.num_vars = int(n);
  ThresholdSharing cache;
  for (ThresholdTestGate& g : gates) {
    g.y = shared.new_var();
    separate.new_var();
    if (rng.coin()) g.y = -g.y;
    cnf_encode_threshold(shared, g.y, g.xs, g.ws, g.T, ThresholdEncoding::Bdd, &cache);
    cnf_encode_threshold(separate, g.y, g.xs, g.ws, g.T, ThresholdEncoding::Bdd);
  }
  CHECK(shared.num_vars < separate.num_vars);
  std::vector<bool> bits(n);
  for (uint64_t a = 0; a < (uint64_t(1) << n); ++a) {
    std::vector<Lit> assumptions;
    for (size_t i = 0; i < n; ++i) {
      bits[i] = (a >> i) & 1;
      assumptions.push_back(bits[i] ? int(i + 1) : -int(i + 1));
    }
    const auto values = cnf_unit_propagate(shared, assumptions);
    REQUIRE(values);
    for (const ThresholdTestGate& g : gates) {
      INFO(describe(g) << " on input " << a);
      const bool expected = gate_value(g, bits);
      REQUIRE(int((*values)[size_t(std::abs(g.y))]) * (g.y < 0 ? -1 : 1) == (expected ? 1 : -1));
    }
    const ThresholdTestGate& g = gates[a % gates.size()];
    assumptions.push_back(gate_value(g, bits) ? -g.y : g.y);
    REQUIRE_FALSE(cnf_unit_propagate(shared, assumptions));
  }
}

TEST_CASE("gates sharing BDD nodes stay propagation complete", "[cnf][threshold]") {
  Rng rng(8);
  for (size_t n = 2; n <= 4; ++n)
    for_each_multiset(n, 3, [&](const std::vector<int64_t>& ws) {
      // All thresholds of one weight vector in one CNF, outputs n+1, n+2, ...
      std::vector<Lit> xs;
      for (size_t i = 0; i < n; ++i) xs.push_back(rng.coin() ? int(i + 1) : -int(i + 1));
      Cnf cnf;
      cnf.num_vars = int(n);
      ThresholdSharing cache;
      std::vector<ThresholdTestGate> gates;
      for (int64_t T = 1; T <= total(ws); ++T) {
        ThresholdTestGate g{xs, ws, T, cnf.new_var()};
        cnf_encode_threshold(cnf, g.y, g.xs, g.ws, g.T, ThresholdEncoding::Bdd, &cache);
        gates.push_back(g);
      }
      for (const ThresholdTestGate& g : gates) REQUIRE(check_propagation_complete(cnf, g) == "");
    });
}

TEST_CASE("xor encoding has 4 clauses and propagates both ways", "[cnf][threshold]") {
  Cnf cnf;
  cnf_encode_xor(cnf, 3, 1, -2);
  CHECK(cnf.clauses.size() == 4);
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 2; ++b) {
      const bool y = bool(a) != !bool(b);
      const auto values = cnf_unit_propagate(cnf, {a ? 1 : -1, b ? 2 : -2});
      REQUIRE(values);
      CHECK((*values)[3] == (y ? 1 : -1));
      CHECK_FALSE(cnf_unit_propagate(cnf, {a ? 1 : -1, b ? 2 : -2, y ? -3 : 3}));
      // y and one input determine the other.
      const auto back = cnf_unit_propagate(cnf, {a ? 1 : -1, y ? 3 : -3});
      REQUIRE(back);
      CHECK((*back)[2] == (b ? 1 : -1));
    }
}
