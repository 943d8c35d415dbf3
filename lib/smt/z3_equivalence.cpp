// Z3 equivalence engine (see z3_equivalence.hpp).
#include "lib/smt/z3_equivalence.hpp"

#include <z3++.h>

#include <algorithm>
#include <bit>
#include <climits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace tc {

namespace {

// Encodes one circuit's gates over the shared input constants. Only the cone of the outputs and
// constraints is built; node indices are topological, so one forward pass suffices.
class Z3CircuitEncoder {
 public:
  Z3CircuitEncoder(z3::context& ctx, const Circuit& c, const z3::expr_vector& inputs,
                   Z3ThresholdEncoding encoding)
      : ctx_(ctx), expr_(ctx), encoding_(encoding) {
    const std::vector<char> needed = c.cone_of_outputs_and_constraints();
    std::vector<int> input_index(c.num_nodes(), -1);
    for (size_t i = 0; i < c.input_nodes().size(); ++i)
      input_index[c.input_nodes()[i]] = static_cast<int>(i);
    for (uint32_t n = 0; n < c.num_nodes(); ++n) {
      const Node& node = c.node(n);
      if (!needed[n] || node.kind == NodeKind::Constant) {
        expr_.push_back(ctx_.bool_val(false));
      } else if (node.kind == NodeKind::Input) {
        expr_.push_back(inputs[input_index[n]]);
      } else if (node.kind == NodeKind::Xor) {
        expr_.push_back(at(node.fanins[0]) ^ at(node.fanins[1]));
      } else {
        expr_.push_back(threshold(node));
      }
    }
  }

  z3::expr at(Signal s) const {
    z3::expr e = expr_[static_cast<int>(s.node())];
    return s.complemented() ? !e : e;
  }

 private:
  z3::expr threshold(const Node& node) {
    z3::expr_vector xs(ctx_);
    for (Signal f : node.fanins) xs.push_back(at(f));
    const int64_t total = std::accumulate(node.weights.begin(), node.weights.end(), int64_t(0));
    if (node.threshold == total) return z3::mk_and(xs);
    if (node.threshold == 1) return z3::mk_or(xs);
    // Normalized weights are clipped to the threshold, so the threshold bounds them all.
    if (encoding_ == Z3ThresholdEncoding::PseudoBoolean && node.threshold <= INT_MAX) {
      std::vector<int> ws(node.weights.begin(), node.weights.end());
      return z3::pbge(xs, ws.data(), static_cast<int>(node.threshold));
    }
    if (encoding_ == Z3ThresholdEncoding::IntegerSum) {
      z3::expr sum = ctx_.int_val(0);
      for (size_t i = 0; i < node.fanins.size(); ++i)
        sum =
            sum + z3::ite(xs[static_cast<int>(i)], ctx_.int_val(node.weights[i]), ctx_.int_val(0));
      return sum >= ctx_.int_val(node.threshold);
    }
    // Wide enough for the total weight (< 2^61 for a normalized gate), so the sum cannot wrap.
    const unsigned width = static_cast<unsigned>(std::bit_width(static_cast<uint64_t>(total)));
    auto bv = [&](int64_t v) { return ctx_.bv_val(static_cast<uint64_t>(v), width); };
    z3::expr sum = bv(0);
    for (size_t i = 0; i < node.fanins.size(); ++i)
      sum = sum + z3::ite(xs[static_cast<int>(i)], bv(node.weights[i]), bv(0));
    return z3::uge(sum, bv(node.threshold));
  }

  z3::context& ctx_;
  z3::expr_vector expr_;  // node -> its uncomplemented value
  Z3ThresholdEncoding encoding_;
};

}  // namespace

std::optional<bool> check_equivalence_z3(const Circuit& construction, const Circuit& spec,
                                         double timeout_seconds,
                                         std::optional<Assignment>* counterexample,
                                         Z3ThresholdEncoding encoding) {
  check_same_interface(construction, spec);
  if (counterexample) counterexample->reset();
  try {
    z3::context ctx;
    z3::expr_vector inputs(ctx);
    for (const auto& w : spec.input_words())
      for (size_t i = 0; i < w.bits.size(); ++i)
        inputs.push_back(ctx.bool_const((w.name + "[" + std::to_string(i) + "]").c_str()));
    const Z3CircuitEncoder c(ctx, construction, inputs, encoding);
    const Z3CircuitEncoder s(ctx, spec, inputs, encoding);

    // QF_BV selects the bit-blasting solver; the general one suits the arithmetic encodings.
    z3::solver solver =
        encoding == Z3ThresholdEncoding::BitVectorSum ? z3::solver(ctx, "QF_BV") : z3::solver(ctx);
    if (timeout_seconds > 0) {
      z3::params p(ctx);
      const double ms = std::min(timeout_seconds * 1000.0, double(UINT_MAX - 1));
      p.set("timeout", static_cast<unsigned>(std::max(1.0, ms)));
      solver.set(p);
    }
    for (Signal v : construction.constraints()) solver.add(c.at(v));
    for (Signal v : spec.constraints()) solver.add(s.at(v));
    z3::expr_vector differs(ctx);
    for (size_t w = 0; w < spec.output_words().size(); ++w) {
      const Bits& bc = construction.output_words()[w].bits;
      const Bits& bs = spec.output_words()[w].bits;
      for (size_t i = 0; i < bs.size(); ++i) differs.push_back(c.at(bc[i]) ^ s.at(bs[i]));
    }
    solver.add(z3::mk_or(differs));

    switch (solver.check()) {
      case z3::unsat:
        return true;
      case z3::sat: {
        if (counterexample) {
          const z3::model model = solver.get_model();
          Assignment cex;
          // Model completion: inputs Z3 left unassigned do not matter, any value will do.
          for (unsigned i = 0; i < inputs.size(); ++i)
            cex.push_back(model.eval(inputs[i], true).is_true());
          *counterexample = cex;
        }
        return false;
      }
      case z3::unknown:
        return std::nullopt;
    }
  } catch (const z3::exception& e) {
    throw std::runtime_error(std::string("z3: ") + e.msg());
  }
  return std::nullopt;
}

}  // namespace tc
