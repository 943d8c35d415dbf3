// Bit-parallel simulation (see simulate.hpp).
#include "lib/simulate.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <random>
#include <stdexcept>

namespace tc {

namespace {

// Topological order of the gates in the cone of the outputs and the constraints. Nodes are
// created after their fanins, so increasing index order is topological.
std::vector<uint32_t> cone_order(const Circuit& c) {
  const std::vector<char> needed = c.cone_of_outputs_and_constraints();
  std::vector<uint32_t> order;
  for (uint32_t n = 1; n < c.num_nodes(); ++n) {
    auto kind = c.node(n).kind;
    if (needed[n] && (kind == NodeKind::Threshold || kind == NodeKind::Xor)) order.push_back(n);
  }
  return order;
}

}  // namespace

Simulator::Simulator(const Circuit& circuit)
    : circuit_(circuit), order_(cone_order(circuit)), values_(circuit.num_nodes(), 0) {}

void Simulator::run(const std::vector<uint64_t>& lanes) {
  const auto& inputs = circuit_.input_nodes();
  if (lanes.size() != inputs.size())
    throw std::invalid_argument("simulate: wrong number of inputs");
  for (size_t i = 0; i < inputs.size(); ++i) values_[inputs[i]] = lanes[i];
  std::vector<uint64_t> counter;  // bit-sliced per-lane sums, LSB first
  for (uint32_t n : order_) {
    const Node& node = circuit_.node(n);
    if (node.kind == NodeKind::Xor) {
      values_[n] = value(node.fanins[0]) ^ value(node.fanins[1]);
      continue;
    }
    if (node.is_and()) {
      uint64_t v = ~0ull;
      for (Signal f : node.fanins) v &= value(f);
      values_[n] = v;
      continue;
    }
    if (node.is_or()) {
      uint64_t v = 0;
      for (Signal f : node.fanins) v |= value(f);
      values_[n] = v;
      continue;
    }
    const size_t k = node.fanins.size();
    int64_t total = 0;
    for (int64_t w : node.weights) total += w;
    const int width = std::bit_width(static_cast<uint64_t>(total)) + 1;
    counter.assign(width, 0);
    for (size_t i = 0; i < k; ++i) {
      const uint64_t x = value(node.fanins[i]);
      if (!x) continue;
      uint64_t w = static_cast<uint64_t>(node.weights[i]);
      for (int j = 0; w; ++j, w >>= 1) {
        if (!(w & 1)) continue;
        uint64_t carry = x;
        for (int b = j; carry && b < width; ++b) {
          uint64_t next = counter[b] & carry;
          counter[b] ^= carry;
          carry = next;
        }
      }
    }
    // sum >= threshold, compared bit-sliced from the most significant bit down.
    const uint64_t t = static_cast<uint64_t>(node.threshold);
    uint64_t greater = 0, equal = ~0ull;
    for (int b = width - 1; b >= 0; --b) {
      const uint64_t tb = ((b < 64) && ((t >> b) & 1)) ? ~0ull : 0ull;
      greater |= equal & counter[b] & ~tb;
      equal &= ~(counter[b] ^ tb);
    }
    values_[n] = greater | equal;
  }
}

uint64_t Simulator::valid_lanes() const {
  uint64_t v = ~0ull;
  for (Signal s : circuit_.constraints()) v &= value(s);
  return v;
}

namespace {

std::vector<uint64_t> broadcast(const Assignment& input) {
  std::vector<uint64_t> lanes(input.size());
  for (size_t i = 0; i < input.size(); ++i) lanes[i] = input[i] ? ~0ull : 0ull;
  return lanes;
}

}  // namespace

std::vector<std::vector<bool>> simulate_outputs(const Circuit& circuit, const Assignment& input) {
  Simulator sim(circuit);
  sim.run(broadcast(input));
  std::vector<std::vector<bool>> out;
  for (const auto& w : circuit.output_words()) {
    std::vector<bool> bits;
    for (Signal s : w.bits) bits.push_back(sim.value(s) & 1);
    out.push_back(bits);
  }
  return out;
}

bool satisfies_constraints(const Circuit& circuit, const Assignment& input) {
  Simulator sim(circuit);
  sim.run(broadcast(input));
  return sim.valid_lanes() & 1;
}

void check_same_interface(const Circuit& a, const Circuit& b) {
  const auto& ia = a.input_words();
  const auto& ib = b.input_words();
  if (ia.size() != ib.size())
    throw std::invalid_argument("'" + a.name() + "' and '" + b.name() + "' differ in input words");
  for (size_t i = 0; i < ia.size(); ++i)
    if (ia[i].name != ib[i].name || ia[i].bits.size() != ib[i].bits.size())
      throw std::invalid_argument("input word '" + ia[i].name + "' of '" + a.name() +
                                  "' does not match '" + ib[i].name + "' of '" + b.name() + "'");
  const auto& oa = a.output_words();
  const auto& ob = b.output_words();
  if (oa.size() != ob.size())
    throw std::invalid_argument("'" + a.name() + "' and '" + b.name() + "' differ in output words");
  for (size_t i = 0; i < oa.size(); ++i)
    if (oa[i].name != ob[i].name || oa[i].bits.size() != ob[i].bits.size())
      throw std::invalid_argument("output word '" + oa[i].name + "' of '" + a.name() +
                                  "' does not match '" + ob[i].name + "' of '" + b.name() + "'");
}

std::vector<int> used_input_positions(const Circuit& a, const Circuit& b) {
  const std::vector<char> cone_a = a.cone_of_outputs_and_constraints();
  const std::vector<char> cone_b = b.cone_of_outputs_and_constraints();
  std::vector<int> used;
  for (size_t i = 0; i < a.input_nodes().size(); ++i)
    if (cone_a[a.input_nodes()[i]] || (i < b.input_nodes().size() && cone_b[b.input_nodes()[i]]))
      used.push_back(static_cast<int>(i));
  return used;
}

CompareResult compare_by_simulation(const Circuit& a, const Circuit& b,
                                    const CompareParams& params) {
  check_same_interface(a, b);
  const int n = a.num_input_bits();
  // Exhaustive runs enumerate only the inputs some output or constraint reads (a block fed a
  // constant leaves its input bits unread); the others stay 0.
  const std::vector<int> used = used_input_positions(a, b);
  const int n_used = static_cast<int>(used.size());
  if (params.random_rounds == 0 && n_used > 40)
    throw std::invalid_argument("exhaustive simulation over " + std::to_string(n_used) +
                                " input bits is not feasible");
  Simulator sa(a), sb(b);
  CompareResult result;
  std::vector<uint64_t> lanes(n);
  std::mt19937_64 rng(params.seed);
  const uint64_t rounds =
      params.random_rounds ? params.random_rounds : ((n_used <= 6) ? 1 : (1ull << (n_used - 6)));
  const uint64_t report_every = std::max<uint64_t>(1, rounds / 100);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(params.timeout_seconds);
  for (uint64_t r = 0; r < rounds; ++r) {
    if (params.timeout_seconds > 0 && std::chrono::steady_clock::now() > deadline) return result;
    uint64_t active = ~0ull;
    if (params.random_rounds) {
      for (auto& l : lanes) l = rng();
      if (params.valid_floats) {
        size_t offset = 0;
        for (const Word& w : a.input_words()) {
          if (w.decoding.kind == Decoding::Kind::Float) {
            const uint64_t zero = rng() & rng() & rng();
            lanes[offset + w.decoding.p - 1] = ~0ull;
            for (size_t i = 0; i < w.bits.size(); ++i) lanes[offset + i] &= ~zero;
          }
          offset += w.bits.size();
        }
      }
    } else {
      // Lane j of round r is assignment r * 64 + j: low six bits vary across lanes.
      static constexpr uint64_t kPattern[6] = {0xAAAAAAAAAAAAAAAAull, 0xCCCCCCCCCCCCCCCCull,
                                               0xF0F0F0F0F0F0F0F0ull, 0xFF00FF00FF00FF00ull,
                                               0xFFFF0000FFFF0000ull, 0xFFFFFFFF00000000ull};
      std::fill(lanes.begin(), lanes.end(), 0);
      for (int j = 0; j < n_used; ++j)
        lanes[used[j]] = j < 6 ? kPattern[j] : (((r >> (j - 6)) & 1) ? ~0ull : 0ull);
      if (n_used < 6) active = (1ull << (1u << n_used)) - 1;
    }
    sa.run(lanes);
    sb.run(lanes);
    const uint64_t valid = active & sa.valid_lanes() & sb.valid_lanes();
    uint64_t diff = 0;
    for (size_t w = 0; w < a.output_words().size(); ++w) {
      const auto& ba = a.output_words()[w].bits;
      const auto& bb = b.output_words()[w].bits;
      for (size_t i = 0; i < ba.size(); ++i) diff |= sa.value(ba[i]) ^ sb.value(bb[i]);
    }
    diff &= valid;
    result.valid_points += std::popcount(valid);
    if (diff) {
      const int lane = std::countr_zero(diff);
      Assignment cex(n);
      for (int i = 0; i < n; ++i) cex[i] = (lanes[i] >> lane) & 1;
      result.difference = cex;
      return result;
    }
    if (params.progress && (r + 1) % report_every == 0)
      params.progress(static_cast<double>(r + 1) / static_cast<double>(rounds));
  }
  result.complete = params.random_rounds == 0;
  return result;
}

}  // namespace tc
