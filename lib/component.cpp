// Parameter lookup for registry entries (see component.hpp).
#include "lib/component.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace tc {

int* Params::field(const std::string& name) {
  return const_cast<int*>(static_cast<const Params&>(*this).field(name));
}

const int* Params::field(const std::string& name) const {
  if (name == "p") return &p;
  if (name == "n") return &n;
  if (name == "e") return &e;
  if (name == "rows") return &rows;
  if (name == "cols") return &cols;
  if (name == "L") return &L;
  if (name == "N") return &N;
  if (name == "D") return &D;
  if (name == "K") return &K;
  return nullptr;
}

const std::vector<FloatConstant>* Params::weight(const std::string& name, size_t count) const {
  if (weights.empty()) return nullptr;
  auto it = weights.find(name);
  if (it == weights.end())
    throw std::invalid_argument("weights: field '" + name + "' is missing (" +
                                std::to_string(count) + " values expected)");
  if (it->second.size() != count)
    throw std::invalid_argument("weights: field '" + name + "' has " +
                                std::to_string(it->second.size()) + " values, the sizes need " +
                                std::to_string(count));
  return &it->second;
}

const ParamSpec* Component::param(const std::string& name) const {
  for (const auto& ps : params)
    if (ps.name == name) return &ps;
  return nullptr;
}

bool Component::declares(const std::string& flag) const {
  for (const auto& f : flags)
    if (f.name == flag) return true;
  return false;
}

const ParamSpec& Component::p_spec() const {
  if (const ParamSpec* ps = param("p")) return *ps;
  throw std::logic_error("component " + name + " declares no parameter p");
}

int Component::p_max(const Params& params, bool stats_only) const {
  // A flag that sets its own largest p (a variant of another size) decides; with several, the
  // narrowest bounds the widest.
  int widest = 0, narrowest = std::numeric_limits<int>::max();
  for (const FlagSpec& f : flags) {
    if (!params.flag(f.name) || f.p_max == 0) continue;
    const int reach = stats_only ? std::max(f.p_max, f.stats_p_max) : f.p_max;
    widest = std::max(widest, reach);
    narrowest = std::min(narrowest, reach);
  }
  if (widest > 0) return narrowest < p_spec().max ? narrowest : widest;
  if (!stats_only) return p_spec().max;
  return std::max(p_spec().max, stats_p_max > 0 ? stats_p_max : kStatsOnlyPMax);
}

Params Component::defaults() const {
  Params out;
  for (const auto& ps : params) *out.field(ps.name) = ps.default_value;
  return out;
}

ParamSpec p_param(int min, int max, int default_value) {
  return {"p", min, max, default_value, "precision: significand bits (operand width for integers)"};
}

ParamSpec e_param(int default_value, int max) {
  return {"e", 2, max, default_value, "float exponent bits (default p + 1)"};
}

}  // namespace tc
