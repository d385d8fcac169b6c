#!/usr/bin/env bash
# The production build: the app, config.json, the demo content, and the host kit (the
# Content-Security-Policy and caching rules for Netlify, Cloudflare Pages, GitHub Pages,
# S3 + CloudFront and nginx; see README "Deployment").
#
#   usage: scripts/build.sh [--base /news/] [--dist DIR] [--csp-meta]
#     --base PATH   the path the site is served at (default /, or $BROADSHEET_BASE)
#     --dist DIR    where to write the build (default dist)
#     --csp-meta    also put the policy into the page as a <meta> (GitHub Pages sends no headers)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
base=${BROADSHEET_BASE:-/}
dist=dist
headers_args=()
while (( $# > 0 )); do
  case $1 in
    --base) base=${2:?--base needs a path such as /news/}; shift 2 ;;
    --dist) dist=${2:?--dist needs a folder}; shift 2 ;;
    --csp-meta) headers_args+=(--csp-meta); shift ;;
    *) echo "build.sh: unknown argument '$1' (usage: build.sh [--base /news/] [--dist DIR] [--csp-meta])" >&2; exit 2 ;;
  esac
done
# One binary per backend, so that a reader downloads only the adapter their site uses: Trunk builds
# the static one (with the page, CSS, icons and files), then each other one is built as Trunk
# builds it (cargo with .cargo/config.toml's flags, wasm-bindgen, wasm-opt with index.html's
# flags). index.html's loader picks one by config.json's `source.kind`.
# Trunk writes the base into index.html's <base href>, where the app and broadsheet-headers read it.
trunk build --release --no-default-features --features backend-static --public-url "$base" --dist "$dist"
trunk_wasm=$(cd "$dist" && ls broadsheet-*_bg.wasm)
trunk_stem=${trunk_wasm%_bg.wasm}
for suffix in .js _bg.wasm; do mv "$dist/$trunk_stem$suffix" "$dist/${trunk_stem/broadsheet-/broadsheet-static-}$suffix"; done
variants="\"static\":\"${trunk_stem/broadsheet-/broadsheet-static-}\""
work=target/variants
# The same wasm-opt level and flags as Trunk's, from index.html.
read -r -a wasm_opt_args < <(perl -ne 'print "-O$1 $2\n" if /data-wasm-opt="(\w+)" data-wasm-opt-params="([^"]*)"/' index.html) || true
(( ${#wasm_opt_args[@]} > 0 )) || { echo "build.sh: no data-wasm-opt in index.html" >&2; exit 1; }
for kind in wordpress ghost jsonfeed; do
  cargo build --offline --release --target wasm32-unknown-unknown --bin broadsheet --no-default-features --features "backend-$kind"
  rm -rf "$work" && mkdir -p "$work"
  wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name "broadsheet-$kind" target/wasm32-unknown-unknown/release/broadsheet.wasm
  wasm-opt "${wasm_opt_args[@]}" "$work/broadsheet-${kind}_bg.wasm" --output "$work/broadsheet-${kind}_bg.wasm"
  # Content-hashed, like Trunk's names: the host kit caches these for a year.
  stem=broadsheet-$kind-$(cat "$work/broadsheet-$kind.js" "$work/broadsheet-${kind}_bg.wasm" | sha256sum | cut -c1-16)
  for suffix in .js _bg.wasm; do mv "$work/broadsheet-$kind$suffix" "$dist/$stem$suffix"; done
  variants+=",\"$kind\":\"$stem\""
done
# The page keeps its own loader, told the binaries; Trunk's loader and its preloads go.
VARIANTS="{$variants}" perl -0pi -e '
  s{<script type="module">\s*import init, \* as bindings from .*?</script>\s*}{}s or die "no Trunk loader\n";
  s{<link rel="modulepreload"[^>]*>}{} or die "no Trunk modulepreload\n";
  s{<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>}{} or die "no Trunk wasm preload\n";
  s{const VARIANTS = \{\};}{const VARIANTS = $ENV{VARIANTS};} or die "no VARIANTS in the loader\n";
' "$dist/index.html"
cargo run --quiet --package broadsheet-core --bin broadsheet-headers -- "$dist" "${headers_args[@]}"
