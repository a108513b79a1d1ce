#!/usr/bin/env bash
# Starts the real store set up by setup.sh (recipe section 11): MariaDB first, then Apache. Run as root.
#   STORE_DIR=/work/realstore benchmarks/real-store/start.sh
set -euo pipefail
STORE_DIR=${STORE_DIR:-/work/realstore}
if ! mariadb-admin ping >/dev/null 2>&1; then
  install -d -o mysql -g mysql /run/mysqld
  setsid mariadbd --defaults-file="$STORE_DIR/my.cnf" --user=mysql >/dev/null 2>&1 < /dev/null &
  until mariadb-admin ping >/dev/null 2>&1; do sleep 0.5; done
fi
if ! apache2ctl status >/dev/null 2>&1 && ! ss -ltn | grep -q '127.0.0.1:80 '; then
  apache2ctl start
fi
curl -s http://127.0.0.1/wp-json/wc/v3/products; echo   # expect 401 woocommerce_rest_cannot_view
