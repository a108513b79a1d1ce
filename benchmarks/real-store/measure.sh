#!/usr/bin/env bash
# One measurement against the running real store: removes the webhooks an earlier measurement left, records the
# machine's load, runs bin/bench-real-store and keeps its JSON lines and progress under $STORE_DIR/results/.
#   STORE_DIR=/work/realstore benchmarks/real-store/measure.sh [bin/bench-real-store options]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export STORE_DIR=${STORE_DIR:-/work/realstore}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$STORE_DIR/results"
out="$STORE_DIR/results/$stamp"
python3 "$root/benchmarks/real-store/wc_rest.py" delete-webhooks
{ date -u; uptime; nproc; git -C "$root" log -1 --format='%H %s'; } > "$out.env"
cat "$out.env"
WC_KEY_FILE="$STORE_DIR/apikey.json" "$root/bin/bench-real-store" "$@" > "$out.jsonl" 2> "$out.log"
uptime >> "$out.env"
python3 "$root/benchmarks/real-store/report.py" "$out.jsonl"
echo "results: $out.jsonl (progress: $out.log, machine: $out.env)"
