#!/usr/bin/env python3
"""Turns bin/bench-real-store's JSON lines into the markdown table of docs/performance-real-store.md.
  python3 benchmarks/real-store/report.py results.jsonl
"""
import json, sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith("{")]
by = {r["scenario"]: r for r in rows}
naive = by.get("naive_reader")
print("| Measurement | Shop requests | Shop time | Marketplace requests | Wall time | Shop requests vs naive reader | Wall time vs naive reader | Load before → after |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for r in rows:
    shop = r.get("requests_shop", 0)
    mkt = r.get("requests_marketplace", "–")
    secs = r.get("seconds")
    rq = f"{shop / naive['requests_shop']:.2f}×" if naive and naive.get("requests_shop") else "–"
    rt = f"{secs / naive['seconds']:.2f}×" if naive and secs is not None else "–"
    load = f"{r.get('load_before', '')} → {r.get('load_after', '')}" if "load_before" in r else ""
    name = r["scenario"] + (" (derived)" if r.get("derived") else "")
    wait = r.get("shop_wait_seconds")
    wait = "" if wait is None else f"{wait:.1f} s"
    print(f"| {name} | {shop} | {wait} | {mkt} | {'' if secs is None else f'{secs:.1f} s'} | {rq} | {rt} | {load} |")
print()
for r in rows:
    if "shop_routes" in r:
        routes = ", ".join(f"{k} {v}" for k, v in r["shop_routes"].items())
        extra = ""
        if "marketplace_routes" in r:
            extra = "; marketplace: " + ", ".join(f"{k.replace('/api/woocommerce', '')} {v}" for k, v in r["marketplace_routes"].items())
        print(f"- `{r['scenario']}`: {routes}{extra}")
