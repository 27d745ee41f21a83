#!/usr/bin/env python3
"""Consistency test: a timeline's intervals must agree with `check` on every day inside them.

For every scenario file under samples/ (and the fixtures beside this script), or (--files
rule-tests) every rule test's scenario under rules/, each written to a file of its own as the rule
tests judge it alone, `timeline --format json` gives each activity's intervals. For each interval, its first and last day and a few random
days inside it (seeded) are written into a temporary copy of the scenario as that activity's
`date` (only that activity changes), and `check --format json` judges the copy: the activity's
verdict and set of rules must be the interval's. Both commands run on one fixed clock.
Exit 0 when every day agrees, 1 when not.
Usage: consistency.py SANCHECK_BINARY REPO_ROOT [--files samples|rule-tests] [--seed N] [--days N]
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


def rule_test_files(root, work):
    """The scenarios of the packs' rule tests, one scenario file each, written to `work`.

    A rule test judges its scenario alone (caps count that scenario's deliveries only), so each
    gets a file of its own. Each `scenario:` node is written back as it was read (yaml.compose),
    so its scalars keep their style and type."""
    written = []
    tests = glob.glob(os.path.join(root, "rules", "**", "tests", "**", "*.test.yaml"), recursive=True)
    for path in sorted(tests):
        with open(path, encoding="utf-8") as f:
            for doc in yaml.compose_all(f):
                keys = {k.value: v for k, v in doc.value} if isinstance(doc, yaml.MappingNode) else {}
                if not isinstance(keys.get("scenario"), yaml.MappingNode):
                    continue
                out_path = os.path.join(work, f"{len(written):04d}-{keys['test'].value}.yaml")
                with open(out_path, "w", encoding="utf-8") as out:
                    out.write(yaml.serialize(keys["scenario"]))
                written.append(out_path)
    return written


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
    ap.add_argument("--files", choices=["samples", "rule-tests"], default="samples",
                    help="the samples and fixtures, or the scenarios of the packs' rule tests")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    def judged(batch):
        return run_json(args.exe, ["check", "--format", "json"] + [c[0] for c in batch])

    checked = failures = 0
    with tempfile.TemporaryDirectory() as work:
        if args.files == "samples":
            files = scenario_files(args.root)
            if len(files) < 12:
                sys.exit(f"expected the samples and fixtures, found {len(files)} files")
        else:
            test_dir = os.path.join(work, "tests")
            os.makedirs(test_dir)
            files = rule_test_files(args.root, test_dir)
            if len(files) < 200:
                sys.exit(f"expected the packs' rule tests, found {len(files)} scenarios")
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
            batches = []  # (cases, their report)
            if not capped and cases:
                # A copy may be dated into a capped rule's period the original was not in: then the
                # copies judged together count each other's deliveries, and are judged again alone.
                report = judged(cases)
                if any("cap" in f for s in report["scenarios"] for a in s["activities"] for f in a["findings"]):
                    capped = True
                else:
                    batches = [(cases, report)]
            if capped:
                batches = [([c], judged([c])) for c in cases]
            for batch, report in batches:
                results = {(s["scenario"], a["id"]): a for s in report["scenarios"] for a in s["activities"]}
                for copy, scenario, activity, day, interval in batch:
                    got = results[(scenario, activity)]
                    assert got["date"] == day, f"{scenario}/{activity}: judged on {got['date']}, not {day}"
                    rules = sorted({f["rule"] for f in got["findings"]})
                    checked += 1
                    if got["verdict"] != interval["verdict"] or rules != interval["rules"]:
                        failures += 1
                        print(f"FAIL {os.path.basename(path)} {activity} on {day}: check says "
                              f"{got['verdict']} {rules}, the interval {interval['from']}..{interval['to']} says "
                              f"{interval['verdict']} {interval['rules']}")
    print(f"{checked} days of {len(files)} files checked, {failures} disagree")
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
