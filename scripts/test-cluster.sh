#!/usr/bin/env bash
# npm run test:cluster: the scaled-out shape of issue 18 on loopback. Stands the cluster up
# (3 ATTN and 2 A-Cube API instances, two job processes each, PostgreSQL, Redis, nginx with TLS)
# in a temporary folder, runs deploy/test/*.test.ts one file at a time with CLUSTER_STATE set,
# takes it down and checks that every process exited 0 on SIGTERM within SHUTDOWN_TIMEOUT_MS
# + 2 s (acceptance 8). Whatever happens, nothing is left running and the folder is removed.
#   npm run test:cluster [-- deploy/test/one.test.ts ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PWD/node_modules/.bin:$PATH
started=$SECONDS
elapsed() { printf '%ss' "$((SECONDS - started))"; }

dir=$(mktemp -d /tmp/cluster-test.XXXXXX)
cleanup() {
  node deploy/cluster/cli.ts down --dir "$dir" > /dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

files=("$@")
[ ${#files[@]} -gt 0 ] || files=(deploy/test/*.test.ts)

printf '\n=== cluster up (%s)\n' "$(elapsed)"
node deploy/cluster/cli.ts up --dir "$dir" --attn 3 --acube 2 --workers 2 \
  --shutdown-timeout-ms "${SHUTDOWN_TIMEOUT_MS:-10000}"

printf '\n=== deploy tests (%s)\n' "$(elapsed)"
status=0
CLUSTER_STATE=$dir/state.json node --test --test-concurrency=1 --test-timeout=600000 "${files[@]}" || status=$?

printf '\n=== cluster down (%s)\n' "$(elapsed)"
node deploy/cluster/cli.ts down --dir "$dir"

printf '\n=== every process exits 0 on SIGTERM within SHUTDOWN_TIMEOUT_MS + 2 s (%s)\n' "$(elapsed)"
node deploy/cluster/check-shutdown.ts "$dir/state.json" || status=1

if [ "$status" -ne 0 ]; then
  printf '\n=== supervisor log (last 40 lines)\n'
  tail -n 40 "$dir/logs/supervisor.log" || true
fi
printf '\n=== test:cluster %s in %s\n' "$([ "$status" -eq 0 ] && echo passed || echo FAILED)" "$(elapsed)"
exit "$status"
