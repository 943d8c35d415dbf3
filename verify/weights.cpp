// Constant weights from JSON (see weights.hpp).
#include "verify/weights.hpp"

#include <gmpxx.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "verify/input_values.hpp"

namespace tc {

namespace {

FloatConstant from_double(double d, const std::string& what) {
  if (!std::isfinite(d)) throw std::invalid_argument(what + ": not a finite number");
  if (d == 0) return {};
  int exp = 0;
  const double frac = std::frexp(d, &exp);  // d = frac * 2^exp, 0.5 <= |frac| < 1
  return {static_cast<int64_t>(std::ldexp(frac, 53)), int64_t{exp} - 53};
}

FloatConstant from_rational(const mpq_class& q, const std::string& what) {
  if (q == 0) return {};
  mpz_class den = q.get_den();
  const size_t twos = mpz_scan1(den.get_mpz_t(), 0);
  if (den != (mpz_class(1) << twos))
    throw std::invalid_argument(what + ": not a binary fraction, so no float holds it exactly");
  mpz_class m = q.get_num();
  long e = -static_cast<long>(twos);
  while (mpz_even_p(m.get_mpz_t())) {  // the smallest m keeps it in 64 bits where it can be
    m /= 2;
    ++e;
  }
  if (!m.fits_slong_p()) throw std::invalid_argument(what + ": significand wider than 63 bits");
  return {m.get_si(), e};
}

FloatConstant read_value(const nlohmann::json& v, const std::string& what) {
  if (v.is_number_integer()) {
    if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
      throw std::invalid_argument(what + ": integer out of range");
    return {v.get<int64_t>(), 0};
  }
  if (v.is_number()) return from_double(v.get<double>(), what);
  if (v.is_string()) {
    const std::string text = v.get<std::string>();
    const auto comma = text.find(',');
    if (comma == std::string::npos) return from_rational(parse_exact_value(text, what), what);
    const mpq_class m = parse_exact_value(text.substr(0, comma), what);
    const mpq_class e = parse_exact_value(text.substr(comma + 1), what);
    if (m.get_den() != 1 || e.get_den() != 1 || !m.get_num().fits_slong_p() ||
        abs(e.get_num()) > (1 << 20))
      throw std::invalid_argument(what + ": '" + text + "' is not m,e with integers in range");
    return {m.get_num().get_si(), e.get_num().get_si()};
  }
  throw std::invalid_argument(what + ": expected a number or a string, found " +
                              std::string(v.type_name()));
}

// Arrays nest at most this deep (a weight tensor has a few dimensions); the bound keeps the
// recursion off the end of the stack for any file.
constexpr int kMaxNesting = 16;

void flatten(const nlohmann::json& v, const std::string& what, std::vector<FloatConstant>& out,
             int depth = 0) {
  if (!v.is_array()) {
    out.push_back(read_value(v, what + "[" + std::to_string(out.size()) + "]"));
    return;
  }
  if (depth >= kMaxNesting)
    throw std::invalid_argument(what + ": arrays nested more than " + std::to_string(kMaxNesting) +
                                " deep");
  for (const auto& item : v) flatten(item, what, out, depth + 1);
}

}  // namespace

std::map<std::string, std::vector<FloatConstant>> read_weights_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::invalid_argument("weights file " + path + ": cannot be opened");
  return read_weights_json(in, path);
}

std::map<std::string, std::vector<FloatConstant>> read_weights_json(std::istream& in,
                                                                    const std::string& path) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::invalid_argument("weights file " + path + ": not JSON (byte " +
                                std::to_string(e.byte) + ")");
  } catch (const nlohmann::json::exception& e) {
    // A number beyond a double ("2E582") is out_of_range, not parse_error: it was an internal
    // error (exit 4) until fuzz/value_parsers.cpp found it; tests/verify/circuit_file_cli.cpp
    // checks it is one error line now.
    throw std::invalid_argument("weights file " + path + ": " + e.what());
  }
  if (!j.is_object())
    throw std::invalid_argument("weights file " + path +
                                ": expected a JSON object of named arrays");
  std::map<std::string, std::vector<FloatConstant>> weights;
  for (const auto& [name, value] : j.items()) {
    std::vector<FloatConstant> values;
    flatten(value, "weights file " + path + ": field '" + name + "'", values);
    weights[name] = std::move(values);
  }
  if (weights.empty()) throw std::invalid_argument("weights file " + path + ": no fields");
  return weights;
}

}  // namespace tc
