// The real-valued SSM layer and Mamba block in MPFR (see ssm_layer_real.hpp).
#include "specs/ssm_layer_real.hpp"

#include <fmt/format.h>
#include <mpfr.h>

#include <algorithm>
#include <cmath>

#include "lib/weight_words.hpp"
#include "specs/float_exact.hpp"

namespace tc {

namespace {

// An MPFR number at kSsmRealBits bits, rounded to nearest, with value semantics.
class Real {
 public:
  Real() {
    mpfr_init2(v_, kSsmRealBits);
    mpfr_set_zero(v_, 1);
  }
  Real(const mpq_class& q) : Real() { mpfr_set_q(v_, q.get_mpq_t(), MPFR_RNDN); }
  Real(const Real& o) : Real() { mpfr_set(v_, o.v_, MPFR_RNDN); }
  Real& operator=(const Real& o) {
    mpfr_set(v_, o.v_, MPFR_RNDN);
    return *this;
  }
  ~Real() { mpfr_clear(v_); }
  friend Real operator+(const Real& a, const Real& b) {
    Real r;
    mpfr_add(r.v_, a.v_, b.v_, MPFR_RNDN);
    return r;
  }
  friend Real operator-(const Real& a, const Real& b) {
    Real r;
    mpfr_sub(r.v_, a.v_, b.v_, MPFR_RNDN);
    return r;
  }
  friend Real operator*(const Real& a, const Real& b) {
    Real r;
    mpfr_mul(r.v_, a.v_, b.v_, MPFR_RNDN);
    return r;
  }
  friend Real operator/(const Real& a, const Real& b) {
    Real r;
    mpfr_div(r.v_, a.v_, b.v_, MPFR_RNDN);
    return r;
  }
  Real abs() const {
    Real r;
    mpfr_abs(r.v_, v_, MPFR_RNDN);
    return r;
  }
  Real exp() const {
    Real r;
    mpfr_exp(r.v_, v_, MPFR_RNDN);
    return r;
  }
  Real log1p() const {
    Real r;
    mpfr_log1p(r.v_, v_, MPFR_RNDN);
    return r;
  }
  Real expm1() const {
    Real r;
    mpfr_expm1(r.v_, v_, MPFR_RNDN);
    return r;
  }
  bool zero() const { return mpfr_zero_p(v_) != 0; }
  mpq_class q() const {
    mpq_class r;
    mpfr_get_q(r.get_mpq_t(), v_);
    return r;
  }

 private:
  mpfr_t v_;
};

Real softplus(const Real& v) { return v.exp().log1p(); }
Real silu(const Real& v) { return v / (Real(mpq_class(1)) + (Real() - v).exp()); }

struct Tracer {
  std::vector<mpq_class>* out;
  Real note(const Real& r) {
    if (!r.zero()) out->push_back(abs(r.q()));
    return r;
  }
};

using Matrix = std::vector<std::vector<Real>>;

// The SSM on activations a (L x D) and gate input g (L x D, with in.gate).
SsmLayerTrace ssm(const SsmLayerInput& in, const Matrix& a, const Matrix& g) {
  const int L = in.L, N = in.N, D = in.D;
  auto w = [&](const std::string& field, int i) {
    return Real(in.w.at(field).at(static_cast<size_t>(i)));
  };
  SsmLayerTrace trace;
  Tracer tr{&trace.intermediates};
  Matrix B(L, std::vector<Real>(N)), C = B, delta(L, std::vector<Real>(D));
  for (int t = 0; t < L; ++t) {
    for (int n = 0; n < N; ++n) {
      Real b, c;
      for (int d = 0; d < D; ++d)
        b = b + a[t][d] * w("W_B", d * N + n), c = c + a[t][d] * w("W_C", d * N + n);
      B[t][n] = tr.note(b), C[t][n] = tr.note(c);
    }
    for (int d = 0; d < D; ++d) {
      Real v = w("b_delta", d);
      for (int e = 0; e < D; ++e) v = v + a[t][e] * w("W_delta", e * D + d);
      delta[t][d] = tr.note(softplus(tr.note(v)));
      trace.max_abs_v = std::max(trace.max_abs_v, mpq_class(abs(v.q())));
    }
  }
  trace.y.assign(L, std::vector<mpq_class>(D));
  trace.magnitude = trace.y;
  for (int d = 0; d < D; ++d) {
    Matrix Abar(L, std::vector<Real>(N)), Bbar = Abar;
    for (int t = 0; t < L; ++t)
      for (int n = 0; n < N; ++n) {
        const Real za = delta[t][d] * w("A", d * N + n);
        trace.max_delta_a = std::max(trace.max_delta_a, mpq_class(abs(za.q())));
        Abar[t][n] = tr.note(za.exp());
        const Real euler = delta[t][d] * B[t][n];
        Bbar[t][n] = tr.note(in.euler || za.zero() ? euler : za.expm1() / za * euler);
      }
    for (int t = 0; t < L; ++t) {
      Real y, s;
      for (int n = 0; n < N; ++n) {
        Real h, hs;
        for (int i = 0; i <= t; ++i) {
          Real term = Bbar[i][n] * a[i][d];
          for (int j = i + 1; j <= t; ++j) term = Abar[j][n] * term;
          tr.note(term);
          h = h + term, hs = hs + (C[t][n] * term).abs();
        }
        tr.note(h);
        y = y + C[t][n] * h, s = s + hs;
      }
      tr.note(y);
      if (in.skip) {
        const Real m = tr.note(w("D_skip", d) * a[t][d]);
        y = tr.note(y + m), s = s + m.abs();
      }
      if (in.gate) {
        const Real sg = tr.note(silu(g[t][d]));
        y = tr.note(y * sg), s = s * sg.abs();
      }
      trace.y[t][d] = y.q(), trace.magnitude[t][d] = s.q();
    }
  }
  return trace;
}

Matrix to_reals(const std::vector<std::vector<mpq_class>>& m) {
  Matrix r;
  for (const auto& row : m) {
    r.emplace_back();
    for (const mpq_class& v : row) r.back().push_back(Real(v));
  }
  return r;
}

// Inputs: x (and z) words, then the weight fields in order, each constant or read from inputs.
SsmLayerInput read_input(const Params& params, const std::vector<std::vector<bool>>& inputs,
                         bool mamba) {
  const FloatFormat f = float_format(params);
  SsmLayerInput in;
  in.L = params.L, in.N = params.N, in.D = params.D, in.K = params.K;
  in.euler = params.flag("euler");
  in.skip = mamba || params.flag("skip");
  in.gate = mamba || params.flag("gate");
  size_t next = 0;
  auto matrix = [&](std::vector<std::vector<mpq_class>>& m) {
    m.assign(in.L, std::vector<mpq_class>(in.D));
    for (int t = 0; t < in.L; ++t)
      for (int d = 0; d < in.D; ++d) m[t][d] = value(float_from_bits(inputs.at(next++), f));
  };
  matrix(in.x);
  if (in.gate && !mamba) matrix(in.z);
  auto field = [&](const std::string& name, int count) {
    for (const FloatValue& v :
         weight_values(params, name, static_cast<size_t>(count), inputs, next, f))
      in.w[name].push_back(value(v));
  };
  const int D = in.D, N = in.N;
  if (mamba)
    field("W_in", D * D), field("W_z", D * D), field("W_conv", in.K * D), field("b_conv", D);
  field("W_B", D * N), field("W_C", D * N), field("W_delta", D * D), field("b_delta", D);
  field("A", D * N);
  if (in.skip) field("D_skip", D);
  if (mamba) field("W_out", D * D);
  return in;
}

std::vector<std::string> lines(const Params& params, const SsmLayerTrace& trace) {
  const FloatFormat f = float_format(params);
  std::vector<std::string> out;
  for (size_t t = 0; t < trace.y.size(); ++t)
    for (size_t d = 0; d < trace.y[t].size(); ++d)
      out.push_back(fmt::format(
          "real-valued layer {:.10g} (MPFR, {} bits), round_p = {} "
          "(magnitude of its terms {:.6g})",
          trace.y[t][d].get_d(), kSsmRealBits, float_to_string(round_to_float(trace.y[t][d], f)),
          trace.magnitude[t][d].get_d()));
  return out;
}

}  // namespace

SsmLayerTrace selective_ssm_real(const SsmLayerInput& in) {
  return ssm(in, to_reals(in.x), in.gate ? to_reals(in.z) : Matrix{});
}

SsmLayerTrace mamba_real(const SsmLayerInput& in) {
  const int L = in.L, D = in.D, K = in.K;
  auto w = [&](const std::string& field, int i) {
    return Real(in.w.at(field).at(static_cast<size_t>(i)));
  };
  const Matrix x = to_reals(in.x);
  std::vector<mpq_class> notes;
  Tracer tr{&notes};
  Matrix u(L, std::vector<Real>(D)), z = u, act = u;
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      Real su, sz;
      for (int e = 0; e < D; ++e)
        su = su + x[t][e] * w("W_in", e * D + d), sz = sz + x[t][e] * w("W_z", e * D + d);
      u[t][d] = tr.note(su), z[t][d] = tr.note(sz);
    }
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      Real c = w("b_conv", d);
      for (int k = 0; k < K; ++k) {
        const int j = t - K + 1 + k;
        if (j >= 0) c = c + w("W_conv", k * D + d) * u[j][d];
      }
      act[t][d] = tr.note(silu(tr.note(c)));
    }
  SsmLayerInput inner = in;
  inner.skip = inner.gate = true;
  SsmLayerTrace s = ssm(inner, act, z);
  SsmLayerTrace trace;
  trace.intermediates = notes;
  trace.max_abs_v = s.max_abs_v, trace.max_delta_a = s.max_delta_a;
  trace.intermediates.insert(trace.intermediates.end(), s.intermediates.begin(),
                             s.intermediates.end());
  trace.y.assign(L, std::vector<mpq_class>(D));
  trace.magnitude = trace.y;
  Tracer out_tr{&trace.intermediates};
  for (int t = 0; t < L; ++t)
    for (int d = 0; d < D; ++d) {
      Real o, m;
      for (int e = 0; e < D; ++e) {
        o = o + Real(s.y[t][e]) * w("W_out", e * D + d);
        m = m + (Real(s.magnitude[t][e]) * w("W_out", e * D + d)).abs();
      }
      trace.y[t][d] = out_tr.note(o).q(), trace.magnitude[t][d] = m.q();
    }
  return trace;
}

SsmLayerInput selective_ssm_input(const Params& params,
                                  const std::vector<std::vector<bool>>& inputs) {
  return read_input(params, inputs, false);
}
SsmLayerInput mamba_input(const Params& params, const std::vector<std::vector<bool>>& inputs) {
  return read_input(params, inputs, true);
}

std::vector<std::string> selective_ssm_reference(const Params& params,
                                                 const std::vector<std::vector<bool>>& inputs) {
  return lines(params, selective_ssm_real(selective_ssm_input(params, inputs)));
}
std::vector<std::string> mamba_reference(const Params& params,
                                         const std::vector<std::vector<bool>>& inputs) {
  return lines(params, mamba_real(mamba_input(params, inputs)));
}

}  // namespace tc
