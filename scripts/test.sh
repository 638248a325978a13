#!/usr/bin/env bash
# npm test: lint and format, type check (back end and each front end), unit tests, then the
# integration suite twice: on the embedded PGlite and on a real PostgreSQL (with Redis); then
# the browser tests in Debian's Chromium on PGlite, and the class flow again on PostgreSQL.
# Uses TEST_PG_URL/TEST_REDIS_URL when set (as .ci/run does); otherwise installs (as root) and
# starts private servers for the run. `npm test -- file.test.ts ...` runs just those files.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNNER=(node --test --test-concurrency=2 --test-timeout=120000)
UNIT=('packages/*/src/**/*.test.ts' 'apps/*/api/src/**/*.test.ts' 'apps/*/web/src/**/*.test.ts' 'scripts/**/*.test.ts')
INTEGRATION=('packages/*/test/**/*.test.ts' 'apps/*/api/test/**/*.test.ts')
E2E=('packages/*/e2e/**/*.test.ts' 'apps/*/web/e2e/**/*.test.ts')
# Browser tests that also run on PostgreSQL: the journeys whose data races matter there.
E2E_BOTH=('apps/*/web/e2e/class-flow.e2e.test.ts')
log=$(mktemp)
trap 'rm -f "$log"' EXIT

step() { printf '\n=== %s\n' "$*"; }
run_tests() { "${RUNNER[@]}" "$@" 2>&1 | tee -a "$log"; }
# One browser and one app at a time: two of each on two cores make the waits flaky.
run_browser_tests() { "${RUNNER[@]}" --test-concurrency=1 "$@" 2>&1 | tee -a "$log"; }

services_started=0
ensure_services() {
  [ "$services_started" -eq 1 ] && return
  services_started=1
  if [ -z "${TEST_PG_URL:-}" ] || [ -z "${TEST_REDIS_URL:-}" ]; then
    state=$(mktemp -d)
    trap 'bash deploy/services/stop.sh "$state"; rm -f "$log"' EXIT
    bash deploy/services/ensure-packages.sh postgres redis
    bash deploy/services/start.sh "$state" postgres redis
    # shellcheck disable=SC1091
    . "$state/env.sh"
  fi
}

if [ $# -gt 0 ]; then
  UNIT=() INTEGRATION=() E2E=() E2E_BOTH=()
  for file in "$@"; do
    case "$file" in
      */e2e/*class-flow*) E2E+=("$file") E2E_BOTH+=("$file") ;;
      */e2e/*) E2E+=("$file") ;;
      */test/*) INTEGRATION+=("$file") ;;
      *) UNIT+=("$file") ;;
    esac
  done
else
  step 'lint and format (biome)'
  biome check .
  step 'type check (tsc)'
  tsc --noEmit -p .
  for web in apps/*/web; do
    [ -f "$web/tsconfig.json" ] && tsc --noEmit -p "$web"
  done
fi

node packages/platform/scripts/make-pglite-archive.ts > /dev/null

if [ ${#UNIT[@]} -gt 0 ]; then
  step 'unit tests'
  run_tests "${UNIT[@]}"
fi

if [ ${#INTEGRATION[@]} -gt 0 ]; then
  step 'integration tests on PGlite'
  TEST_DB=pglite run_tests "${INTEGRATION[@]}"

  ensure_services
  step "integration tests on PostgreSQL ($TEST_PG_URL)"
  TEST_DB=postgres TEST_PG_URL=$TEST_PG_URL TEST_REDIS_URL=$TEST_REDIS_URL run_tests "${INTEGRATION[@]}"
fi

if [ ${#E2E[@]} -gt 0 ]; then
  step 'browser tests on PGlite (Debian chromium)'
  bash deploy/services/ensure-packages.sh chromium
  TEST_DB=pglite run_browser_tests "${E2E[@]}"
fi

if [ ${#E2E_BOTH[@]} -gt 0 ]; then
  ensure_services
  step "browser tests on PostgreSQL ($TEST_PG_URL)"
  TEST_DB=postgres TEST_PG_URL=$TEST_PG_URL TEST_REDIS_URL=$TEST_REDIS_URL run_browser_tests "${E2E_BOTH[@]}"
fi

pass=$(awk '/^ℹ pass /{s+=$3} END{print s+0}' "$log")
fail=$(awk '/^ℹ fail /{s+=$3} END{print s+0}' "$log")
skip=$(awk '/^ℹ skipped /{s+=$3} END{print s+0}' "$log")
echo
echo "$pass passed, $fail failed, $skip skipped"
[ "$pass" -gt 0 ] || { echo 'no test ran' >&2; exit 1; }
