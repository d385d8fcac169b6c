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
# Trunk writes the base into index.html's <base href>, where the app and broadsheet-headers read it.
trunk build --release --public-url "$base" --dist "$dist"
cargo run --quiet --package broadsheet-core --bin broadsheet-headers -- "$dist" "${headers_args[@]}"
