#!/usr/bin/env bash
# Renders the screenshots in docs/screenshots/ from the real app, under Xvfb if there is no
# display. Look at every one after running it.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --workspace
cargo run --quiet -p dalil-tests --example screenshots
