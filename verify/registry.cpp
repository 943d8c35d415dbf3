// The component registry. Adding a component: write circuits/<name>.cpp and specs/<name>.cpp,
// then add one entry here.
#include "verify/registry.hpp"

#include "circuits/conv1d.hpp"
#include "circuits/conv_kernel.hpp"
#include "circuits/conv_ssm.hpp"
#include "circuits/discretize.hpp"
#include "circuits/exp.hpp"
#include "circuits/float_add.hpp"
#include "circuits/float_cmp.hpp"
#include "circuits/float_div.hpp"
#include "circuits/float_floor.hpp"
#include "circuits/float_hadamard.hpp"
#include "circuits/float_matmul.hpp"
#include "circuits/float_mul.hpp"
#include "circuits/float_prod.hpp"
#include "circuits/float_sum.hpp"
#include "circuits/int_add.hpp"
#include "circuits/int_cmp.hpp"
#include "circuits/int_iadd.hpp"
#include "circuits/int_mul.hpp"
#include "circuits/log.hpp"
#include "circuits/mamba.hpp"
#include "circuits/scan.hpp"
#include "circuits/selection.hpp"
#include "circuits/selective_ssm.hpp"
#include "circuits/silu.hpp"
#include "circuits/softplus.hpp"
#include "specs/conv.hpp"
#include "specs/conv1d.hpp"
#include "specs/discretize.hpp"
#include "specs/discretize_lemmas.hpp"
#include "specs/discretize_measure.hpp"
#include "specs/exp.hpp"
#include "specs/exp_lemmas.hpp"
#include "specs/exp_measure.hpp"
#include "specs/float_add.hpp"
#include "specs/float_cmp.hpp"
#include "specs/float_div.hpp"
#include "specs/float_floor.hpp"
#include "specs/float_hadamard.hpp"
#include "specs/float_matmul.hpp"
#include "specs/float_mul.hpp"
#include "specs/float_prod.hpp"
#include "specs/float_prod_reference.hpp"
#include "specs/float_reference.hpp"
#include "specs/float_sum.hpp"
#include "specs/float_sum_reference.hpp"
#include "specs/int_add.hpp"
#include "specs/int_cmp.hpp"
#include "specs/int_iadd.hpp"
#include "specs/int_mul.hpp"
#include "specs/int_reference.hpp"
#include "specs/log.hpp"
#include "specs/log_lemmas.hpp"
#include "specs/mamba.hpp"
#include "specs/rounded_sum_lemma.hpp"
#include "specs/scan.hpp"
#include "specs/scan_lemmas.hpp"
#include "specs/scan_reference.hpp"
#include "specs/selection.hpp"
#include "specs/selection_measure.hpp"
#include "specs/selective_ssm.hpp"
#include "specs/selective_ssm_lemmas.hpp"
#include "specs/silu.hpp"
#include "specs/silu_lemmas.hpp"
#include "specs/silu_measure.hpp"
#include "specs/softplus.hpp"
#include "specs/softplus_lemmas.hpp"
#include "specs/softplus_measure.hpp"
#include "specs/ssm_layer_real.hpp"

namespace tc {

namespace {

// fsum and matmul align their terms exactly over the whole exponent range, 2^E columns, so they
// default to a small exponent width instead of p + 1 (README, "Iterated float operations");
// --windows (circuits/float_sum_window.hpp) is polynomial in E but not the default: its proofs
// share no cut with the spec and stop at small sizes.
constexpr int kIteratedExponentBits = 4;
Params iterated(Params params) {
  if (params.e == 0) params.e = kIteratedExponentBits;
  return params;
}
constexpr const char* kIteratedSizeNote =
    "exponential in the exponent width E, polynomial in p and n for fixed E: every term is "
    "aligned exactly over all 2^E exponents (about p 2^E gates per term, a 2^E + p bit sum); "
    "hence the default E = 4, not p + 1 (with E = p + 1 the size is exponential in p). "
    "--windows is polynomial at every E (at E = p + 1, n = 4: 7,973 gates at p = 4, 19,407 at "
    "p = 8, 47,039 at p = 16) but stays a flag: without the shared exact-sum cut, SAT proves it "
    "only at small sizes (fsum p = 4, E = 5, n = 2; n = 3 no verdict in 7 CPU minutes)";

// With --windows scan and conv-ssm build past their p ranges (which bound the aligned blocks);
// the spec's blocks stay aligned, 2^(p+1) columns each, and p = 8 keeps them near 4 GiB at most.
// Sizes alone (the construction only, past p = 8) reach the float blocks' p <= 16.
constexpr int kSsmWindowsPMax = 8;
constexpr const char* kSsmWindowsMeaning =
    "every fsum and matmul block by cluster windows (polynomial at E = p + 1, so in p) instead "
    "of aligning its terms over all 2^E exponents; proved by SAT only at small sizes";

// Where cluster windows prove within one p of the aligned sums, the SSM parts build them by
// default: conv1d, conv-kernel, selection and the two layers (README, "The SSM layer at
// polynomial size"); --aligned keeps the exponent-aligned sums, exponential in p, for comparison
// (each part's own p limit). Their range holds the p that prove in minutes (e.g. at p = 6 mamba
// gives no verdict in 15 minutes, selective-ssm takes 11; conv1d and conv-kernel prove at their
// aligned limit, 6, in under 3 minutes); sizes alone build to p = 12 where softplus blocks
// stop them, conv-kernel to 16, conv1d to 30. scan and
// conv-ssm keep the aligned default: their windows prove only to p = 4 and 2.
constexpr int kWindowsStatsPMax = 12;
constexpr const char* kWindowsStatsLimit =
    "its softplus blocks stop at p = 12 (softplus builds exp and log at p + 4 <= 16)";
constexpr const char* kAlignedStatsLimit =
    "its fsum and matmul blocks are exponent-aligned over 2^(p + 1) columns";
// The significand product's telescoping column sums weigh up to 2^(2p - 1) per bit.
constexpr const char* kProductWeights =
    "at p = 31 the 2p-bit significand product's depth-2 column sums need weights totalling "
    "2^61 or more, the IR's bound";
constexpr const char* kAlignedMeaning =
    "every fsum and matmul block exponent-aligned over all 2^E columns (exponential in p; the "
    "former default, sharing the spec's exact-sum cuts)";
Params windows_by_default(Params params) {
  if (!params.flag("aligned")) params.flags.insert("windows");
  return params;
}

constexpr const char* kWindowsMeaning =
    "cluster windows (polynomial in p, n and E; depth 30, 29 at n = 2, matmul one more) instead "
    "of aligning every term over all 2^E exponents";

// conv1d with every weight an input proves by SAT only at p = 2 (each output's dot-product block
// has 5 float inputs and its SAT proof does not finish in minutes at p = 3), so its default
// weights are constants, as selective-ssm's and mamba's are; values exact at every p >= 2.
Params conv1d_defaults(Params params) {
  if (params.flag("weight-inputs") || !params.weights.empty()) return params;
  static const FloatConstant kTaps[] = {{1, -1}, {1, 0}, {3, -2}, {3, -1}};  // 0.5, 1, 0.75, 1.5
  const int per_tap = params.flag("dense") ? params.D * params.D : params.D;
  for (int k = 0; k < params.K; ++k)
    for (int i = 0; i < per_tap; ++i) params.weights["w"].push_back(kTaps[k % 4]);
  params.weights["bias"].assign(static_cast<size_t>(params.D), FloatConstant{1, -1});
  return params;
}

}  // namespace

const std::vector<Component>& all_components() {
  static const std::vector<Component> components = {
      // --- integer arithmetic (circuits/int_*.cpp, specs/int_*.cpp) ---------------------------
      {.name = "int-cmp",
       .description = "[a >= b] for p-bit unsigned a, b: one gate with weights +-2^i (depth 1)",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): integer comparison in TC^0, "
                "the core of float comparison",
       .params = {p_param(1, 16, 8)},
       .construction = int_cmp_construction,
       .spec = build_int_cmp_spec,
       .mutants = int_cmp_mutants(),
       .reference = int_cmp_reference,
       .depth = 1},
      {.name = "int-add",
       .description = "a + b for p-bit unsigned a, b (p+1 bits): telescoping sums, depth 2",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): integer addition in TC^0, "
                "the core of float addition",
       .params = {p_param(1, 16, 8)},
       .construction = int_add_construction,
       .spec = build_int_add_spec,
       .mutants = int_add_mutants(),
       .reference = int_add_reference,
       .depth = 2},
      {.name = "int-iadd",
       .description = "sum of n p-bit unsigned words (p + ceil(log2 n) bits): depth 2",
       .lemma = "paper Lemma 3.12 part 3 (Chiang Lemmas 10, 11): iterated integer addition in "
                "TC^0, the core of float iterated addition",
       .params = {p_param(1, 16, 8), {"n", 2, 8, 4, "number of operands"}},
       .construction = int_iadd_construction,
       .spec = build_int_iadd_spec,
       .mutants = int_iadd_mutants(),
       .reference = int_iadd_reference,
       .depth = 2},
      {.name = "int-mul",
       .description = "a * b for p-bit unsigned a, b (2p bits): partial products, then depth-2 "
                      "iterated addition (depth 3)",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): integer multiplication in "
                "TC^0, the core of float multiplication",
       .params = {p_param(1, 16, 8)},
       .construction = int_mul_construction,
       .spec = build_int_mul_spec,
       .mutants = int_mul_mutants(),
       .reference = int_mul_reference,
       .depth = 3,
       .stats_p_max = 30,
       .stats_limit = kProductWeights},
      // --- float arithmetic (circuits/float_*.cpp, specs/float_*.cpp) -----------------------
      {.name = "fadd",
       .description = "z = round_p(x + y): exact near-path sum per exponent difference, far "
                      "operands pass through, normalize by selection, round to nearest even",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): float addition in TC^0",
       .params = {p_param(2, 24, 8), e_param(0, 25)},
       .construction = float_add_construction,
       .spec = build_float_add_spec,
       .mutants = float_add_mutants(),
       .reference = float_add_reference,
       .depth = 8,
       .stats_p_max = 29,
       .stats_limit = "at p = 30 its gates over (2p + 1)-bit words (the magnitude keys 2^p e + m, "
                      "the near path's sums) need weights totalling 2^61 or more, the IR's bound"},
      {.name = "fmul",
       .description = "z = round_p(x * y): depth-3 significand product, exponent sum as a linear "
                      "form, normalize by selection, round to nearest even",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): float multiplication in TC^0",
       .params = {p_param(2, 16, 8), e_param()},
       .construction = float_mul_construction,
       .spec = build_float_mul_spec,
       .mutants = float_mul_mutants(),
       .reference = float_mul_reference,
       .depth = 7,
       .stats_p_max = 30,
       .stats_limit = kProductWeights},
      {.name = "fcmp",
       .description = "le = [x <= y], eq = [x = y]: magnitude keys compared by single gates, "
                      "sign and zero cases folded in (depth 2)",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): float comparison in TC^0",
       .params = {p_param(2, 16, 8), e_param()},
       .construction = float_cmp_construction,
       .spec = build_float_cmp_spec,
       .mutants = float_cmp_mutants(),
       .reference = float_cmp_reference,
       .depth = 2,
       .stats_p_max = 28,
       .stats_limit = "at p = 29 the one-gate comparison of the (2p + 1)-bit keys 2^p e + m needs "
                      "weights totalling 2^61 or more, the IR's bound"},
      {.name = "ffloor",
       .description = "z = floor(x) as a float: one case per shift (ceiling for negatives), "
                      "normalize by selection; integers pass through",
       .lemma = "paper Lemma 3.12 (Chiang Lemmas 10, 11): floor of a float in TC^0",
       .params = {p_param(2, 16, 8), e_param()},
       .construction = float_floor_construction,
       .spec = build_float_floor_spec,
       .mutants = float_floor_mutants(),
       .reference = float_floor_reference,
       .depth = 8},
      {.name = "fdiv",
       .description = "z = round_p(x / y), div_by_zero = [y = 0]: quotient from a 2^k-entry "
                      "reciprocal table and a truncated series 1 + t + .. + t^(m-1) (powers by "
                      "int_power), corrected by one comparison [X - (Q0 + 1) Y >= 0], sticky from "
                      "the remainder tests, round to nearest even",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): float division in TC^0",
       .params = {p_param(2, 16, 8), e_param()},
       .flags = {{"thermometer",
                  "the thermometer quotient (one comparison per candidate, "
                  "exponential size) instead of the series quotient"}},
       .construction = float_div_construction,
       .spec = build_float_div_spec,
       .mutants = float_div_mutants(),
       .reference = float_div_reference,
       .depth = 18,
       .size_note = "polynomial in p (1,549 gates at p = 8, 5,553 at p = 16) for p <= 16; "
                    "int_power's int64 CRT weights cap the powers' widths, which grow like "
                    "p^2 / log p; --thermometer is exponential (394,590 gates at p = 16)",
       .stats_p_max = 21,
       .stats_limit = "at p = 22 the series quotient's weights leave int64"},
      // --- iterated sums (circuits/float_sum*.cpp, float_matmul.cpp, specs/ likewise) -------
      {.name = "fsum",
       .description = "z = round_p(x0 + ... + x(n-1)): exact alignment over all exponents, "
                      "block-sum iterated addition with carry-lookahead, one rounding (depth 20)",
       .lemma = "paper Lemma 3.12 part 3 (Chiang Lemma 11): iterated float addition in TC^0",
       .params = {p_param(2, 16, 6),
                  {"n", 2, 8, 4, "number of operands"},
                  e_param(kIteratedExponentBits)},
       .flags = {{"windows", kWindowsMeaning}},
       .construction = [](const Params& p) { return float_sum_construction(iterated(p)); },
       .spec = [](const Params& p) { return build_float_sum_spec(iterated(p)); },
       .mutants = float_sum_mutants(),
       .reference =
           [](const Params& p, const std::vector<std::vector<bool>>& in) {
             return float_sum_reference(iterated(p), in);
           },
       .lemmas = rounded_sum_lemmas,
       .size_note = kIteratedSizeNote},
      {.name = "matmul",
       .description =
           "Z = A B, (--rows x --n) times (--n x --cols): exact significand products, "
           "each entry one exact aligned sum (shared with fsum), rounded once (depth 23)",
       .lemma = "paper Lemma 3.16 (Chiang Lemma 4.2): matrix multiplication in TC^0",
       .params = {p_param(2, 16, 4),
                  {"n", 2, 8, 2, "inner dimension (terms per entry)"},
                  {"rows", 1, 8, 2, "rows of the left matrix"},
                  {"cols", 1, 8, 2, "columns of the right matrix"},
                  e_param(kIteratedExponentBits)},
       .flags = {{"windows", kWindowsMeaning}},
       .construction = [](const Params& p) { return float_matmul_construction(iterated(p)); },
       .spec = [](const Params& p) { return build_float_matmul_spec(iterated(p)); },
       .mutants = float_matmul_mutants(),
       .reference =
           [](const Params& p, const std::vector<std::vector<bool>>& in) {
             return float_matmul_reference(iterated(p), in);
           },
       .plain_miter_practical = false,
       .size_note = kIteratedSizeNote,
       .stats_p_max = 30,
       .stats_limit = kProductWeights},
      // --- iterated float products (circuits/float_prod.cpp, float_hadamard.cpp, int_crt.cpp) --
      {.name = "fprod",
       .description = "z = round_p(x0 * ... * x(n-1)): significand product by Chinese remaindering "
                      "(int64 column sums, depth 5, for n p <= 56; beyond, the wide one: GMP "
                      "constants and a block adder, depth 10), sticky from trailing zeros, "
                      "exponent sum as a linear form, one rounding (depth 9 for n p <= 56, 14 "
                      "beyond)",
       .lemma = "paper Lemma 3.12 part 3 (Chiang Lemma 11): iterated float multiplication in TC^0",
       .params = {p_param(2, 16, 4), {"n", 2, 8, 3, "number of operands"}, e_param()},
       .flags = {{"wide-crt",
                  "the wide significand product (weights below a thousand, depth 14) "
                  "at every n p, not only past 56"}},
       .construction = float_prod_construction,
       .spec = build_float_prod_spec,
       .mutants = float_prod_mutants(),
       .reference = float_prod_reference,
       .plain_miter_practical = false,
       .depth_note = "9 while n p <= 56; 14 beyond, where the narrow product's column sums would "
                     "pass the IR's 2^61 weight bound and the wide product takes over (at every "
                     "n p with --wide-crt)"},
      {.name = "hadamard",
       .description = "z_i = round_p(x_i * y_i) for vectors of n floats: n float multiplications "
                      "side by side (depth 7 at every n and p)",
       .lemma = "paper Lemma B.1 (with Lemma 3.12): the Hadamard product in TC^0",
       .params = {p_param(2, 16, 8), {"n", 2, 8, 4, "number of operands"}, e_param()},
       .construction = float_hadamard_construction,
       .spec = build_float_hadamard_spec,
       .mutants = float_hadamard_mutants(),
       .reference = float_hadamard_reference,
       .stats_p_max = 30,
       .stats_limit = kProductWeights},
      // --- elementary functions (circuits/log.cpp, specs/log*.cpp) --------------------------
      {.name = "log",
       .description =
           "z ~ ln x, domain_error = [x <= 0]: x = r 2^k with r in [3/4, 3/2), N "
           "rounded Taylor terms of ln r at q fractional bits, plus k ln 2, rounded once",
       .lemma = "Mamba paper Lemma 4.1 / B.3 (log by Taylor series in TC^0); error lemmas by Z3",
       // p = 2 is left out: there log.pre-rounding.k is refuted (k relaxed to the reals, witness
       // k = -129/128, t = 7/16), so no claim is made at that width.
       .params = {p_param(3, 12, 8)},
       .flags = {{"tabulated",
                  "log: every Taylor term tabulated over a thermometer of the p - 1 low "
                  "significand bits (exponential size, depth 11) instead of the powers |T|^i "
                  "by iterated multiplication (Chinese remaindering; polynomial size)"}},
       .construction = log_construction,
       .spec = build_log_spec,
       .mutants = log_mutants(),
       .reference = log_reference,
       .lemmas = log_lemmas,
       .depth = 23,
       .size_note = "polynomial in p, about p^4 (gates x9.2 from p = 4 to 8, x14.7 from 6 to 12): "
                    "the exact powers y^i are N (p - 2) bits wide and rebuilt from their CRT "
                    "residues (17,225 gates at p = 8, 85,749 and 4,678,375 wires at p = 12); "
                    "--tabulated is exponential (a thermometer of 2^(p-1) - 1 gates) but "
                    "smaller at these widths (5,093 gates at p = 12)",
       .stats_p_max = 17,
       .stats_limit =
           "at p = 18 a gate's weights total 2^61 or more (2^59.5 at p = 17), the IR's bound"},
      {.name = "exp",
       .description =
           "z ~ e^x: x = k ln 2 + r (k by a rounded 1/ln 2, r at q = p + 6 fractional "
           "bits), degree-N Taylor polynomial of e^r (powers by int_power), scaled by 2^k, "
           "rounded once; |x| >= 2^p saturates to max or flushes to 0",
       .lemma = "paper Lemma 3.14 (Chiang Lemma 12): exp with relative error 2^-p in TC^0; "
                "error lemmas by Z3, exhaustive measurement against MPFR",
       .params = {p_param(2, 16, 8)},
       .construction = exp_construction,
       .spec = build_exp_spec,
       .mutants = exp_mutants(),
       .reference = exp_reference,
       .lemmas = exp_lemmas,
       .plain_miter_practical = false,
       .stats_p_max = 16,
       .stats_limit = "its spec's design holds p <= 16 (the construction's CRT weights reach "
                      "2^59.5 at p = 17 and pass 2^61 at 18)"},
      {.name = "silu",
       .description = "z ~ x / (1 + e^-x): x widened to p1 = p + 3 bits, y = exp(-x) (the exp "
                      "construction), s = 1 + y (fadd) and x / s (fdiv) at p1, narrowed to p by "
                      "one rounding",
       .lemma = "Mamba paper Lemma B.5 (SiLU by the division construction); exp's lemmas at p1 "
                "and silu's chain by Z3, exhaustive measurement against MPFR",
       .params = {p_param(2, 12, 8)},
       .construction = silu_construction,
       .spec = build_silu_spec,
       .mutants = silu_mutants(),
       .reference = silu_reference,
       .lemmas = silu_lemmas,
       .stats_p_max = 13,
       .stats_limit = "its exp block is built at p + 3 <= 16, exp's bound"},
      {.name = "softplus",
       .description =
           "z ~ ln(1 + e^x): y = exp(-|x|), s = 1 + y, d = s - 1, l = y (d = 0) or "
           "log(s) * (y / d) (Kahan's log1p), w = x + l for x >= 0 else l, all at "
           "p1 = p + 4 with the exp, log, fadd, fdiv, fmul constructions; narrowed to p once",
       .lemma = "Mamba paper Lemma B.4 (softplus in TC^0); exp's and log's lemmas at p1 and "
                "softplus's chain by Z3, exhaustive measurement against MPFR",
       .params = {p_param(2, 12, 8)},
       .construction = softplus_construction,
       .spec = build_softplus_spec,
       .mutants = softplus_mutants(),
       .reference = softplus_reference,
       .lemmas = softplus_lemmas,
       .size_note = "polynomial in p through its blocks at p1 = p + 4 (log's powers, about "
                    "p^4, dominate: 107,362 gates at p = 8, 325,801 and 29 million wires at "
                    "p = 12, where the build needs about 3 GB)",
       .stats_p_max = 12,
       .stats_limit = "its exp and log blocks are built at p + 4 <= 16, exp's bound"},
      {.name = "conv1d",
       .description = "causal 1-D convolution y_t,d = round(sum_k w_k x_(t-K+1+k) + bias_d), zero "
                      "padding on the left (unwired taps), one exact sum rounded once per output "
                      "(a matmul block each, its terms summed by cluster windows; --aligned: "
                      "exponent-aligned)",
       .lemma = "Mamba paper Def 3.18, Lemmas B.8 (indexing: wiring) and B.9 (1-D convolution)",
       .params = {p_param(2, 6, 4),
                  {"L", 1, 6, 3, "sequence length"},
                  {"D", 1, 2, 1, "channels"},
                  {"K", 1, 4, 2, "kernel size (Mamba: 4)"}},
       .flags = {{"dense",
                  "the paper's form: every output channel reads every input channel, "
                  "weights w<k>_<d>_<e> (default: depthwise, Mamba's, w<k>_<d>)"},
                 {"weight-inputs",
                  "every weight a circuit input (the proof covers every weight; "
                  "by SAT it finishes at p = 2 only)"},
                 {"aligned", kAlignedMeaning, 6}},
       .weights = "w (K x D, dense K x D x D, row-major), bias (D); without a file: taps 0.5, 1, "
                  "0.75, 1.5 by k, bias 0.5 (--weight-inputs: every weight a circuit input)",
       .construction =
           [](const Params& p) {
             return conv1d_construction(windows_by_default(conv1d_defaults(p)));
           },
       .spec = [](const Params& p) { return build_conv1d_spec(conv1d_defaults(p)); },
       .mutants = conv1d_mutants(),
       .reference =
           [](const Params& p, const std::vector<std::vector<bool>>& in) {
             return conv1d_reference(conv1d_defaults(p), in);
           },
       .plain_miter_practical = false,
       .depth_note = "30 at every p (the windows); --aligned: at most 23 (matmul's), 23 with "
                     "--weight-inputs at every p and L, while constant weights fold 2 to 4 "
                     "layers, as many as their bits allow (the defaults: 19, 19, 20, 21, 21 at "
                     "p = 2..6)",
       .stats_p_max = 30,
       .stats_limit = kProductWeights},
      {.name = "selection",
       .description = "Mamba's selection: B_t = x_t W_B, C_t = x_t W_C (exact dot products rounded "
                      "once), delta_t = softplus(round(x_t W_delta + b_delta)) with the softplus "
                      "construction as one block; sums by cluster windows (--aligned: "
                      "exponent-aligned)",
       .lemma = "Mamba paper Def 3.21, Lemma B.10 (selection functions); delta's composed error "
                "(affine rounding times softplus's conditioning) measured against MPFR",
       .params = {p_param(2, 4, 3),
                  {"L", 1, 4, 2, "sequence length"},
                  {"D", 1, 2, 1, "channels"},
                  {"N", 1, 3, 2, "state size"}},
       .flags = {{"paper",
                  "the paper's (Gu and Dao's) delta = softplus(b + Broadcast_D(x_t W_delta)): "
                  "W_delta is D x 1, b_delta one scalar, one softplus per time step copied "
                  "to every channel"},
                 {"aligned", kAlignedMeaning, 5}},
       .weights = "W_B (D x N), W_C (D x N), W_delta (D x D; paper D x 1), b_delta (D; paper 1), "
                  "row-major; without a file every weight is a circuit input",
       .construction =
           [](const Params& p) { return selection_construction(windows_by_default(p)); },
       .spec = build_selection_spec,
       .mutants = selection_mutants(),
       .reference = selection_reference,
       .lemmas = selection_lemmas,
       .depth_note =
           "108, 107, 108 at p = 2..4, default sizes (107 at p = 5, 6; 106 at p = 8): every "
           "block has constant depth, but which output bit of a block arrives last "
           "shifts with p; --aligned: 101 (99 at p <= 3)",
       .stats_p_max = kWindowsStatsPMax,
       .stats_limit = kWindowsStatsLimit},
      {.name = "discretize",
       .description = "SSM discretization, diagonal A, one channel: z_i = Delta a_i (fmul), "
                      "Abar_i = exp(z_i), Bbar_i = (Delta phi(z_i)) b_i with phi(z) = (e^z - 1)/z "
                      "(exp, fadd, fdiv above |z| = 2^-t, a degree-3 series below), all at "
                      "p1 = p + 4 with the fmul, exp, fadd, fdiv constructions, narrowed to p once",
       .lemma = "paper Def A.4, Lemma B.2: discretization (zero-order hold) in TC^0; exp's "
                "lemmas at p1 and the Abar/phi/Bbar chain by Z3, measurement against MPFR",
       .params = {p_param(2, 6, 4), {"N", 1, 4, 2, "state size"}},
       .flags = {{"euler", "Bbar = Delta b (Mamba's code) instead of the zero-order hold"}},
       .construction = discretize_construction,
       .spec = build_discretize_spec,
       .mutants = discretize_mutants(),
       .reference = discretize_reference,
       .lemmas = discretize_lemmas,
       .stats_p_max = 12,
       .stats_limit = "its exp blocks are built at p + 4 <= 16, exp's bound"},
      // --- SSM scan and convolution (circuits/scan.cpp, conv_kernel.cpp, conv_ssm.cpp,
      //     specs/scan*.cpp) ----------------------------------------------------------------
      {.name = "scan",
       .description = "selective SSM recurrence of one channel, y_t = C_t . h_t, h_t = Abar_t "
                      "h_(t-1) + Bbar_t x_t: closed form, each term an fprod block, each state an "
                      "fsum block, each y_t a matmul (exact dot) block; --recurrent: fmul/fadd "
                      "per step",
       .lemma = "Mamba paper Def A.5/A.6, Lemmas B.6 and 4.2; Z3 one-step lemma of the rounded "
                "recurrence composed over L, closed-form and output lemmas, sampled measurement",
       .params = {p_param(2, 6, 4),
                  {"L", 2, 6, 3, "sequence length"},
                  {"N", 1, 3, 2, "state size"}},
       .flags = {{"recurrent",
                  "the literal rounded recurrence (fmul, fmul, fadd per step) "
                  "instead of the constant-depth closed form"},
                 {"windows", kSsmWindowsMeaning, kSsmWindowsPMax, kSsmPMaxWindows}},
       .construction = scan_construction,
       .spec = build_scan_spec,
       .mutants = scan_mutants(),
       .reference = scan_reference,
       .lemmas = scan_lemmas,
       .plain_miter_practical = false,
       .depth_note = "closed form (default): the same at every p and L (fprod + fsum + matmul) "
                     "while its fprod blocks of L + 1 operands have (L + 1) p <= 56; 5 more "
                     "beyond, where they take the wide product (--windows at p >= 15 for L = 3, "
                     "73 at p = 16); --recurrent: grows linearly in L (one fmul and one fadd per "
                     "step)",
       .size_note =
           "exponential in the exponent width E = p + 1 (fsum and matmul align over "
           "2^E columns), so exponential in p"
           "; --windows makes every fsum and matmul block polynomial in E: 19,957 / 45,875 gates "
           "at p = 4 / 8 (130,252 at p = 16, sizes alone past the flag's proofs to p <= 8)",
       .stats_p_max = 6,
       .stats_limit = kAlignedStatsLimit},
      {.name = "conv-kernel",
       .description = "SSM convolution kernel K_k = sum_n C_n Abar_n^k Bbar_n, k < L: each "
                      "product an fprod block (rounded once), the sum over n an fsum block by "
                      "cluster windows (--aligned: exponent-aligned)",
       .lemma = "Mamba paper Def A.7, Lemma B.7",
       .params = {p_param(2, 6, 4), {"L", 2, 6, 3, "kernel length"}, {"N", 1, 3, 2, "state size"}},
       .flags = {{"aligned", kAlignedMeaning, 6}},
       .construction =
           [](const Params& p) { return conv_kernel_construction(windows_by_default(p)); },
       .spec = build_conv_kernel_spec,
       .mutants = conv_kernel_mutants(),
       .reference = conv_kernel_reference,
       .plain_miter_practical = false,
       .depth_note = "38 while its fprod blocks of L + 1 operands have (L + 1) p <= 56; 43 beyond, "
                     "where they take the wide product (p >= 15 at L = 3)",
       .stats_p_max = kSsmPMaxWindows,
       .stats_limit = "its builder holds p <= 16, the float blocks' range"},
      {.name = "conv-ssm",
       .description = "time-invariant SSM as a convolution, y_t = sum_(k<=t) K_k x_(t-k), K from "
                      "conv-kernel, each y_t a matmul (exact dot) block; not valid for the "
                      "selective model",
       .lemma = "Mamba paper Def A.8, Lemma 4.3 (Theorem 4.4's convolution route, LTI only)",
       .params = {p_param(2, 6, 4),
                  {"L", 2, 6, 3, "sequence length"},
                  {"N", 1, 3, 2, "state size"}},
       .flags = {{"windows", kSsmWindowsMeaning, kSsmWindowsPMax, kSsmPMaxWindows}},
       .construction = conv_ssm_construction,
       .spec = build_conv_ssm_spec,
       .mutants = conv_ssm_mutants(),
       .reference = conv_ssm_reference,
       .plain_miter_practical = false,
       .depth_note = "the same at every p and L while its kernel's fprod blocks of L + 1 operands "
                     "have (L + 1) p <= 56; 5 more beyond (--windows at p >= 15 for L = 3, 73 "
                     "at p = 16)",
       .size_note =
           "exponential in the exponent width E = p + 1 (fsum and matmul align over "
           "2^E columns)"
           "; --windows makes every fsum and matmul block polynomial in E: 14,562 / 34,742 gates "
           "at p = 4 / 8 (101,740 at p = 16, sizes alone past the flag's proofs to p <= 8)",
       .stats_p_max = 6,
       .stats_limit = kAlignedStatsLimit},
      // --- SSM layers (circuits/selective_ssm.cpp, circuits/mamba.cpp) --------------------
      {.name = "selective-ssm",
       .description = "the selective SSM layer: selection -> discretize (per t, d) -> scan (per "
                      "channel), optional skip (y + D x) and gate (y silu(z)); the parts' "
                      "constructions composed, every sum by cluster windows (--aligned: "
                      "exponent-aligned)",
       .lemma = "paper Theorem 4.4 (Def 3.22); end-to-end error against the real-valued layer "
                "composed from the parts' bounds by Z3, MPFR measurement",
       .params = {p_param(2, 5, 3),
                  {"L", 2, 4, 2, "sequence length"},
                  {"N", 1, 3, 1, "state size"},
                  {"D", 1, 2, 1, "channels"}},
       .flags = {{"euler", "Bbar = Delta B (Mamba's code) instead of the zero-order hold"},
                 {"skip", "y + D_skip x (Mamba's D term)"},
                 {"gate", "y silu(z), with an input sequence z<t>_<d>"},
                 {"weight-inputs",
                  "every weight a circuit input (needs SAT) instead of the "
                  "documented defaults"},
                 {"aligned", kAlignedMeaning, 4}},
       .weights = "W_B (D x N), W_C (D x N), W_delta (D x D), b_delta (D), A (D x N), D_skip (D, "
                  "with --skip); without the file: W_B = 0.75, W_C = 1.5, W_delta = 1.5 diagonal "
                  "/ 0.5, b_delta = -0.5, A_d,n = -(n + 1), D_skip = 1",
       .construction =
           [](const Params& p) {
             return selective_ssm_construction(
                 windows_by_default(selective_ssm_with_default_weights(p)));
           },
       .spec =
           [](const Params& p) {
             return build_selective_ssm_spec(selective_ssm_with_default_weights(p));
           },
       .mutants = selective_ssm_mutants(),
       .reference =
           [](const Params& p, const std::vector<std::vector<bool>>& in) {
             return selective_ssm_reference(selective_ssm_with_default_weights(p), in);
           },
       .lemmas =
           [](const Params& p) {
             return selective_ssm_lemmas(selective_ssm_with_default_weights(p));
           },
       .plain_miter_practical = false,
       .depth_note =
           "222, 224, 224, 226 at p = 2..5, default sizes (227 at p = 8): every block has constant "
           "depth, but which output bit of a block arrives last shifts with p, so the "
           "composite moves by a few layers; --aligned: 208 at p = 2, 209 at 3 and 4",
       .stats_p_max = kWindowsStatsPMax,
       .stats_limit = kWindowsStatsLimit},
      {.name = "mamba",
       .description = "one Mamba block: u = x W_in, z = x W_z, causal conv1d, SiLU, selective SSM "
                      "with skip and silu(z) gate, output projection; the parts composed, every "
                      "sum by cluster windows (--aligned: exponent-aligned)",
       .lemma = "paper Theorem 4.5 (Def 3.24)",
       .params = {p_param(2, 5, 3),
                  {"L", 2, 3, 2, "sequence length"},
                  {"N", 1, 2, 1, "state size"},
                  {"D", 1, 2, 1, "model width (= inner width)"},
                  {"K", 1, 4, 2, "convolution taps"}},
       .flags = {{"euler", "Bbar = Delta B (Mamba's code) instead of the zero-order hold"},
                 {"weight-inputs",
                  "every weight a circuit input (needs SAT) instead of the "
                  "documented defaults"},
                 {"aligned", kAlignedMeaning, 4}},
       .weights = "W_in, W_z (D x D), W_conv (K x D), b_conv (D), the SSM's W_B, W_C, W_delta, "
                  "b_delta, A, D_skip, W_out (D x D); defaults in specs/mamba.hpp",
       .construction =
           [](const Params& p) {
             return mamba_construction(windows_by_default(mamba_with_default_weights(p)));
           },
       .spec = [](const Params& p) { return build_mamba_spec(mamba_with_default_weights(p)); },
       .mutants = mamba_mutants(),
       .reference =
           [](const Params& p, const std::vector<std::vector<bool>>& in) {
             return mamba_reference(mamba_with_default_weights(p), in);
           },
       .plain_miter_practical = false,
       .depth_note =
           "348, 354, 354, 358 at p = 2..5, default sizes (359 at p = 8): every block has constant "
           "depth, but which output bit of a block arrives last shifts with p, so the "
           "composite moves by a few layers; --aligned: 327 at p = 2, 328 at 3 and 4",
       .stats_p_max = kWindowsStatsPMax,
       .stats_limit = kWindowsStatsLimit},
  };
  return components;
}

const Component* find_component(const std::string& name) {
  for (const auto& c : all_components())
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace tc
