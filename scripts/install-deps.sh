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
  postgresql                              # the directorate server's tests start a real PostgreSQL
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

# The checks by other people's tools (scripts/external-checks.sh) and the fuzzer
# (scripts/fuzz.sh). Each is installed once and again only when its pinned list changes, so
# that `make test` needs no network after this script has run.
as_root() {
  if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi
}
apt_install() {
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@"
}
# The stamp of a tool folder: the hash of the list it was installed from.
stamp_matches() { [ -f "$2" ] && [ "$(sha256sum <"$1")" = "$(cat "$2")" ]; }
write_stamp() { sha256sum <"$1" >"$2"; }

cd "$(dirname "$0")/.."

# Python: an independent SQLCipher 4 client (sqlcipher3-binary) and Mozilla's compare-locales.
if ! stamp_matches tools/requirements.txt tools/.venv/.installed; then
  echo "dalil: installing the Python checkers into tools/.venv"
  command -v python3 >/dev/null 2>&1 || apt_install python3
  rm -rf tools/.venv
  if ! python3 -m venv tools/.venv 2>/dev/null; then
    rm -rf tools/.venv
    apt_install python3-venv
    python3 -m venv tools/.venv
  fi
  tools/.venv/bin/pip install -q --disable-pip-version-check -r tools/requirements.txt
  write_stamp tools/requirements.txt tools/.venv/.installed
fi

# Node.js: markdownlint-cli2, exactly as tools/package-lock.json pins it.
if ! command -v npm >/dev/null 2>&1; then
  echo "dalil: installing Node.js and npm"
  apt_install nodejs npm
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "dalil: markdownlint-cli2 needs Node.js 20 or newer; this machine has $(node --version)" >&2
  exit 1
fi
if ! stamp_matches tools/package-lock.json tools/node_modules/.installed; then
  echo "dalil: installing markdownlint-cli2 into tools/node_modules"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
  write_stamp tools/package-lock.json tools/node_modules/.installed
fi

# cargo-fuzz drives libFuzzer on stable Rust (scripts/fuzz.sh sets RUSTC_BOOTSTRAP=1).
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "dalil: installing cargo-fuzz"
  cargo install cargo-fuzz --version '^0.13' --locked
fi
