// The interval BDD of a threshold gate (see threshold_bdd.hpp).
#include "lib/threshold_bdd.hpp"

#include <algorithm>
#include <cassert>
#include <stdexcept>
#include <string>

namespace tc {

namespace {

// Open ends of the intervals: large enough that clipped weight sums (< 2^61) never reach them and
// small enough that adding a weight cannot overflow.
constexpr int64_t kNegInf = -(int64_t(1) << 62);
constexpr int64_t kPosInf = int64_t(1) << 62;

int64_t shift(int64_t v, int64_t w) { return v == kNegInf || v == kPosInf ? v : v + w; }

struct BddNodeRef {
  SinkLit lit;
  int64_t beta, gamma;  // all residual thresholds with the same function
};

class ThresholdBddBuilder {
 public:
  // With a journal (a trial), every memo entry added is recorded there, so the trial can be
  // undone, and the budget ends it with over_budget() rather than an exception.
  ThresholdBddBuilder(GateSink& sink, ThresholdBddCache& cache,
                      const std::vector<ThresholdTerm>& terms, int64_t max_new_nodes,
                      std::vector<std::pair<int, int64_t>>* journal = nullptr)
      : sink_(sink),
        cache_(cache),
        terms_(terms),
        max_new_nodes_(max_new_nodes),
        journal_(journal) {
    const size_t n = terms.size();
    suffix_sum_.assign(n + 1, 0);
    suffix_id_.assign(n + 1, 0);
    for (size_t i = n; i-- > 0;) {
      suffix_sum_[i] = suffix_sum_[i + 1] + terms[i].weight;
      suffix_id_[i] = cache.suffix_id(suffix_id_[i + 1], terms[i].lit, terms[i].weight);
    }
  }

  // The node of [sum_{j >= i} w_j x_j >= K] with its interval. The interval of an inner node is
  // the intersection of the children's intervals, the hi one shifted by w_i: K' gives the same
  // function iff both cofactors are the same functions.
  BddNodeRef node(size_t i, int64_t K) {
    if (K <= 0) return {sink_.constant(true), kNegInf, 0};
    if (K > suffix_sum_[i]) return {sink_.constant(false), suffix_sum_[i] + 1, kPosInf};
    {
      auto& memo = cache_.memo(suffix_id_[i]);
      auto it = memo.upper_bound(K);
      if (it != memo.begin() && std::prev(it)->second.gamma >= K) {
        --it;
        return {it->second.node, it->first, it->second.gamma};
      }
    }
    const int64_t w = terms_[i].weight;
    const BddNodeRef hi = node(i + 1, K - w);
    if (over_budget_) return hi;
    const BddNodeRef lo = node(i + 1, K);
    if (over_budget_) return lo;
    BddNodeRef r{hi.lit, std::max(shift(hi.beta, w), lo.beta),
                 std::min(shift(hi.gamma, w), lo.gamma)};
    assert(r.beta <= K && K <= r.gamma);
    if (hi.lit != lo.lit) {  // else x_i is irrelevant here: reduced
      if (new_nodes_ >= max_new_nodes_ && journal_) {
        over_budget_ = true;  // a trial ends here without the cost of unwinding by an exception
        return r;
      }
      if (new_nodes_ >= max_new_nodes_)
        throw ThresholdBddTooLarge("threshold BDD exceeds " + std::to_string(max_new_nodes_) +
                                   " new nodes for one gate (fan-in " +
                                   std::to_string(terms_.size()) + ")");
      ++new_nodes_;
      r.lit = sink_.monotone_ite(terms_[i].lit, hi.lit, lo.lit);
    }
    const bool added =
        cache_.memo(suffix_id_[i]).emplace(r.beta, ThresholdBddCache::Entry{r.gamma, r.lit}).second;
    if (added && journal_) journal_->push_back({suffix_id_[i], r.beta});
    return r;
  }

  int64_t new_nodes() const { return new_nodes_; }
  bool over_budget() const { return over_budget_; }

 private:
  GateSink& sink_;
  ThresholdBddCache& cache_;
  const std::vector<ThresholdTerm>& terms_;  // in threshold_bdd_order
  std::vector<int64_t> suffix_sum_;          // suffix_sum_[i] = w_i + ... + w_{n-1}
  std::vector<int> suffix_id_;               // the cache's id of the suffix from i
  int64_t max_new_nodes_;
  int64_t new_nodes_ = 0;
  bool over_budget_ = false;  // a trial (with a journal) that needed more than max_new_nodes
  std::vector<std::pair<int, int64_t>>* journal_;
};

// The sink of a trial run: the real sink's constants (cached nodes are compared with them) and a
// stand-in literal per node, far below any DIMACS or AIGER literal; it records each node's
// operands, so an accepted trial is written into the real sink without building it again.
class ThresholdBddTrialSink : public GateSink {
 public:
  struct Ite {
    SinkLit x, hi, lo;
  };
  explicit ThresholdBddTrialSink(GateSink& real) : real_(real) {}
  SinkLit constant(bool value) override { return real_.constant(value); }
  SinkLit monotone_ite(SinkLit x, SinkLit hi, SinkLit lo) override {
    ites_.push_back({x, hi, lo});
    return kFirst - static_cast<SinkLit>(ites_.size() - 1);
  }
  // The BDD builder asks for nothing else.
  SinkLit negate(SinkLit) override { throw std::logic_error("threshold BDD trial: negate"); }
  SinkLit and2(SinkLit, SinkLit) override { throw std::logic_error("threshold BDD trial: and2"); }
  SinkLit xor2(SinkLit, SinkLit) override { throw std::logic_error("threshold BDD trial: xor2"); }

  // Writes the recorded nodes into the real sink in the order they were made (children first).
  void commit() {
    real_lits_.resize(ites_.size());
    for (size_t k = 0; k < ites_.size(); ++k)
      real_lits_[k] = real_.monotone_ite(real_literal(ites_[k].x), real_literal(ites_[k].hi),
                                         real_literal(ites_[k].lo));
  }
  // A literal of the trial in the real sink (after commit; constants and cached nodes as they are).
  SinkLit real_literal(SinkLit l) const { return l <= kFirst ? real_lits_[size_t(kFirst - l)] : l; }

 private:
  static constexpr SinkLit kFirst = -(int64_t(1) << 50);
  GateSink& real_;
  std::vector<Ite> ites_;
  std::vector<SinkLit> real_lits_;
};

// One run of the builder on stand-in literals, within max_new_nodes; its memo entries are
// journaled, so that it is either undone (the cache as before) or committed (its nodes written
// into the real sink and the entries given their real literals).
class ThresholdBddTrial {
 public:
  ThresholdBddTrial(GateSink& sink, ThresholdBddCache& cache,
                    const std::vector<ThresholdTerm>& terms, int64_t T, int64_t max_new_nodes)
      : sink_(sink), cache_(cache) {
    const std::vector<ThresholdTerm> ordered = threshold_bdd_order(terms, T);
    ThresholdBddBuilder builder(sink_, cache, ordered, max_new_nodes, &journal_);
    root_ = builder.node(0, T).lit;
    over_budget_ = builder.over_budget();
    new_nodes_ = builder.new_nodes();
  }
  bool over_budget() const { return over_budget_; }
  int64_t new_nodes() const { return new_nodes_; }
  void undo() {
    for (const auto& [suffix, beta] : journal_) cache_.memo(suffix).erase(beta);
  }
  SinkLit commit() {
    sink_.commit();
    for (const auto& [suffix, beta] : journal_) {
      SinkLit& node = cache_.memo(suffix).at(beta).node;
      node = sink_.real_literal(node);
    }
    return sink_.real_literal(root_);
  }

 private:
  ThresholdBddTrialSink sink_;
  ThresholdBddCache& cache_;
  std::vector<std::pair<int, int64_t>> journal_;
  SinkLit root_ = 0;
  bool over_budget_ = false;
  int64_t new_nodes_ = 0;
};

}  // namespace

std::vector<ThresholdTerm> threshold_bdd_order(std::vector<ThresholdTerm> terms, int64_t T) {
  for (ThresholdTerm& t : terms) t.weight = std::min(t.weight, T);
  std::stable_sort(terms.begin(), terms.end(), [](const ThresholdTerm& a, const ThresholdTerm& b) {
    return a.weight > b.weight;
  });
  return terms;
}

int ThresholdBddCache::suffix_id(int rest, SinkLit x, int64_t w) {
  auto [it, added] = suffix_ids_.try_emplace({rest, x, w}, static_cast<int>(memo_.size()));
  if (added) memo_.emplace_back();
  return it->second;
}

SinkLit threshold_bdd_build(GateSink& sink, ThresholdBddCache& cache,
                            const std::vector<ThresholdTerm>& terms, int64_t T,
                            int64_t max_new_nodes) {
  if (terms.size() > kMaxThresholdBddFanin)
    throw ThresholdBddTooLarge("threshold BDD of a gate of fan-in " + std::to_string(terms.size()) +
                               " (the builder's limit is " + std::to_string(kMaxThresholdBddFanin) +
                               ")");
  const std::vector<ThresholdTerm> ordered = threshold_bdd_order(terms, T);
#ifndef NDEBUG
  int64_t total = 0;
  for (const ThresholdTerm& t : ordered) {
    assert(t.weight >= 1);
    total += t.weight;
    assert(total < (int64_t(1) << 61));
  }
  assert(1 <= T && T <= total);
#endif
  return ThresholdBddBuilder(sink, cache, ordered, max_new_nodes).node(0, T).lit;
}

int64_t threshold_bdd_count(GateSink& sink, ThresholdBddCache& cache,
                            const std::vector<ThresholdTerm>& terms, int64_t T,
                            int64_t max_new_nodes) {
  if (terms.size() > kMaxThresholdBddFanin) return max_new_nodes + 1;
  ThresholdBddTrial trial(sink, cache, terms, T, max_new_nodes);
  trial.undo();
  return trial.over_budget() ? max_new_nodes + 1 : trial.new_nodes();
}

std::optional<SinkLit> threshold_bdd_try(GateSink& sink, ThresholdBddCache& cache,
                                         const std::vector<ThresholdTerm>& terms, int64_t T,
                                         int64_t max_new_nodes) {
  if (terms.size() > kMaxThresholdBddFanin) return std::nullopt;
  ThresholdBddTrial trial(sink, cache, terms, T, max_new_nodes);
  if (trial.over_budget()) {
    trial.undo();
    return std::nullopt;
  }
  return trial.commit();
}

}  // namespace tc
