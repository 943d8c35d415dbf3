// The bit-level spec of the Mamba block: the parts' specs composed (see mamba.hpp).
#include "specs/mamba.hpp"

#include <map>
#include <stdexcept>

#include "lib/compose_by_name.hpp"
#include "lib/float_word.hpp"
#include "lib/ssm_words.hpp"
#include "lib/weight_words.hpp"
#include "specs/conv1d.hpp"
#include "specs/float_matmul.hpp"
#include "specs/selective_ssm.hpp"
#include "specs/silu.hpp"

namespace tc {

namespace {

FloatConstant constant(double value) { return {static_cast<int64_t>(value * 4), -2}; }

}  // namespace

Params mamba_ssm_params(const Params& params) {
  Params ssm = params;
  ssm.flags.insert("skip");
  ssm.flags.insert("gate");
  ssm.mutant.clear();
  return ssm;
}

Params mamba_with_default_weights(const Params& params) {
  if (params.flag("weight-inputs")) return params;
  Params out = selective_ssm_with_default_weights(mamba_ssm_params(params));
  out.flags = params.flags;
  out.mutant = params.mutant;
  const int D = params.D, K = params.K;
  auto fill = [&](const std::string& field, int count, auto value_of) {
    if (out.weights.count(field)) return;
    std::vector<FloatConstant> values;
    for (int i = 0; i < count; ++i) values.push_back(value_of(i));
    out.weights[field] = values;
  };
  fill("W_in", D * D, [D](int i) { return constant(i / D == i % D ? 1.5 : 0.5); });
  fill("W_z", D * D, [D](int i) { return constant(i / D == i % D ? 0.75 : -0.5); });
  fill("W_conv", K * D, [D](int i) {
    static const double taps[4] = {0.5, 1, 0.75, 1.5};
    return constant(taps[(i / D) % 4]);
  });
  fill("b_conv", D, [](int) { return constant(0.5); });
  fill("W_out", D * D, [D](int i) { return constant(i / D == i % D ? 0.75 : 0.5); });
  return out;
}

Circuit build_mamba_spec(const Params& params) {
  selective_ssm_check(params);
  if (params.K < 1 || params.K > 4)
    throw std::invalid_argument("mamba: K must lie in [1, 4] (K = " + std::to_string(params.K) +
                                ")");
  const FloatFormat f = float_format(params);
  const int L = params.L, D = params.D;
  Circuit c("mamba-spec");
  std::map<std::string, Bits> words;
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d)
      words[ssm_word("x", t, d)] = add_float_input(c, ssm_word("x", t, d), f);
  const Params ssm_params = mamba_ssm_params(params);
  std::vector<SsmWeightField> fields = {
      {"W_in", D, D}, {"W_z", D, D}, {"W_conv", params.K, D}, {"b_conv", D, 0}};
  for (const SsmWeightField& w : selective_ssm_weight_fields(ssm_params)) fields.push_back(w);
  fields.push_back({"W_out", D, D});
  for (const SsmWeightField& w : fields)
    add_weight_field(c, params, w.name, w.rows, w.cols, f, words);
  auto host = [&](const std::string& name) -> Bits {
    auto it = words.find(name);
    if (it == words.end()) throw std::invalid_argument("the host has no word of that name");
    return it->second;
  };

  // Projections: a<r>_<k> = x<r>_<k>, b<k>_<c> = W<k>_<c>.
  Params mm = float_params(f);
  mm.rows = L, mm.n = D, mm.cols = D;
  const Circuit matmul = build_float_matmul_spec(mm);
  auto projection = [&](const std::function<Bits(int, int)>& a, const std::string& w,
                        const std::string& role) {
    auto feed = [&](const std::string& name) -> Bits {
      const auto [stem, r, k] = parse_ssm_word(name);
      return stem == "a" ? a(r, k) : host(ssm_word(w, r, k));
    };
    return compose_embed_by_name(c, matmul, feed, {.block_cut = role});
  };
  const Embedded u =
      projection([&](int t, int d) { return host(ssm_word("x", t, d)); }, "W_in", "in-proj-u");
  const Embedded z =
      projection([&](int t, int d) { return host(ssm_word("x", t, d)); }, "W_z", "in-proj-z");

  Params conv_params = float_params(f);
  conv_params.L = L, conv_params.D = D, conv_params.K = params.K;
  auto conv_feed = [&](const std::string& name) -> Bits {
    const auto [stem, i, j] = parse_ssm_word(name);
    if (stem == "x") return u.output(ssm_word("z", i, j));
    if (stem == "w") return host(ssm_word("W_conv", i, j));
    if (stem == "bias") return host(ssm_word("b_conv", i));
    throw std::invalid_argument("unexpected");
  };
  const Embedded conv =
      compose_embed_by_name(c, build_conv1d_spec(conv_params), conv_feed, {.cut_prefix = "conv/"});

  const Circuit silu = build_silu_spec(float_params(f));
  std::map<std::string, Bits> act;
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d)
      act[ssm_word("x", t, d)] =
          compose_embed(c, silu, {conv.output(ssm_word("y", t, d))},
                        {.block_cut = "act-silu-" + std::to_string(t) + "-" + std::to_string(d)})
              .output("z");
  auto ssm_feed = [&](const std::string& name) -> Bits {
    if (name[0] == 'x') return act.at(name);
    if (name[0] == 'z') return z.output(name);  // z<t>_<d>: matmul's output word names agree
    return host(name);
  };
  const Embedded ssm = compose_embed_by_name(c, build_selective_ssm_spec(ssm_params), ssm_feed,
                                             {.cut_prefix = "ssm/"});
  const Embedded out = projection([&](int t, int d) { return ssm.output(ssm_word("y", t, d)); },
                                  "W_out", "out-proj");
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d)
      add_float_output(c, ssm_word("out", t, d), out.output(ssm_word("z", t, d)), f);
  return c;
}

}  // namespace tc
