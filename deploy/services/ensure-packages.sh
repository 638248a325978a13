#!/usr/bin/env bash
# Makes sure the servers the tests need are installed, from Debian's packages.
#   bash deploy/services/ensure-packages.sh postgres redis [nginx] [openssl] [chromium] [wrk] [prometheus] [systemd]
# As root it installs what is missing; otherwise it says which apt-get line to run.
set -euo pipefail

declare -A PACKAGES=([postgres]=postgresql [redis]=redis-server [nginx]=nginx [chromium]=chromium [wrk]=wrk [prometheus]=prometheus [openssl]=openssl [systemd]=systemd)

present() {
  case "$1" in
    postgres) compgen -G '/usr/lib/postgresql/*/bin/postgres' > /dev/null ;;
    redis) command -v redis-server > /dev/null ;;
    nginx) command -v nginx > /dev/null || [ -x /usr/sbin/nginx ] ;;
    chromium) command -v chromium > /dev/null ;;
    wrk) command -v wrk > /dev/null ;;
    openssl) command -v openssl > /dev/null ;;
    # Only for promtool (checks the scrape configuration and alert rules); its daemon is kept
    # from starting like the others.
    prometheus) command -v promtool > /dev/null ;;
    # Only for systemd-analyze (checks our units); nothing here runs systemd as PID 1.
    systemd) command -v systemd-analyze > /dev/null ;;
    *) echo "unknown service: $1 (known: ${!PACKAGES[*]})" >&2; exit 2 ;;
  esac
}

missing=()
for service in "$@"; do
  present "$service" || missing+=("${PACKAGES[$service]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing: ${missing[*]}. Install them with:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "Installing from Debian's packages: ${missing[*]}"
# Debian starts a service when its package is installed; our tests start their own copies on
# free ports, so keep the packaged ones from starting (and from taking 5432 or 6379).
own_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  own_policy=1
fi
trap '[ "$own_policy" -eq 1 ] && rm -f /usr/sbin/policy-rc.d' EXIT
export DEBIAN_FRONTEND=noninteractive
install() { apt-get install -y -q --no-install-recommends "${missing[@]}"; }
if ! install; then
  apt-get update -q
  install
fi
