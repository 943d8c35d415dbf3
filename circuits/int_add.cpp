// int-add: sum = a + b for p-bit unsigned a, b, p + 1 output bits, depth 2 for every p.
//
// Sum bit k is floor(S_k / 2^k) mod 2 with S_k = (a mod 2^(k+1)) + (b mod 2^(k+1)), computed by
// the telescoping primitive (int_add in int_arith.hpp; Alon & Bruck 1994, Siu, Roychowdhury &
// Kailath 1991). It serves the significand additions behind paper Lemma 3.12, part 1.
#include "circuits/int_add.hpp"

#include <stdexcept>

#include "circuits/int_arith.hpp"
#include "circuits/int_mutants.hpp"

namespace tc {

const std::vector<Mutant>& int_add_mutants() {
  static const std::vector<Mutant> mutants = {
      {"dropped-top-carry", "carry-out from the top column alone, ignoring the carry into it"},
      {"off-by-one-threshold", "carry-out gate tests a + b >= 2^p - 1 instead of 2^p"},
      {"last-telescoping-sign-flipped",
       "last term of each telescoping sum added with the wrong sign"},
  };
  return mutants;
}

Circuit int_add_construction(const Params& params) {
  if (params.p < 1) throw std::invalid_argument("int-add: p must be at least 1");
  const int p = params.p;
  Circuit circuit("int-add");
  const Bits a = circuit.add_input_word("a", p, Decoding::unsigned_int());
  const Bits b = circuit.add_input_word("b", p, Decoding::unsigned_int());
  const Columns columns = int_operand_columns({a, b});
  Bits sum;
  if (params.mutant.empty()) {
    sum = int_add(circuit, a, b);
  } else if (params.mutant == "dropped-top-carry") {
    sum = int_add(circuit, a, b);
    sum[p] = int_at_least(circuit, int_columns_sum(columns, p - 1, p - 1), int64_t{1} << p);
  } else if (params.mutant == "off-by-one-threshold") {
    sum = int_add(circuit, a, b);
    sum[p] = int_at_least(circuit, int_columns_sum(columns, 0, p - 1), (int64_t{1} << p) - 1);
  } else if (params.mutant == "last-telescoping-sign-flipped") {
    sum = int_add_columns_last_sign_flipped(circuit, columns);
  } else {
    int_unknown_mutant("int-add", params.mutant);
  }
  sum.resize(p + 1, kFalse);
  circuit.add_output_word("sum", sum, Decoding::unsigned_int());
  return circuit;
}

}  // namespace tc
