#!/usr/bin/env bash
# Stops the real store's Apache and MariaDB (recipe section 11). Run as root.
#   STORE_DIR=/work/realstore benchmarks/real-store/stop.sh
set -euo pipefail
STORE_DIR=${STORE_DIR:-/work/realstore}
apache2ctl stop || true
if [ -f "$STORE_DIR/mysql/mariadbd.pid" ]; then
  kill "$(cat "$STORE_DIR/mysql/mariadbd.pid")"
  while mariadb-admin ping >/dev/null 2>&1; do sleep 0.5; done
fi
