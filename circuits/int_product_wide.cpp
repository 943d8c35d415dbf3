// The wide iterated product (see int_product_wide.hpp): crt_product_residue's step functions of
// the logarithm sums, read by crt_wide.hpp's reconstruction.
#include "circuits/int_product_wide.hpp"

#include <gmpxx.h>

#include <stdexcept>

#include "circuits/crt_residues.hpp"
#include "circuits/crt_wide.hpp"

namespace tc {

namespace {

// X mod m as a view over its step function: a predicate is one gate over the steps, a linear
// form telescopes over them.
ResidueView step_view(const StepFunction& residue) {
  ResidueView view;
  view.predicate = [&residue](Circuit& circuit, const std::function<bool(int64_t)>& g) {
    return crt_predicate(circuit, residue, g);
  };
  view.form = [&residue](const std::function<int64_t(int64_t)>& f) {
    return crt_telescoped(residue, f);
  };
  return view;
}

}  // namespace

Bits int_iterated_product_wide(Circuit& circuit, const std::vector<Bits>& words,
                               bool small_modulus) {
  for (const Bits& w : words)
    if (w.empty()) throw std::invalid_argument("int_iterated_product_wide: an empty operand");
  if (words.empty()) return {kTrue};
  if (words.size() == 1) return words[0];
  int width = 0;
  mpz_class x_max = 1;
  for (const Bits& w : words) {
    width += static_cast<int>(w.size());
    x_max *= (mpz_class(1) << static_cast<mp_bitcnt_t>(w.size())) - 1;
  }
  const WideCrtPlan plan = wide_crt_plan(x_max, small_modulus);
  std::vector<StepFunction> residues;
  for (int64_t m : plan.moduli) residues.push_back(crt_product_residue(circuit, words, m));
  std::vector<ResidueView> views;
  for (const StepFunction& residue : residues) views.push_back(step_view(residue));
  return wide_crt_reconstruct(circuit, plan, views, width);
}

}  // namespace tc
