#!/usr/bin/env bash
# A short fuzz run of every libFuzzer target in fuzz/ (docs/circuit-format.md, "Fuzzing"):
# builds them with clang++ in build-fuzz/ (-DTC_FUZZ=ON), then runs each for SECONDS seconds
# (default 30) from its seeds in fuzz/seeds/, with AddressSanitizer, UndefinedBehaviorSanitizer
# and leak detection. Exits non-zero on the first crash, hang, leak or sanitizer report; the
# reproducer is left in the working directory as crash-*, leak-* or timeout-*.
#   scripts/fuzz-smoke.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
cmake -S . -B build-fuzz -DTC_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ >/dev/null
targets=(circuit_text aiger_read value_parsers)
cmake --build build-fuzz -j2 --target "${targets[@]/#/fuzz_}" >/dev/null
for t in "${targets[@]}"; do
  corpus="$(mktemp -d)"
  cp fuzz/seeds/"$t"/* "$corpus"/
  echo "fuzz-smoke: $t for ${seconds} s"
  if ! build-fuzz/fuzz_"$t" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 "$corpus" 2>"build-fuzz/fuzz_$t.log"; then
    tail -40 "build-fuzz/fuzz_$t.log"
    echo "fuzz-smoke: $t FAILED (log: build-fuzz/fuzz_$t.log)"
    exit 1
  fi
  grep -E "stat::number_of_executed_units" "build-fuzz/fuzz_$t.log" | sed "s/^/fuzz-smoke: $t /"
  rm -rf "$corpus"
done
echo "fuzz-smoke: done"
