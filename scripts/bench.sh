#!/usr/bin/env bash
# The performance benchmark: installs what is missing, builds the release, brings up the test
# WordPress (its own theme is measured beside us), measures in headless Chromium and with
# Lighthouse, prints one table and rewrites BENCHMARKS.md with the machine it ran on.
# Not part of the test suite: no number fails it. About 5-8 minutes on a 2-core machine.
#
#   usage: scripts/bench.sh [--no-build] [--no-wordpress] [BENCH OPTIONS]
#     --no-build       measure the dist/ that is there
#     --no-wordpress   leave the WordPress column empty
#   BENCH OPTIONS go to tests/bench/bench.js: --runs N (5), --no-lighthouse, --json FILE, --out FILE
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=1
WORDPRESS=1
args=()
for arg in "$@"; do
  case $arg in
    --no-build) BUILD=0 ;;
    --no-wordpress) WORDPRESS=0 ;;
    -h | --help) sed -n '2,10p' "$0" | cut -c3-; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done
log() { printf '[bench.sh] %s\n' "$*" >&2; }
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

scripts/install-tools.sh --test >&2
source scripts/env.sh
if [[ ! -d tests/e2e/node_modules/playwright-core ]]; then
  log "installing playwright-core into tests/e2e"
  npm ci --prefix tests/e2e --no-audit --no-fund --silent >&2
fi
if [[ ! -d tests/bench/node_modules/lighthouse ]]; then
  log "installing lighthouse into tests/bench"
  npm ci --prefix tests/bench --no-audit --no-fund --silent >&2
fi

if ((BUILD)); then
  log "building the release (scripts/build.sh; log in $logs/build.log while it runs)"
  # A build running at the same time in this work tree (trunk shares dist/ and target/) can
  # break ours: one more try before giving up.
  if ! scripts/build.sh >"$logs/build.log" 2>&1; then
    log "the build failed; trying once more in 10 s"
    sleep 10
    if ! scripts/build.sh >"$logs/build.log" 2>&1; then
      grep -E '^(error|warning: unused)|ERROR|Caused by|^ +[0-9]+: ' "$logs/build.log" | head -n 30 >&2
      log "the build failed (run with --no-build to measure the dist/ that is there)"
      exit 1
    fi
  fi
fi
[[ -f dist/index.html ]] || { log "no dist/ to measure (run without --no-build)"; exit 2; }

WP_URL=http://127.0.0.1:8081
started_wp=0
stop_wp() { ((started_wp)) && scripts/wordpress/stop.sh >/dev/null 2>&1 || true; rm -rf "$logs"; }
trap stop_wp EXIT
if ((WORDPRESS)); then
  if curl -sf -o /dev/null --max-time 5 "$WP_URL/wp-json/"; then
    log "WordPress already answers on $WP_URL"
  else
    log "starting the test WordPress (scripts/wordpress/start.sh)"
    if scripts/wordpress/start.sh >"$logs/wordpress.log" 2>&1; then
      started_wp=1
    else
      tail -n 15 "$logs/wordpress.log" >&2
      log "WordPress did not start: its column stays empty"
      WP_URL=none
    fi
  fi
else
  WP_URL=none
fi

node tests/bench/bench.js --wordpress "$WP_URL" "${args[@]}"
