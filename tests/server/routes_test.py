#!/usr/bin/env python3
"""`sancheck serve` routes: byte-equal to the CLI, positioned errors, statuses, metrics and the OpenAPI document.

Usage: routes_test.py SANCHECK SOURCE_DIR
"""
import glob
import json
import os
import sys

import jsonschema

sys.path.insert(0, os.path.dirname(__file__))
from harness import Checks, Server, cli  # noqa: E402

exe, src = sys.argv[1], sys.argv[2]
c = Checks()
with Server(exe) as server:
    # POST /v1/check answers exactly what `sancheck check --format F` writes for the same text.
    samples = sorted(glob.glob(os.path.join(src, "samples", "article-2023-09", "*.yaml")))
    c.expect(len(samples) >= 8, "the article samples are found")
    for path in samples:
        text = open(path, "rb").read()
        for fmt in ["json", "sarif", "junit", "markdown", "html", "text"]:
            _, want, _ = cli(exe, "check", "--format", fmt, "-", stdin=text)
            status, headers, got = server.request("POST", "/v1/check?format=" + fmt, body=text)
            c.expect(status == 200 and got == want, "check %s as %s equals the CLI (status %d)" % (path, fmt, status))
        status, headers, got = server.request("POST", "/v1/check?file=" + os.path.basename(path), body=text)
        _, want, _ = cli(exe, "check", "--format", "json", path)
        c.expect(got.replace(os.path.basename(path).encode(), path.encode()) == want,
                 "?file= labels the body as the CLI names the file")
        c.expect(headers.get("x-sancheck-verdict") in ("prohibited", "review", "permitted"), "the verdict header")

    submarine = open(os.path.join(src, "samples", "article-2023-09", "submarine.yaml"), "rb").read()
    _, h, body = server.request("POST", "/v1/check", body=submarine)
    c.expect(h.get("x-sancheck-verdict") == "prohibited" and h.get("x-sancheck-result") == "fail",
             "the submarine scenario is prohibited and fails the run")
    c.expect(h.get("x-sancheck-packs", "").startswith("un-dprk@") and "x-request-id" in h,
             "answers carry the pack versions and a request id")
    _, h, _ = server.request("POST", "/v1/check", body=submarine, headers={"X-Request-Id": "order-4711"})
    c.expect(h.get("x-request-id") == "order-4711", "a plain X-Request-Id is kept")

    # A JSON body is a scenario too (JSON is YAML).
    import yaml  # noqa: E402 (Debian's python3-yaml)
    as_json = json.dumps(yaml.safe_load(submarine), default=str).encode()
    status, _, body = server.request("POST", "/v1/check", body=as_json, headers={"Content-Type": "application/json"})
    c.expect(status == 200 and json.loads(body)["scenarios"][0]["verdict"] == "prohibited", "a JSON scenario is judged")

    # Bad input: 400 with the CLI's positioned diagnostics, no report.
    bad = b"scenario: x\ntitle: t\nparties: {}\nactivities: []\nbogus: 1\n"
    status, _, body = server.request("POST", "/v1/check", body=bad)
    errors = json.loads(body).get("errors", [])
    c.expect(status == 400 and any(e["code"] == "scenario.unknown_key" and e["line"] == 5 and e["column"] == 1
                                   for e in errors), "an unknown key is a positioned 400: %s" % body[:300])
    _, _, cli_err = cli(exe, "check", "-", stdin=bad)
    c.expect(all(e["message"].encode() in cli_err for e in errors), "the same messages as the CLI")
    for body_text, what in [(b"", "an empty body"), (b"\xff\xfe", "bytes that are not UTF-8"), (b",", "a lone comma"),
                            (b"a: [", "unclosed flow"), (b"- 1\n- 2\n", "a list")]:
        status, _, body = server.request("POST", "/v1/check", body=body_text)
        c.expect(status == 400 and json.loads(body)["errors"], "%s is a 400 with errors" % what)
    for query, what in [("?format=pdf", "an unknown format"), ("?as_of=2024-02-30", "a bad date"),
                        ("?fail_on=sometimes", "an unknown policy"), ("?colour=red", "an unknown parameter"),
                        ("?format=%zz", "a bad %-escape")]:
        status, _, body = server.request("POST", "/v1/check" + query, body=submarine)
        c.expect(status == 400 and json.loads(body)["errors"], "%s is a 400" % what)

    # POST /v1/screen answers what `sancheck screen --format json` prints.
    for q in [{"name": "Jo Chun-ryong"}, {"name": "조춘룡"}, {"name": "Ri Pyong Chol", "country": "KP", "born": 1948},
              {"name": "Hamburg Maschinenbau GmbH", "country": "DE", "kind": "company"}]:
        status, _, got = server.request("POST", "/v1/screen", body=json.dumps({"queries": [q], "as_of": "2026-01-01"}))
        args = ["screen", "--format", "json", "--as-of", "2026-01-01", q["name"]]
        for k in ["country", "born", "kind"]:
            if k in q:
                args += ["--" + k, str(q[k])]
        _, want, _ = cli(exe, *args)
        c.expect(status == 200 and got == want, "screen %r equals the CLI" % q)
    _, _, got = server.request("POST", "/v1/screen", body=json.dumps({"queries": [{"name": "Jo Chun-ryong"}]}))
    refs = [x["reference"] for x in json.loads(got)["results"][0]["candidates"]]
    c.expect("KPi.038" in refs, "Jo Chun-ryong finds KPi.038")
    for body_text, code in [('{"queries": []}', "screen.queries"), ('{"queries": [{"nam": "x"}]}', "screen.unknown_key"),
                            ('{"queries": [{"name": "x", "country": "XX"}]}', "screen.bad_value"),
                            ('{"queries": [{"name": "x"}], "threshold": 2}', "screen.bad_value"),
                            ('{"queries": [{"name": "x"}], "threshold": -0.5}', "screen.bad_value"),
                            ('{"queries": [{"name": "x"}], "as_of": "yesterday"}', "screen.bad_date"),
                            ('{"queries": [{"name": "x", "born": "2100"}], "as_of": "2026-01-01"}', "screen.bad_value"),
                            ('{"queries": [{"imo": "9176188"}]}', "screen.bad_value"),
                            ('{"queries": [{"name": "x"}]', "screen.yaml"),
                            ('{"queries": [%s]}' % ",".join(['{"name": "x"}'] * 1001), "screen.too_many")]:
        status, _, body = server.request("POST", "/v1/screen", body=body_text)
        errors = json.loads(body).get("errors", [])
        c.expect(status == 400 and any(e["code"] == code for e in errors), "screen %s... is a 400 %s: %s" %
                 (body_text[:40], code, body[:200]))

    # POST /v1/batch answers what `sancheck batch` writes for the same records (JSONL and CSV).
    records = "".join(json.dumps({"id": "R%d" % i, "date": "2023-09-13", "exporter_country": ex, "importer_country": im,
                                  "exporter_name": name, "importer_name": "Buyer", "hs": hs, "description": "Goods",
                                  "quantity": 10, "unit": "pcs", "value_usd": 100.0, "tags": [], "vessel_imo": ""}) + "\n"
                      for i, (ex, im, name, hs) in enumerate([("KP", "RU", "Korea Mining Development Trading Corporation", "930690"),
                                                               ("RU", "KP", "Ordinary Trading", "100199"),
                                                               ("DE", "FR", "Hamburg Maschinenbau", "847130"),
                                                               ("CN", "KP", "Dandong Foods", "030289")])).encode()
    records += b'{"id": "broken", "date": 7}\n'
    _, want, _ = cli(exe, "batch", "-", stdin=records)
    status, h, got = server.request("POST", "/v1/batch", body=records)
    c.expect(status == 200 and got == want.replace(b'"file":"-"', b'"file":"<request>"'), "batch equals the CLI: %s" % got[:300])
    c.expect(h.get("x-sancheck-records") == "4" and h.get("x-sancheck-errors") == "1", "batch counts in headers")
    c.expect(b'"verdict":"prohibited"' in got and b'"verdict":"error"' in got, "prohibited and error lines")
    csv_text = b"id,date,exporter_country,importer_country,exporter_name,importer_name,hs,description,quantity,unit," \
               b"value_usd,tags,vessel_imo\nS1,2023-09-13,KP,RU,A,B,930690,Shells,1,pcs,2.50,,\n"
    _, want, _ = cli(exe, "batch", "--input-format", "csv", "-", stdin=csv_text)
    status, _, got = server.request("POST", "/v1/batch?format=csv&citations=true", body=csv_text)
    _, want, _ = cli(exe, "batch", "--input-format", "csv", "--citations", "-", stdin=csv_text)
    c.expect(status == 200 and got == want, "CSV batch with citations equals the CLI")
    for body_text, query, what in [(b"", "", "an empty body"), (b"nothing,like,a,header\n1,2,3,4\n", "?format=csv", "a bad CSV header"),
                                   (records, "?format=xml", "an unknown format"), (records, "?max_errors=0", "more bad records than allowed"),
                                   (records, "?citations=yes", "a citations value not true or false"),
                                   (records, "?max_errors=99999999999999999999", "a max_errors out of range")]:
        status, _, body = server.request("POST", "/v1/batch" + query, body=body_text)
        c.expect(status == 400 and json.loads(body)["errors"], "batch with %s is a 400: %s" % (what, body[:200]))

    # Information routes.
    status, _, got = server.request("GET", "/v1/rules")
    _, want, _ = cli(exe, "rules", "--format", "json")
    c.expect(status == 200 and got == want, "/v1/rules equals `sancheck rules --format json`")
    status, _, got = server.request("GET", "/v1/lists")
    lists = json.loads(got)["lists"]
    c.expect(status == 200 and any(x["name"] == "un-consolidated" and x["entries"] > 0 for x in lists), "/v1/lists")
    c.expect(server.request("GET", "/healthz")[:3:2] == (200, b"ok\n"), "/healthz")
    status, _, got = server.request("GET", "/readyz")
    c.expect(status == 200 and json.loads(got)["ready"] is True, "/readyz")
    status, h, page = server.request("GET", "/")
    csp = h.get("content-security-policy", "")
    c.expect(status == 200 and b"<html" in page and "default-src 'none'" in csp and "unsafe-inline" not in csp,
             "the page is served with a strict CSP")
    c.expect(server.request("HEAD", "/healthz")[0] == 200, "HEAD of a GET route")
    c.expect(server.request("GET", "/v2/nothing")[0] == 404, "an unknown route is 404")
    status, h, _ = server.request("GET", "/v1/check")
    c.expect(status == 405 and h.get("allow") == "POST", "a wrong method is 405 with Allow")
    c.expect(server.request("POST", "/v1/admin/reload")[0] == 403, "reload over HTTP needs a token")

    # Metrics: Prometheus text with the routes, statuses, verdicts and versions seen above.
    status, _, metrics = server.request("GET", "/metrics")
    text = metrics.decode()
    c.expect(status == 200 and 'sancheck_http_requests_total{route="/v1/check",status="200"}' in text, "request counts")
    c.expect('sancheck_http_requests_total{route="/v1/check",status="400"}' in text, "error counts")
    c.expect('sancheck_verdicts_total{verdict="prohibited"}' in text, "verdict counts")
    c.expect('sancheck_http_request_duration_seconds_bucket{route="/v1/screen",le="+Inf"}' in text, "latency histogram")
    c.expect('sancheck_engine_info{packs="un-dprk@' in text, "versions as labels")
    for line in text.splitlines():
        c.expect(line.startswith("#") or line.rsplit(" ", 1)[-1].replace(".", "", 1).isdigit(),
                 "a metric line ends in a number: %s" % line)

    # The OpenAPI document: well formed, every served route in it, and the answers above match its schemas.
    status, _, doc_bytes = server.request("GET", "/v1/openapi.json")
    doc = json.loads(doc_bytes)
    c.expect(status == 200 and doc["openapi"].startswith("3.1"), "OpenAPI 3.1")
    for route in ["/v1/check", "/v1/screen", "/v1/batch", "/v1/rules", "/v1/lists", "/healthz", "/readyz", "/metrics",
                  "/v1/openapi.json", "/v1/admin/reload", "/"]:
        c.expect(route in doc["paths"], "%s is documented" % route)

    def resolve(node):
        if isinstance(node, dict):
            if "$ref" in node:
                target = doc
                for part in node["$ref"].lstrip("#/").split("/"):
                    target = target[part]
                return resolve(target)
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    resolved = resolve(doc)  # fails with KeyError on a dangling $ref
    for path, ops in resolved["paths"].items():
        for method, op in ops.items():
            c.expect(op.get("responses"), "%s %s has responses" % (method, path))
    validator = jsonschema.Draft202012Validator

    def valid(path, method, status_code, payload):
        schema = resolved["paths"][path][method]["responses"][str(status_code)]["content"]["application/json"]["schema"]
        errors = list(validator(schema).iter_errors(payload))
        c.expect(not errors, "%s %s %d matches its schema: %s" % (method, path, status_code, errors[:1]))

    valid("/v1/screen", "post", 200, json.loads(server.request("POST", "/v1/screen",
                                                               body='{"queries":[{"name":"Jo Chun-ryong"}]}')[2]))
    valid("/v1/screen", "post", 400, json.loads(server.request("POST", "/v1/screen", body="{}")[2]))
    valid("/v1/lists", "get", 200, json.loads(server.request("GET", "/v1/lists")[2]))
    valid("/readyz", "get", 200, json.loads(server.request("GET", "/readyz")[2]))
    valid("/v1/check", "post", 200, json.loads(server.request("POST", "/v1/check", body=submarine)[2]))
    valid("/v1/check", "post", 400, json.loads(server.request("POST", "/v1/check", body=bad)[2]))
    validator.check_schema(resolved["components"]["schemas"]["ScreenResult"])

    # The access log: one JSON line per request, without bodies.
    rc = server.stop()
    c.expect(rc == 0, "SIGTERM exits 0 (got %s)" % rc)
    lines = [json.loads(x) for x in server.log if x.startswith("{")]
    requests = [x for x in lines if x.get("event") == "request"]
    c.expect(len(requests) > 50 and all({"id", "route", "status", "duration_ms", "packs", "lists"} <= set(x)
                                        for x in requests), "request log lines have their fields")
    c.expect(not any("body" in x for x in requests), "bodies are not logged by default")
    c.expect(any(x.get("verdict") == "prohibited" for x in requests), "the verdict is logged")
c.done()
