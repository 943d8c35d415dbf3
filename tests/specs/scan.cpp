// The specs of scan, conv-kernel and conv-ssm (specs/scan.cpp, specs/conv.cpp) against the exact
// GMP models (specs/scan_reference.cpp) on random and edge inputs, and the error lemmas of scan
// (specs/scan_lemmas.cpp): every lemma proved, the bound's growth in L, the measurement.
#include "specs/scan.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "lib/float_word.hpp"
#include "lib/simulate.hpp"
#include "specs/conv.hpp"
#include "specs/float_exact.hpp"
#include "specs/scan_lemmas.hpp"
#include "specs/scan_reference.hpp"

namespace tc {
namespace {

Params ssm_params(int p, int L, int N, bool recurrent = false) {
  Params params;
  params.p = p;
  params.L = L;
  params.N = N;
  if (recurrent) params.flags.insert("recurrent");
  return params;
}

// Any valid value, a third of them near 1 (where sums cancel and round), some zeros and extremes.
FloatValue random_value(std::mt19937_64& rng, FloatFormat f) {
  const int kind = static_cast<int>(rng() % 8);
  if (kind == 0) return {};
  FloatValue v;
  v.negative = rng() % 2;
  v.magnitude = (uint64_t{1} << (f.p - 1)) + rng() % (uint64_t{1} << (f.p - 1));
  if (kind <= 4)
    v.exponent = -f.p + 1 - static_cast<int64_t>(rng() % 3);
  else if (kind == 5)
    v.exponent = rng() % 2 ? f.emax() : f.emin();
  else
    v.exponent =
        f.emin() + static_cast<int64_t>(rng() % static_cast<uint64_t>(f.emax() - f.emin() + 1));
  return v;
}

Assignment assignment_of(const std::vector<std::vector<bool>>& words) {
  Assignment a;
  for (const auto& w : words) a.insert(a.end(), w.begin(), w.end());
  return a;
}

TEST_CASE("the scan specs equal the exact block models on random inputs", "[scan]") {
  std::mt19937_64 rng(7);
  for (bool recurrent : {false, true})
    for (int p : {2, 3, 4})
      for (auto [L, N] : {std::pair{2, 1}, std::pair{3, 2}}) {
        const Params params = ssm_params(p, L, N, recurrent);
        const FloatFormat f = float_format(params);
        const Circuit spec = build_scan_spec(params);
        for (int s = 0; s < 48; ++s) {
          ScanInputs in;
          for (auto* grid : {&in.A, &in.B, &in.C}) {
            grid->assign(L, std::vector<FloatValue>(N));
            for (auto& row : *grid)
              for (FloatValue& v : row) v = random_value(rng, f);
          }
          for (int t = 0; t < L; ++t) in.x.push_back(random_value(rng, f));
          const ScanTrace model =
              recurrent ? scan_recurrent_model(in, f) : scan_closed_model(in, f);
          const auto out = simulate_outputs(spec, assignment_of(scan_words(in, f)));
          for (int t = 0; t < L; ++t) {
            INFO("p = " << p << " L = " << L << " N = " << N << (recurrent ? " recurrent" : "")
                        << " t = " << t);
            CHECK(float_from_bits(out[t], f) == model.y[t]);
          }
        }
      }
}

TEST_CASE("the conv-kernel and conv-ssm specs equal the exact block models",
          "[conv-kernel][conv-ssm]") {
  std::mt19937_64 rng(11);
  for (int p : {2, 3, 4})
    for (auto [L, N] : {std::pair{2, 1}, std::pair{3, 2}}) {
      const Params params = ssm_params(p, L, N);
      const FloatFormat f = float_format(params);
      const Circuit kernel = build_conv_kernel_spec(params), conv = build_conv_ssm_spec(params);
      for (int s = 0; s < 48; ++s) {
        ConvInputs in;
        for (auto* row : {&in.A, &in.B, &in.C})
          for (int n = 0; n < N; ++n) row->push_back(random_value(rng, f));
        for (int t = 0; t < L; ++t) in.x.push_back(random_value(rng, f));
        const auto K = simulate_outputs(kernel, assignment_of(conv_words(in, f, false)));
        const auto y = simulate_outputs(conv, assignment_of(conv_words(in, f, true)));
        const std::vector<FloatValue> K_model = conv_kernel_model(in, L, f);
        const std::vector<FloatValue> y_model = conv_ssm_model(in, L, f);
        for (int t = 0; t < L; ++t) {
          INFO("p = " << p << " L = " << L << " N = " << N << " t = " << t);
          CHECK(float_from_bits(K[t], f) == K_model[t]);
          CHECK(float_from_bits(y[t], f) == y_model[t]);
        }
      }
    }
}

TEST_CASE("the reference evaluators print one line per output word",
          "[scan][conv-kernel][conv-ssm]") {
  const Params params = ssm_params(3, 3, 2);
  const FloatFormat f = float_format(params);
  std::mt19937_64 rng(3);
  ScanInputs in;
  for (auto* grid : {&in.A, &in.B, &in.C}) {
    grid->assign(3, std::vector<FloatValue>(2));
    for (auto& row : *grid)
      for (FloatValue& v : row) v = random_value(rng, f);
  }
  for (int t = 0; t < 3; ++t) in.x.push_back(random_value(rng, f));
  CHECK(scan_reference(params, scan_words(in, f)).size() == 3);
  ConvInputs ci{in.A[0], in.B[0], in.C[0], in.x};
  CHECK(conv_kernel_reference(params, conv_words(ci, f, false)).size() == 3);
  CHECK(conv_ssm_reference(params, conv_words(ci, f, true)).size() == 3);
}

TEST_CASE("the exact models satisfy the real recurrence and the convolution identity",
          "[scan][conv-ssm]") {
  // For time-invariant parameters (the same Abar, Bbar, C at every t) the exact recurrence and
  // the exact convolution agree: the identity the convolution form rests on (Lemma 4.3).
  std::mt19937_64 rng(5);
  const FloatFormat f{4, 5};
  for (int s = 0; s < 64; ++s) {
    ConvInputs ci;
    for (auto* row : {&ci.A, &ci.B, &ci.C})
      for (int n = 0; n < 2; ++n) row->push_back(random_value(rng, f));
    for (int t = 0; t < 4; ++t) ci.x.push_back(random_value(rng, f));
    ScanInputs in{{4, ci.A}, {4, ci.B}, {4, ci.C}, ci.x};
    CHECK(scan_exact(in).y == conv_ssm_exact(ci, 4));
  }
}

TEST_CASE("the scan error bound grows linearly in L for the recurrence, not for the closed form",
          "[scan][lemma]") {
  for (int p : {2, 4, 6}) {
    const mpq_class u(mpz_class(1), mpz_class(1) << p);
    mpq_class previous = 0;
    for (int L = 2; L <= 6; ++L) {
      const ScanBudget b = scan_budget(p, L);
      INFO("p = " << p << " L = " << L);
      CHECK(b.y_closed == scan_budget(p, 2).y_closed);         // flat in L
      CHECK(b.y_recurrent > previous);                         // grows
      CHECK(b.e.back() >= (2 * L - 1) * u);                    // at least (2L - 1) u ...
      CHECK(b.e.back() <= (2 * L - 1) * u * (1 + 2 * L * u));  // ... and about that
      previous = b.y_recurrent;
    }
    CHECK(scan_extra_bits_closed(p, 6) == 2);
    // About 2L u at the output: c = 3 for L = 2, 3 (4u, 6u), 4 for L = 4..6 (8u + ..., 12u).
    CHECK(scan_extra_bits_recurrent(p, 2) == 3);
    CHECK(scan_extra_bits_recurrent(p, 3) == 3);
    CHECK(scan_extra_bits_recurrent(p, 4) == 4);
    CHECK(scan_extra_bits_recurrent(p, 6) == 4);
  }
}

TEST_CASE("every scan lemma proves at p = 4, L = 3 and the measurement stays within",
          "[scan][lemma]") {
  const std::vector<LemmaResult> results = scan_lemmas(ssm_params(4, 3, 2));
  CHECK(results.size() == 1 + 2 + 1 + 5 + 1);
  for (const LemmaResult& r : results) {
    INFO(r.name << ": " << r.statement << " " << r.witness << " " << r.note);
    CHECK(r.verdict == LemmaVerdict::Proved);
  }
}

TEST_CASE("the scan lemma chain proves at p = 3 with L = 6", "[scan][lemma]") {
  for (int p : {3}) {
    for (const LemmaResult& r : scan_lemmas(ssm_params(p, 6, 1))) {
      INFO("p = " << p << " " << r.name << ": " << r.statement << " " << r.witness);
      CHECK(r.verdict == LemmaVerdict::Proved);
    }
  }
}

TEST_CASE("the scan lemma chain proves at p = 2, 4, 6 with L = 6", "[.slow][scan][lemma]") {
  for (int p : {2, 4, 6})
    for (const LemmaResult& r : scan_lemmas(ssm_params(p, 6, 2))) {
      INFO("p = " << p << " " << r.name << ": " << r.statement << " " << r.witness);
      CHECK(r.verdict == LemmaVerdict::Proved);
    }
}

TEST_CASE("the lemma-level scan mutant makes a step lemma fail with a witness", "[scan][lemma]") {
  Params params = ssm_params(4, 3, 1);
  params.mutant = "step-growth-dropped";
  bool refuted = false;
  for (const LemmaResult& r : scan_lemmas(params)) {
    if (r.name.rfind("scan.recurrent.step-", 0) != 0) continue;
    INFO(r.name << ": " << r.witness);
    if (r.verdict == LemmaVerdict::Refuted) {
      refuted = true;
      CHECK_FALSE(r.witness.empty());
    }
  }
  CHECK(refuted);
}

TEST_CASE("every searched scan lemma reports a refuted smaller bound", "[scan][lemma]") {
  // Non-vacuity: a bound just below the tightest provable one has a Z3 witness.
  for (const LemmaResult& r : scan_lemmas(ssm_params(3, 2, 1))) {
    if (r.kind != LemmaKind::Z3 || r.name == "scan.recurrent.composed") continue;
    INFO(r.name);
    CHECK_FALSE(r.failing_bound.empty());
    CHECK_FALSE(r.tightest_bound.empty());
  }
}

}  // namespace
}  // namespace tc
