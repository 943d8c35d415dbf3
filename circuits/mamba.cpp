// The Mamba block as a composition of threshold constructions (see mamba.hpp).
//
// Depth: in-proj, conv1d, silu, the SSM and out-proj are in series (the z branch, in-proj then
// the SSM's gate silu, runs beside conv1d and the SSM's body), so the depth is the sum of those
// parts' depths, each constant in p.
#include "circuits/mamba.hpp"

#include <fmt/format.h>

#include <functional>
#include <map>
#include <stdexcept>
#include <string>

#include "circuits/conv1d.hpp"
#include "circuits/float_matmul.hpp"
#include "circuits/float_mul.hpp"
#include "circuits/float_sum_window.hpp"
#include "circuits/int_mutants.hpp"
#include "circuits/selective_ssm.hpp"
#include "circuits/silu.hpp"
#include "lib/compose_by_name.hpp"
#include "lib/float_word.hpp"
#include "lib/ssm_words.hpp"
#include "lib/weight_words.hpp"

namespace tc {

const std::vector<Mutant>& mamba_mutants() {
  static const std::vector<Mutant> mutants = {
      {"gate-after-out-proj",
       "the SiLU(z) gate multiplies the output projection's result "
       "instead of the SSM output (out = (s W_out) silu(z))"},
      {"gate-z-not-silu", "the SSM output is gated by z instead of silu(z)"},
      {"skip-dropped", "the SSM's D term D_skip a_t is not added"},
      {"conv-causal-offset",
       "the convolution reads u shifted one step late (u_(t-1) where u_t "
       "belongs, 0 at t = 0): an off-by-one in the causal padding"},
      {"act-dropped", "the SiLU after the convolution is missing (the SSM reads conv1d's output)"},
  };
  return mutants;
}

Circuit mamba_construction(const Params& params) {
  const std::string& mutant = params.mutant;
  bool known = mutant.empty();
  for (const Mutant& m : mamba_mutants()) known = known || m.name == mutant;
  if (!known) int_unknown_mutant("mamba", mutant);
  if (params.K < 1 || params.K > 4)
    throw std::invalid_argument("mamba: K must lie in [1, 4] (K = " + std::to_string(params.K) +
                                ")");
  const FloatFormat f = float_format(params);
  const int L = params.L, D = params.D;
  // The SSM inside: skip and gate on; the SSM-level mutants are passed down.
  Params ssm_params = params;
  ssm_params.flags.insert("skip");
  ssm_params.flags.insert("gate");
  ssm_params.mutant = mutant == "gate-z-not-silu" || mutant == "skip-dropped" ? mutant : "";
  if (mutant == "gate-after-out-proj") ssm_params.flags.erase("gate");

  Circuit c("mamba");
  std::map<std::string, Bits> words;
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d)
      words[ssm_word("x", t, d)] = add_float_input(c, ssm_word("x", t, d), f);
  add_weight_field(c, params, "W_in", D, D, f, words);
  add_weight_field(c, params, "W_z", D, D, f, words);
  add_weight_field(c, params, "W_conv", params.K, D, f, words);
  add_weight_field(c, params, "b_conv", D, 0, f, words);
  {
    Params with_skip = params;
    with_skip.flags.insert("skip");
    selective_ssm_add_weight_words(c, with_skip, f, words);
  }
  add_weight_field(c, params, "W_out", D, D, f, words);
  auto host = [&](const std::string& name) -> Bits {
    auto it = words.find(name);
    if (it == words.end()) throw std::invalid_argument("the host has no word of that name");
    return it->second;
  };

  Params mm = fsw_block_params(f, params);
  mm.rows = L, mm.n = D, mm.cols = D;
  const Circuit matmul = float_matmul_construction(mm);
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

  Params conv_params = fsw_block_params(f, params);
  conv_params.L = L, conv_params.D = D, conv_params.K = params.K;
  const Bits zero(static_cast<size_t>(f.width()), kFalse);
  const int lag = mutant == "conv-causal-offset" ? 1 : 0;
  auto conv_feed = [&](const std::string& name) -> Bits {
    const auto [stem, i, j] = parse_ssm_word(name);
    if (stem == "x") return i - lag < 0 ? zero : u.output(ssm_word("z", i - lag, j));
    if (stem == "w") return host(ssm_word("W_conv", i, j));
    if (stem == "bias") return host(ssm_word("b_conv", i));
    throw std::invalid_argument("unexpected");
  };
  const Embedded conv = compose_embed_by_name(c, conv1d_construction(conv_params), conv_feed,
                                              {.cut_prefix = "conv/"});

  const Circuit silu = silu_construction(float_params(f));
  std::map<std::string, Bits> act;
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      const Bits a =
          compose_embed(c, silu, {conv.output(ssm_word("y", t, d))},
                        {.block_cut = "act-silu-" + std::to_string(t) + "-" + std::to_string(d)})
              .output("z");
      act[ssm_word("x", t, d)] = mutant == "act-dropped" ? conv.output(ssm_word("y", t, d)) : a;
    }
  auto ssm_feed = [&](const std::string& name) -> Bits {
    if (name[0] == 'x') return act.at(name);
    if (name[0] == 'z') return z.output(name);
    return host(name);
  };
  const Embedded ssm = compose_embed_by_name(c, selective_ssm_construction(ssm_params), ssm_feed,
                                             {.cut_prefix = "ssm/"});
  const Embedded out = projection([&](int t, int d) { return ssm.output(ssm_word("y", t, d)); },
                                  "W_out", "out-proj");
  const Circuit mul = float_mul_construction(float_params(f));
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      Bits o = out.output(ssm_word("z", t, d));
      if (mutant == "gate-after-out-proj") {
        const std::string role = fmt::format("-{}-{}", t, d);
        const Bits g = compose_embed(c, silu, {z.output(ssm_word("z", t, d))},
                                     {.block_cut = "ssm/gate-silu" + role})
                           .output("z");
        o = compose_embed(c, mul, {o, g}, {.block_cut = "ssm/gate-mul" + role}).output("z");
      }
      add_float_output(c, ssm_word("out", t, d), o, f);
    }
  return c;
}

}  // namespace tc
