#include "tests/support/threshold_test_gate.hpp"

#include <cstdlib>
#include <sstream>

namespace tc::test {

std::string describe(const ThresholdTestGate& g) {
  std::ostringstream s;
  s << "y=" << g.y << " <-> [";
  for (size_t i = 0; i < g.xs.size(); ++i) s << (i ? " + " : "") << g.ws[i] << "*" << g.xs[i];
  s << " >= " << g.T << "]";
  return s.str();
}

bool gate_value(const ThresholdTestGate& g, const std::vector<bool>& bits) {
  int64_t sum = 0;
  for (size_t i = 0; i < g.xs.size(); ++i)
    if (bits[size_t(std::abs(g.xs[i]) - 1)] != (g.xs[i] < 0)) sum += g.ws[i];
  return sum >= g.T;
}

}  // namespace tc::test
