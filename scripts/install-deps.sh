#!/usr/bin/env bash
# Installs what Dalil needs on Debian or Ubuntu, and only what is missing.
# Used by `make run` and `make test`; safe to run again.
set -euo pipefail

packages=(
  build-essential pkg-config libssl-dev   # compilers, and OpenSSL for SQLCipher
  libwebkit2gtk-4.1-dev                   # the desktop window (Tauri 2 on WebKitGTK)
  xvfb xauth                              # a virtual display for tests and machines without one
  webkit2gtk-driver                       # WebKitWebDriver, for the end-to-end tests
  xdotool                                 # answers the native save dialog in the export test
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "dalil: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  # Debian's own Rust is too old for edition 2024; rustup installs a current toolchain.
  echo "dalil: installing the Rust toolchain with rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component rustfmt,clippy
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
for c in rustfmt clippy; do
  if ! cargo "${c/rustfmt/fmt}" --version >/dev/null 2>&1; then
    rustup component add "$c"
  fi
done

# tauri-driver bridges WebDriver to the app for the end-to-end tests.
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "dalil: installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi
