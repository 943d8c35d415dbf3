// Rendering of lemma results (see lemma.hpp).
#include "lib/lemma.hpp"

namespace tc {

const char* lemma_verdict_name(LemmaVerdict v) {
  switch (v) {
    case LemmaVerdict::Proved:
      return "proved";
    case LemmaVerdict::Refuted:
      return "refuted";
    case LemmaVerdict::Unknown:
      return "unknown";
  }
  return "?";
}

const char* lemma_kind_name(LemmaKind k) {
  switch (k) {
    case LemmaKind::Z3:
      return "z3";
    case LemmaKind::Measurement:
      return "measurement";
  }
  return "?";
}

}  // namespace tc
