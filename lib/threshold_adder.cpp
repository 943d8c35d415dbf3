// The adder network of a threshold gate (see threshold_adder.hpp).
#include "lib/threshold_adder.hpp"

#include <cassert>
#include <deque>

namespace tc {

namespace {

// Bit columns of the weights: columns[b] lists the literals whose weight has bit b set.
std::vector<std::deque<SinkLit>> threshold_adder_columns(const std::vector<ThresholdTerm>& terms) {
  std::vector<std::deque<SinkLit>> columns;
  for (const ThresholdTerm& t : terms) {
    assert(t.weight >= 1);
    for (int b = 0; b < 63 && (t.weight >> b) != 0; ++b) {
      if (columns.size() <= size_t(b)) columns.resize(size_t(b) + 1);
      if ((t.weight >> b) & 1) columns[size_t(b)].push_back(t.lit);
    }
  }
  return columns;
}

}  // namespace

// Each column is a queue: adders take bits from the back and put their sum bit at the front, so
// the bits a column started with are added before the sums of sums (a balanced reduction).
std::vector<SinkLit> threshold_adder_sum(GateSink& sink, const std::vector<ThresholdTerm>& terms) {
  std::vector<std::deque<SinkLit>> columns = threshold_adder_columns(terms);
  std::vector<SinkLit> bits;
  for (size_t b = 0; b < columns.size(); ++b) {
    // Not a reference: the carries below may grow `columns`.
    std::deque<SinkLit> col = std::move(columns[b]);
    std::vector<SinkLit> carries;
    while (col.size() >= 2) {
      const SinkLit x = col.back();
      col.pop_back();
      const SinkLit y = col.back();
      col.pop_back();
      if (!col.empty()) {
        const SinkLit z = col.back();
        col.pop_back();
        col.push_front(sink.xor2(sink.xor2(x, y), z));
        carries.push_back(sink.majority3(x, y, z));
      } else {
        col.push_front(sink.xor2(x, y));
        carries.push_back(sink.and2(x, y));
      }
    }
    if (!carries.empty()) {
      if (columns.size() <= b + 1) columns.resize(b + 2);
      for (SinkLit c : carries) columns[b + 1].push_back(c);
    }
    bits.push_back(col.empty() ? sink.constant(false) : col.front());
  }
  return bits;
}

SinkLit threshold_adder_compare(GateSink& sink, const std::vector<SinkLit>& sum_bits, int64_t T) {
  if (T <= 0) return sink.constant(true);
  if (sum_bits.size() < 63 && (T >> sum_bits.size()) != 0) return sink.constant(false);
  SinkLit c = sink.constant(true);  // no bits compared yet: 0 >= 0
  for (size_t b = 0; b < sum_bits.size(); ++b) {
    const bool t = b < 63 && ((T >> b) & 1);
    // With t_b = 1 the low part of S reaches T's only if s_b is set and the lower bits reach;
    // with t_b = 0 a set s_b suffices, else the lower bits decide.
    c = t ? sink.and2(sum_bits[b], c) : sink.or2(sum_bits[b], c);
  }
  return c;
}

ThresholdAdderSize threshold_adder_size(const std::vector<ThresholdTerm>& terms) {
  std::vector<int64_t> heights;
  for (const ThresholdTerm& t : terms)
    for (int b = 0; b < 63 && (t.weight >> b) != 0; ++b) {
      if (heights.size() <= size_t(b)) heights.resize(size_t(b) + 1, 0);
      if ((t.weight >> b) & 1) ++heights[size_t(b)];
    }
  ThresholdAdderSize size;
  for (size_t b = 0; b < heights.size(); ++b) {
    int64_t k = heights[b], carries = 0;
    // Mirrors threshold_adder_sum: a full adder takes 3 bits and leaves 1, a half adder 2 and 1.
    while (k >= 2) {
      if (k >= 3) {
        ++size.full_adders;
        k -= 2;
      } else {
        ++size.half_adders;
        k -= 1;
      }
      ++carries;
    }
    if (carries > 0) {
      if (heights.size() <= b + 1) heights.resize(b + 2, 0);
      heights[b + 1] += carries;
    }
  }
  size.sum_bits = int64_t(heights.size());
  return size;
}

}  // namespace tc
