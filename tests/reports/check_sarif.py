#!/usr/bin/env python3
"""Validates SARIF files against the SARIF 2.1.0 JSON Schema and GitHub code scanning's upload limits.

Usage: check_sarif.py SCHEMA FILE...
"""
import json
import sys

import jsonschema

# GitHub code scanning rejects uploads beyond these (docs: "SARIF support for code scanning").
MAX_RUNS = 20
MAX_RESULTS = 25000
MAX_RULES = 25000
MAX_TAGS = 20
MAX_LOCATIONS = 1000


def problems(doc):
    out = []
    runs = doc.get("runs", [])
    if not 1 <= len(runs) <= MAX_RUNS:
        out.append(f"{len(runs)} runs")
    for run in runs:
        driver = run["tool"]["driver"]
        rules = driver.get("rules", [])
        ids = [r["id"] for r in rules]
        if len(ids) != len(set(ids)):
            out.append("duplicate rule ids")
        if len(rules) > MAX_RULES:
            out.append("too many rules")
        for r in rules:
            if len(r.get("properties", {}).get("tags", [])) > MAX_TAGS:
                out.append(f"rule {r['id']}: too many tags")
            if "helpUri" in r and not r["helpUri"].startswith("https://"):
                out.append(f"rule {r['id']}: helpUri {r['helpUri']}")
        results = run.get("results", [])
        if len(results) > MAX_RESULTS:
            out.append("too many results")
        for i, res in enumerate(results):
            where = f"result {i}"
            if res.get("ruleId") not in ids:
                out.append(f"{where}: ruleId {res.get('ruleId')} is not among the driver's rules")
            elif ids[res["ruleIndex"]] != res["ruleId"]:
                out.append(f"{where}: ruleIndex does not point at ruleId")
            if not res.get("message", {}).get("text"):
                out.append(f"{where}: no message text")
            if res.get("level") not in ("error", "warning", "note"):
                out.append(f"{where}: level {res.get('level')}")
            locs = res.get("locations", [])
            if not 1 <= len(locs) <= MAX_LOCATIONS:
                out.append(f"{where}: {len(locs)} locations")
            for loc in locs:
                phys = loc.get("physicalLocation", {})
                uri = phys.get("artifactLocation", {}).get("uri", "")
                if not uri or uri.startswith("/"):
                    out.append(f"{where}: artifact uri {uri!r} (must be relative to the repository)")
                if phys.get("region", {}).get("startLine", 0) < 1:
                    out.append(f"{where}: no start line")
            if not res.get("partialFingerprints"):
                out.append(f"{where}: no partialFingerprints")
    return out


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    failed = False
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = [f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]
        errors += problems(doc)
        for e in errors[:20]:
            print(f"{path}: {e}")
        failed = failed or bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
