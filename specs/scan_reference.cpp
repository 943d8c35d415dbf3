// Exact models of scan, conv-kernel and conv-ssm (see scan_reference.hpp).
#include "specs/scan_reference.hpp"

#include <fmt/core.h>

#include "specs/float_exact.hpp"
#include "specs/float_exact_prod.hpp"
#include "specs/float_exact_sum.hpp"

namespace tc {

namespace {

// Rounds x once and records whether it left the range where rounding is relative (|d| <= u).
FloatValue round_tracked(const mpq_class& x, FloatFormat f, bool& out_of_range) {
  const mpq_class a = abs(x);
  if (a != 0 && (a < value(float_min(f)) || a > value(float_max(f)))) out_of_range = true;
  return round_to_float(x, f);
}

std::vector<FloatValue> decode_row(const std::vector<std::vector<bool>>& words, size_t& next,
                                   int count, FloatFormat f) {
  std::vector<FloatValue> row;
  for (int i = 0; i < count; ++i) row.push_back(float_from_bits(words.at(next++), f));
  return row;
}

std::string exact_text(const mpq_class& q, FloatFormat f) {
  return fmt::format("exact {} = {:.6g}, round_p = {}", q.get_str(), q.get_d(),
                     float_to_string(round_to_float(q, f)));
}

}  // namespace

ScanInputs scan_inputs(const Params& params, const std::vector<std::vector<bool>>& words) {
  const FloatFormat f = float_format(params);
  ScanInputs in;
  size_t next = 0;
  for (auto* grid : {&in.A, &in.B, &in.C})
    for (int t = 0; t < params.L; ++t) grid->push_back(decode_row(words, next, params.N, f));
  in.x = decode_row(words, next, params.L, f);
  return in;
}

std::vector<std::vector<bool>> scan_words(const ScanInputs& in, FloatFormat f) {
  std::vector<std::vector<bool>> words;
  for (const auto* grid : {&in.A, &in.B, &in.C})
    for (const auto& row : *grid)
      for (const FloatValue& v : row) words.push_back(float_to_bits(v, f));
  for (const FloatValue& v : in.x) words.push_back(float_to_bits(v, f));
  return words;
}

ScanTrace scan_closed_model(const ScanInputs& in, FloatFormat f) {
  const int L = static_cast<int>(in.x.size()), N = static_cast<int>(in.A[0].size());
  ScanTrace tr;
  tr.h.assign(L, std::vector<FloatValue>(N));
  for (int t = 0; t < L; ++t) {
    for (int n = 0; n < N; ++n) {
      mpq_class sum = 0;
      for (int i = 0; i <= t; ++i) {
        mpq_class product = value(in.B[i][n]) * value(in.x[i]);
        for (int j = i + 1; j <= t; ++j) product *= value(in.A[j][n]);
        sum += value(round_tracked(product, f, tr.out_of_range));
      }
      tr.h[t][n] = round_tracked(sum, f, tr.out_of_range);
    }
    mpq_class dot = 0;
    for (int n = 0; n < N; ++n) dot += value(in.C[t][n]) * value(tr.h[t][n]);
    tr.y.push_back(round_tracked(dot, f, tr.out_of_range));
  }
  return tr;
}

ScanTrace scan_recurrent_model(const ScanInputs& in, FloatFormat f) {
  const int L = static_cast<int>(in.x.size()), N = static_cast<int>(in.A[0].size());
  ScanTrace tr;
  tr.h.assign(L, std::vector<FloatValue>(N));
  for (int t = 0; t < L; ++t) {
    for (int n = 0; n < N; ++n) {
      const FloatValue bx = round_tracked(value(in.B[t][n]) * value(in.x[t]), f, tr.out_of_range);
      if (t == 0) {
        tr.h[t][n] = bx;
        continue;
      }
      const FloatValue ah =
          round_tracked(value(in.A[t][n]) * value(tr.h[t - 1][n]), f, tr.out_of_range);
      tr.h[t][n] = round_tracked(value(ah) + value(bx), f, tr.out_of_range);
    }
    mpq_class dot = 0;
    for (int n = 0; n < N; ++n) dot += value(in.C[t][n]) * value(tr.h[t][n]);
    tr.y.push_back(round_tracked(dot, f, tr.out_of_range));
  }
  return tr;
}

ScanExact scan_exact(const ScanInputs& in) {
  const int L = static_cast<int>(in.x.size()), N = static_cast<int>(in.A[0].size());
  ScanExact ex;
  ex.h.assign(L, std::vector<mpq_class>(N));
  ex.M = ex.h;
  for (int t = 0; t < L; ++t) {
    mpq_class y = 0, S = 0;
    for (int n = 0; n < N; ++n) {
      const mpq_class bx = value(in.B[t][n]) * value(in.x[t]);
      const mpq_class a = value(in.A[t][n]);
      ex.h[t][n] = t == 0 ? bx : a * ex.h[t - 1][n] + bx;
      ex.M[t][n] = abs(bx);
      if (t > 0) ex.M[t][n] += abs(a) * ex.M[t - 1][n];
      y += value(in.C[t][n]) * ex.h[t][n];
      S += abs(value(in.C[t][n])) * ex.M[t][n];
    }
    ex.y.push_back(y);
    ex.S.push_back(S);
  }
  return ex;
}

ConvInputs conv_inputs(const Params& params, const std::vector<std::vector<bool>>& words,
                       bool with_x) {
  const FloatFormat f = float_format(params);
  ConvInputs in;
  size_t next = 0;
  in.A = decode_row(words, next, params.N, f);
  in.B = decode_row(words, next, params.N, f);
  in.C = decode_row(words, next, params.N, f);
  if (with_x) in.x = decode_row(words, next, params.L, f);
  return in;
}

std::vector<std::vector<bool>> conv_words(const ConvInputs& in, FloatFormat f, bool with_x) {
  std::vector<std::vector<bool>> words;
  for (const auto* row : {&in.A, &in.B, &in.C})
    for (const FloatValue& v : *row) words.push_back(float_to_bits(v, f));
  if (with_x)
    for (const FloatValue& v : in.x) words.push_back(float_to_bits(v, f));
  return words;
}

std::vector<FloatValue> conv_kernel_model(const ConvInputs& in, int L, FloatFormat f) {
  std::vector<FloatValue> K;
  for (int k = 0; k < L; ++k) {
    std::vector<FloatValue> products;
    for (size_t n = 0; n < in.A.size(); ++n) {
      std::vector<FloatValue> ops{in.C[n]};
      ops.insert(ops.end(), k, in.A[n]);
      ops.push_back(in.B[n]);
      products.push_back(exact_prod(ops, f));
    }
    K.push_back(exact_sum(products, f));
  }
  return K;
}

std::vector<FloatValue> conv_ssm_model(const ConvInputs& in, int L, FloatFormat f) {
  const std::vector<FloatValue> K = conv_kernel_model(in, L, f);
  std::vector<FloatValue> y;
  for (int t = 0; t < L; ++t) {
    std::vector<FloatValue> taps, samples;
    for (int k = 0; k <= t; ++k) {
      taps.push_back(K[k]);
      samples.push_back(in.x[t - k]);
    }
    y.push_back(exact_dot(taps, samples, f));
  }
  return y;
}

std::vector<mpq_class> conv_kernel_exact(const ConvInputs& in, int L) {
  std::vector<mpq_class> K;
  for (int k = 0; k < L; ++k) {
    mpq_class s = 0;
    for (size_t n = 0; n < in.A.size(); ++n) {
      mpq_class term = value(in.C[n]) * value(in.B[n]);
      for (int j = 0; j < k; ++j) term *= value(in.A[n]);
      s += term;
    }
    K.push_back(s);
  }
  return K;
}

std::vector<mpq_class> conv_ssm_exact(const ConvInputs& in, int L) {
  const std::vector<mpq_class> K = conv_kernel_exact(in, L);
  std::vector<mpq_class> y;
  for (int t = 0; t < L; ++t) {
    mpq_class s = 0;
    for (int k = 0; k <= t; ++k) s += K[k] * value(in.x[t - k]);
    y.push_back(s);
  }
  return y;
}

std::vector<std::string> scan_reference(const Params& params,
                                        const std::vector<std::vector<bool>>& words) {
  const FloatFormat f = float_format(params);
  const ScanInputs in = scan_inputs(params, words);
  const ScanExact ex = scan_exact(in);
  const ScanTrace closed = scan_closed_model(in, f), rec = scan_recurrent_model(in, f);
  const bool recurrent = params.flag("recurrent");
  std::vector<std::string> lines;
  for (size_t t = 0; t < ex.y.size(); ++t)
    lines.push_back(fmt::format(
        "{} (real recurrence); algorithm ({}) = {}, the other form = {}{}", exact_text(ex.y[t], f),
        recurrent ? "recurrent" : "closed form", float_to_string((recurrent ? rec : closed).y[t]),
        float_to_string((recurrent ? closed : rec).y[t]),
        closed.out_of_range || rec.out_of_range ? " (some block overflows or underflows)" : ""));
  return lines;
}

std::vector<std::string> conv_kernel_reference(const Params& params,
                                               const std::vector<std::vector<bool>>& words) {
  const FloatFormat f = float_format(params);
  const ConvInputs in = conv_inputs(params, words, false);
  const std::vector<mpq_class> K = conv_kernel_exact(in, params.L);
  const std::vector<FloatValue> model = conv_kernel_model(in, params.L, f);
  std::vector<std::string> lines;
  for (int k = 0; k < params.L; ++k)
    lines.push_back(fmt::format("{}; algorithm (rounded products, rounded sum) = {}",
                                exact_text(K[k], f), float_to_string(model[k])));
  return lines;
}

std::vector<std::string> conv_ssm_reference(const Params& params,
                                            const std::vector<std::vector<bool>>& words) {
  const FloatFormat f = float_format(params);
  const ConvInputs in = conv_inputs(params, words, true);
  const std::vector<mpq_class> y = conv_ssm_exact(in, params.L);
  const std::vector<FloatValue> model = conv_ssm_model(in, params.L, f);
  std::vector<std::string> lines;
  for (int t = 0; t < params.L; ++t)
    lines.push_back(fmt::format("{}; algorithm (rounded kernel, rounded dot) = {}",
                                exact_text(y[t], f), float_to_string(model[t])));
  return lines;
}

}  // namespace tc
