#!/usr/bin/env bash
# Installs what building and testing Broadsheet needs, skipping whatever is already there.
#   scripts/install-tools.sh          build tools: wasm32 target, Trunk, wasm-bindgen-cli, wasm-opt
#   scripts/install-tools.sh --test   also Debian's Chromium and ChromeDriver, brotli
# Source scripts/env.sh afterwards (the serve and test scripts do) to put the tools on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14        # 0.22 needs a newer rustc than these machines have
BINARYEN_VERSION=132.0.0     # Debian's binaryen 108 silently corrupts wasm-bindgen's output
# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock resolved.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)

log() { printf '[install-tools] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  log "installing trunk $TRUNK_VERSION (about 11 minutes, once)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Without --locked: its own lockfile names a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [[ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version ${BINARYEN_VERSION%%.*}"* ]]; then
  log "installing wasm-opt from npm binaryen@$BINARYEN_VERSION into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION"
fi

if [[ "${1:-}" == "--test" ]]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  if (( ${#missing[@]} )); then
    log "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
log "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
