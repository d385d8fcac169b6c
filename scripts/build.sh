#!/usr/bin/env bash
# The production build: dist/ with the app, config.json, the demo content, and the host files
# (_headers with the Content-Security-Policy, _redirects, an nginx snippet).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release "$@"
cargo run --quiet --package broadsheet-core --bin broadsheet-headers -- dist
