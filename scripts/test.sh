#!/usr/bin/env bash
# Quick start, part two: installs what is missing, then runs the whole suite:
#   native   cargo test of the core (model, config, adapters, sanitizing policy, demo content)
#   browser  wasm-bindgen-test: components and the DOM sanitizer in headless Chromium
#   build    scripts/build.sh: the page and one binary per backend, then the host kit (CSP headers,
#            caching, SPA fallback)
#   build-news the same build for the sub-path /news/ into dist-news/ (served by nginx in e2e)
#   size     every file's size; fails when the largest backend's wasm + JS passes the ceiling
#   wordpress a real WordPress (Debian's package) on 127.0.0.1:8081, seeded with the demo content
#   e2e      the release build served locally, driven in headless Chromium by Playwright, against
#            the demo content, the WordPress, and fake Ghost, JSON Feed and comment servers
# Ends with one line: `suite: N passed, M failed` (tests counted across the layers).
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh --test || { echo "suite: 0 passed, 1 failed"; exit 1; }
source scripts/env.sh
# Also when a dependency was added since the last install (npm ls fails on a missing one).
if ! npm ls --prefix tests/e2e >/dev/null 2>&1; then
  npm ci --prefix tests/e2e --no-audit --no-fund --silent || { echo "suite: 0 passed, 1 failed"; exit 1; }
fi

logs=$(mktemp -d)
passed=0; failed=0; failed_steps=()
step() {  # step NAME COMMAND...: runs, shows and keeps the output, counts its tests
  local name=$1; shift
  echo "=== $name: $*"
  if "$@" 2>&1 | tee "$logs/$name.log"; then status=0; else status=1; fi
  local p f
  p=$(grep -hoE '(test result: (ok|FAILED)\. [0-9]+ passed|^# pass [0-9]+)' "$logs/$name.log" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')
  f=$(grep -hoE '([0-9]+ failed;|^# fail [0-9]+)' "$logs/$name.log" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if (( status != 0 )); then
    failed_steps+=("$name")
    (( ${f:-0} > 0 )) || failed=$((failed + 1))   # a step that failed without failing tests
  fi
  return $status
}

step native cargo test --package broadsheet-core
step browser cargo test --package broadsheet --target wasm32-unknown-unknown
if step build scripts/build.sh && step build-news scripts/build.sh --base /news/ --dist dist-news; then
  step size scripts/size-report.sh
  if step wordpress scripts/wordpress/start.sh; then
    step e2e npm test --prefix tests/e2e --silent
  else
    failed_steps+=("e2e (not run)")
  fi
  scripts/wordpress/stop.sh >/dev/null 2>&1
else
  failed_steps+=("size (not run)" "wordpress (not run)" "e2e (not run)")
fi
rm -rf "$logs"

echo
(( ${#failed_steps[@]} == 0 )) || echo "failed steps: ${failed_steps[*]}"
echo "suite: $passed passed, $failed failed"
(( ${#failed_steps[@]} == 0 ))
