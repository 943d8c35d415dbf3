// The bit-level spec of selective-ssm: the parts' specs composed (see selective_ssm.hpp).
#include "specs/selective_ssm.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

#include "lib/compose_by_name.hpp"
#include "lib/float_word.hpp"
#include "lib/ssm_words.hpp"
#include "lib/weight_words.hpp"
#include "specs/discretize.hpp"
#include "specs/float_add.hpp"
#include "specs/float_mul.hpp"
#include "specs/scan.hpp"
#include "specs/selection.hpp"
#include "specs/silu.hpp"

namespace tc {

std::vector<SsmWeightField> selective_ssm_weight_fields(const Params& params) {
  std::vector<SsmWeightField> fields = {{"W_B", params.D, params.N},
                                        {"W_C", params.D, params.N},
                                        {"W_delta", params.D, params.D},
                                        {"b_delta", params.D, 0},
                                        {"A", params.D, params.N}};
  if (params.flag("skip")) fields.push_back({"D_skip", params.D, 0});
  return fields;
}

namespace {

// value = m * 2^e with |m| < 4: exact at p >= 2.
FloatConstant constant(double value) { return {static_cast<int64_t>(value * 4), -2}; }

}  // namespace

Params selective_ssm_with_default_weights(const Params& params) {
  Params out = params;
  if (params.flag("weight-inputs")) return out;
  auto fill = [&](const std::string& field, int count, auto value_of) {
    if (out.weights.count(field)) return;
    std::vector<FloatConstant> values;
    for (int i = 0; i < count; ++i) values.push_back(value_of(i));
    out.weights[field] = values;
  };
  const int D = params.D, N = params.N;
  fill("W_B", D * N, [](int) { return constant(0.75); });
  fill("W_C", D * N, [](int) { return constant(1.5); });
  fill("W_delta", D * D, [D](int i) { return constant(i / D == i % D ? 1.5 : 0.5); });
  fill("b_delta", D, [](int) { return constant(-0.5); });
  fill("A", D * N, [N](int i) { return FloatConstant{-(i % N + 1), 0}; });
  fill("D_skip", D, [](int) { return constant(1.0); });
  return out;
}

void selective_ssm_check(const Params& params) {
  auto in = [](int v, int lo, int hi) { return v >= lo && v <= hi; };
  if (!in(params.L, 1, 4) || !in(params.N, 1, 4) || !in(params.D, 1, 4))
    throw std::invalid_argument(
        "selective-ssm: L, N, D must lie in [1, 4] (L = " + std::to_string(params.L) +
        ", N = " + std::to_string(params.N) + ", D = " + std::to_string(params.D) + ")");
  if (params.exponent_bits() != params.p + 1)
    throw std::invalid_argument("selective-ssm: only the default exponent width p + 1");
}

Circuit build_selective_ssm_spec(const Params& params) {
  selective_ssm_check(params);
  const FloatFormat f = float_format(params);
  const int L = params.L, N = params.N, D = params.D;
  Circuit c("selective-ssm-spec");
  std::map<std::string, Bits> words;  // host words by name: activations and weights
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d)
      words[ssm_word("x", t, d)] = add_float_input(c, ssm_word("x", t, d), f);
  if (params.flag("gate"))
    for (int t = 0; t < L; ++t)
      for (int d = 0; d < D; ++d)
        words[ssm_word("z", t, d)] = add_float_input(c, ssm_word("z", t, d), f);
  for (const SsmWeightField& w : selective_ssm_weight_fields(params))
    add_weight_field(c, params, w.name, w.rows, w.cols, f, words);
  auto host = [&](const std::string& name) -> Bits {
    auto it = words.find(name);
    if (it == words.end()) throw std::invalid_argument("the host has no word of that name");
    return it->second;
  };

  // The parts take their weights as inputs; the host feeds them (constants fold on import).
  Params part = float_params(f);
  part.L = L, part.N = N, part.D = D;
  Params zoh_params = part;
  if (params.flag("euler")) zoh_params.flags.insert("euler");

  const Embedded sel =
      compose_embed_by_name(c, build_selection_spec(part), host, {.cut_prefix = "select/"});
  // zoh[t][d]: the discretization of channel d at time t, over the N states.
  std::vector<std::vector<Embedded>> zoh(L);
  const Circuit zoh_spec = build_discretize_spec(zoh_params);
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      auto feed = [&](const std::string& name) -> Bits {
        if (name == "delta") return sel.output(ssm_word("delta", t, d));
        const SsmWordName n = parse_ssm_word(name);
        if (n.stem == "a") return host(ssm_word("A", d, n.i));
        if (n.stem == "b") return sel.output(ssm_word("B", t, n.i));
        throw std::invalid_argument("unexpected");
      };
      zoh[t].push_back(compose_embed_by_name(
          c, zoh_spec, feed,
          {.cut_prefix = "zoh-" + std::to_string(t) + "-" + std::to_string(d) + "/"}));
    }
  const Circuit scan_spec = build_scan_spec(part);
  const Circuit mul_spec = build_float_mul_spec(float_params(f));
  const Circuit add_spec = build_float_add_spec(float_params(f));
  const Circuit silu_spec = params.flag("gate") ? build_silu_spec(float_params(f)) : Circuit();
  std::vector<std::vector<Bits>> y(L, std::vector<Bits>(D));
  for (int d = 0; d < D; ++d) {
    auto feed = [&](const std::string& name) -> Bits {
      const auto [stem, t, n] = parse_ssm_word(name);
      if (stem == "Abar" || stem == "Bbar") return zoh[t][d].output(ssm_word(stem, n));
      if (stem == "C") return sel.output(name);
      if (stem == "x") return host(ssm_word("x", t, d));
      throw std::invalid_argument("unexpected");
    };
    const Embedded scan = compose_embed_by_name(c, scan_spec, feed,
                                                {.cut_prefix = "scan-" + std::to_string(d) + "/"});
    for (int t = 0; t < L; ++t) y[t][d] = scan.output(ssm_word("y", t));
  }
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      const std::string role = fmt::format("-{}-{}", t, d);
      Bits out = y[t][d];
      if (params.flag("skip")) {
        const Bits m =
            compose_embed(c, mul_spec, {host(ssm_word("D_skip", d)), host(ssm_word("x", t, d))},
                          {.block_cut = "skip-mul" + role})
                .output("z");
        out = compose_embed(c, add_spec, {out, m}, {.block_cut = "skip-add" + role}).output("z");
      }
      if (params.flag("gate")) {
        const Bits g = compose_embed(c, silu_spec, {host(ssm_word("z", t, d))},
                                     {.block_cut = "gate-silu" + role})
                           .output("z");
        out = compose_embed(c, mul_spec, {out, g}, {.block_cut = "gate-mul" + role}).output("z");
      }
      add_float_output(c, ssm_word("y", t, d), out, f);
    }
  return c;
}

}  // namespace tc
