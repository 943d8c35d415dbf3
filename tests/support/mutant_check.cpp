// Mutant runs through verify (see mutant_check.hpp).
#include "tests/support/mutant_check.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/replay.hpp"
#include "tests/support/run_verify.hpp"
#include "verify/registry.hpp"

namespace tc::test {

void check_mutant_refuted(const Component& c, const std::string& options, const Mutant& m,
                          const std::string& refuted_lemma) {
  INFO(c.name << " mutant " << m.name << " " << options);
  const VerifyRun r = run_verify("--component " + c.name + " " + options + " --json --mutant " +
                                 m.name + " " + m.shows_with);
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  if (m.lemma_only) {
    CHECK(j["verdict"] == "proved");  // the circuits are unchanged
    bool witnessed = false;
    for (const auto& l : j["lemmas"])
      if (l["verdict"] == "refuted" && l["witness"].is_string())
        witnessed = witnessed || refuted_lemma.empty() || l["name"] == refuted_lemma;
    CHECK(witnessed);
    return;
  }
  CHECK(j["verdict"] == "counterexample");
  Params params = c.defaults();
  apply_options(c, params, options + " " + m.shows_with);
  params.mutant = m.name;
  CHECK(replay_counterexample(c, params, j["counterexample"]) == "");
}

const Component& registered(const std::string& name) {
  const Component* c = find_component(name);
  REQUIRE(c != nullptr);
  return *c;
}

}  // namespace tc::test
