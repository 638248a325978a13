#!/usr/bin/env bash
# Starts private PostgreSQL and/or Redis servers for tests, on 127.0.0.1 on free ports, with
# their data under STATEDIR, and writes `export TEST_PG_URL=...` lines to STATEDIR/env.sh.
#   bash deploy/services/start.sh STATEDIR postgres redis
# Stop them with deploy/services/stop.sh STATEDIR.
set -euo pipefail

state=$1
shift
mkdir -p "$state"
state=$(cd "$state" && pwd)
chmod 755 "$state"
: > "$state/env.sh"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin port dir
  bin=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d | sort -V | tail -n 1)
  [ -n "$bin" ] || { echo "PostgreSQL is not installed: run deploy/services/ensure-packages.sh postgres" >&2; exit 1; }
  port=$(free_port)
  dir="$state/postgres"
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    > /dev/null
  echo "$bin" > "$dir/bin"
  echo "export TEST_PG_URL=postgres://postgres@127.0.0.1:$port/postgres" >> "$state/env.sh"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

start_redis() {
  local port dir
  command -v redis-server > /dev/null || { echo "Redis is not installed: run deploy/services/ensure-packages.sh redis" >&2; exit 1; }
  port=$(free_port)
  dir="$state/redis"
  mkdir -p "$dir"
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --dir "$dir" --logfile "$dir/redis.log"
  for _ in $(seq 1 100); do
    if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then break; fi
    sleep 0.05
  done
  echo "export TEST_REDIS_URL=redis://127.0.0.1:$port" >> "$state/env.sh"
  echo "Redis on 127.0.0.1:$port"
}

for service in "$@"; do
  case "$service" in
    postgres) start_postgres ;;
    redis) start_redis ;;
    *) echo "unknown service: $service" >&2; exit 2 ;;
  esac
done
