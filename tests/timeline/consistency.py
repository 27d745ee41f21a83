#!/usr/bin/env python3
"""Consistency test: a timeline's intervals must agree with `check` on every day inside them.

For every scenario file under samples/ (and the fixtures beside this script), `timeline --format
json` gives each activity's intervals. For each interval, its first and last day and a few random
days inside it (seeded) are written into a temporary copy of the scenario as that activity's
`date` (only that activity changes), and `check --format json` judges the copy: the activity's
verdict and set of rules must be the interval's. Both commands run on one fixed clock.
Exit 0 when every day agrees, 1 when not.
Usage: consistency.py SANCHECK_BINARY REPO_ROOT [--seed N] [--days N]
"""
import argparse
import datetime
import glob
import json
import os
import random
import re
import subprocess
import sys
import tempfile

import yaml

EPOCH = "1780000000"  # 2026-05-28: after the designation data turn stale, so that change is covered
TIMESTAMP = "tag:yaml.org,2002:timestamp"


def scenario_files(root):
    """The scenario files of samples/ (files with a top-level `scenario:`, not rule tests) and the fixtures."""
    found = []
    for path in glob.glob(os.path.join(root, "samples", "**", "*.yaml"), recursive=True):
        if path.endswith(".test.yaml") or "/tests/" in path:
            continue
        with open(path, encoding="utf-8") as f:
            if re.search(r"^scenario:", f.read(), re.M):
                found.append(path)
    found += glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "*.yaml"))
    return sorted(found)


def run_json(exe, args):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    p = subprocess.run([exe] + args, capture_output=True, text=True, env=env)
    if p.returncode not in (0, 1):
        sys.exit(f"sancheck {' '.join(args)} exited {p.returncode}:\n{p.stderr}")
    return json.loads(p.stdout)


def with_date(documents, scenario, activity, day, suffix):
    """A copy of the composed YAML documents with one activity's date set and the scenario renamed.

    The documents are node trees (yaml.compose), so every other scalar is written back as it was
    read, plain or quoted: nothing is re-typed on the way (NO stays a country, 6205.20 a code)."""
    out = []
    for doc in documents:
        doc = yaml.compose(yaml.serialize(doc))  # a deep copy
        keys = {k.value: v for k, v in doc.value}
        if keys["scenario"].value == scenario:
            keys["scenario"].value = f"{scenario}--{suffix}"
            for act in keys["activities"].value:
                fields = {k.value: v for k, v in act.value}
                if fields["id"].value != activity:
                    continue
                if "date" in fields:
                    fields["date"].tag, fields["date"].value, fields["date"].style = TIMESTAMP, day, None
                else:
                    act.value.append((yaml.ScalarNode("tag:yaml.org,2002:str", "date"), yaml.ScalarNode(TIMESTAMP, day)))
        else:
            keys["scenario"].value = f"{keys['scenario'].value}--{suffix}"
        out.append(doc)
    return yaml.serialize_all(out)


def days_in(interval, rng, count):
    first = datetime.date.fromisoformat(interval["from"])
    last = datetime.date.fromisoformat(interval["to"])
    span = (last - first).days
    picked = {first, last} | {first + datetime.timedelta(days=rng.randint(0, span)) for _ in range(count)}
    return sorted(d.isoformat() for d in picked)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exe")
    ap.add_argument("root")
    ap.add_argument("--seed", type=int, default=1718)
    ap.add_argument("--days", type=int, default=3, help="random days per interval, besides its first and last")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    files = scenario_files(args.root)
    if len(files) < 12:
        sys.exit(f"expected the samples and fixtures, found {len(files)} files")
    checked = failures = 0
    with tempfile.TemporaryDirectory() as work:
        for path in files:
            with open(path, encoding="utf-8") as f:
                documents = list(yaml.compose_all(f))
            timeline = run_json(args.exe, ["timeline", "--format", "json", path])
            assert timeline["format"] == "sancheck-timeline/1"
            # Caps count every delivery of one run, so copies of a scenario with capped findings
            # are judged one run each; the others are judged together (unique scenario ids).
            original = run_json(args.exe, ["check", "--format", "json", path])
            capped = any("cap" in f for s in original["scenarios"] for a in s["activities"] for f in a["findings"])
            cases = []  # (copy file, scenario id, activity id, day, interval)
            for s in timeline["scenarios"]:
                for a in s["activities"]:
                    assert a["intervals"], f"{path}: {a['id']} has no interval"
                    for interval in a["intervals"]:
                        # A capped copy costs a run of its own: its ends only, where a count
                        # in the wrong order would show (ties are broken by file order).
                        for day in days_in(interval, rng, 0 if capped else args.days):
                            n = len(cases)
                            copy = os.path.join(work, f"case-{n}.yaml")
                            with open(copy, "w", encoding="utf-8") as out:
                                out.write(with_date(documents, s["scenario"], a["id"], day, str(n)))
                            cases.append((copy, f"{s['scenario']}--{n}", a["id"], day, interval))
            batches = [[c] for c in cases] if capped else [cases]
            for batch in batches:
                report = run_json(args.exe, ["check", "--format", "json"] + [c[0] for c in batch])
                results = {(s["scenario"], a["id"]): a for s in report["scenarios"] for a in s["activities"]}
                for copy, scenario, activity, day, interval in batch:
                    got = results[(scenario, activity)]
                    assert got["date"] == day, f"{scenario}/{activity}: judged on {got['date']}, not {day}"
                    rules = sorted({f["rule"] for f in got["findings"]})
                    checked += 1
                    if got["verdict"] != interval["verdict"] or rules != interval["rules"]:
                        failures += 1
                        print(f"FAIL {os.path.relpath(path, args.root)} {activity} on {day}: check says "
                              f"{got['verdict']} {rules}, the interval {interval['from']}..{interval['to']} says "
                              f"{interval['verdict']} {interval['rules']}")
    print(f"{checked} days of {len(files)} files checked, {failures} disagree")
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
