#!/usr/bin/env bash
# Fuzzes the code that reads what others wrote, with cargo-fuzz (libFuzzer) on stable Rust.
#   content_load   the content loader          condition      the condition parser
#   render         the renderer and sanitizer  search_query   the search query parser
#   bundle_verify  the case bundle verifier
# Each target asserts more than "no crash": fuzz/fuzz_targets/*.rs say what.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET]...
#   make test runs it with the default, 40 s per target; docs/testing.md gives a longer run.
# The seeds are made afresh from the real files (sop-content, tests/fixtures, the bundles
# dalil exported); what libFuzzer finds beyond them is kept in fuzz/corpus/TARGET (not
# committed) for the next run. A crash stops the run, and its input is in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-40}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(content_load condition render search_query bundle_verify transfer_open)

# cargo-fuzz passes -Z flags to rustc; RUSTC_BOOTSTRAP lets stable rustc take them.
export RUSTC_BOOTSTRAP=1
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
export CARGO_TARGET_DIR="$target_dir"
cargo fuzz --version >/dev/null 2>&1 || {
  echo "fuzz: FAIL: cargo-fuzz is missing: run scripts/install-deps.sh" >&2
  exit 1
}

# The fuzz crate is outside the workspace, so `cargo fmt --all` does not see it.
cargo fmt --manifest-path fuzz/Cargo.toml --check

seeds="$target_dir/fuzz-seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{content_load,condition,render,search_query,bundle_verify,transfer_open}
python3 - "$seeds" <<'EOF'
"""Writes each target's seeds from the real files."""
import hashlib, pathlib, re, sys

seeds = pathlib.Path(sys.argv[1])
def put(target, data):
    (seeds / target / hashlib.sha1(data).hexdigest()).write_bytes(data)

content = pathlib.Path("sop-content")
chapters = sorted(content.glob("chapters/*/*.md"))
scenarios = sorted(content.glob("training/*/*"))
packs = sorted(pathlib.Path("tests/fixtures").glob("**/*.md"))
# content_load: `path\0bytes` over the test pack: each file of the test packs at its place
# (tests/fixtures/bad holds one pack for each diagnostic code), the SOP's manifest and
# glossary, and each SOP chapter as the pack's first chapter.
fixtures = pathlib.Path("tests/fixtures")
for pack in [fixtures / "good", fixtures / "hostile"] + sorted((fixtures / "bad").iterdir()):
    for f in sorted(p for p in pack.rglob("*") if p.is_file()):
        put("content_load", f.relative_to(pack).as_posix().encode() + b"\0" + f.read_bytes())
for name in ["manifest.toml", "glossary.toml"]:
    put("content_load", name.encode() + b"\0" + (content / name).read_bytes())
for f in chapters:
    put("content_load", f"chapters/first/{f.name}".encode() + b"\0" + f.read_bytes())
# Each file of each shipped training scenario as the pack's scenario's file.
for f in scenarios:
    put("content_load", f"training/practice/{f.name}".encode() + b"\0" + f.read_bytes())
# condition: every `when` of the SOP and of the test packs, and the format's examples.
conditions = set()
for f in chapters + packs + [pathlib.Path("docs/content-format.md")]:
    for m in re.finditer(r'when="((?:[^"\\]|\\.)*)"', f.read_text(encoding="utf-8", errors="replace")):
        conditions.add(m.group(1).replace('\\"', '"'))
for c in sorted(conditions):
    put("condition", c.encode())
# render: chapter bodies without their front matter (mode 1), and raw HTML (mode 0).
for f in chapters + packs:
    text = f.read_text(encoding="utf-8", errors="replace")
    body = re.sub(r"\A\+\+\+\n.*?\n\+\+\+\n", "", text, flags=re.S)
    put("render", b"\1" + body.encode())
for html in pathlib.Path("docs/sample-report").glob("*.html"):
    put("render", b"\0" + html.read_bytes()[:20000])
put("render", b"\0" + b'<p onclick="x()">a</p><script>alert(1)</script><img src=x onerror=alert(1)>'
    b'<a href="javascript:alert(1)">j</a><a href="#/chapter/a">ok</a>')
# search_query: the titles of the steps and chapters, and the glossary's names.
for f in chapters:
    for line in f.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("title = "):
            put("search_query", re.sub(r"\{.*\}|^#+ |^title = ", "", line).strip('" ').encode())
for m in re.finditer(r'^(?:ar|en) = "(.*)"$', (content / "glossary.toml").read_text(encoding="utf-8"), re.M):
    put("search_query", m.group(1).encode())
# bundle_verify: each bundle as it is (mode 0), and with one byte changed (mode 1, 3).
for i, b in enumerate([pathlib.Path("docs/sample-report/bundle.json"), pathlib.Path("fuzz/bundles/small.dalil.json")]):
    put("bundle_verify", b"\0" + b.read_bytes())
    put("bundle_verify", bytes([1 + 2 * i]) + (100).to_bytes(2, "little") + b"\0A")
# transfer_open: the bundle it seals at start, whole (modes 1 and 3 with no edit) and with one
# byte changed, and the first bytes of a file and of a plaintext (modes 0 and 2).
for mode in [1, 3]:
    put("transfer_open", bytes([mode]))
    put("transfer_open", bytes([mode]) + (40).to_bytes(2, "little") + b"\0A")
put("transfer_open", b"\0DALIL-TRANSFER 1\n100 " + b"0" * 64 + b"\nage-encryption.org/v1\n")
put("transfer_open", b"\2dalil-transfer\0\1\0\0\0\2{}")
EOF

# The longest input worth trying: conditions are a line, and a query over 256 characters is
# refused at once (1024 leaves room for multi-byte characters); chapters and bundles are
# tens of kilobytes.
max_len() {
  case "$1" in
    condition | search_query) echo 1024 ;;
    *) echo 65536 ;;
  esac
}

for t in "${targets[@]}"; do
  start=$SECONDS
  mkdir -p "fuzz/corpus/$t"
  echo "fuzz: $t for ${seconds} s, from $(find "$seeds/$t" -type f | wc -l) seeds"
  log="$target_dir/fuzz-$t.log"
  # -s none: the code is safe Rust (unsafe_code is forbidden), so AddressSanitizer would
  # only slow each run; overflow checks and debug assertions stay on.
  if ! cargo fuzz run --sanitizer none --release --debug-assertions "$t" "fuzz/corpus/$t" "$seeds/$t" -- \
    -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: FAIL: $t found a problem; the input is in fuzz/artifacts/$t/" >&2
    exit 1
  fi
  # libFuzzer's own count of the inputs it ran.
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)"
  echo "fuzz: $t passed: $runs executions, $cov, $((SECONDS - start)) s"
done
echo "fuzz: all ${#targets[@]} targets passed in $SECONDS s, the build included"
