// Z3 error-bound lemmas (see bound_lemma.hpp).
#include "lib/smt/bound_lemma.hpp"

#include <fmt/core.h>

#include <chrono>
#include <cmath>

namespace tc {

z3::expr z3_rational(z3::context& ctx, const mpq_class& q) {
  return ctx.real_val(q.get_str().c_str());
}

z3::expr z3_abs(const z3::expr& x) { return z3::ite(x >= 0, x, -x); }

std::string format_bound(const mpq_class& q) {
  if (q == 0) return "0";
  const double d = q.get_d();
  return fmt::format("2^{:.2f} ({:.3e})", std::log2(std::fabs(d)), d);
}

namespace {

enum class Answer { Holds, Fails, Unknown };

struct Query {
  Answer answer = Answer::Unknown;
  std::string witness;
  std::string reason;  // Z3's reason for unknown
};

std::string model_text(const z3::model& m) {
  std::string text;
  for (unsigned i = 0; i < m.size(); ++i) {
    const z3::func_decl d = m[i];
    if (d.arity() != 0) continue;
    const z3::expr v = m.get_const_interp(d);
    std::string value;
    if (v.is_numeral()) {  // a rational: "0.40534 (108809117/268435456)"
      const std::string exact = Z3_get_numeral_string(v.ctx(), v);
      value = fmt::format("{:.6g}", mpq_class(exact).get_d());
      if (exact.size() <= 40 && exact != value) value += " (" + exact + ")";
    } else if (v.is_algebraic()) {  // an irrational algebraic number: decimal digits only
      value = v.get_decimal_string(12);
    } else {
      value = v.to_string();
    }
    text += (text.empty() ? "" : ", ") + d.name().str() + " = " + value;
  }
  return text;
}

// Is "hypotheses and not claim" unsatisfiable? (claim empty: are the hypotheses satisfiable?)
Query ask(z3::context& ctx, const z3::expr& hypotheses, const z3::expr* negated_claim,
          double timeout_seconds) {
  z3::solver solver(ctx, "QF_NRA");
  z3::params params(ctx);
  params.set("timeout", static_cast<unsigned>(timeout_seconds * 1000));
  solver.set(params);
  solver.add(hypotheses);
  if (negated_claim) solver.add(*negated_claim);
  Query q;
  switch (solver.check()) {
    case z3::unsat:
      q.answer = negated_claim ? Answer::Holds : Answer::Fails;
      break;
    case z3::sat:
      q.answer = negated_claim ? Answer::Fails : Answer::Holds;
      q.witness = model_text(solver.get_model());
      break;
    case z3::unknown:
      q.reason = solver.reason_unknown();
      break;
  }
  return q;
}

}  // namespace

LemmaResult check_bound_lemma(const BoundLemma& lemma, const BoundLemmaOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  LemmaResult r;
  r.name = lemma.name;
  r.kind = LemmaKind::Z3;
  r.statement = lemma.statement;
  r.claimed_bound = format_bound(lemma.claimed);
  r.note = lemma.note;
  auto finish = [&]() -> LemmaResult {
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
  };
  try {
    z3::context ctx;
    const z3::expr hypotheses = lemma.hypotheses(ctx);
    auto fails_at = [&](const mpq_class& bound) {
      const z3::expr negated = !lemma.claim(ctx, z3_rational(ctx, bound));
      return ask(ctx, hypotheses, &negated, options.timeout_seconds);
    };

    const Query sat = ask(ctx, hypotheses, nullptr, options.timeout_seconds);
    if (sat.answer == Answer::Fails) {
      r.verdict = LemmaVerdict::Refuted;
      r.witness = "none: the hypotheses are unsatisfiable, so the lemma would be vacuous";
      return finish();
    }
    if (sat.answer == Answer::Unknown) {
      r.verdict = LemmaVerdict::Unknown;
      r.note += (r.note.empty() ? "" : "; ") +
                ("satisfiability of the hypotheses unknown: " + sat.reason);
      return finish();
    }

    const Query main = fails_at(lemma.claimed);
    if (main.answer == Answer::Unknown) {
      r.verdict = LemmaVerdict::Unknown;
      r.note += (r.note.empty() ? "" : "; ") + ("Z3: " + main.reason);
      return finish();
    }
    if (main.answer == Answer::Fails) {
      r.verdict = LemmaVerdict::Refuted;
      r.witness = main.witness;
      return finish();
    }
    r.verdict = LemmaVerdict::Proved;
    if (!lemma.search_tightest || lemma.claimed <= 0) return finish();

    // Bracket: halve until Z3 refutes, then bisect between the last proved and the refuted bound.
    mpq_class proved = lemma.claimed, failed = 0;
    std::string failed_witness;
    bool bracketed = false;
    for (int i = 0; i < 64 && !bracketed; ++i) {
      const mpq_class half = proved / 2;
      const Query q = fails_at(half);
      if (q.answer == Answer::Unknown) break;
      if (q.answer == Answer::Holds) {
        proved = half;
      } else {
        failed = half;
        failed_witness = q.witness;
        bracketed = true;
      }
    }
    for (int i = 0; bracketed && i < options.bisection_steps; ++i) {
      const mpq_class mid = (proved + failed) / 2;
      const Query q = fails_at(mid);
      if (q.answer == Answer::Unknown) break;
      if (q.answer == Answer::Holds) {
        proved = mid;
      } else {
        failed = mid;
        failed_witness = q.witness;
      }
    }
    r.tightest_bound = format_bound(proved);
    if (bracketed)
      r.failing_bound = format_bound(failed) + " fails at " + failed_witness;
    else
      r.note += (r.note.empty() ? "" : "; ") +
                std::string("no failing smaller bound found (Z3 unknown or the claim holds at 0)");
    return finish();
  } catch (const z3::exception& e) {
    r.verdict = LemmaVerdict::Unknown;
    r.note += (r.note.empty() ? "" : "; ") + std::string("Z3 error: ") + e.msg();
    return finish();
  }
}

}  // namespace tc
