// The component registry. Adding a component: write circuits/<name>.cpp and specs/<name>.cpp,
// then add one entry here.
#include "verify/registry.hpp"

#include "circuits/float_add.hpp"
#include "circuits/float_cmp.hpp"
#include "circuits/float_div.hpp"
#include "circuits/float_floor.hpp"
#include "circuits/float_mul.hpp"
#include "circuits/int_add.hpp"
#include "circuits/int_cmp.hpp"
#include "circuits/int_iadd.hpp"
#include "circuits/int_mul.hpp"
#include "specs/float_add.hpp"
#include "specs/float_cmp.hpp"
#include "specs/float_div.hpp"
#include "specs/float_floor.hpp"
#include "specs/float_mul.hpp"
#include "specs/int_add.hpp"
#include "specs/float_reference.hpp"
#include "specs/int_reference.hpp"
#include "specs/int_cmp.hpp"
#include "specs/int_iadd.hpp"
#include "specs/int_mul.hpp"

namespace tc {

const std::vector<Component>& all_components() {
  static const std::vector<Component> components = {
      // --- integer arithmetic (circuits/int_*.cpp, specs/int_*.cpp) ---------------------------
      {.name = "int-cmp",
       .description = "[a >= b] for p-bit unsigned a, b: one gate with weights +-2^i (depth 1)",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): integer comparison in TC^0, "
                "the core of float comparison",
       .p_min = 1, .p_max = 16,
       .construction = int_cmp_construction, .spec = int_cmp_spec,
       .mutants = int_cmp_mutants(), .reference = int_cmp_reference},
      {.name = "int-add",
       .description = "a + b for p-bit unsigned a, b (p+1 bits): telescoping sums, depth 2",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): integer addition in TC^0, "
                "the core of float addition",
       .p_min = 1, .p_max = 16,
       .construction = int_add_construction, .spec = int_add_spec,
       .mutants = int_add_mutants(), .reference = int_add_reference},
      {.name = "int-iadd",
       .description = "sum of n p-bit unsigned words (p + ceil(log2 n) bits): depth 2",
       .lemma = "paper Lemma 3.12 part 3 (Chiang Lemmas 10, 11): iterated integer addition in "
                "TC^0, the core of float iterated addition",
       .p_min = 1, .p_max = 16, .uses_n = true, .n_min = 2, .n_max = 8,
       .construction = int_iadd_construction, .spec = int_iadd_spec,
       .mutants = int_iadd_mutants(), .reference = int_iadd_reference},
      {.name = "int-mul",
       .description = "a * b for p-bit unsigned a, b (2p bits): partial products, then depth-2 "
                      "iterated addition (depth 3)",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): integer multiplication in "
                "TC^0, the core of float multiplication",
       .p_min = 1, .p_max = 16,
       .construction = int_mul_construction, .spec = int_mul_spec,
       .mutants = int_mul_mutants(), .reference = int_mul_reference},
      // --- float arithmetic (circuits/float_*.cpp, specs/float_*.cpp) -----------------------
      {.name = "fadd",
       .description = "z = round_p(x + y): exact near-path sum per exponent difference, far "
                      "operands pass through, normalize by selection, round to nearest even",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): float addition in TC^0",
       .p_min = 2, .p_max = 16, .uses_e = true,
       .construction = float_add_construction, .spec = build_float_add_spec,
       .mutants = float_add_mutants(), .reference = float_add_reference},
      {.name = "fmul",
       .description = "z = round_p(x * y): depth-3 significand product, exponent sum as a linear "
                      "form, normalize by selection, round to nearest even",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): float multiplication in TC^0",
       .p_min = 2, .p_max = 16, .uses_e = true,
       .construction = float_mul_construction, .spec = build_float_mul_spec,
       .mutants = float_mul_mutants(), .reference = float_mul_reference},
      {.name = "fcmp",
       .description = "le = [x <= y], eq = [x = y]: magnitude keys compared by single gates, "
                      "sign and zero cases folded in (depth 2)",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): float comparison in TC^0",
       .p_min = 2, .p_max = 16, .uses_e = true,
       .construction = float_cmp_construction, .spec = build_float_cmp_spec,
       .mutants = float_cmp_mutants(), .reference = float_cmp_reference},
      {.name = "ffloor",
       .description = "z = floor(x) as a float: one case per shift (ceiling for negatives), "
                      "normalize by selection; integers pass through",
       .lemma = "paper Lemma 3.12 (Chiang Lemmas 10, 11): floor of a float in TC^0",
       .p_min = 2, .p_max = 16, .uses_e = true,
       .construction = float_floor_construction, .spec = build_float_floor_spec,
       .mutants = float_floor_mutants(), .reference = float_floor_reference},
      {.name = "fdiv",
       .description = "z = round_p(x / y), div_by_zero = [y = 0]: thermometer quotient (one gate "
                      "per candidate), sticky from X - Q Y, round to nearest even",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): float division in TC^0",
       .p_min = 2, .p_max = 16, .uses_e = true,
       .construction = float_div_construction, .spec = build_float_div_spec,
       .mutants = float_div_mutants(), .reference = float_div_reference,
       .size_note = "exponential in p: the thermometer quotient has one gate per candidate "
                    "quotient, about 6 * 2^p gates in all (394,590 at p = 16); the paper's "
                    "polynomial-size TC^0 division (Hesse, Allender, Barrington) is not built"},
  };
  return components;
}

const Component* find_component(const std::string& name) {
  for (const auto& c : all_components())
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace tc
