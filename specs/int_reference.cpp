// Exact integer references (see int_reference.hpp).
#include "specs/int_reference.hpp"

#include "lib/decode.hpp"

namespace tc {

std::vector<std::string> int_cmp_reference(const Params&,
                                           const std::vector<std::vector<bool>>& in) {
  return {decode_unsigned(in.at(0)) >= decode_unsigned(in.at(1)) ? "true" : "false"};
}

std::vector<std::string> int_add_reference(const Params&,
                                           const std::vector<std::vector<bool>>& in) {
  return {mpz_class(decode_unsigned(in.at(0)) + decode_unsigned(in.at(1))).get_str()};
}

std::vector<std::string> int_iadd_reference(const Params&,
                                            const std::vector<std::vector<bool>>& in) {
  mpz_class sum = 0;
  for (const auto& word : in) sum += decode_unsigned(word);
  return {sum.get_str()};
}

std::vector<std::string> int_mul_reference(const Params&,
                                           const std::vector<std::vector<bool>>& in) {
  return {mpz_class(decode_unsigned(in.at(0)) * decode_unsigned(in.at(1))).get_str()};
}

}  // namespace tc
