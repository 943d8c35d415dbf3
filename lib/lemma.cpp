// Rendering of lemma results (see lemma.hpp).
#include "lib/lemma.hpp"

namespace tc {

const char* lemma_verdict_name(LemmaVerdict v) {
  switch (v) {
    case LemmaVerdict::Proved: return "proved";
    case LemmaVerdict::Refuted: return "refuted";
    case LemmaVerdict::Unknown: return "unknown";
  }
  return "?";
}

nlohmann::json lemma_json(const LemmaResult& r) {
  auto optional = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  return {{"name", r.name},
          {"kind", r.kind},
          {"statement", r.statement},
          {"verdict", lemma_verdict_name(r.verdict)},
          {"seconds", r.seconds},
          {"witness", optional(r.witness)},
          {"claimed_bound", optional(r.claimed_bound)},
          {"tightest_bound", optional(r.tightest_bound)},
          {"failing_bound", optional(r.failing_bound)},
          {"note", optional(r.note)}};
}

}  // namespace tc
