#!/usr/bin/env bash
# Regenerates the sample case report in docs/sample-report/ from a fictional case:
#   report-ar.html, report-en.html, report-both.html   the reports (`dalil export --format html`)
#   report-{ar,en,both}-N.png                          their pages, printed to PDF by headless
#                                                      Chromium and turned into PNG at 60 dpi
#   bundle.json                                        the case bundle (`dalil export --format bundle`)
#
# Needs: cargo, chromium and pdftoppm (apt-get install -y chromium poppler-utils).
# Everything runs in a temporary data folder; nothing touches a real case file.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
cargo build -q -p dalil-cli --bin dalil
cargo build -q -p dalil-report --example sample_case
dalil="$target/debug/dalil"

printf 'sample passphrase, not a secret\n' > "$work/pass"
mkdir -p "$work/data"
"$target/debug/examples/sample_case" "$work/data" "$work/pass"

export DALIL_DATA_DIR="$work/data" DALIL_PASSPHRASE_FILE="$work/pass"
rm -f "$here"/report-*.html "$here"/report-*.png "$here"/bundle.json
for lang in ar en both; do
  "$dalil" export TIP-2026-0042 --format html --lang "$lang" -o "$here/report-$lang.html"
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chromium" \
    --print-to-pdf="$work/report-$lang.pdf" "file://$here/report-$lang.html" 2>/dev/null
  pdftoppm -r 60 -png "$work/report-$lang.pdf" "$here/report-$lang"
done
"$dalil" export TIP-2026-0042 --format bundle -o "$here/bundle.json"
"$dalil" verify "$here/bundle.json"
ls -1 "$here"
