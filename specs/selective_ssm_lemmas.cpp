// The Z3 chain and the MPFR measurement of selective-ssm (see selective_ssm_lemmas.hpp).
#include "specs/selective_ssm_lemmas.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <random>

#include "lib/dyadic.hpp"
#include "lib/simulate.hpp"
#include "lib/smt/bound_lemma.hpp"
#include "specs/discretize.hpp"
#include "specs/discretize_lemmas.hpp"
#include "specs/float_exact.hpp"
#include "specs/selective_ssm.hpp"
#include "specs/silu.hpp"
#include "specs/silu_lemmas.hpp"
#include "specs/softplus.hpp"
#include "specs/softplus_lemmas.hpp"
#include "specs/ssm_layer_real.hpp"

namespace tc {

namespace {

mpq_class rel(const mpq_class& a, const mpq_class& b) { return (1 + a) * (1 + b) - 1; }

// |a' - a| <= e1 |a|, |b' - b| <= e2 |b|  =>  |a' b' - a b| <= bound |a b|.
BoundLemma product_lemma(const std::string& name, const std::string& what, const mpq_class& e1,
                         const mpq_class& e2) {
  BoundLemma l;
  l.name = name;
  l.claimed = rel(e1, e2);
  l.statement = fmt::format("{}: factors within {} and {} relative: the product within {}", what,
                            format_bound(e1), format_bound(e2), format_bound(l.claimed));
  l.hypotheses = [e1, e2](z3::context& ctx) {
    const z3::expr a = ctx.real_const("a"), a1 = ctx.real_const("a1"), b = ctx.real_const("b"),
                   b1 = ctx.real_const("b1");
    return z3_abs(a1 - a) <= z3_rational(ctx, e1) * z3_abs(a) &&
           z3_abs(b1 - b) <= z3_rational(ctx, e2) * z3_abs(b);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr a = ctx.real_const("a"), a1 = ctx.real_const("a1"), b = ctx.real_const("b"),
                   b1 = ctx.real_const("b1");
    return z3_abs(a1 * b1 - a * b) <= bound * z3_abs(a * b);
  };
  l.note = "each factor's bound is the previous lemma's (or a part's hypothesis)";
  return l;
}

// |a' - a| <= e |a| (the inputs' error), |c - a'| <= E |a'| (this step's own error, e.g. a
// rounding or a part's bound)  =>  |c - a| <= bound |a|.
BoundLemma chain_lemma(const std::string& name, const std::string& what, const mpq_class& e,
                       const mpq_class& E, const std::string& note) {
  BoundLemma l;
  l.name = name;
  l.claimed = rel(e, E);
  l.statement = fmt::format("{}: input error {} then a step within {}: within {} relative", what,
                            format_bound(e), format_bound(E), format_bound(l.claimed));
  l.hypotheses = [e, E](z3::context& ctx) {
    const z3::expr a = ctx.real_const("a"), a1 = ctx.real_const("a1"), c = ctx.real_const("c");
    return z3_abs(a1 - a) <= z3_rational(ctx, e) * z3_abs(a) &&
           z3_abs(c - a1) <= z3_rational(ctx, E) * z3_abs(a1);
  };
  l.claim = [](z3::context& ctx, const z3::expr& bound) {
    const z3::expr a = ctx.real_const("a"), c = ctx.real_const("c");
    return z3_abs(c - a) <= bound * z3_abs(a);
  };
  l.note = note;
  return l;
}

// n terms T_i with |T'_i - T_i| <= e |T_i|, c = round(sum T'_i) (|c - sum T'| <= u |sum T'|):
// |c - sum T| <= bound sum |T_i|. With weights (the output lemma) each term is C_i h_i.
BoundLemma sum_lemma(const std::string& name, const std::string& what, int n, const mpq_class& e,
                     const mpq_class& u) {
  BoundLemma l;
  l.name = name;
  l.claimed = rel(e, u);
  l.statement = fmt::format(
      "{}: {} terms within {} relative, summed exactly and rounded once "
      "(u = {}): within {} of the sum of their magnitudes",
      what, n, format_bound(e), format_bound(u), format_bound(l.claimed));
  auto names = [n](z3::context& ctx, const char* base) {
    z3::expr_vector v(ctx);
    for (int i = 0; i < n; ++i) v.push_back(ctx.real_const(fmt::format("{}{}", base, i).c_str()));
    return v;
  };
  l.hypotheses = [=](z3::context& ctx) {
    const z3::expr_vector T = names(ctx, "T"), T1 = names(ctx, "Tr");
    const z3::expr c = ctx.real_const("c");
    z3::expr h = ctx.bool_val(true), sum1 = ctx.real_val(0);
    for (int i = 0; i < n; ++i) {
      h = h && z3_abs(T1[i] - T[i]) <= z3_rational(ctx, e) * z3_abs(T[i]);
      sum1 = sum1 + T1[i];
    }
    return h && z3_abs(c - sum1) <= z3_rational(ctx, u) * z3_abs(sum1);
  };
  l.claim = [=](z3::context& ctx, const z3::expr& bound) {
    const z3::expr_vector T = names(ctx, "T");
    const z3::expr c = ctx.real_const("c");
    z3::expr sum = ctx.real_val(0), mag = ctx.real_val(0);
    for (int i = 0; i < n; ++i) sum = sum + T[i], mag = mag + z3_abs(T[i]);
    return z3_abs(c - sum) <= bound * mag;
  };
  l.note = "the exact sum rounded once (fsum / matmul blocks); |sum T'| <= (1 + e) sum |T|";
  return l;
}

// The output y = round(sum_n C'_n h'_n): |C' - C| <= u |C|, |h' - h| <= e_h H, |h| <= H:
// |y - sum C h| <= bound sum |C| H.
BoundLemma output_lemma(int N, const mpq_class& e_h, const mpq_class& u, const mpq_class& claimed) {
  BoundLemma l;
  l.name = "selective-ssm.output";
  l.claimed = claimed;
  l.statement = fmt::format(
      "y_t = round(sum_n C'_n h'_n) over N = {} states, C' within u = {}, "
      "h' within {} of the magnitude H_n >= |h_n|: |y' - y| <= {} sum_n "
      "|C_n| H_n = {} S",
      N, format_bound(u), format_bound(e_h), format_bound(claimed), format_bound(claimed));
  auto vars = [N](z3::context& ctx, const char* base) {
    z3::expr_vector v(ctx);
    for (int i = 0; i < N; ++i) v.push_back(ctx.real_const(fmt::format("{}{}", base, i).c_str()));
    return v;
  };
  l.hypotheses = [=](z3::context& ctx) {
    const auto C = vars(ctx, "C"), C1 = vars(ctx, "Cr"), h = vars(ctx, "h"), h1 = vars(ctx, "hr"),
               H = vars(ctx, "H");
    const z3::expr y = ctx.real_const("y");
    z3::expr hyp = ctx.bool_val(true), dot1 = ctx.real_val(0);
    for (int i = 0; i < N; ++i) {
      hyp = hyp && z3_abs(C1[i] - C[i]) <= z3_rational(ctx, u) * z3_abs(C[i]) &&
            z3_abs(h[i]) <= H[i] && z3_abs(h1[i] - h[i]) <= z3_rational(ctx, e_h) * H[i];
      dot1 = dot1 + C1[i] * h1[i];
    }
    return hyp && z3_abs(y - dot1) <= z3_rational(ctx, u) * z3_abs(dot1);
  };
  l.claim = [=](z3::context& ctx, const z3::expr& bound) {
    const auto C = vars(ctx, "C"), h = vars(ctx, "h"), H = vars(ctx, "H");
    const z3::expr y = ctx.real_const("y");
    z3::expr dot = ctx.real_val(0), S = ctx.real_val(0);
    for (int i = 0; i < N; ++i) dot = dot + C[i] * h[i], S = S + z3_abs(C[i]) * H[i];
    return z3_abs(y - dot) <= bound * S;
  };
  l.note =
      "C_t from the selection (one rounding of an exact dot product); h from selective-ssm.state";
  return l;
}

struct Measurement {
  bool exhaustive = false;
  uint64_t points = 0, in_domain = 0, zero_mismatch = 0;
  mpq_class worst = 0;
  std::string worst_at;
};

// The spec circuit (proved equal to the construction) simulated on every valid input (or a
// sample), against the real-valued layer in MPFR.
Measurement measure(const Params& params, const SelectiveSsmBudget& b) {
  const Circuit spec = build_selective_ssm_spec(params);
  const FloatFormat f = float_format(params);
  const mpq_class lo = 2 * value(float_min(f)), hi = value(float_max(f)) / 2;
  const size_t width = static_cast<size_t>(f.width());
  const int n = spec.num_input_bits();
  Measurement m;
  m.exhaustive = n <= 16;
  const uint64_t rounds = m.exhaustive ? ((uint64_t{1} << n) + 63) / 64 : 128;
  std::mt19937_64 rng(1);
  Simulator sim(spec);
  for (uint64_t r = 0; r < rounds; ++r) {
    std::vector<uint64_t> lanes(static_cast<size_t>(n), 0);
    for (int j = 0; j < 64; ++j) {
      if (m.exhaustive) {
        const uint64_t index = r * 64 + static_cast<uint64_t>(j);
        for (int i = 0; i < n; ++i)
          if (index >> i & 1) lanes[static_cast<size_t>(i)] |= uint64_t{1} << j;
        continue;
      }
      // A sample: every input word a random float of magnitude in [2^-4, 2) (one in eight 0),
      // where the layer's intermediates mostly stay in range.
      size_t bit = 0;
      for (const Word& w : spec.input_words()) {
        FloatValue v;
        if (rng() % 8 != 0) {
          v.negative = rng() & 1;
          v.magnitude = (uint64_t{1} << (f.p - 1)) | (rng() & ((uint64_t{1} << (f.p - 1)) - 1));
          // Clamped to the format's smallest exponent (e = 3 at p = 2 has none below -4).
          v.exponent = std::max<int64_t>(-static_cast<int64_t>(rng() % 5) - (f.p - 1),
                                         float_min(f).exponent);
        }
        for (bool b : float_to_bits(v, f)) {
          if (b) lanes[bit] |= uint64_t{1} << j;
          ++bit;
        }
        (void)w;
      }
    }
    sim.run(lanes);
    const uint64_t valid = sim.valid_lanes();
    for (int j = 0; j < 64; ++j) {
      if (!(valid >> j & 1)) continue;
      if (m.exhaustive && r * 64 + static_cast<uint64_t>(j) >= (uint64_t{1} << n)) continue;
      auto bits_of = [&](const Bits& word) {
        std::vector<bool> v;
        for (Signal s : word) v.push_back((sim.value(s) >> j & 1) != 0);
        return v;
      };
      std::vector<std::vector<bool>> inputs;
      for (const Word& w : spec.input_words()) inputs.push_back(bits_of(w.bits));
      ++m.points;
      const SsmLayerTrace real = selective_ssm_real(selective_ssm_input(params, inputs));
      bool in_domain = real.max_abs_v <= b.V && real.max_delta_a <= b.M;
      // Every rounding within u: each block with one output word of the format rounds a value
      // inside [min_p, max_p], i.e. its output is 0 with a zero operand (an exact zero), or of
      // magnitude in [2 min_p, max_p / 2].
      for (const Circuit::Cut& cut : spec.cuts()) {
        if (!in_domain) break;
        // Blocks only (leaf blocks of the parts and of this layer): the parts' inner cut points
        // (exact significand products, aligned sums) are not float words.
        if (!cut.block || cut.outputs.size() != width) continue;
        const mpq_class out = abs(value(float_from_bits(bits_of(cut.outputs), f)));
        if (out != 0) {
          in_domain = out >= lo && out <= hi;
          continue;
        }
        bool zero_operand = false;
        if (cut.inputs.size() % width == 0)
          for (size_t k = 0; k < cut.inputs.size(); k += width) {
            const Bits operand(cut.inputs.begin() + static_cast<std::ptrdiff_t>(k),
                               cut.inputs.begin() + static_cast<std::ptrdiff_t>(k + width));
            zero_operand = zero_operand || float_from_bits(bits_of(operand), f).magnitude == 0;
          }
        in_domain = zero_operand;
      }
      if (!in_domain) continue;
      ++m.in_domain;
      size_t k = 0;
      for (size_t t = 0; t < real.y.size(); ++t)
        for (size_t d = 0; d < real.y[t].size(); ++d, ++k) {
          const FloatValue yhat = float_from_bits(bits_of(spec.output_words()[k].bits), f);
          const mpq_class err = abs(value(yhat) - real.y[t][d]);
          const mpq_class& S = real.magnitude[t][d];
          if (S == 0) {
            if (err != 0) ++m.zero_mismatch;
            continue;
          }
          if (err / S > m.worst) {
            m.worst = err / S;
            std::string at;
            for (size_t w = 0; w < inputs.size(); ++w)
              at += fmt::format("{}{} = {}", w ? ", " : "", spec.input_words()[w].name,
                                float_to_string(float_from_bits(inputs[w], f)));
            m.worst_at = at + fmt::format("; output y{}_{} = {}", t, d, float_to_string(yhat));
          }
        }
    }
  }
  return m;
}

}  // namespace

SelectiveSsmBudget selective_ssm_budget(const Params& params) {
  SelectiveSsmBudget b;
  const int p = params.p;
  b.u = power_of_two(-p);
  b.E_sp = softplus_budget(softplus_design(p)).total;
  b.E_silu = silu_budget(silu_design(p)).total;
  // discretize's proved bounds (specs/discretize_lemmas.hpp, on its domain |Delta a| <= 2, which
  // contains ours): Abar within A of e^(Delta a), Bbar within B of the ZOH; with --euler Bbar is
  // one fmul at p, Delta b rounded once.
  Params zoh = float_params(float_format(params));
  zoh.N = params.N;
  if (params.flag("euler")) zoh.flags.insert("euler");
  const DiscretizeBudget db = discretize_budget(discretize_design(zoh));
  b.E_A = db.A;
  b.E_Bb = params.flag("euler") ? b.u : db.B;
  b.parts_note =
      "E_sp = softplus.end-to-end (softplus_budget, proved by the softplus component); "
      "E_silu = silu.end-to-end (silu_budget); E_A = discretize's abar bound A and "
      "E_Bb = its bbar bound B (discretize_budget, proved by the discretize component; "
      "with --euler E_Bb = u, one fmul)";
  // At p = 2 (u = 1/4) the enclosures need a smaller domain: u V < 1 and e_delta M < 1.
  if (p <= 2) b.V = 1, b.M = mpq_class(1, 2);
  b.kappa = b.u * b.V / (1 - b.u * b.V);
  b.e_delta = rel(b.kappa, b.E_sp);
  b.rho = b.e_delta * b.M;
  b.r = b.rho < 1 ? b.rho / (1 - b.rho) : mpq_class(-1);
  b.e_A = rel(b.r, b.E_A);
  const mpq_class phi = params.flag("euler") ? mpq_class(0) : b.r;
  b.e_Bb = rel(rel(rel(phi, b.e_delta), b.u), b.E_Bb);
  mpq_class abar_power = 0;
  for (int k = 0; k < params.L - 1; ++k) abar_power = rel(abar_power, b.e_A);
  b.e_T = rel(rel(abar_power, b.e_Bb), b.u);
  b.e_h = rel(b.e_T, b.u);
  b.e_y = rel(rel(b.e_h, b.u), b.u);
  b.e_s = rel(rel(b.e_y, b.u), b.u);
  b.e_g = rel(rel(params.flag("skip") ? b.e_s : b.e_y, b.E_silu), b.u);
  b.total = params.flag("gate") ? b.e_g : params.flag("skip") ? b.e_s : b.e_y;
  return b;
}

std::vector<LemmaResult> selective_ssm_lemmas(const Params& params) {
  const auto check = [](const BoundLemma& l) {
    return check_bound_lemma(l, {.bisection_steps = 5});
  };
  const SelectiveSsmBudget b = selective_ssm_budget(params);
  std::vector<LemmaResult> results;
  if (b.rho >= 1) {
    LemmaResult r;
    r.name = "selective-ssm.domain";
    r.kind = LemmaKind::Z3;
    r.verdict = LemmaVerdict::Refuted;
    r.statement = fmt::format("e_delta M = {} >= 1: the exp enclosure does not apply at p = {}",
                              format_bound(b.rho), params.p);
    results.push_back(r);
    return results;
  }
  const mpq_class u = b.u;
  {
    // delta: the softplus condition (enclosure) then softplus's own bound.
    BoundLemma l =
        chain_lemma("selective-ssm.delta", "Delta = softplus_p(round(v))", b.kappa, b.E_sp, "");
    l.note = fmt::format(
        "enclosure (trusted): |sp(v') - sp(v)| <= sigma(xi) |v' - v| <= sigma(v) e^|v'-v| u |v| "
        "<= sp(v) u V / (1 - u V) = {} sp(v) for |v| <= V = {} (sigma <= sp, sigma(xi) / sigma(v) "
        "<= e^|xi - v|, e^w <= 1 / (1 - w)); then E_sp = {}. {}",
        format_bound(b.kappa), b.V.get_str(), format_bound(b.E_sp), b.parts_note);
    results.push_back(check(l));
  }
  results.push_back(check(chain_lemma(
      "selective-ssm.abar", "Abar = discretize's exp(Delta' a)", b.r, b.E_A,
      fmt::format("enclosure (trusted): exp(Delta' a) / exp(Delta a) = e^w, |w| <= e_delta M = {} "
                  "(M = {} bounds Delta |a| on D_p), |e^w - 1| <= |w| / (1 - |w|) = {}; E_A = {} "
                  "(discretize.abar)",
                  format_bound(b.rho), b.M.get_str(), format_bound(b.r), format_bound(b.E_A)))));
  {
    const mpq_class phi = params.flag("euler") ? mpq_class(0) : b.r;
    const mpq_class pd = rel(phi, b.e_delta);
    results.push_back(check(product_lemma(
        "selective-ssm.bbar-phi-delta",
        params.flag("euler") ? "Delta' (euler: no phi factor)" : "phi(Delta' a) Delta'", phi,
        b.e_delta)));
    results.push_back(check(product_lemma("selective-ssm.bbar-b", "(phi Delta)' B'", pd, u)));
    results.push_back(check(chain_lemma(
        "selective-ssm.bbar", "Bbar = discretize's result", rel(pd, u), b.E_Bb,
        fmt::format("phi enclosure (trusted): (log phi)' = 1 / (1 - e^-z) - 1 / z lies in (0, 1), "
                    "so phi(z') / phi(z) is within e^|z' - z| - 1 <= {}; E_Bb = {} "
                    "(discretize.bbar, or u with --euler)",
                    format_bound(b.r), format_bound(b.E_Bb)))));
  }
  mpq_class power = 0;
  for (int k = 0; k < params.L - 1; ++k) {
    results.push_back(
        check(product_lemma(fmt::format("selective-ssm.term-factor-{}", k + 1),
                            "one more Abar factor of the longest term", power, b.e_A)));
    power = rel(power, b.e_A);
  }
  results.push_back(
      check(product_lemma("selective-ssm.term-bbar", "prod Abar times Bbar", power, b.e_Bb)));
  results.push_back(
      check(chain_lemma("selective-ssm.term", "term = round(prod Abar Bbar x)", rel(power, b.e_Bb),
                        u, "x exact; the scan's fprod block rounds once")));
  results.push_back(
      check(sum_lemma("selective-ssm.state", "h_t = round(sum_i term_i)", params.L, b.e_T, u)));
  results.push_back(check(output_lemma(params.N, b.e_h, u, b.e_y)));
  if (params.flag("skip")) {
    results.push_back(
        check(sum_lemma("selective-ssm.skip", "round(y + round(D_skip x))", 2, rel(b.e_y, u), u)));
  }
  if (params.flag("gate")) {
    const mpq_class before = params.flag("skip") ? b.e_s : b.e_y;
    results.push_back(
        check(product_lemma("selective-ssm.gate-product", "y silu_p(z)", before, b.E_silu)));
    results.push_back(
        check(chain_lemma("selective-ssm.gate", "round(y silu_p(z))", rel(before, b.E_silu), u,
                          "fmul rounds once; E_silu = silu.end-to-end (silu_budget)")));
  }
  {
    const auto start = std::chrono::steady_clock::now();
    const Measurement m = measure(params, b);
    LemmaResult r;
    r.name = "selective-ssm.measured";
    r.kind = LemmaKind::Measurement;
    r.claimed_bound = format_bound(b.total);
    r.tightest_bound = format_bound(m.worst);
    r.statement = fmt::format(
        "{} {} valid inputs, {} in D_{}: worst |y' - y| / S = {} <= {} (end-to-end); outputs with "
        "S = 0 not exactly 0: {}",
        m.exhaustive ? "every one of the" : "a sample of", m.points, m.in_domain, params.p,
        format_bound(m.worst), format_bound(b.total), m.zero_mismatch);
    r.witness = m.worst_at;
    r.verdict = m.in_domain > 0 && m.worst <= b.total && m.zero_mismatch == 0
                    ? LemmaVerdict::Proved
                    : LemmaVerdict::Refuted;
    if (m.in_domain == 0)
      r.note += fmt::format(
          "; D_{} holds no input of this layer at p = {} (the format's range is "
          "too narrow): nothing measured, reported as refuted",
          params.p, params.p);
    r.note =
        "y' by simulating the spec circuit (proved equal to the construction); y and S by "
        "MPFR at 256 bits (specs/ssm_layer_real.hpp); D_p as in selective_ssm_lemmas.hpp";
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    results.push_back(r);
  }
  return results;
}

}  // namespace tc
