#!/usr/bin/env bash
# Every benchmark of docs/performance.md, in release mode, one after the other: the store,
# search, the directorate's import, the desktop startup and the desktop case screens. Each prints its own table, every
# figure beside the baseline measured in the same run. Usage: scripts/bench-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
echo "## dalil-store"
cargo bench -p dalil-store --bench store
echo "## dalil-search"
cargo bench -p dalil-search
echo "## dalil-hq (1,000 transfer bundles against COPY, on a PostgreSQL of its own)"
cargo bench -p dalil-hq --bench import
echo "## desktop startup"
scripts/bench-startup.sh --release
echo "## desktop cases"
scripts/bench-cases.sh --release
echo "bench-all: $(( $(date +%s) - start )) s"
