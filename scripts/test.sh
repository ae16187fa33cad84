#!/usr/bin/env bash
# Installs what is missing, then runs every test suite: formatting and lints, native unit, property and
# golden-value tests (core, command line, the UI's pure maths), component tests in headless Chromium
# (wasm-bindgen-test), the release build, end-to-end tests in Chromium (Playwright), and the benchmarks'
# figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/setup.sh"
cd "$root"
step() { printf '\n== %s\n' "$*"; }
# A test run builds every target once: incremental caches would only take disk (1.6 GB on a fresh clone).
export CARGO_INCREMENTAL=0
target_dir="${CARGO_TARGET_DIR:-$root/target}"
df -h "$root" | tail -1 | awk '{print "disk free at the start: " $4 " of " $2}'

step "format and lints"
# A clone has no sibling shared folder beside it: the code and tests use the copies in data/reference.
if grep -rnI '\.\./shared' src crates tests e2e/*.ts e2e/pages scripts/setup.sh; then
  echo "the lines above name the sibling shared folder: use data/reference" >&2
  exit 1
fi
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p shared-picture --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests"
cargo test --workspace

step "component tests in headless Chromium (wasm-bindgen-test)"
# ChromeDriver leaves each Chromium profile (about 100 MB) in TMPDIR: give it a folder of its own and remove it.
chromium_tmp="$(mktemp -d)"
TMPDIR="$chromium_tmp" CHROMEDRIVER=/usr/bin/chromedriver \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p shared-picture --target wasm32-unknown-unknown --test web --test web_salvo -- --nocapture
rm -rf "$chromium_tmp"

step "release build"
trunk build --release --offline

step "the command line for the end-to-end tests"
# Built here, once, not inside a test: a compile inside a timed test times out on a fresh clone. The release
# profile, because the benchmarks below build the same simulation crates with its settings (the bench profile
# inherits release), so most of this build is shared with theirs. The tests run the binary from PICTURE_BIN.
cargo build -p picture-cli --release
export PICTURE_BIN="${CARGO_TARGET_DIR:-$root/target}/release/picture"

step "end-to-end tests in Chromium (Playwright)"
(cd e2e && npx playwright test)

step "benchmarks (short criterion runs: the figures, not a pass/fail)"
# Named one by one: `--benches` would also run the library's libtest harness, which rejects criterion's flags.
cargo bench -p picture-sim --bench flight --bench sensors --bench tracking -- --warm-up-time 1 --measurement-time 2 \
  | grep -vE '^(Gnuplot|Benchmarking .*: (Warming|Collecting|Analyzing))'


step "the uncertainty study's speed (a figure, not a pass/fail)"
# 1,000 samples of the example scenario on every core, the per-sample cost split and the wall time.
"$PICTURE_BIN" scenario example > "${TMPDIR:-/tmp}/picture-study-example.json"
uptime
"$PICTURE_BIN" study "${TMPDIR:-/tmp}/picture-study-example.json" --runs 1000 | tail -3

step "disk used by the build (a figure, not a pass/fail)"
du -sh "$target_dir" "$target_dir"/* 2>/dev/null || true
