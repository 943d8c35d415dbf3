#include "tests/support/block_proof_check.hpp"

#include <catch2/catch.hpp>

namespace tc::test {

void check_proved_by_blocks(const nlohmann::json& report, const std::vector<std::string>& names) {
  CHECK(report["verdict"] == "proved");
  CHECK(report["engine"] == "sat");
  std::vector<std::string> blocks;
  for (const auto& b : report["blocks"]) {
    INFO(b.dump());
    blocks.push_back(b["name"]);
    CHECK(b["proof"].get<std::string>().find("guarantee by ") != std::string::npos);
  }
  CHECK(blocks == names);
  REQUIRE(report["shared_cuts"].size() == names.size());
  for (const auto& c : report["shared_cuts"]) CHECK(c["proof"] == "abstracted as a proved block");
  for (const auto& o : report["obligations"]) CHECK(o["result"] == "unsat");
}

}  // namespace tc::test
