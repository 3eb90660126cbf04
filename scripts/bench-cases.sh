#!/usr/bin/env bash
# The case benchmarks of the desktop app (open a big case, keystroke to durable save, a list of
# 10,000 cases), on the real app through WebDriver. Usage: scripts/bench-cases.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--release" ]; then
  cargo build --release -p dalil-app --features custom-protocol --bins
  DALIL_APP_PROFILE=release cargo run --quiet --release -p dalil-tests --example bench_cases
else
  cargo build -p dalil-app --bins
  cargo run --quiet --release -p dalil-tests --example bench_cases
fi
