// Integer oracle check by simulation (see int_oracle_check.hpp).
#include "tests/int_oracle_check.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>

#include "lib/simulate.hpp"

namespace tc::test {

std::string first_mismatch(const Circuit& circuit,
                           const std::function<Values(const Values&)>& expected,
                           uint64_t random_rounds) {
  const int n = circuit.num_input_bits();
  if (random_rounds == 0 && n > 26)
    throw std::invalid_argument(circuit.name() + ": too many inputs to enumerate");
  Simulator sim(circuit);
  std::mt19937_64 rng(7);
  const uint64_t assignments = uint64_t{1} << std::min(n, 63);
  const uint64_t rounds = random_rounds ? random_rounds : (assignments + 63) / 64;
  std::vector<uint64_t> lanes(n);
  for (uint64_t r = 0; r < rounds; ++r) {
    const uint64_t base = r * 64;
    const uint64_t active = random_rounds ? 64 : std::min<uint64_t>(64, assignments - base);
    for (int i = 0; i < n; ++i) {
      if (random_rounds) {
        lanes[i] = rng();
        continue;
      }
      uint64_t lane_bits = 0;
      for (uint64_t j = 0; j < active; ++j) lane_bits |= (((base + j) >> i) & 1) << j;
      lanes[i] = lane_bits;
    }
    sim.run(lanes);
    auto word_value = [&](const Word& w, uint64_t lane) {
      uint64_t v = 0;
      for (size_t b = 0; b < w.bits.size(); ++b) v |= ((sim.value(w.bits[b]) >> lane) & 1) << b;
      return v;
    };
    for (uint64_t j = 0; j < active; ++j) {
      Values in, out;
      for (const Word& w : circuit.input_words()) in.push_back(word_value(w, j));
      for (const Word& w : circuit.output_words()) out.push_back(word_value(w, j));
      const Values want = expected(in);
      if (out != want) {
        std::ostringstream s;
        s << circuit.name() << ": inputs";
        for (uint64_t v : in) s << ' ' << v;
        s << " gave " << out[0] << ", expected " << want[0];
        return s.str();
      }
    }
  }
  return "";
}

Values product_of(const Values& words) {
  return {std::accumulate(words.begin(), words.end(), uint64_t{1}, std::multiplies<>())};
}

}  // namespace tc::test
