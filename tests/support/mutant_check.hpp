// One `verify --json` run on a mutant, checked the same way by every component's CLI tests.
#pragma once

#include <string>

#include "lib/component.hpp"

namespace tc::test {

// Runs verify on component c with `options` (e.g. "--p 4 --engine sim") and mutant m. A circuit
// mutant must end in a counterexample that replay_counterexample confirms; a lemma-level one in
// a refuted lemma with a witness (named refuted_lemma, when given) while the circuits stay
// proved equal.
void check_mutant_refuted(const Component& c, const std::string& options, const Mutant& m,
                          const std::string& refuted_lemma = "");

// The registered component `name` (a failed REQUIRE when there is none).
const Component& registered(const std::string& name);

}  // namespace tc::test
