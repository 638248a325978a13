#!/usr/bin/env bash
# npm test: lint and format, type check, unit tests, then the integration suite twice: on the
# embedded PGlite and on a real PostgreSQL (with Redis). Uses TEST_PG_URL/TEST_REDIS_URL when
# set (as .ci/run does); otherwise installs (as root) and starts private servers for the run.
# `npm test -- file.test.ts ...` runs just those files.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNNER=(node --test --test-concurrency=2 --test-timeout=120000)
UNIT=('packages/*/src/**/*.test.ts' 'apps/*/api/src/**/*.test.ts')
INTEGRATION=('packages/*/test/**/*.test.ts' 'apps/*/api/test/**/*.test.ts')
E2E=('packages/*/e2e/**/*.test.ts')
log=$(mktemp)
trap 'rm -f "$log"' EXIT

step() { printf '\n=== %s\n' "$*"; }
run_tests() { "${RUNNER[@]}" "$@" 2>&1 | tee -a "$log"; }

if [ $# -gt 0 ]; then
  UNIT=() INTEGRATION=() E2E=()
  for file in "$@"; do
    case "$file" in
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
fi

node packages/platform/scripts/make-pglite-archive.ts > /dev/null

if [ ${#UNIT[@]} -gt 0 ]; then
  step 'unit tests'
  run_tests "${UNIT[@]}"
fi

if [ ${#INTEGRATION[@]} -gt 0 ]; then
  step 'integration tests on PGlite'
  TEST_DB=pglite run_tests "${INTEGRATION[@]}"

  if [ -z "${TEST_PG_URL:-}" ] || [ -z "${TEST_REDIS_URL:-}" ]; then
    state=$(mktemp -d)
    trap 'bash deploy/services/stop.sh "$state"; rm -f "$log"' EXIT
    bash deploy/services/ensure-packages.sh postgres redis
    bash deploy/services/start.sh "$state" postgres redis
    # shellcheck disable=SC1091
    . "$state/env.sh"
  fi
  step "integration tests on PostgreSQL ($TEST_PG_URL)"
  TEST_DB=postgres TEST_PG_URL=$TEST_PG_URL TEST_REDIS_URL=$TEST_REDIS_URL run_tests "${INTEGRATION[@]}"
fi

if [ ${#E2E[@]} -gt 0 ]; then
  step 'browser tests (Debian chromium)'
  bash deploy/services/ensure-packages.sh chromium
  run_tests "${E2E[@]}"
fi

pass=$(awk '/^ℹ pass /{s+=$3} END{print s+0}' "$log")
fail=$(awk '/^ℹ fail /{s+=$3} END{print s+0}' "$log")
skip=$(awk '/^ℹ skipped /{s+=$3} END{print s+0}' "$log")
echo
echo "$pass passed, $fail failed, $skip skipped"
[ "$pass" -gt 0 ] || { echo 'no test ran' >&2; exit 1; }
