#!/usr/bin/env bash
# Installs what Shared Picture needs to build, serve and test, and nothing that is already there (idempotent:
# a second run takes a few seconds). Sourced by scripts/serve.sh and scripts/test.sh; runnable alone.
#
# Trunk cannot download its tools on our machines, so this installs them: the wasm32 target, trunk 0.21.14
# (0.22 needs a newer rustc than ours), wasm-bindgen-cli at the exact version in Cargo.lock, wasm-opt from npm's
# binaryen 132 (Debian's binaryen 108 produces wasm that fails to load), Debian's Chromium and ChromeDriver, and
# the end-to-end tests' npm packages (Playwright, without its browser download: it uses Debian's Chromium).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$root/tools/build/node_modules/.bin:$PATH"
say() { echo "setup: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# A stamp beside node_modules records which package-lock.json it was installed from.
npm_install() {
  local dir="$1" stamp
  stamp="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$dir/node_modules/.installed-from" 2>/dev/null)" != "$stamp" ]; then
    say "npm packages in ${dir#"$root"/}"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    echo "$stamp" > "$dir/node_modules/.installed-from"
  fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx 'trunk 0.21.14'; then
  say "trunk 0.21.14 (builds from source once, about 12 minutes)"
  cargo install trunk --locked --version 0.21.14
fi

wbg_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
if ! grep -q "^wasm_bindgen = \"$wbg_version\"" "$root/Trunk.toml"; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen ($wbg_version)" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wbg_version"; then
  say "wasm-bindgen-cli $wbg_version (matches Cargo.lock)"
  # Without --locked: the CLI's own lock file names a dependency version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

npm_install "$root/tools/build"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi

npm_install "$root/e2e"
