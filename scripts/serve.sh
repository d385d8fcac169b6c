#!/usr/bin/env bash
# Quick start, part one: installs what is missing, then serves the site with the bundled demo
# content on http://127.0.0.1:8080 (rebuilding on every change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
source scripts/env.sh
# Regenerate the demo content's list pages and search index in case an article was edited.
cargo run --quiet --package broadsheet-core --bin broadsheet-index -- public/content
exec trunk serve "$@"
