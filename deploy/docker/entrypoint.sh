#!/bin/sh
# The image's entrypoint: picks the app from APP (acube or attn) or from the first argument,
# then replaces itself with the app's command line (exec: node is PID 1 and gets SIGTERM itself).
#   entrypoint.sh attn             serve ATTN (ROLE from the environment: all, api or worker)
#   entrypoint.sh acube migrate    apply A-Cube's migrations and exit
#   APP=attn entrypoint.sh serve   the same as the first
set -eu
cd "$(dirname "$0")/../.."
case "${1:-}" in
  acube | attn)
    APP=$1
    shift
    ;;
esac
case "${APP:-}" in
  acube | attn) ;;
  *)
    echo "Choose the app: APP=acube or APP=attn, or as the first argument (e.g. 'attn migrate')." >&2
    exit 2
    ;;
esac
DATA_DIR=${DATA_DIR:-/data/$APP}
export APP DATA_DIR
exec node "apps/$APP/api/src/cli.ts" "$@"
