#!/usr/bin/env bash
# Installs the Debian packages the harness builds and tests with. Run as root on Debian 12.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  g++ cmake make python3 \
  libz3-dev libcadical-dev libboost-graph-dev catch2 \
  libcli11-dev nlohmann-json3-dev libfmt-dev libgmp-dev libmpfr-dev \
  berkeley-abc graphviz gnuplot-nox clang-format cadical parallel \
  clang libclang-rt-14-dev minisat+ time >/dev/null
echo "install-deps: done"
