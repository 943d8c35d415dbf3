// Tests of the Graphviz exporter (lib/export/dot.hpp): gate labels, dashed complemented wires,
// one rank per depth, and well-formed output for every registered component (parsed by
// Graphviz itself when it is installed).
#include "lib/export/dot.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "tests/export/sweep.hpp"
#include "verify/registry.hpp"

using namespace tc;

namespace {

std::string dot_of(const Circuit& c) {
  std::ostringstream out;
  write_dot(out, c);
  return out.str();
}

bool contains(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

// stdout of a shell command.
std::string run(const std::string& cmd) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 4096> buf;
  for (size_t n; (n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0;) out.append(buf.data(), n);
  return out;
}

}  // namespace

TEST_CASE("gates are labelled by kind or by their inequality", "[dot]") {
  Circuit c("labels");
  Bits a = c.add_input_word("a", 2, Decoding::unsigned_int());
  Bits b = c.add_input_word("b", 2, Decoding::unsigned_int());
  Bits s = c.add_input_word("s", 1, Decoding::boolean());
  const Signal weighted = c.create_threshold({a[0], b[1], s[0]}, {2, -2, 1}, 1);
  const Signal both = c.create_and(a[0], !b[0]);
  const Signal maj = c.create_majority({a[1], b[1], s[0]});
  const Signal x = c.create_xor(both, weighted);
  c.add_output_word("y", {x, c.create_or(maj, !weighted)}, Decoding::unsigned_int());
  c.add_constraint(!c.create_and(a[1], b[1]));
  const std::string dot = dot_of(c);
  INFO(dot);
  // 2a0 - 2b1 + s >= 1  <=>  2a0 + 2!b1 + s >= 3
  CHECK(contains(dot, "[2a0 + 2!b1 + s >= 3]"));
  CHECK(contains(dot, "\\nAND\""));
  CHECK(contains(dot, "\\nMAJ\""));
  CHECK(contains(dot, "\\nOR\""));
  CHECK(contains(dot, "\\nXOR\""));
  CHECK(contains(dot, "label=\"a[0]\""));
  CHECK(contains(dot, "label=\"s[0]\""));
  CHECK(contains(dot, "label=\"y[1]\""));
  CHECK(contains(dot, "label=\"constraint 0\""));
  CHECK(contains(dot, "style=dashed, arrowhead=odot"));
  CHECK(contains(dot, "{ rank=source;"));
  CHECK(contains(dot, "{ rank=same;"));
  CHECK(contains(dot, "{ rank=sink;"));
  CHECK(dot.rfind("digraph \"labels\" {", 0) == 0);
}

TEST_CASE("nodes of equal depth share a rank", "[dot]") {
  Circuit c("chain");
  Bits a = c.add_input_word("a", 3, Decoding::unsigned_int());
  const Signal g1 = c.create_and(a[0], a[1]);
  const Signal g2 = c.create_or(a[1], a[2]);
  const Signal g3 = c.create_and(g1, g2);
  c.add_output_word("y", {g3}, Decoding::boolean());
  const std::string dot = dot_of(c);
  INFO(dot);
  auto id = [](Signal s) { return std::string("n").append(std::to_string(s.node())); };
  CHECK(contains(dot, "{ rank=same; " + id(g1) + "; " + id(g2) + "; }"));
  CHECK(contains(dot, "{ rank=same; " + id(g3) + "; }"));
  CHECK(contains(dot, "(depth 2)"));
}

TEST_CASE("every component's construction exports as valid Graphviz", "[dot]") {
  // gc (Graphviz's graph counter) parses without laying out, which takes seconds on the float
  // components; it exits 0 even on a syntax error, so its stderr is what we check.
  // scripts/install-deps.sh installs graphviz: a missing tool fails the test.
  REQUIRE(std::system("command -v gc >/dev/null 2>&1") == 0);
  const auto dir =
      std::filesystem::temp_directory_path() / ("tc-dot-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (const Component& comp : all_components()) {
    const std::string dot = dot_of(comp.construction(sweep_params(comp, 4)));
    INFO(comp.name);
    CHECK(std::count(dot.begin(), dot.end(), '{') == std::count(dot.begin(), dot.end(), '}'));
    const auto file = dir / (comp.name + ".dot");
    std::ofstream(file) << dot;
    CHECK(run("gc -n '" + file.string() + "' 2>&1 >/dev/null").empty());
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("Graphviz lays out a small exported circuit", "[dot]") {
  REQUIRE(std::system("command -v dot >/dev/null 2>&1") == 0);
  Circuit c("small");
  Bits a = c.add_input_word("a", 3, Decoding::unsigned_int());
  c.add_output_word("y", {c.create_threshold({a[0], a[1], a[2]}, {2, -1, 1}, 2), !a[2]},
                    Decoding::unsigned_int());
  const auto file = std::filesystem::temp_directory_path() /
                    ("tc-dot-small-" + std::to_string(::getpid()) + ".dot");
  std::ofstream(file) << dot_of(c);
  CHECK(run("dot -Tsvg -o /dev/null '" + file.string() + "' 2>&1").empty());
  std::filesystem::remove(file);
}
