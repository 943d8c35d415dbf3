// Bit-parallel simulation (see simulate.hpp).
#include "lib/simulate.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <chrono>
#include <map>
#include <random>
#include <stdexcept>

namespace tc {

Simulator::Simulator(const Circuit& circuit) : circuit_(circuit), values_(circuit.num_nodes(), 0) {
  // Nodes are created after their fanins, so increasing index order is topological.
  const std::vector<char> needed = circuit.cone_of_outputs_and_constraints();
  const std::vector<char> constrained = circuit.cone(circuit.constraints());
  int max_width = 0;
  for (uint32_t n = 1; n < circuit.num_nodes(); ++n) {
    const Node& node = circuit.node(n);
    if (!needed[n] || (node.kind != NodeKind::Threshold && node.kind != NodeKind::Xor)) continue;
    Gate g{n,
           GateKind::Threshold,
           0,
           static_cast<uint32_t>(fanins_.size()),
           static_cast<uint32_t>(node.fanins.size()),
           node.threshold};
    if (node.kind == NodeKind::Xor) {
      g.kind = GateKind::Xor;
    } else if (node.is_and()) {
      g.kind = GateKind::And;
    } else if (node.is_or()) {
      g.kind = GateKind::Or;
    } else {
      int64_t total = 0;
      for (int64_t w : node.weights) total += w;
      g.width = static_cast<uint8_t>(std::bit_width(static_cast<uint64_t>(total)) + 1);
      max_width = std::max<int>(max_width, g.width);
    }
    for (size_t i = 0; i < node.fanins.size(); ++i) {
      fanins_.push_back(node.fanins[i].literal());
      weights_.push_back(g.kind == GateKind::Threshold ? node.weights[i] : 0);
    }
    if (constrained[n]) constraint_gates_.push_back(static_cast<uint32_t>(gates_.size()));
    gates_.push_back(g);
  }
  slots_.resize(2 * static_cast<size_t>(max_width));
  sum_.resize(static_cast<size_t>(max_width));
  // Gates over the same weighted literals share one sum.
  std::map<std::pair<std::vector<uint32_t>, std::vector<int64_t>>, std::vector<uint32_t>> readers;
  for (uint32_t k = 0; k < gates_.size(); ++k) {
    const Gate& g = gates_[k];
    if (g.kind != GateKind::Threshold) continue;
    readers[{{fanins_.begin() + g.first, fanins_.begin() + g.first + g.count},
             {weights_.begin() + g.first, weights_.begin() + g.first + g.count}}]
        .push_back(k);
  }
  for (const auto& [form, gates] : readers) {
    if (gates.size() < 2) continue;
    shared_.push_back(SharedSum{sum_planes_.size()});
    sum_planes_.resize(sum_planes_.size() + gates_[gates[0]].width);
    for (uint32_t k : gates) gates_[k].shared = static_cast<int32_t>(shared_.size() - 1);
  }
}

namespace {

uint64_t literal_value(const std::vector<uint64_t>& values, uint32_t literal) {
  return values[literal >> 1] ^ (0 - static_cast<uint64_t>(literal & 1));
}

}  // namespace

// Sum of weights over the lanes, as a carry-save counter: bit position b holds up to two words
// (slots 2b and 2b + 1; masks `one` and `two` say which are in use). A third word makes a full
// adder whose sum stays and whose carry moves up, so each weight bit added costs about one full
// adder for 64 lanes. A lane's count never exceeds the gate's weight sum, so no carry leaves the
// counter's width. Fanins that are 0 in every lane are skipped; those that are 1 in every lane
// are returned as one number instead (the offset). The counter is then resolved into `planes`
// (g.width words, plane b = bit b of each lane's sum).
int64_t Simulator::weighted_sum(const Gate& g, uint64_t* planes) {
  const uint64_t* values = values_.data();
  const uint32_t* fanins = fanins_.data();
  const int64_t* weights = weights_.data();
  uint64_t* slot = slots_.data();
  uint64_t one = 0, two = 0;
  int64_t offset = 0;
  for (uint32_t i = g.first; i < g.first + g.count; ++i) {
    const uint64_t x = values[fanins[i] >> 1] ^ (0 - static_cast<uint64_t>(fanins[i] & 1));
    if (x == 0) continue;
    if (x == ~0ull) {
      offset += weights[i];
      continue;
    }
    for (uint64_t w = static_cast<uint64_t>(weights[i]); w; w &= w - 1) {
      uint64_t v = x;
      for (int b = std::countr_zero(w); v; ++b) {
        assert(b < g.width);
        const uint64_t at = uint64_t{1} << b;
        if (!(one & at)) {
          slot[2 * b] = v;
          one |= at;
          break;
        }
        if (!(two & at)) {
          slot[2 * b + 1] = v;
          two |= at;
          break;
        }
        const uint64_t a = slot[2 * b], c = slot[2 * b + 1];
        slot[2 * b] = a ^ c ^ v;
        v = (a & c) | ((a ^ c) & v);
        two &= ~at;
      }
    }
  }
  // Resolve the two words per position into one sum (ripple carry).
  uint64_t carry = 0;
  for (int b = 0; b < g.width; ++b) {
    const uint64_t a = ((one >> b) & 1) ? slot[2 * b] : 0;
    const uint64_t c = ((two >> b) & 1) ? slot[2 * b + 1] : 0;
    planes[b] = a ^ c ^ carry;
    carry = (a & c) | ((a ^ c) & carry);
  }
  return offset;
}

namespace {

// The lanes whose sum (planes, least significant first) reaches t, compared from the most
// significant bit down (t <= weight sum < 2^(width - 1)).
uint64_t sum_at_least(const uint64_t* planes, int width, int64_t threshold) {
  if (threshold <= 0) return ~0ull;
  const uint64_t t = static_cast<uint64_t>(threshold);
  uint64_t greater = 0, equal = ~0ull;
  for (int b = width - 1; b >= 0; --b) {
    const uint64_t tb = ((t >> b) & 1) ? ~0ull : 0ull;
    greater |= equal & planes[b] & ~tb;
    equal &= ~(planes[b] ^ tb);
  }
  return greater | equal;
}

}  // namespace

uint64_t Simulator::threshold_value(const Gate& g) {
  if (g.shared < 0) {
    const int64_t offset = weighted_sum(g, sum_.data());
    return sum_at_least(sum_.data(), g.width, g.threshold - offset);
  }
  SharedSum& s = shared_[static_cast<size_t>(g.shared)];
  uint64_t* planes = sum_planes_.data() + s.planes;
  if (s.run != run_) {
    s.offset = weighted_sum(g, planes);
    s.run = run_;
  }
  return sum_at_least(planes, g.width, g.threshold - s.offset);
}

void Simulator::set_inputs(const std::vector<uint64_t>& lanes) {
  const auto& inputs = circuit_.input_nodes();
  if (lanes.size() != inputs.size())
    throw std::invalid_argument("simulate: wrong number of inputs");
  for (size_t i = 0; i < inputs.size(); ++i) values_[inputs[i]] = lanes[i];
  ++run_;  // every shared sum is stale now
}

void Simulator::evaluate(const Gate& g) {
  uint64_t v = 0;
  switch (g.kind) {
    case GateKind::Xor:
      v = literal_value(values_, fanins_[g.first]) ^ literal_value(values_, fanins_[g.first + 1]);
      break;
    case GateKind::And:
      v = ~0ull;
      for (uint32_t i = g.first; i < g.first + g.count; ++i)
        v &= literal_value(values_, fanins_[i]);
      break;
    case GateKind::Or:
      for (uint32_t i = g.first; i < g.first + g.count; ++i)
        v |= literal_value(values_, fanins_[i]);
      break;
    case GateKind::Threshold:
      v = threshold_value(g);
      break;
  }
  values_[g.node] = v;
}

void Simulator::run(const std::vector<uint64_t>& lanes) {
  set_inputs(lanes);
  for (const Gate& g : gates_) evaluate(g);
}

uint64_t Simulator::run_constraints(const std::vector<uint64_t>& lanes) {
  set_inputs(lanes);
  for (uint32_t i : constraint_gates_) evaluate(gates_[i]);
  return valid_lanes();
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
    if (params.random_rounds == 0 &&
        (active & sa.run_constraints(lanes) & sb.run_constraints(lanes)) == 0)
      continue;  // no valid input in this round: nothing to compare
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
