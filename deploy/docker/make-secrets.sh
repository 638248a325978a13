#!/bin/sh
# Writes the secrets compose.yaml reads as files, once: random values from openssl, kept beside
# this script in secrets/ (ignored by git; the folder readable by its owner only). An existing
# file is left alone, so running it again never changes a secret in use.
#   bash deploy/docker/make-secrets.sh
set -eu
dir="$(cd "$(dirname "$0")" && pwd)/secrets"
mkdir -p "$dir"
chmod 0700 "$dir"
# The containers run as uid 1000 and read the files through bind mounts: the files themselves
# are world-readable; the folder above them is what keeps other host users out.
write() {
  if [ ! -s "$dir/$1" ]; then
    (umask 022 && printf '%s' "$2" >"$dir/$1.tmp" && mv "$dir/$1.tmp" "$dir/$1")
    echo "wrote secrets/$1"
  fi
}
write postgres_password "$(openssl rand -hex 24)"
password=$(cat "$dir/postgres_password")
write acube_database_url "postgres://campus:$password@postgres:5432/acube"
write attn_database_url "postgres://campus:$password@postgres:5432/attn"
write acube_app_secret "$(openssl rand -base64 48 | tr -d '\n')"
write attn_app_secret "$(openssl rand -base64 48 | tr -d '\n')"
write metrics_token "$(openssl rand -hex 24)"
