// A threshold gate y <-> [sum_i ws[i] xs[i] >= T] over CNF literals, for the tests of its
// encodings (tests/cnf/): inputs are variables 1..n and y another variable, each possibly negated.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lib/cnf/cnf.hpp"

namespace tc::test {

struct ThresholdTestGate {
  std::vector<Lit> xs;
  std::vector<int64_t> ws;
  int64_t T = 0;
  Lit y = 0;
};

// "y=Y <-> [w1*x1 + ... >= T]", for failure messages.
std::string describe(const ThresholdTestGate& g);

// The gate's value when variable v has the value bits[v - 1].
bool gate_value(const ThresholdTestGate& g, const std::vector<bool>& bits);

}  // namespace tc::test
