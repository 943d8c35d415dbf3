// Bit-parallel simulation (see simulate.hpp).
#include "lib/simulate.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>

namespace tc {

template <int W>
BasicSimulator<W>::BasicSimulator(const Circuit& circuit)
    : circuit_(circuit), values_(W * static_cast<size_t>(circuit.num_nodes()), 0) {
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
  slots_.resize(2 * W * static_cast<size_t>(max_width));
  sum_.resize(W * static_cast<size_t>(max_width));
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
    sum_planes_.resize(sum_planes_.size() + W * size_t{gates_[gates[0]].width});
    for (uint32_t k : gates) gates_[k].shared = static_cast<int32_t>(shared_.size() - 1);
  }
}

namespace {

// The W words of a literal: its node's words, complemented when the literal is.
template <int W>
void load_literal(const uint64_t* values, uint32_t literal, uint64_t* out) {
  const uint64_t flip = 0 - static_cast<uint64_t>(literal & 1);
  const uint64_t* v = values + W * static_cast<size_t>(literal >> 1);
  for (int k = 0; k < W; ++k) out[k] = v[k] ^ flip;
}

template <int W>
bool all_equal(const uint64_t* x, uint64_t word) {
  bool same = true;
  for (int k = 0; k < W; ++k) same &= x[k] == word;
  return same;
}

}  // namespace

// Sum of weights over the lanes, as a carry-save counter: bit position b holds up to two words
// (slots 2b and 2b + 1, W machine words each; masks `one` and `two` say which are in use). A
// third makes a full adder whose sum stays and whose carry moves up, so each weight bit added
// costs about one full adder for 64 W lanes. A lane's count never exceeds the gate's weight sum,
// so no carry leaves the counter's width. Fanins that are 0 in every lane are skipped; those
// that are 1 in every lane are returned as one number instead (the offset). The counter is then
// resolved into `planes` (g.width planes of W words, plane b = bit b of each lane's sum).
template <int W>
int64_t BasicSimulator<W>::weighted_sum(const Gate& g, uint64_t* planes) {
  const uint64_t* values = values_.data();
  const uint32_t* fanins = fanins_.data();
  const int64_t* weights = weights_.data();
  uint64_t* slot = slots_.data();
  uint64_t one = 0, two = 0;
  int64_t offset = 0;
  uint64_t x[W], v[W];
  for (uint32_t i = g.first; i < g.first + g.count; ++i) {
    load_literal<W>(values, fanins[i], x);
    if (all_equal<W>(x, 0)) continue;
    if (all_equal<W>(x, ~0ull)) {
      offset += weights[i];
      continue;
    }
    for (uint64_t w = static_cast<uint64_t>(weights[i]); w; w &= w - 1) {
      std::copy(x, x + W, v);
      for (int b = std::countr_zero(w);; ++b) {
        assert(b < g.width);
        const uint64_t at = uint64_t{1} << b;
        uint64_t* s0 = slot + 2 * W * b;
        uint64_t* s1 = s0 + W;
        if (!(one & at)) {
          std::copy(v, v + W, s0);
          one |= at;
          break;
        }
        if (!(two & at)) {
          std::copy(v, v + W, s1);
          two |= at;
          break;
        }
        uint64_t carries = 0;
        for (int k = 0; k < W; ++k) {
          const uint64_t a = s0[k], c = s1[k];
          s0[k] = a ^ c ^ v[k];
          v[k] = (a & c) | ((a ^ c) & v[k]);
          carries |= v[k];
        }
        two &= ~at;
        if (!carries) break;
      }
    }
  }
  // Resolve the two words per position into one sum (ripple carry).
  uint64_t carry[W] = {};
  for (int b = 0; b < g.width; ++b) {
    const bool has_one = (one >> b) & 1, has_two = (two >> b) & 1;
    const uint64_t* s0 = slot + 2 * W * b;
    const uint64_t* s1 = s0 + W;
    for (int k = 0; k < W; ++k) {
      const uint64_t a = has_one ? s0[k] : 0;
      const uint64_t c = has_two ? s1[k] : 0;
      planes[W * b + k] = a ^ c ^ carry[k];
      carry[k] = (a & c) | ((a ^ c) & carry[k]);
    }
  }
  return offset;
}

namespace {

// The lanes whose sum (planes, least significant first) reaches t, compared from the most
// significant bit down (t <= weight sum < 2^(width - 1)), until every lane is decided.
template <int W>
void sum_at_least(const uint64_t* planes, int width, int64_t threshold, uint64_t* out) {
  if (threshold <= 0) {
    std::fill(out, out + W, ~0ull);
    return;
  }
  const uint64_t t = static_cast<uint64_t>(threshold);
  uint64_t greater[W] = {}, equal[W];
  std::fill(equal, equal + W, ~0ull);
  for (int b = width - 1; b >= 0; --b) {
    const uint64_t tb = ((t >> b) & 1) ? ~0ull : 0ull;
    uint64_t undecided = 0;
    for (int k = 0; k < W; ++k) {
      greater[k] |= equal[k] & planes[W * b + k] & ~tb;
      equal[k] &= ~(planes[W * b + k] ^ tb);
      undecided |= equal[k];
    }
    if (!undecided) break;
  }
  for (int k = 0; k < W; ++k) out[k] = greater[k] | equal[k];
}

}  // namespace

template <int W>
void BasicSimulator<W>::threshold_value(const Gate& g, uint64_t* out) {
  if (g.shared < 0) {
    const int64_t offset = weighted_sum(g, sum_.data());
    sum_at_least<W>(sum_.data(), g.width, g.threshold - offset, out);
    return;
  }
  SharedSum& s = shared_[static_cast<size_t>(g.shared)];
  uint64_t* planes = sum_planes_.data() + s.planes;
  if (s.run != run_) {
    s.offset = weighted_sum(g, planes);
    s.run = run_;
  }
  sum_at_least<W>(planes, g.width, g.threshold - s.offset, out);
}

template <int W>
void BasicSimulator<W>::set_inputs(const std::vector<uint64_t>& lanes) {
  const auto& inputs = circuit_.input_nodes();
  if (lanes.size() != W * inputs.size())
    throw std::invalid_argument("simulate: wrong number of inputs");
  for (size_t i = 0; i < inputs.size(); ++i)
    for (int k = 0; k < W; ++k) values_[W * inputs[i] + k] = lanes[W * i + k];
  ++run_;  // every shared sum is stale now
}

template <int W>
void BasicSimulator<W>::evaluate(const Gate& g) {
  uint64_t* out = values_.data() + W * static_cast<size_t>(g.node);
  uint64_t x[W];
  switch (g.kind) {
    case GateKind::Xor:
      load_literal<W>(values_.data(), fanins_[g.first], out);
      load_literal<W>(values_.data(), fanins_[g.first + 1], x);
      for (int k = 0; k < W; ++k) out[k] ^= x[k];
      break;
    case GateKind::And:
      std::fill(out, out + W, ~0ull);
      for (uint32_t i = g.first; i < g.first + g.count; ++i) {
        load_literal<W>(values_.data(), fanins_[i], x);
        for (int k = 0; k < W; ++k) out[k] &= x[k];
      }
      break;
    case GateKind::Or:
      std::fill(out, out + W, 0ull);
      for (uint32_t i = g.first; i < g.first + g.count; ++i) {
        load_literal<W>(values_.data(), fanins_[i], x);
        for (int k = 0; k < W; ++k) out[k] |= x[k];
      }
      break;
    case GateKind::Threshold:  // reads its fanins' words only, never its own
      threshold_value(g, out);
      break;
  }
}

template <int W>
void BasicSimulator<W>::run(const std::vector<uint64_t>& lanes) {
  set_inputs(lanes);
  for (const Gate& g : gates_) evaluate(g);
}

template <int W>
void BasicSimulator<W>::run_constraints(const std::vector<uint64_t>& lanes) {
  set_inputs(lanes);
  for (uint32_t i : constraint_gates_) evaluate(gates_[i]);
}

template <int W>
uint64_t BasicSimulator<W>::valid_lanes(int word) const {
  uint64_t v = ~0ull;
  for (Signal s : circuit_.constraints()) v &= value(s, word);
  return v;
}

template class BasicSimulator<1>;
template class BasicSimulator<4>;

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

namespace {

// Exhaustive runs take 256 lanes per round: lane 64 k + j of round r is assignment
// r * 256 + 64 k + j of the enumerated inputs. The low eight vary within the round (six across a
// word's lanes, two across its words), the others are round r's bits.
constexpr int kWords = 4;
using WideSimulator = BasicSimulator<kWords>;

void enumeration_lanes(uint64_t r, const std::vector<int>& used, std::vector<uint64_t>& lanes) {
  static constexpr uint64_t kPattern[6] = {0xAAAAAAAAAAAAAAAAull, 0xCCCCCCCCCCCCCCCCull,
                                           0xF0F0F0F0F0F0F0F0ull, 0xFF00FF00FF00FF00ull,
                                           0xFFFF0000FFFF0000ull, 0xFFFFFFFF00000000ull};
  std::fill(lanes.begin(), lanes.end(), 0);
  for (size_t j = 0; j < used.size(); ++j)
    for (int k = 0; k < kWords; ++k) {
      const bool set = j < 6 ? true : j < 8 ? ((k >> (j - 6)) & 1) : ((r >> (j - 8)) & 1);
      lanes[kWords * used[j] + k] = !set ? 0 : j < 6 ? kPattern[j] : ~0ull;
    }
}

void random_lanes(const Circuit& a, bool valid_floats, std::mt19937_64& rng,
                  std::vector<uint64_t>& lanes) {
  for (auto& l : lanes) l = rng();
  if (!valid_floats) return;
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

// One side by side run of both circuits: per word, the valid lanes (of `active`) and those of
// them where some output word differs.
template <int W>
struct RoundOutcome {
  uint64_t valid[W] = {}, differing[W] = {};
};

template <int W>
RoundOutcome<W> compare_round(const Circuit& a, const Circuit& b, BasicSimulator<W>& sa,
                              BasicSimulator<W>& sb, const std::vector<uint64_t>& lanes,
                              const uint64_t* active, bool skip_invalid_rounds) {
  RoundOutcome<W> out;
  // Enumeration first runs only the constraints' gates: a round without a valid lane costs little.
  if (skip_invalid_rounds) {
    sa.run_constraints(lanes);
    sb.run_constraints(lanes);
    uint64_t any = 0;
    for (int k = 0; k < W; ++k) any |= active[k] & sa.valid_lanes(k) & sb.valid_lanes(k);
    if (!any) return out;
  }
  sa.run(lanes);
  sb.run(lanes);
  for (int k = 0; k < W; ++k) {
    out.valid[k] = active[k] & sa.valid_lanes(k) & sb.valid_lanes(k);
    for (size_t w = 0; w < a.output_words().size(); ++w) {
      const auto& ba = a.output_words()[w].bits;
      const auto& bb = b.output_words()[w].bits;
      for (size_t i = 0; i < ba.size(); ++i)
        out.differing[k] |= sa.value(ba[i], k) ^ sb.value(bb[i], k);
    }
    out.differing[k] &= out.valid[k];
  }
  return out;
}

// The assignment of the first differing lane of a round (lanes laid out W words per input).
template <int W>
std::optional<Assignment> first_difference_in(const RoundOutcome<W>& o,
                                              const std::vector<uint64_t>& lanes) {
  for (int k = 0; k < W; ++k) {
    if (!o.differing[k]) continue;
    const int lane = std::countr_zero(o.differing[k]);
    Assignment input(lanes.size() / W);
    for (size_t i = 0; i < input.size(); ++i) input[i] = (lanes[W * i + k] >> lane) & 1;
    return input;
  }
  return std::nullopt;
}

template <int W>
uint64_t valid_count(const RoundOutcome<W>& o) {
  uint64_t n = 0;
  for (int k = 0; k < W; ++k) n += std::popcount(o.valid[k]);
  return n;
}

// Orders the enumerated inputs so that those the input constraints depend on least vary fastest,
// within a round: a round's lanes then tend to be valid or invalid together, and skipping the
// rounds without a valid lane skips more (a float's leading significand bit, on which validity
// turns, varies between rounds, not within one). The dependence is measured, not read from the
// cones (a float's zero test reads every bit): on random lanes, how often flipping an input flips
// validity. Stable, and the same for every run of the same pair.
void order_by_validity_sensitivity(const Circuit& a, const Circuit& b, std::vector<int>& used) {
  if (a.constraints().empty() && b.constraints().empty()) return;
  Simulator sa(a), sb(b);
  std::mt19937_64 rng(7);
  std::vector<uint64_t> lanes(a.num_input_bits());
  std::vector<int> flips(lanes.size(), 0);
  const auto valid = [&] {
    sa.run_constraints(lanes);
    sb.run_constraints(lanes);
    return sa.valid_lanes() & sb.valid_lanes();
  };
  for (int round = 0; round < 4; ++round) {
    for (auto& l : lanes) l = rng();
    const uint64_t base = valid();
    for (int i : used) {
      lanes[i] = ~lanes[i];
      flips[i] += std::popcount(base ^ valid());
      lanes[i] = ~lanes[i];
    }
  }
  std::stable_sort(used.begin(), used.end(), [&](int i, int j) { return flips[i] < flips[j]; });
}

CompareResult compare_random(const Circuit& a, const Circuit& b, const CompareParams& params) {
  Simulator sa(a), sb(b);
  CompareResult result;
  std::vector<uint64_t> lanes(a.num_input_bits());
  std::mt19937_64 rng(params.seed);
  const uint64_t report_every = std::max<uint64_t>(1, params.random_rounds / 100);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(params.timeout_seconds);
  for (uint64_t r = 0; r < params.random_rounds; ++r) {
    if (params.timeout_seconds > 0 && std::chrono::steady_clock::now() > deadline) return result;
    random_lanes(a, params.valid_floats, rng, lanes);
    const uint64_t all = ~0ull;
    const RoundOutcome<1> o = compare_round<1>(a, b, sa, sb, lanes, &all, false);
    result.valid_points += valid_count(o);
    if (auto d = first_difference_in(o, lanes)) {
      result.difference = d;
      return result;
    }
    if (params.progress && (r + 1) % report_every == 0)
      params.progress(static_cast<double>(r + 1) / static_cast<double>(params.random_rounds));
  }
  return result;
}

// Every assignment of the `used` inputs, in rounds of 256, on params.threads threads that take
// chunks of rounds in order. The result does not depend on the thread count: the difference
// reported is the first in enumeration order (every chunk before its round is finished), and the
// valid points are those of the rounds up to it (or of all rounds).
CompareResult compare_exhaustive(const Circuit& a, const Circuit& b, const std::vector<int>& used,
                                 const CompareParams& params) {
  const int n_used = static_cast<int>(used.size());
  const uint64_t rounds = n_used <= 8 ? 1 : (1ull << (n_used - 8));
  uint64_t active[kWords];  // lanes of the one round of fewer than 8 inputs that are assignments
  for (int k = 0; k < kWords; ++k) {
    const uint64_t first = 64 * static_cast<uint64_t>(k), points = uint64_t{1} << n_used;
    active[k] = points >= first + 64 ? ~0ull
                : points <= first    ? 0
                                     : (uint64_t{1} << (points - first)) - 1;
  }
  const uint64_t chunk = std::max<uint64_t>(1, (rounds + 65535) / 65536);
  const uint64_t chunks = (rounds + chunk - 1) / chunk;
  const int threads = static_cast<int>(
      std::clamp<uint64_t>(static_cast<uint64_t>(std::max(params.threads, 1)), 1, chunks));
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(params.timeout_seconds);

  std::vector<uint64_t> chunk_valid(chunks, 0);  // each written by the one thread that ran it
  std::atomic<uint64_t> next_chunk{0}, chunks_done{0};
  std::atomic<uint64_t> first_difference{~0ull};  // round of the earliest difference found
  std::atomic<bool> timed_out{false};
  std::mutex found;
  Assignment difference;
  std::exception_ptr failure;

  const auto worker = [&](bool reports) {
    try {
      WideSimulator sa(a), sb(b);
      std::vector<uint64_t> lanes(kWords * static_cast<size_t>(a.num_input_bits()));
      uint64_t reported = 0;
      for (;;) {
        const uint64_t c = next_chunk.fetch_add(1);
        if (c >= chunks || c * chunk > first_difference.load() || timed_out.load()) return;
        uint64_t valid = 0;
        for (uint64_t r = c * chunk; r < std::min(rounds, (c + 1) * chunk); ++r) {
          if (r > first_difference.load(std::memory_order_relaxed)) break;  // not counted
          if (params.timeout_seconds > 0 && std::chrono::steady_clock::now() > deadline) {
            timed_out.store(true);
            return;
          }
          enumeration_lanes(r, used, lanes);
          const RoundOutcome<kWords> o = compare_round<kWords>(a, b, sa, sb, lanes, active, true);
          valid += valid_count(o);
          if (auto d = first_difference_in(o, lanes)) {
            const std::lock_guard<std::mutex> lock(found);
            if (r < first_difference.load()) {
              first_difference.store(r);
              difference = *d;
            }
            break;
          }
        }
        chunk_valid[c] = valid;
        const uint64_t done = chunks_done.fetch_add(1) + 1;
        if (reports && params.progress && done * 100 / chunks > reported) {
          reported = done * 100 / chunks;
          params.progress(static_cast<double>(done) / static_cast<double>(chunks));
        }
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(found);
      if (!failure) failure = std::current_exception();
      timed_out.store(true);  // stops the others
    }
  };
  std::vector<std::thread> helpers;
  for (int t = 1; t < threads; ++t) helpers.emplace_back(worker, false);
  worker(true);
  for (auto& t : helpers) t.join();
  if (failure) std::rethrow_exception(failure);

  CompareResult result;
  const uint64_t last = first_difference.load();
  const uint64_t counted_chunks = last == ~0ull ? chunks : last / chunk + 1;
  for (uint64_t c = 0; c < counted_chunks; ++c) result.valid_points += chunk_valid[c];
  if (last != ~0ull) {
    result.difference = difference;
    return result;
  }
  result.complete = !timed_out.load();
  return result;
}

}  // namespace

CompareResult compare_by_simulation(const Circuit& a, const Circuit& b,
                                    const CompareParams& params) {
  check_same_interface(a, b);
  if (params.random_rounds) return compare_random(a, b, params);
  // Exhaustive runs enumerate only the inputs some output or constraint reads (a block fed a
  // constant leaves its input bits unread); the others stay 0.
  std::vector<int> used = used_input_positions(a, b);
  if (used.size() > 40)
    throw std::invalid_argument("exhaustive simulation over " + std::to_string(used.size()) +
                                " input bits is not feasible");
  order_by_validity_sensitivity(a, b, used);
  return compare_exhaustive(a, b, used, params);
}

}  // namespace tc
