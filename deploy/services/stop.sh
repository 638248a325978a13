#!/usr/bin/env bash
# Stops what start.sh started under STATEDIR and removes it. Safe to run twice.
set -uo pipefail

state=${1:?usage: stop.sh STATEDIR}
[ -d "$state" ] || exit 0

if [ -f "$state/postgres/bin" ] && [ -f "$state/postgres/data/postmaster.pid" ]; then
  bin=$(cat "$state/postgres/bin")
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$state/postgres/data" -m fast -w stop > /dev/null
  else
    "$bin/pg_ctl" -D "$state/postgres/data" -m fast -w stop > /dev/null
  fi
fi
if [ -f "$state/redis/redis.pid" ]; then
  pid=$(cat "$state/redis/redis.pid")
  kill "$pid" 2> /dev/null
  for _ in $(seq 1 100); do kill -0 "$pid" 2> /dev/null || break; sleep 0.05; done
fi
rm -rf "$state"
