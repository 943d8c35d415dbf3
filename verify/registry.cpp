// The component registry. Adding a component: write circuits/<name>.cpp and specs/<name>.cpp,
// then add one entry here.
#include "verify/registry.hpp"

#include "circuits/int_add.hpp"
#include "circuits/int_cmp.hpp"
#include "circuits/int_iadd.hpp"
#include "circuits/int_mul.hpp"
#include "specs/int_add.hpp"
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
       .mutants = int_cmp_mutants(), .depth_note = ""},
      {.name = "int-add",
       .description = "a + b for p-bit unsigned a, b (p+1 bits): telescoping sums, depth 2",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): integer addition in TC^0, "
                "the core of float addition",
       .p_min = 1, .p_max = 16,
       .construction = int_add_construction, .spec = int_add_spec,
       .mutants = int_add_mutants(), .depth_note = ""},
      {.name = "int-iadd",
       .description = "sum of n p-bit unsigned words (p + ceil(log2 n) bits): depth 2",
       .lemma = "paper Lemma 3.12 part 3 (Chiang Lemmas 10, 11): iterated integer addition in "
                "TC^0, the core of float iterated addition",
       .p_min = 1, .p_max = 16, .uses_n = true, .n_min = 2, .n_max = 8,
       .construction = int_iadd_construction, .spec = int_iadd_spec,
       .mutants = int_iadd_mutants(), .depth_note = ""},
      {.name = "int-mul",
       .description = "a * b for p-bit unsigned a, b (2p bits): partial products, then depth-2 "
                      "iterated addition (depth 3)",
       .lemma = "paper Lemma 3.12 part 1 (Chiang Lemmas 10, 11): integer multiplication in "
                "TC^0, the core of float multiplication",
       .p_min = 1, .p_max = 16,
       .construction = int_mul_construction, .spec = int_mul_spec,
       .mutants = int_mul_mutants(), .depth_note = ""},
  };
  return components;
}

const Component* find_component(const std::string& name) {
  for (const auto& c : all_components())
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace tc
