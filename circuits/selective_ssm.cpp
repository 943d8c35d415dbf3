// selective-ssm as a composition of threshold constructions (see selective_ssm.hpp).
//
// Depth: selection, discretize and scan are in series, then the skip (fmul, fadd) and gate
// (fmul after a silu that runs in parallel from z), so the depth is the sum of the parts' depths
// on that path, each constant in p; the size is the parts' sizes times L D (discretize), D (scan).
#include "circuits/selective_ssm.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>
#include <string>

#include "circuits/discretize.hpp"
#include "circuits/float_add.hpp"
#include "circuits/float_matmul.hpp"
#include "circuits/float_mul.hpp"
#include "circuits/float_sum_window.hpp"
#include "circuits/int_mutants.hpp"
#include "circuits/scan.hpp"
#include "circuits/selection.hpp"
#include "circuits/silu.hpp"
#include "lib/compose_by_name.hpp"
#include "lib/float_word.hpp"
#include "lib/ssm_words.hpp"
#include "lib/weight_words.hpp"

namespace tc {

namespace {

void check(const Params& params) {
  auto in = [](int v, int lo, int hi) { return v >= lo && v <= hi; };
  if (!in(params.L, 1, 4) || !in(params.N, 1, 4) || !in(params.D, 1, 4))
    throw std::invalid_argument(
        "selective-ssm: L, N, D must lie in [1, 4] (L = " + std::to_string(params.L) +
        ", N = " + std::to_string(params.N) + ", D = " + std::to_string(params.D) + ")");
  if (params.exponent_bits() != params.p + 1)
    throw std::invalid_argument("selective-ssm: only the default exponent width p + 1");
}

}  // namespace

void selective_ssm_add_weight_words(Circuit& c, const Params& params, FloatFormat f,
                                    std::map<std::string, Bits>& words) {
  struct Field {
    const char* name;
    int rows, cols;
  };
  std::vector<Field> fields = {{"W_B", params.D, params.N},
                               {"W_C", params.D, params.N},
                               {"W_delta", params.D, params.D},
                               {"b_delta", params.D, 0},
                               {"A", params.D, params.N}};
  if (params.flag("skip")) fields.push_back({"D_skip", params.D, 0});
  for (const Field& w : fields) add_weight_field(c, params, w.name, w.rows, w.cols, f, words);
}

namespace {

// max(v, 0) on a float word: every bit AND NOT sign (a negative value becomes the canonical
// zero). Used only by the mutant delta-relu.
Bits relu(Circuit& c, const Bits& v) {
  const Signal sign = v.back();
  Bits out;
  for (Signal b : v) out.push_back(c.create_threshold({b, sign}, {1, -1}, 1));
  return out;
}

}  // namespace

const std::vector<Mutant>& selective_ssm_mutants() {
  static const std::vector<Mutant> mutants = {
      {"delta-relu",
       "Delta = ReLU(x W_delta + b_delta) instead of softplus (x W_delta + b_delta "
       "one exact dot product rounded once, as the selection's pre-activation)"},
      {"delta-first-step",
       "the step Delta of time 0 is used at every time step (selection of "
       "Delta per token lost, as in a time-invariant SSM)"},
      {"c-previous-state",
       "y_t = C_t h_(t-1): the output reads the state before the update "
       "(y_0 = 0)"},
      {"euler-instead-of-zoh",
       "Bbar = Delta B (Mamba's code) where the zero-order hold is "
       "asked for (undetectable with --euler, where it is refused)"},
  };
  return mutants;
}

const std::vector<Mutant>& selective_ssm_flag_mutants() {
  static const std::vector<Mutant> mutants = {
      {"skip-dropped", "the D term D_skip x_t is not added (needs --skip)"},
      {"gate-z-not-silu", "the output is gated by z instead of silu(z) (needs --gate)"},
  };
  return mutants;
}

Circuit selective_ssm_construction(const Params& params) {
  check(params);
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : selective_ssm_mutants()) known = known || m.name == mutant;
  for (const Mutant& m : selective_ssm_flag_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("selective-ssm", mutant);
  if (mutant == "skip-dropped" && !params.flag("skip"))
    throw std::invalid_argument("selective-ssm: mutant skip-dropped needs --skip");
  if (mutant == "gate-z-not-silu" && !params.flag("gate"))
    throw std::invalid_argument("selective-ssm: mutant gate-z-not-silu needs --gate");
  if (mutant == "euler-instead-of-zoh" && params.flag("euler"))
    throw std::invalid_argument(
        "selective-ssm: mutant euler-instead-of-zoh is the layer itself "
        "under --euler");

  const FloatFormat f = float_format(params);
  const int L = params.L, N = params.N, D = params.D;
  Circuit c("selective-ssm");
  std::map<std::string, Bits> words;
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d)
      words[ssm_word("x", t, d)] = add_float_input(c, ssm_word("x", t, d), f);
  if (params.flag("gate"))
    for (int t = 0; t < L; ++t)
      for (int d = 0; d < D; ++d)
        words[ssm_word("z", t, d)] = add_float_input(c, ssm_word("z", t, d), f);
  selective_ssm_add_weight_words(c, params, f, words);
  auto host = [&](const std::string& name) -> Bits {
    auto it = words.find(name);
    if (it == words.end()) throw std::invalid_argument("the host has no word of that name");
    return it->second;
  };

  Params part = fsw_block_params(f, params);
  part.L = L, part.N = N, part.D = D;
  Params zoh_params = part;
  if (params.flag("euler") || mutant == "euler-instead-of-zoh") zoh_params.flags.insert("euler");

  const Embedded sel =
      compose_embed_by_name(c, selection_construction(part), host, {.cut_prefix = "select/"});
  // delta[t][d]: the step fed to the discretization.
  std::vector<std::vector<Bits>> delta(L, std::vector<Bits>(D));
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) delta[t][d] = sel.output(ssm_word("delta", t, d));
  if (mutant == "delta-relu") {
    // x_t W_delta + b_delta as [x_t, 1] [W_delta; b_delta], one exact dot product per entry.
    Params mm = fsw_block_params(f, params);
    mm.rows = L, mm.n = D + 1, mm.cols = D;
    const Bits one = constant_float_word({false, uint64_t{1} << (f.p - 1), 1 - f.p}, f);
    auto feed = [&](const std::string& name) -> Bits {
      const auto [stem, r, k] = parse_ssm_word(name);
      if (stem == "a") return k < D ? host(ssm_word("x", r, k)) : one;
      return r < D ? host(ssm_word("W_delta", r, k)) : host(ssm_word("b_delta", k));
    };
    const Embedded pre = compose_embed_by_name(c, float_matmul_construction(mm), feed);
    for (int t = 0; t < L; ++t)
      for (int d = 0; d < D; ++d) delta[t][d] = relu(c, pre.output(float_matmul_word('z', t, d)));
  }
  if (mutant == "delta-first-step")
    for (int t = 1; t < L; ++t) delta[t] = delta[0];

  std::vector<std::vector<Embedded>> zoh(L);
  const Circuit zoh_circuit = discretize_construction(zoh_params);
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      auto feed = [&](const std::string& name) -> Bits {
        if (name == "delta") return delta[t][d];
        const SsmWordName n = parse_ssm_word(name);
        if (n.stem == "a") return host(ssm_word("A", d, n.i));
        if (n.stem == "b") return sel.output(ssm_word("B", t, n.i));
        throw std::invalid_argument("unexpected");
      };
      zoh[t].push_back(compose_embed_by_name(
          c, zoh_circuit, feed,
          {.cut_prefix = "zoh-" + std::to_string(t) + "-" + std::to_string(d) + "/"}));
    }

  const Circuit scan_circuit = scan_construction(part);
  const Circuit mul = float_mul_construction(float_params(f));
  const Circuit add = float_add_construction(float_params(f));
  const Circuit silu = params.flag("gate") ? silu_construction(float_params(f)) : Circuit();
  const Bits zero(static_cast<size_t>(f.width()), kFalse);  // the canonical zero
  std::vector<std::vector<Bits>> y(L, std::vector<Bits>(D));
  for (int d = 0; d < D; ++d) {
    // c-previous-state: the scan's output at t reads C_(t+1), so its y_t is C_(t+1) h_t, the
    // layer's output at t + 1.
    const int c_shift = mutant == "c-previous-state" ? 1 : 0;
    auto feed = [&](const std::string& name) -> Bits {
      const auto [stem, t, n] = parse_ssm_word(name);
      if (stem == "Abar" || stem == "Bbar") return zoh[t][d].output(ssm_word(stem, n));
      if (stem == "C") return sel.output(ssm_word("C", std::min(L - 1, t + c_shift), n));
      if (stem == "x") return host(ssm_word("x", t, d));
      throw std::invalid_argument("unexpected");
    };
    const Embedded scan = compose_embed_by_name(c, scan_circuit, feed,
                                                {.cut_prefix = "scan-" + std::to_string(d) + "/"});
    for (int t = 0; t < L; ++t)
      y[t][d] = c_shift == 0 ? scan.output(ssm_word("y", t))
                : t == 0     ? zero
                             : scan.output(ssm_word("y", t - 1));
  }
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      const std::string role = fmt::format("-{}-{}", t, d);
      Bits out = y[t][d];
      if (params.flag("skip") && mutant != "skip-dropped") {
        const Bits m =
            compose_embed(c, mul, {host(ssm_word("D_skip", d)), host(ssm_word("x", t, d))},
                          {.block_cut = "skip-mul" + role})
                .output("z");
        out = compose_embed(c, add, {out, m}, {.block_cut = "skip-add" + role}).output("z");
      } else if (params.flag("skip")) {
        // The blocks are still built (as in a forgotten `+`), so both sides declare the same
        // blocks; only the sum is bypassed.
        const Bits m =
            compose_embed(c, mul, {host(ssm_word("D_skip", d)), host(ssm_word("x", t, d))},
                          {.block_cut = "skip-mul" + role})
                .output("z");
        compose_embed(c, add, {out, m}, {.block_cut = "skip-add" + role});
      }
      if (params.flag("gate")) {
        const Bits g =
            compose_embed(c, silu, {host(ssm_word("z", t, d))}, {.block_cut = "gate-silu" + role})
                .output("z");
        const Bits gate = mutant == "gate-z-not-silu" ? host(ssm_word("z", t, d)) : g;
        out = compose_embed(c, mul, {out, gate}, {.block_cut = "gate-mul" + role}).output("z");
      }
      add_float_output(c, ssm_word("y", t, d), out, f);
    }
  return c;
}

}  // namespace tc
