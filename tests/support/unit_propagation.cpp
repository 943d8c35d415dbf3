// Unit propagation (see unit_propagation.hpp).  Each newly true literal t
// visits the clauses containing -t and rescans them: simple and obviously
// right, which is what a reference propagator for tests should be.
#include "tests/support/unit_propagation.hpp"

#include <algorithm>
#include <cassert>
#include <cstdlib>

namespace tc {

std::optional<std::vector<int8_t>> cnf_unit_propagate(const Cnf& cnf,
                                                      const std::vector<Lit>& assumptions) {
  int num_vars = cnf.num_vars;
  for (Lit a : assumptions) num_vars = std::max(num_vars, std::abs(a));
  for (const Clause& c : cnf.clauses)
    for (Lit l : c) num_vars = std::max(num_vars, std::abs(l));

  // Literal l has index 2*|l| + (l < 0).
  auto index = [](Lit l) { return size_t(2 * std::abs(l) + (l < 0)); };
  // Occurrence lists in one array: clauses of literal index i are
  // occurs[start[i] .. start[i+1]).  Tests call this in tight loops.
  std::vector<size_t> start(2 * size_t(num_vars) + 3, 0);
  for (const Clause& c : cnf.clauses)
    for (Lit l : c) ++start[index(l) + 1];
  for (size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
  std::vector<size_t> occurs(start.back()), fill(start.begin(), start.end() - 1);
  for (size_t k = 0; k < cnf.clauses.size(); ++k)
    for (Lit l : cnf.clauses[k]) occurs[fill[index(l)]++] = k;

  std::vector<int8_t> value(size_t(num_vars) + 1, 0);
  auto val = [&](Lit l) -> int8_t {
    const int8_t v = value[size_t(std::abs(l))];
    return l < 0 ? int8_t(-v) : v;
  };
  std::vector<Lit> trail;
  // Makes l true; false if l is already false.
  auto assign = [&](Lit l) {
    const int8_t v = val(l);
    if (v < 0) return false;
    if (v == 0) {
      value[size_t(std::abs(l))] = l < 0 ? -1 : 1;
      trail.push_back(l);
    }
    return true;
  };
  // Status of a clause: false on conflict, otherwise assigns a unit literal.
  // Unassigned literals are compared, not counted, so that a repeated
  // literal still makes a unit (bug caught by the test "a clause with a
  // repeated literal still propagates as a unit").
  auto visit = [&](const Clause& c) {
    Lit unit = 0;
    for (Lit l : c) {
      const int8_t v = val(l);
      if (v > 0) return true;
      if (v == 0) {
        if (unit == 0)
          unit = l;
        else if (l != unit)
          return true;  // two free literals: nothing to do yet
      }
    }
    return unit != 0 && assign(unit);
  };

  for (Lit a : assumptions) {
    assert(a != 0);
    if (!assign(a)) return std::nullopt;
  }
  // Every clause once, not just the short ones: (2 2) is a unit too.
  for (const Clause& c : cnf.clauses)
    if (!visit(c)) return std::nullopt;
  for (size_t head = 0; head < trail.size(); ++head)
    for (size_t i = start[index(-trail[head])]; i < start[index(-trail[head]) + 1]; ++i)
      if (!visit(cnf.clauses[occurs[i]])) return std::nullopt;
  return value;
}

}  // namespace tc
