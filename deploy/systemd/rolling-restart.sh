#!/usr/bin/env bash
# Rolling restart of one app's processes on this machine, one at a time: each API instance, then
# each job process, waiting until its own /health/ready answers 200 before the next, so the
# others carry the traffic meanwhile (nginx passes over an instance that is restarting). The
# first restart also applies pending migrations (every unit requires <app>-migrate). Stops at
# the first process that does not come back, naming it.
#   sudo bash deploy/systemd/rolling-restart.sh attn
# READY_TIMEOUT (seconds, default 120) is how long each may take to be ready.
set -euo pipefail
app=${1:-}
case "$app" in
  attn | acube) ;;
  *) echo "usage: rolling-restart.sh attn|acube" >&2; exit 2 ;;
esac
SYSTEMCTL=${SYSTEMCTL:-systemctl}
READY_TIMEOUT=${READY_TIMEOUT:-120}

mapfile -t units < <(
  "$SYSTEMCTL" list-units --type=service --state=active --plain --no-legend \
    "$app-api@*.service" "$app-worker@*.service" | awk '{ print $1 }' | sort -t@ -k1,1 -k2,2n
)
if [ ${#units[@]} -eq 0 ]; then
  echo "no active $app-api@ or $app-worker@ unit to restart" >&2
  exit 1
fi

for unit in "${units[@]}"; do
  port=${unit#*@}
  port=${port%.service}
  echo "restarting $unit"
  "$SYSTEMCTL" restart "$unit"
  deadline=$((SECONDS + READY_TIMEOUT))
  until curl -fs -o /dev/null --max-time 3 "http://127.0.0.1:$port/health/ready"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$unit is not ready after ${READY_TIMEOUT} s: stopped here (journalctl -u $unit)" >&2
      exit 1
    fi
    sleep 1
  done
  echo "$unit is ready"
done
echo "restarted ${#units[@]} $app processes"
