// The conv-kernel and conv-ssm constructions (circuits/conv_kernel.cpp, circuits/conv_ssm.cpp):
// equal to their specs, threshold-only, mutants refuted, depth flat in p and L; and the
// counterexample to "recurrent or convolution" for the selective model (Theorem 4.4), by
// simulation of the scan and conv-ssm constructions on the same input.
#include "specs/conv.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "circuits/conv_kernel.hpp"
#include "circuits/conv_ssm.hpp"
#include "circuits/scan.hpp"
#include "lib/analysis.hpp"
#include "lib/equivalence.hpp"
#include "lib/float_word.hpp"
#include "lib/simulate.hpp"
#include "specs/float_exact.hpp"
#include "specs/scan.hpp"
#include "specs/scan_reference.hpp"

namespace tc {
namespace {

Params ssm_params(int p, int L, int N, const std::string& mutant = "") {
  Params params;
  params.p = p;
  params.L = L;
  params.N = N;
  params.mutant = mutant;
  return params;
}

EquivalenceResult prove(const Circuit& construction, const Circuit& spec, double timeout = 60) {
  EquivalenceParams ep;
  ep.miter.timeout_seconds = timeout;
  return check_equivalence(construction, spec, ep);
}

Assignment assignment_of(const std::vector<std::vector<bool>>& words) {
  Assignment a;
  for (const auto& w : words) a.insert(a.end(), w.begin(), w.end());
  return a;
}

std::set<std::string> cut_names(const Circuit& c) {
  std::set<std::string> names;
  for (const Circuit::Cut& cut : c.cuts()) names.insert(cut.name);
  return names;
}

TEST_CASE("conv-kernel and conv-ssm constructions and specs declare the same cuts",
          "[conv-kernel][conv-ssm]") {
  const Params params = ssm_params(2, 3, 2);
  const Circuit kernel = conv_kernel_construction(params);
  CHECK(cut_names(kernel) == cut_names(build_conv_kernel_spec(params)));
  size_t blocks = 0;
  for (const Circuit::Cut& cut : kernel.cuts()) blocks += cut.block;
  CHECK(blocks == 3 * 2 + 3);  // term-k-n, K-k (the others are their inner cuts)
  const Circuit conv = conv_ssm_construction(params);
  CHECK(cut_names(conv) == cut_names(build_conv_ssm_spec(params)));
  CHECK(cut_names(conv).count("kernel/term-2-1") == 1);
  CHECK(cut_names(conv).count("y-2") == 1);
}

// conv-kernel at N = 1 has three float inputs (18 bits at p = 2, 24 at p = 3): `auto` simulates
// every input. conv-ssm at L = 2, N = 1 has five (30 bits at p = 2): SAT, with the kernel's
// term blocks shared. The p = 3 runs take about a minute each on the shared machine: [.slow].
void check_kernel_proved(int p, int L, int N, double timeout = 60) {
  INFO("conv-kernel p = " << p << " L = " << L << " N = " << N);
  const Circuit c = conv_kernel_construction(ssm_params(p, L, N));
  CHECK(c.is_threshold_only());
  CHECK(prove(c, build_conv_kernel_spec(ssm_params(p, L, N)), timeout).verdict == Verdict::Proved);
}

void check_conv_proved(int p, double timeout) {
  INFO("conv-ssm p = " << p);
  const Circuit c = conv_ssm_construction(ssm_params(p, 2, 1));
  CHECK(c.is_threshold_only());
  CHECK(prove(c, build_conv_ssm_spec(ssm_params(p, 2, 1)), timeout).verdict == Verdict::Proved);
}

void check_kernel_mutants(int p, double timeout = 60) {
  for (const Mutant& m : conv_kernel_mutants()) {
    INFO(m.name << " p = " << p);
    const EquivalenceResult r = prove(conv_kernel_construction(ssm_params(p, 3, 1, m.name)),
                                      build_conv_kernel_spec(ssm_params(p, 3, 1)), timeout);
    CHECK(r.verdict == Verdict::Counterexample);
    CHECK(r.counterexample.has_value());
  }
}

void check_conv_mutants(int p, double timeout = 60) {
  for (const Mutant& m : conv_ssm_mutants()) {
    INFO(m.name << " p = " << p);
    const EquivalenceResult r = prove(conv_ssm_construction(ssm_params(p, 2, 1, m.name)),
                                      build_conv_ssm_spec(ssm_params(p, 2, 1)), timeout);
    CHECK(r.verdict == Verdict::Counterexample);
    CHECK(r.counterexample.has_value());
  }
}

TEST_CASE("conv-kernel equals its spec at p = 2 (L = 2, 3 with N = 1; L = 2 with N = 2)",
          "[conv-kernel]") {
  check_kernel_proved(2, 2, 1);
  check_kernel_proved(2, 3, 1);
  check_kernel_proved(2, 2, 2);
}

TEST_CASE("conv-kernel equals its spec at p = 3 (L = 2, 3, N = 1)", "[.slow][conv-kernel]") {
  check_kernel_proved(3, 2, 1, 600);
  check_kernel_proved(3, 3, 1, 600);
}

TEST_CASE("every conv-kernel mutant ends in a replayed counterexample at p = 2", "[conv-kernel]") {
  check_kernel_mutants(2);
}

TEST_CASE("every conv-kernel mutant ends in a replayed counterexample at p = 3",
          "[.slow][conv-kernel]") {
  check_kernel_mutants(3, 600);
}

TEST_CASE("conv-ssm equals its spec at p = 2 (L = 2, N = 1)", "[conv-ssm]") {
  // About 10 s of CPU; the limit is wall time and only guards against a hang (60 s ran out
  // under a load of 5).
  check_conv_proved(2, 300);
}

TEST_CASE("conv-ssm equals its spec at p = 3 (L = 2, N = 1)", "[.slow][conv-ssm]") {
  check_conv_proved(3, 600);
}

TEST_CASE("every conv-ssm mutant ends in a replayed counterexample at p = 2", "[conv-ssm]") {
  check_conv_mutants(2);
}

TEST_CASE("every conv-ssm mutant ends in a replayed counterexample at p = 3", "[.slow][conv-ssm]") {
  check_conv_mutants(3, 600);
}

TEST_CASE("conv-kernel and conv-ssm have the same depth at every p and L",
          "[conv-kernel][conv-ssm][depth]") {
  std::set<int> kernel, conv;
  for (int p = 2; p <= 4; ++p)
    for (int L = 2; L <= 6; ++L) {
      kernel.insert(analyze(conv_kernel_construction(ssm_params(p, L, 2))).depth);
      conv.insert(analyze(conv_ssm_construction(ssm_params(p, L, 1))).depth);
    }
  CHECK(kernel.size() == 1);
  CHECK(conv.size() == 1);
}

// Theorem 4.4 says an SSM layer is computed "recurrently or by convolution". That holds for a
// time-invariant SSM (Lemma 4.3), not for the selective one, whose Abar_t, Bbar_t, C_t depend on
// x_t. Here p = 4, L = 2, N = 1, x = (1, 1), Abar_t = (1, 1/2), Bbar_t = (1, 1/2), C_t = 1: the
// selective scan gives y_1 = Abar_1 Bbar_0 x_0 + Bbar_1 x_1 = 1; the convolution with the
// parameters of step 0 gives K = (1, 1), y_1 = 2, and with those of step 1 K = (1/2, 1/4),
// y_1 = 3/4. All values are exact at p = 4, so the difference is the model's, not rounding.
TEST_CASE("the selective scan is not a convolution with one step's parameters",
          "[conv-ssm][scan]") {
  const Params params = ssm_params(4, 2, 1);
  const FloatFormat f = float_format(params);
  const FloatValue one{false, 8, -3}, half{false, 8, -4};
  ScanInputs sel;
  sel.A = {{one}, {half}};
  sel.B = {{one}, {half}};
  sel.C = {{one}, {one}};
  sel.x = {one, one};
  const Circuit scan = scan_construction(params), conv = conv_ssm_construction(params);
  const auto y_scan = simulate_outputs(scan, assignment_of(scan_words(sel, f)));
  CHECK(value(float_from_bits(y_scan[1], f)) == 1);
  for (int step : {0, 1}) {
    INFO("convolution with the parameters of step " << step);
    const ConvInputs frozen{sel.A[step], sel.B[step], sel.C[step], sel.x};
    const auto y_conv = simulate_outputs(conv, assignment_of(conv_words(frozen, f, true)));
    CHECK(value(float_from_bits(y_conv[1], f)) == (step == 0 ? mpq_class(2) : mpq_class(3, 4)));
    CHECK(y_conv[1] != y_scan[1]);
    CHECK(conv_ssm_exact(frozen, 2)[1] != scan_exact(sel).y[1]);  // also without rounding
  }
  // With time-invariant parameters the two constructions agree here (all exact).
  ScanInputs lti{{{half}, {half}}, {{half}, {half}}, {{one}, {one}}, sel.x};
  const ConvInputs lti_conv{{half}, {half}, {one}, sel.x};
  CHECK(simulate_outputs(scan, assignment_of(scan_words(lti, f))) ==
        simulate_outputs(conv, assignment_of(conv_words(lti_conv, f, true))));
}

}  // namespace
}  // namespace tc
