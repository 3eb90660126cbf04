#!/usr/bin/env bash
# The desktop startup and memory benchmark: Dalil against a bare Tauri window, same machine,
# same run. Usage: scripts/bench-startup.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--release" ]; then
  cargo build --release -p dalil-app --features custom-protocol --bins --examples
  cargo run --quiet -p dalil-tests --example bench_startup -- release
else
  cargo build -p dalil-app --bins --examples
  cargo run --quiet -p dalil-tests --example bench_startup -- debug
fi
