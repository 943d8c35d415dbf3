// Word names of the SSM components: built by ssm_word, split back by parse_ssm_word.
#include "lib/ssm_words.hpp"

#include <catch2/catch.hpp>

using namespace tc;

namespace {

bool parses_to(const std::string& name, const std::string& stem, int i, int j) {
  const SsmWordName n = parse_ssm_word(name);
  return n.stem == stem && n.i == i && n.j == j;
}

}  // namespace

TEST_CASE("word names split into stem and indices", "[ssm][words]") {
  CHECK(parses_to("Abar2_1", "Abar", 2, 1));
  CHECK(parses_to("W_in0_13", "W_in", 0, 13));
  CHECK(parses_to("x3", "x", 3, -1));
  CHECK(parses_to("bias12", "bias", 12, -1));
  CHECK(parses_to("delta", "delta", -1, -1));
  CHECK(parses_to("b_conv", "b_conv", -1, -1));
  CHECK(parses_to("W_delta1", "W_delta", 1, -1));
}

TEST_CASE("ssm_word and parse_ssm_word are inverse", "[ssm][words]") {
  for (const std::string stem : {"Abar", "C", "W_conv", "z"})
    for (int i : {0, 7, 12})
      for (int j : {0, 3, 10}) {
        CHECK(parses_to(ssm_word(stem, i, j), stem, i, j));
        CHECK(parses_to(ssm_word(stem, i), stem, i, -1));
      }
}
