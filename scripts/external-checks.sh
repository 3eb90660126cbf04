#!/usr/bin/env bash
# Checks by tools that other people wrote, run by `make test` after our own tests:
#   sqlcipher   an independent SQLCipher 4 (Python's sqlcipher3-binary) opens a case file
#               made by the real `dalil`, checks it, reads it back, and cannot read it
#               without the passphrase (scripts/sqlcipher-check.py);
#   locales     Mozilla's compare-locales: `ar` against `en`, 0 errors, warnings, missing or
#               obsolete strings (locales/l10n.toml);
#   markdown    markdownlint-cli2 on the SOP's markdown: the chapters and the training
#               scenarios (tools/.markdownlint-cli2.jsonc).
# scripts/install-deps.sh installs the tools into tools/.venv and tools/node_modules; this
# script uses no network. A missing tool is a failure, never a skip.
# Usage: scripts/external-checks.sh [sqlcipher|locales|markdown]...   (all three by default)
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-target}"
dalil="$target_dir/debug/dalil"
venv_python="tools/.venv/bin/python"
markdownlint="tools/node_modules/.bin/markdownlint-cli2"

# Temporary folders, removed however the script ends.
tmp_dirs=()
trap 'rm -rf "${tmp_dirs[@]}"' EXIT
die() {
  echo "external-checks: FAIL: $*" >&2
  exit 1
}
need() {
  [ -x "$1" ] || die "$1 is missing: ${2:-run scripts/install-deps.sh}"
}

check_sqlcipher() {
  need "$venv_python"
  need "$dalil" "run cargo build first (make test does)"
  local dir
  dir="$(mktemp -d)"
  tmp_dirs+=("$dir")
  local reference="EXT-2026-0001"
  local title="Independent SQLCipher check — فحص مستقل"
  local note="A note that only the passphrase opens. ملاحظة لا تفتحها إلا عبارة المرور."
  # The passphrase goes through a file, as `dalil` reads it; never on a command line.
  printf '%s\n' "correct horse — حصان صحيح $RANDOM$RANDOM" >"$dir/passphrase"
  export DALIL_DATA_DIR="$dir/data" DALIL_PASSPHRASE_FILE="$dir/passphrase" DALIL_LANG=en
  # What dalil says on stderr is shown in order; its JSON-free stdout is not needed.
  "$dalil" case new --reference "$reference" --title "$title" --kind trafficking 2>&1 >/dev/null
  "$dalil" note add "$reference" --text "$note" 2>&1 >/dev/null
  unset DALIL_DATA_DIR DALIL_PASSPHRASE_FILE DALIL_LANG
  [ -f "$dir/data/cases.db" ] || die "dalil made no case file at $dir/data/cases.db"
  "$venv_python" scripts/sqlcipher-check.py "$dir/data/cases.db" "$dir/passphrase" \
    "$reference" "$title" "$note"
}

check_locales() {
  need tools/.venv/bin/compare-locales
  local dir json
  dir="$(mktemp -d)"
  tmp_dirs+=("$dir")
  json="$dir/compare-locales.json"
  # compare-locales exits 0 whatever it finds, so its JSON summary is what decides.
  tools/.venv/bin/compare-locales --json "$json" locales/l10n.toml locales ar
  "$venv_python" - "$json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
summary = report[0]["summary"].get("ar")
if summary is None:
    sys.exit("external-checks: FAIL: compare-locales compared nothing for ar")
bad = {k: summary.get(k, 0) for k in ("errors", "warnings", "missing", "obsolete")}
compared = summary.get("changed", 0) + summary.get("unchanged", 0)
print(f"compare-locales: ar against en: {compared} strings compared, " + ", ".join(f"{v} {k}" for k, v in bad.items()))
if compared == 0 or any(bad.values()):
    print(json.dumps(report[0]["details"], indent=1, ensure_ascii=False))
    sys.exit("external-checks: FAIL: compare-locales")
EOF
}

check_markdown() {
  need "$markdownlint"
  command -v node >/dev/null || die "node is missing: run scripts/install-deps.sh"
  local out
  if ! out="$("$markdownlint" --config tools/.markdownlint-cli2.jsonc "sop-content/**/*.md" 2>&1)"; then
    echo "$out"
    die "markdownlint-cli2 found problems in sop-content"
  fi
  echo "$out"
  # A glob that matches nothing would lint nothing and pass: count the files, the chapters
  # (sop-content/chapters) and the training scenarios (sop-content/training) together.
  local expected
  expected="$(find sop-content -name '*.md' | wc -l)"
  grep -qx "Linting: $expected file(s)" <<<"$out" ||
    die "markdownlint-cli2 did not lint the $expected markdown files of sop-content"
}

checks=("$@")
((${#checks[@]})) || checks=(sqlcipher locales markdown)
for c in "${checks[@]}"; do
  start=$SECONDS
  echo "external-checks: $c"
  case "$c" in
    sqlcipher) check_sqlcipher ;;
    locales) check_locales ;;
    markdown) check_markdown ;;
    *) die "unknown check $c" ;;
  esac
  echo "external-checks: $c passed ($((SECONDS - start)) s)"
done
echo "external-checks: all passed in $SECONDS s"
