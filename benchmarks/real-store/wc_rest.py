#!/usr/bin/env python3
"""Small signed WooCommerce REST client for the local real store (recipe section 9): OAuth 1.0a one-legged,
HMAC-SHA256, every parameter in the query string. Reads the key pair from $STORE_DIR/apikey.json and never
prints it. Standard library only.

  wc_rest.py check                       signed GET /products and /data/currencies/current
  wc_rest.py load-sample CSV             categories, 2 global attributes, 18 parents, 7 variations
  wc_rest.py load-generated --simple N --variable M --variations-each K
  wc_rest.py count                       products and variations in the store
  wc_rest.py delete-webhooks             removes every webhook (those earlier measurements registered)
"""
import base64, csv, hashlib, hmac, json, os, secrets, sys, time, urllib.error, urllib.parse, urllib.request

BASE = os.environ.get("WC_URL", "http://127.0.0.1") + "/wp-json/wc/v3"
STORE_DIR = os.environ.get("STORE_DIR", "/work/realstore")


def _enc(s):
    return urllib.parse.quote(str(s), safe="-_.~")


def _keys():
    with open(os.path.join(STORE_DIR, "apikey.json")) as f:
        k = json.load(f)
    return k["consumer_key"], k["consumer_secret"]


def call(method, path, params=None, body=None, timeout=600):
    ck, cs = _keys()
    url = BASE + path
    q = dict(params or {})
    q.update({"oauth_consumer_key": ck, "oauth_nonce": secrets.token_hex(16),
              "oauth_signature_method": "HMAC-SHA256", "oauth_timestamp": str(int(time.time()))})
    pairs = sorted((_enc(k), _enc(v)) for k, v in q.items())
    base = "&".join([method, _enc(url), _enc("&".join(f"{k}={v}" for k, v in pairs))])
    q["oauth_signature"] = base64.b64encode(hmac.new((cs + "&").encode(), base.encode(), hashlib.sha256).digest()).decode()
    full = url + "?" + "&".join(f"{_enc(k)}={_enc(v)}" for k, v in q.items())
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(full, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null"), dict(r.headers)
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {path} -> {e.code}: {e.read()[:500]!r}")


def check():
    t = time.time()
    s, body, _ = call("GET", "/products", {"per_page": 1})
    print(f"signed GET /products -> {s} in {time.time() - t:.2f}s")
    s, body, _ = call("GET", "/data/currencies/current")
    print(f"GET /data/currencies/current -> {s} {body.get('code')}")


def _bool(v):
    return v.strip() == "1"


def load_sample(path):
    t0 = time.time()
    calls = 0
    rows = list(csv.DictReader(open(path, encoding="utf-8-sig")))
    assert "ID" in rows[0], "BOM not stripped"
    # 2. categories (parent > child)
    cats = {}
    for r in rows:
        for path_ in filter(None, (c.strip() for c in r["Categories"].split(","))):
            parent = 0
            acc = []
            for name in (p.strip() for p in path_.split(">")):
                acc.append(name)
                key = " > ".join(acc)
                if key not in cats:
                    _, c, _ = call("POST", "/products/categories", body={"name": name, "parent": parent}); calls += 1
                    cats[key] = c["id"]
                parent = cats[key]
    # 3. global attributes Color and Size
    attrs = {}
    for name in ("Color", "Size"):
        _, a, _ = call("POST", "/products/attributes", body={"name": name, "slug": name.lower(), "has_archives": False}); calls += 1
        attrs[name] = a["id"]

    def attributes(r, variation):
        out = []
        for i in (1, 2):
            name = r.get(f"Attribute {i} name", "").strip()
            if not name:
                continue
            vals = [v.strip() for v in r.get(f"Attribute {i} value(s)", "").split(",") if v.strip()]
            a = {"id": attrs[name]} if _bool(r.get(f"Attribute {i} global", "0")) and name in attrs else {"name": name}
            if variation:
                if vals:
                    a["option"] = vals[0]
                    out.append(a)
            else:
                a.update({"options": vals, "visible": _bool(r.get(f"Attribute {i} visible", "0")),
                          "variation": r["Type"] == "variable"})
                out.append(a)
        return out

    def product(r):
        types = [t.strip() for t in r["Type"].split(",")]
        p = {"name": r["Name"], "type": types[0], "sku": r["SKU"], "status": "publish" if _bool(r["Published"]) else "draft",
             "featured": _bool(r["Is featured?"]), "catalog_visibility": r["Visibility in catalog"],
             "description": r["Description"], "short_description": r["Short description"],
             "virtual": "virtual" in types, "downloadable": "downloadable" in types,
             "categories": [{"id": cats[c.strip()]} for c in r["Categories"].split(",") if c.strip()],
             "attributes": attributes(r, False)}
        for col, key in (("Regular price", "regular_price"), ("Sale price", "sale_price"), ("Weight (lbs)", "weight"),
                         ("External URL", "external_url"), ("Button text", "button_text")):
            if r[col]:
                p[key] = r[col]
        dims = {k: r[c] for k, c in (("length", "Length (in)"), ("width", "Width (in)"), ("height", "Height (in)")) if r[c]}
        if dims:
            p["dimensions"] = dims
        downloads = [{"name": r[f"Download {i} name"], "file": r[f"Download {i} URL"]}
                     for i in (1, 2) if r.get(f"Download {i} URL")]
        if downloads:
            p["downloads"] = downloads
            p["download_limit"] = int(r["Download limit"] or -1)
            p["download_expiry"] = int(r["Download expiry days"] or -1)
        return p

    parents = [r for r in rows if r["Type"] != "variation"]
    first = [product(r) for r in parents if r["Type"] != "grouped"]
    _, res, _ = call("POST", "/products/batch", body={"create": first}); calls += 1
    ids = {}
    for item in res["create"]:
        if "error" in item:
            raise SystemExit(f"create failed: {item['error']}")
        ids[item["sku"]] = item["id"]
    for r in parents:
        if r["Type"] == "grouped":
            p = product(r)
            p["grouped_products"] = [ids[s.strip()] for s in r["Grouped products"].split(",")]
            _, g, _ = call("POST", "/products", body=p); calls += 1
            ids[g["sku"]] = g["id"]
    by_parent = {}
    for r in rows:
        if r["Type"] == "variation":
            v = {"sku": r["SKU"], "regular_price": r["Regular price"], "attributes": attributes(r, True)}
            if r["Sale price"]:
                v["sale_price"] = r["Sale price"]
            by_parent.setdefault(r["Parent"], []).append(v)
    nvar = 0
    for parent_sku, vs in by_parent.items():
        _, res, _ = call("POST", f"/products/{ids[parent_sku]}/variations/batch", body={"create": vs}); calls += 1
        for item in res["create"]:
            if "error" in item:
                raise SystemExit(f"variation create failed: {item['error']}")
        nvar += len(vs)
    print(f"sample: {len(ids)} products, {nvar} variations, {calls} calls, {time.time() - t0:.1f}s")


def load_generated(n_simple, n_variable, each):
    t0 = time.time()
    for start in range(0, n_simple, 100):
        batch = [{"name": f"Generated simple {i}", "type": "simple", "sku": f"GEN-S-{i}", "regular_price": f"{10 + i % 90}.{i % 100:02d}",
                  "manage_stock": True, "stock_quantity": 5 + i % 50, "description": f"Generated product {i}."}
                 for i in range(start + 1, min(start + 100, n_simple) + 1)]
        _, res, _ = call("POST", "/products/batch", body={"create": batch})
        bad = [x for x in res["create"] if "error" in x]
        if bad:
            raise SystemExit(f"simple batch failed: {bad[0]['error']}")
    t1 = time.time()
    print(f"generated {n_simple} simple products in {t1 - t0:.0f}s", flush=True)
    sizes = ["S", "M", "L", "XL", "XXL"][:each]
    parents = []
    for start in range(0, n_variable, 100):
        batch = [{"name": f"Generated variable {i}", "type": "variable", "sku": f"GEN-V-{i}",
                  "attributes": [{"name": "Size", "options": sizes, "visible": True, "variation": True}]}
                 for i in range(start + 1, min(start + 100, n_variable) + 1)]
        _, res, _ = call("POST", "/products/batch", body={"create": batch})
        for x in res["create"]:
            if "error" in x:
                raise SystemExit(f"variable batch failed: {x['error']}")
            parents.append((x["id"], x["sku"]))
    t2 = time.time()
    print(f"generated {n_variable} variable parents in {t2 - t1:.0f}s", flush=True)
    nvar = 0
    for pid, sku in parents:
        n = int(sku.rsplit("-", 1)[1])
        vs = [{"sku": f"{sku}-{s}", "regular_price": f"{20 + n % 50}.00", "manage_stock": True, "stock_quantity": 3 + (n + j) % 20,
               "attributes": [{"name": "Size", "option": s}]} for j, s in enumerate(sizes)]
        _, res, _ = call("POST", f"/products/{pid}/variations/batch", body={"create": vs})
        for x in res["create"]:
            if "error" in x:
                raise SystemExit(f"variation batch failed: {x['error']}")
        nvar += len(vs)
    print(f"generated {nvar} variations in {len(parents)} calls, {time.time() - t2:.0f}s", flush=True)


def count():
    _, _, h = call("GET", "/products", {"per_page": 1})
    total = h.get("X-WP-Total") or h.get("x-wp-total")
    types = {}
    for t in ("simple", "variable", "grouped", "external"):
        _, _, h = call("GET", "/products", {"per_page": 1, "type": t})
        types[t] = h.get("X-WP-Total") or h.get("x-wp-total")
    print(f"products: {total} {types}")


def delete_webhooks():
    _, hooks, _ = call("GET", "/webhooks", {"per_page": 100})
    for h in hooks:
        call("DELETE", f"/webhooks/{h['id']}", {"force": "true"})
    print(f"deleted {len(hooks)} webhooks")


def main(argv):
    cmd = argv[1] if len(argv) > 1 else "check"
    if cmd == "check":
        check()
    elif cmd == "load-sample":
        load_sample(argv[2])
    elif cmd == "load-generated":
        a = dict(zip(argv[2::2], argv[3::2]))
        load_generated(int(a.get("--simple", 2000)), int(a.get("--variable", 200)), int(a.get("--variations-each", 3)))
    elif cmd == "count":
        count()
    elif cmd == "delete-webhooks":
        delete_webhooks()
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
