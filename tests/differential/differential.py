#!/usr/bin/env python3
"""Differential test: the same shipments judged as batch records and as scenario files must agree.

Random records (DPRK-linked and ordinary trade, designated and near-designated names, dates
around listing dates, capped deliveries out of date order, cleared matches) are written once
as JSONL for `sancheck batch` and once as scenario activities for `sancheck check`; every
record's verdict and set of rules must be identical. Exit 0 when they agree, 1 when not.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

COUNTRIES = ["KP", "KP", "RU", "CN", "EG", "IR", "DE", "US", "SY", "IN"]
# (HS code, description, tags, units): arms, petroleum (capped), coal, textiles, seafood,
# food and medicine, luxury cars, machinery, and goods the UN measures do not touch.
GOODS = [
    ("930690", "Artillery shells", ["ammunition"], ["pcs"]),
    ("9301", "Anti-tank launchers", ["arms"], ["pcs"]),
    ("271019", "Diesel fuel", [], ["bbl", "t", "kg", "l"]),
    ("271012", "Gasoline", [], ["bbl", "t"]),
    ("2709", "Crude oil", [], ["bbl", "t"]),
    ("2701", "Anthracite coal", [], ["t"]),
    ("6203", "Men's suits", [], ["pcs"]),
    ("0302", "Fresh fish", [], ["kg", "t"]),
    ("100199", "Milling wheat", ["food"], ["t"]),
    ("3004", "Medicines", ["medicine"], ["pcs", "kg"]),
    ("8703", "Passenger cars", ["vehicles"], ["pcs"]),
    ("8458", "Lathes", ["machinery"], ["pcs"]),
    ("7208", "Steel sheets", ["metals", "iron"], ["t"]),
    ("0901", "Coffee", [], ["kg"]),
    ("8471", "Laptops", ["electrical"], ["pcs"]),
]
# Listed names (and near variants) with their listing dates, plus ordinary names.
LISTED = [
    ("Jo Chun-ryong", "KP"), ("JO CHUN RYONG", "KP"), ("Jo Chun Ryong", "RU"),
    ("Munitions Industry Department", "KP"), ("Korea Mining Development Trading Corporation", "KP"),
    ("Yun Ho-jin", "KP"), ("Ri Je-son", "KP"), ("Namchongang Trading Corporation", "KP"),
    ("Korea Ryonbong General Corporation", "KP"), ("Tanchon Commercial Bank", "KP"),
]
ORDINARY = [
    ("Novorossiysk Grain Terminal JSC", "RU"), ("Egyptian Commodities Trading Company", "EG"),
    ("Dandong Foods Trading Co", "CN"), ("Hamburg Maschinenbau GmbH", "DE"),
    ("Pyongyang Textile Factory", "KP"), ("Rason Seafood Export Company", "KP"),
    ("Ministry of Defence", "RU"), ("Tehran Petroleum Trading", "IR"), ("Mumbai Pharma Ltd", "IN"),
    ("Kim Chol", "KP"), ("Jo Chun-ho", "KP"),
]
# Batch records do not say what kind of party a name is, so batch screening does not filter
# by kind; the scenario twin names people as individuals so that screening sees the same.
PEOPLE = {"Jo Chun-ryong", "JO CHUN RYONG", "Jo Chun Ryong", "Yun Ho-jin", "Ri Je-son", "Kim Chol", "Jo Chun-ho"}
DATES = ["2006-10-13", "2006-10-14", "2009-06-11", "2009-06-12", "2009-07-16", "2013-03-07",
         "2016-03-01", "2016-03-02", "2016-11-29", "2016-11-30", "2017-08-05", "2017-09-10",
         "2017-09-11", "2017-09-12", "2017-12-22", "2018-01-01", "2019-12-22", "2023-09-13"]


def random_date(rng):
    if rng.random() < 0.5:
        return rng.choice(DATES)
    return "%04d-%02d-%02d" % (rng.randint(2005, 2026), rng.randint(1, 12), rng.randint(1, 28))


def random_party(rng):
    if rng.random() < 0.2:
        return rng.choice(LISTED)
    if rng.random() < 0.7:
        return rng.choice(ORDINARY)
    return (None, rng.choice(COUNTRIES))


def random_record(rng, i):
    exporter, importer = random_party(rng), random_party(rng)
    hs, description, tags, units = rng.choice(GOODS)
    r = {"id": "r%06d" % i, "date": random_date(rng),
         "exporter_country": exporter[1], "importer_country": importer[1],
         "hs": hs, "description": description}
    if exporter[0]:
        r["exporter_name"] = exporter[0]
    if importer[0]:
        r["importer_name"] = importer[0]
    if tags and rng.random() < 0.7:
        r["tags"] = tags
    if rng.random() < 0.9:  # capped deliveries without a quantity cannot be counted: review
        r["quantity"] = rng.choice([1, 10, 500, 20000, 90000, 250000])
        r["unit"] = rng.choice(units)
    if rng.random() < 0.5:
        r["value_usd"] = rng.choice([100, 25000, 1000000])
    return r


def yaml_str(s):
    return json.dumps(s)  # a JSON string is a valid YAML double-quoted scalar


def write_scenarios(records, folder, per_file):
    """One scenario file per `per_file` records; a party per distinct (name, country)."""
    paths = []
    for start in range(0, len(records), per_file):
        chunk = records[start:start + per_file]
        parties = {}
        lines = ["scenario: differential-%d" % (start // per_file), "title: Differential test records",
                 "parties:"]

        def party(name, country):
            key = (name, country)
            if key not in parties:
                pid = "p%d" % len(parties)
                parties[key] = pid
                # A record's party has a country and maybe a name; unnamed ones get a neutral one.
                kind = "individual" if name in PEOPLE else "company"
                lines.append("  %s:\n    name: %s\n    country: %s\n    kind: %s" %
                             (pid, yaml_str(name or "Unnamed trader %s" % country), country, kind))
            return parties[key]

        acts = []
        for r in chunk:
            src = party(r.get("exporter_name"), r["exporter_country"])
            dst = party(r.get("importer_name"), r["importer_country"])
            item = ["      - description: %s" % yaml_str(r["description"]), "        hs: %s" % yaml_str(r["hs"])]
            if "tags" in r:
                item.append("        tags: [%s]" % ", ".join(r["tags"]))
            if "quantity" in r:
                item.append("        quantity: %s\n        unit: %s" % (r["quantity"], r["unit"]))
            if "value_usd" in r:
                item.append("        value_usd: %s" % r["value_usd"])
            acts.append("  - id: %s\n    type: supply\n    date: %s\n    from: %s\n    to: %s\n    items:\n%s" %
                        (r["id"], r["date"], src, dst, "\n".join(item)))
        lines.append("activities:")
        lines.extend(acts)
        path = os.path.join(folder, "scenario-%04d.yaml" % (start // per_file))
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        paths.append(path)
    return paths


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sancheck")
    ap.add_argument("--records", type=int, default=20000)
    ap.add_argument("--long", action="store_true", help="1,000,000 records (local runs)")
    ap.add_argument("--seed", type=int, default=20230913)
    ap.add_argument("--per-file", type=int, default=10000)
    args = ap.parse_args()
    n = 1000000 if args.long else args.records
    rng = random.Random(args.seed)
    records = [random_record(rng, i) for i in range(n)]
    # Unnamed batch parties are not screened; scenario parties need a name, so the neutral
    # names above must not match anything, which the comparison would show.
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = os.path.join(tmp, "records.jsonl")
        with open(jsonl, "w") as f:
            for r in records:
                f.write(json.dumps(r) + "\n")
        clearances = os.path.join(tmp, "clearances.yaml")
        with open(clearances, "w") as f:
            f.write("clearances:\n  - party: \"Jo Chun-ho\"\n    reference: KPi.038\n"
                    "    reason: a different person of a similar name\n    cleared_by: differential test\n"
                    "    expires: 2099-12-31\n")
        paths = write_scenarios(records, tmp, args.per_file)
        env = dict(os.environ, SOURCE_DATE_EPOCH="1780000000")
        batch = subprocess.run([args.sancheck, "batch", "--progress", "never", "--clearances", clearances, jsonl],
                               capture_output=True, text=True, env=env)
        if batch.returncode not in (0, 1):
            sys.exit("batch failed (%d): %s" % (batch.returncode, batch.stderr[-2000:]))
        check = subprocess.run([args.sancheck, "check", "--format", "json", "--fail-on", "never",
                                "--clearances", clearances] + paths, capture_output=True, text=True, env=env)
        if check.returncode != 0:
            sys.exit("check failed (%d): %s" % (check.returncode, check.stderr[-2000:]))
    by_batch = {}
    for line in batch.stdout.splitlines():
        r = json.loads(line)
        by_batch[r["id"]] = (r["verdict"], tuple(sorted(r.get("rules", []))))
    by_check = {}
    for s in json.loads(check.stdout)["scenarios"]:
        for a in s["activities"]:
            by_check[a["id"]] = (a["verdict"], tuple(sorted({f["rule"] for f in a["findings"]})))
    differ = [r["id"] for r in records if by_batch.get(r["id"]) != by_check.get(r["id"])]
    verdicts = {}
    for v, _ in by_check.values():
        verdicts[v] = verdicts.get(v, 0) + 1
    print("records=%d verdicts=%s differing=%d" % (n, json.dumps(verdicts, sort_keys=True), len(differ)))
    for rid in differ[:10]:
        rec = next(r for r in records if r["id"] == rid)
        print("  %s batch=%s check=%s record=%s" % (rid, by_batch.get(rid), by_check.get(rid), json.dumps(rec)))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
