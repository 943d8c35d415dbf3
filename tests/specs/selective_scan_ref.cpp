// Our real-valued layers (specs/ssm_layer_real.hpp, what `verify eval` prints as the reference)
// against Mamba's own semantics, re-derived here from the structure of state-spaces/mamba's
// selective_scan_ref and the Mamba block (facts only, no code): a step-by-step loop in double,
//   delta = softplus(delta + delta_bias);  deltaA = exp(delta A);  deltaB_u = delta B u;
//   h = deltaA h + deltaB_u;  y = C . h;  out = (y + D u) silu(z),
// and for the block: in_proj to (u, z), causal depthwise conv1d with bias (left padding K - 1),
// SiLU, the scan above, out_proj. Ours computes the scan in closed form at 256 bits; agreement
// to double precision on random inputs means the two are the same function (with --euler, as
// Mamba's code discretizes B by Euler).
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "specs/ssm_layer_real.hpp"

namespace tc {
namespace {

double softplus(double v) { return std::log1p(std::exp(v)); }
double silu(double v) { return v / (1 + std::exp(-v)); }

// A small dyadic value in [-range, range] (exact as an mpq and as a double).
mpq_class random_dyadic(std::mt19937& rng, int range) {
  std::uniform_int_distribution<int> dist(-range * 16, range * 16);
  return mpq_class(dist(rng), 16);
}

struct Model {
  int L, N, D, K;
  std::vector<std::vector<mpq_class>> x, z;
  std::map<std::string, std::vector<mpq_class>> w;
  double at(const std::string& field, int i) const {
    return w.at(field).at(static_cast<size_t>(i)).get_d();
  }
};

Model random_model(std::mt19937& rng, int L, int N, int D, int K, bool mamba) {
  Model m{L, N, D, K, {}, {}, {}};
  auto fill = [&](const std::string& name, int count, int range) {
    for (int i = 0; i < count; ++i) m.w[name].push_back(random_dyadic(rng, range));
  };
  m.x.assign(L, std::vector<mpq_class>(D));
  m.z = m.x;
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d)
      m.x[t][d] = random_dyadic(rng, 2), m.z[t][d] = random_dyadic(rng, 2);
  fill("W_B", D * N, 1), fill("W_C", D * N, 1), fill("W_delta", D * D, 1), fill("b_delta", D, 1);
  for (int i = 0; i < D * N; ++i)
    m.w["A"].push_back(-mpq_class(1 + static_cast<int>(rng() % 16), 4));
  fill("D_skip", D, 1);
  if (mamba)
    fill("W_in", D * D, 1), fill("W_z", D * D, 1), fill("W_conv", K * D, 1), fill("b_conv", D, 1),
        fill("W_out", D * D, 1);
  return m;
}

// selective_scan_ref's loop with delta_softplus, D and z; u, z as [t][d].
std::vector<std::vector<double>> scan_ref(const Model& m, const std::vector<std::vector<double>>& u,
                                          const std::vector<std::vector<double>>& z) {
  const int L = m.L, N = m.N, D = m.D;
  std::vector<std::vector<double>> out(L, std::vector<double>(D));
  std::vector<std::vector<double>> h(D, std::vector<double>(N, 0.0));
  for (int t = 0; t < L; ++t) {
    std::vector<double> B(N, 0.0), C(N, 0.0);  // x_proj: B_t, C_t shared by every channel
    for (int n = 0; n < N; ++n)
      for (int d = 0; d < D; ++d)
        B[n] += u[t][d] * m.at("W_B", d * N + n), C[n] += u[t][d] * m.at("W_C", d * N + n);
    for (int d = 0; d < D; ++d) {
      double pre = 0;  // dt_proj of x_proj (one full-rank matrix here)
      for (int e = 0; e < D; ++e) pre += u[t][e] * m.at("W_delta", e * D + d);
      const double delta = softplus(pre + m.at("b_delta", d));
      double y = 0;
      for (int n = 0; n < N; ++n) {
        h[d][n] = std::exp(delta * m.at("A", d * N + n)) * h[d][n] + delta * B[n] * u[t][d];
        y += h[d][n] * C[n];
      }
      out[t][d] = (y + u[t][d] * m.at("D_skip", d)) * silu(z[t][d]);
    }
  }
  return out;
}

std::vector<std::vector<double>> as_doubles(const std::vector<std::vector<mpq_class>>& v) {
  std::vector<std::vector<double>> r;
  for (const auto& row : v) {
    r.emplace_back();
    for (const auto& q : row) r.back().push_back(q.get_d());
  }
  return r;
}

SsmLayerInput layer_input(const Model& m, bool gate) {
  SsmLayerInput in;
  in.L = m.L, in.N = m.N, in.D = m.D, in.K = m.K;
  in.euler = true, in.skip = true, in.gate = gate;
  in.x = m.x;
  if (gate) in.z = m.z;
  in.w = m.w;
  return in;
}

void check_close(const std::vector<std::vector<mpq_class>>& ours,
                 const std::vector<std::vector<double>>& ref) {
  REQUIRE(ours.size() == ref.size());
  for (size_t t = 0; t < ref.size(); ++t)
    for (size_t d = 0; d < ref[t].size(); ++d) {
      INFO("t = " << t << ", d = " << d << ": ours " << ours[t][d].get_d()
                  << ", selective_scan_ref " << ref[t][d]);
      CHECK(std::abs(ours[t][d].get_d() - ref[t][d]) <= 1e-12 * (1 + std::abs(ref[t][d])));
    }
}

TEST_CASE("the real selective SSM layer (--euler --skip --gate) is Mamba's selective_scan_ref",
          "[selective-ssm][reference]") {
  std::mt19937 rng(20261206);
  for (int round = 0; round < 20; ++round) {
    const int L = 2 + round % 3, N = 1 + round % 2, D = 1 + (round / 2) % 2;
    const Model m = random_model(rng, L, N, D, 2, false);
    check_close(selective_ssm_real(layer_input(m, true)).y,
                scan_ref(m, as_doubles(m.x), as_doubles(m.z)));
  }
}

TEST_CASE(
    "a layer that pairs C_t with the previous state is not selective_scan_ref (the check can fail)",
    "[selective-ssm][reference]") {
  std::mt19937 rng(7);
  const Model m = random_model(rng, 3, 1, 1, 2, false);
  SsmLayerInput zoh = layer_input(m, true);
  zoh.euler = false;  // the paper's zero-order hold differs from Mamba's Euler B
  const auto ours = selective_ssm_real(zoh).y;
  const auto ref = scan_ref(m, as_doubles(m.x), as_doubles(m.z));
  double worst = 0;
  for (size_t t = 0; t < ref.size(); ++t)
    worst = std::max(worst, std::abs(ours[t][0].get_d() - ref[t][0]));
  CHECK(worst > 1e-6);
}

TEST_CASE(
    "the real Mamba block is in_proj, causal depthwise conv1d, SiLU, selective_scan_ref, out_proj",
    "[mamba][reference]") {
  std::mt19937 rng(42);
  for (int round = 0; round < 12; ++round) {
    const int L = 2 + round % 2, N = 1 + round % 2, D = 1 + (round / 2) % 2, K = 1 + round % 4;
    const Model m = random_model(rng, L, N, D, K, true);
    const auto x = as_doubles(m.x);
    std::vector<std::vector<double>> u(L, std::vector<double>(D, 0.0)), z = u, act = u;
    for (int t = 0; t < L; ++t)
      for (int d = 0; d < D; ++d)
        for (int e = 0; e < D; ++e)
          u[t][d] += x[t][e] * m.at("W_in", e * D + d), z[t][d] += x[t][e] * m.at("W_z", e * D + d);
    for (int t = 0; t < L; ++t)
      for (int d = 0; d < D; ++d) {
        double c = m.at("b_conv", d);  // PyTorch conv1d, padding K - 1, first L outputs kept
        for (int k = 0; k < K; ++k)
          if (t - (K - 1) + k >= 0) c += m.at("W_conv", k * D + d) * u[t - (K - 1) + k][d];
        act[t][d] = silu(c);
      }
    const auto y = scan_ref(m, act, z);
    std::vector<std::vector<double>> out(L, std::vector<double>(D, 0.0));
    for (int t = 0; t < L; ++t)
      for (int d = 0; d < D; ++d)
        for (int e = 0; e < D; ++e) out[t][d] += y[t][e] * m.at("W_out", e * D + d);
    check_close(mamba_real(layer_input(m, false)).y, out);
  }
}

}  // namespace
}  // namespace tc
