// SAT answers (see miter_stats.hpp).
#include "lib/sat/miter_stats.hpp"

namespace tc {

SatAnswer sat_answer(int cadical_result) {
  return cadical_result == 20   ? SatAnswer::Unsat
         : cadical_result == 10 ? SatAnswer::Sat
                                : SatAnswer::Unknown;
}

const char* sat_answer_name(SatAnswer a) {
  switch (a) {
    case SatAnswer::Unsat:
      return "unsat";
    case SatAnswer::Sat:
      return "sat";
    case SatAnswer::Unknown:
      return "unknown";
  }
  return "?";
}

std::string case_split_summary(const MiterStats& st) {
  if (st.case_split.empty()) return "";
  std::string s = st.case_split + ":";
  for (size_t i = 0; i < st.case_split_words.size(); ++i)
    s += (i ? ", " : " ") + st.case_split_words[i];
  return s;
}

}  // namespace tc
