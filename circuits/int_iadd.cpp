// int-iadd: sum = x0 + ... + x{n-1} for n p-bit unsigned words, p + ceil(log2 n) output bits,
// depth 2 for every p and n.
//
// Sum bit k is floor(S_k / 2^k) mod 2 with S_k = sum_i (x_i mod 2^(k+1)): a first layer of gates
// [S_k >= j 2^k] and a second layer adding them with alternating signs (int_iterated_add in
// int_arith.hpp). This is the large-weight form of Siu & Roychowdhury 1992 (block-save keeps
// weights polynomial at the same depth, not done here). It serves paper Lemma 3.12, part 3.
#include "circuits/int_iadd.hpp"

#include <bit>
#include <stdexcept>
#include <string>

#include "circuits/int_arith.hpp"
#include "circuits/int_mutants.hpp"

namespace tc {

const std::vector<Mutant>& int_iadd_mutants() {
  static const std::vector<Mutant> mutants = {
      {"adjacent-carry-only", "bits k >= 2 see only columns k-1 and k: longer carries lost"},
      {"off-by-one-threshold", "first step of bit 1 tests S_1 >= 1 instead of S_1 >= 2"},
      {"last-telescoping-sign-flipped",
       "last term of each telescoping sum added with the wrong sign"},
  };
  return mutants;
}

int int_iadd_sum_width(int p, int n) {
  return p + static_cast<int>(std::bit_width(static_cast<unsigned>(n - 1)));
}

Circuit int_iadd_construction(const Params& params) {
  if (params.p < 1) throw std::invalid_argument("int-iadd: p must be at least 1");
  if (params.n < 2) throw std::invalid_argument("int-iadd: n must be at least 2");
  Circuit circuit("int-iadd");
  std::vector<Bits> operands;
  for (int i = 0; i < params.n; ++i) {
    const std::string name = std::string("x").append(std::to_string(i));
    operands.push_back(circuit.add_input_word(name, params.p, Decoding::unsigned_int()));
  }
  const Columns columns = int_operand_columns(operands);
  Bits sum;
  if (params.mutant == "last-telescoping-sign-flipped") {
    sum = int_add_columns_last_sign_flipped(circuit, columns);
  } else {
    sum = int_iterated_add(circuit, operands);
    if (params.mutant == "adjacent-carry-only") {
      for (int k = 2; k < static_cast<int>(sum.size()); ++k)
        sum[k] = int_bit_of_sum(circuit, int_columns_sum(columns, k - 1, k), k);
    } else if (params.mutant == "off-by-one-threshold") {
      const WeightedSum s1 = int_columns_sum(columns, 0, 1);
      std::vector<int64_t> points = int_bit_change_points(s1.max_value(), 1);
      points.front() -= 1;
      sum[1] = int_telescope(circuit, s1, false, points);
    } else if (!params.mutant.empty()) {
      int_unknown_mutant("int-iadd", params.mutant);
    }
  }
  const int width = int_iadd_sum_width(params.p, params.n);
  if (static_cast<int>(sum.size()) > width)
    throw std::logic_error("int-iadd: the sum needs more than p + ceil(log2 n) bits");
  sum.resize(width, kFalse);
  circuit.add_output_word("sum", sum, Decoding::unsigned_int());
  return circuit;
}

}  // namespace tc
