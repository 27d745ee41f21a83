#!/usr/bin/env python3
"""`sancheck timeline` on the textile wind-down sample, asserted exactly, and its exit statuses.

The sample (samples/timeline/textiles.yaml) claims the 2375 OP16 wind-down for DPRK shirts: permitted
before 2017-09-11, review inside the 90-day window (to 2017-12-10), prohibited after it.
Usage: cli_test.py SANCHECK_BINARY REPO_ROOT. Exit 0 when every check passes, 1 otherwise.
"""
import json
import os
import subprocess
import sys
import tempfile

exe, root = sys.argv[1], sys.argv[2]
sample = "samples/timeline/textiles.yaml"
failures = []
TEXTILES = "un-dprk/textiles-from-dprk"
OP16 = "S/RES/2375 (2017), OP 16"


def run(*args, epoch="1700000000"):  # 2023-11-14, before the designation data turn stale
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
    return subprocess.run([exe, "timeline", *args], capture_output=True, text=True, env=env, cwd=root)


def expect(name, ok, detail=""):
    if not ok:
        failures.append(name)
        print(f"FAIL {name}" + (f": {detail}" if detail else ""))


def interval(start, end, verdict, rules):
    return {"from": start, "to": end, "verdict": verdict, "rules": rules, "citations": [OP16] if rules else []}


def change(date, verdict, started=(), ended=(), changed=()):
    return {"date": date, "verdict": verdict, "started": list(started), "ended": list(ended), "changed": list(changed)}


# The three intervals, to the day of the run.
p = run("--format", "json", sample)
expect("prohibited on the last day: exit 1", p.returncode == 1, p.stderr)
doc = json.loads(p.stdout)
expect("format", doc["format"] == "sancheck-timeline/1")
s = doc["scenarios"][0]
expect("scenario", (s["file"], s["scenario"]) == (sample, "kp-textiles-wind-down"), s)
a = s["activities"][0]
want = [interval("2006-10-14", "2017-09-10", "permitted", []),
        interval("2017-09-11", "2017-12-10", "review", [TEXTILES]),
        interval("2017-12-11", "2023-11-14", "prohibited", [TEXTILES])]
expect("the three intervals", a["intervals"] == want, json.dumps(a["intervals"], indent=1))
want_changes = [change("2017-09-11", "review", started=[TEXTILES]),
                change("2017-12-11", "prohibited", changed=[TEXTILES])]
expect("the two changes", a["changes"] == want_changes, json.dumps(a["changes"], indent=1))

# The text says the same, with the citation and why the verdict changed.
p = run(sample)
expect("text: exit 1", p.returncode == 1, p.stderr)
for line in ["2006-10-14 … 2017-09-10  PERMITTED\n",
             "2017-09-11 … 2017-12-10  REVIEW      un-dprk/textiles-from-dprk\n",
             "2017-12-11 … 2023-11-14  PROHIBITED  un-dprk/textiles-from-dprk\n",
             "2017-09-11: review — started un-dprk/textiles-from-dprk (review): S/RES/2375 (2017), OP 16",
             "2017-12-11: prohibited — un-dprk/textiles-from-dprk review → prohibited: S/RES/2375 (2017), OP 16",
             "the 90-day window of 2375 OP16 closed on 2017-12-10"]:
    expect(f"text has {line.strip()!r}", line in p.stdout, p.stdout)

# Later than 180 days after the designation list of 2024-09-26, the stale-data review joins
# (still prohibited): what the pack's data give on a later clock.
p = run("--format", "json", sample, epoch="1780000000")  # 2026-05-28
later = json.loads(p.stdout)["scenarios"][0]["activities"][0]
expect("stale data: a fourth interval", later["intervals"][2:] == [
    interval("2017-12-11", "2025-03-25", "prohibited", [TEXTILES]),
    {"from": "2025-03-26", "to": "2026-05-28", "verdict": "prohibited",
     "rules": ["un-dprk/designation-data-stale", TEXTILES],
     "citations": ["S/RES/1718 (2006), OP 8(d)", "S/RES/1718 (2006), OP 8(e)", OP16]}], later["intervals"])

# A range: --from and --to cut the intervals; the exit status follows the last day.
p = run("--format", "json", "--to", "2017-09-10", sample)
got = json.loads(p.stdout)["scenarios"][0]["activities"][0]
expect("--to before the ban: exit 0", p.returncode == 0, p.stderr)
expect("--to before the ban: one interval", got["intervals"] == [interval("2006-10-14", "2017-09-10", "permitted", [])])
p = run("--format", "json", "--from", "2017-10-01", "--to", "2017-12-31", sample)
got = json.loads(p.stdout)["scenarios"][0]["activities"][0]
expect("--from inside the window", got["intervals"] == [interval("2017-10-01", "2017-12-10", "review", [TEXTILES]),
                                                     interval("2017-12-11", "2017-12-31", "prohibited", [TEXTILES])],
       got["intervals"])

# Bad input: exit 2, a message, nothing on standard output.
with tempfile.TemporaryDirectory() as work:
    bad = os.path.join(work, "bad.yaml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("scenario: bad\nparties: {}\nactivities:\n  - {id: a, type: supply, colour: red}\n")
    p = run(bad)
    expect("invalid scenario: exit 2", p.returncode == 2, p.stderr)
    expect("invalid scenario: positioned", f"{bad}:4:" in p.stderr and "error:" in p.stderr, p.stderr)
    expect("invalid scenario: no output", p.stdout == "", p.stdout)
    typo = os.path.join(work, "typo.yaml")
    with open(os.path.join(root, sample), encoding="utf-8") as f:
        text = f.read()
    with open(typo, "w", encoding="utf-8") as f:
        f.write(text.replace("textile-contracts-2375", "textile-contract-2375"))
    p = run(typo)
    expect("unknown exemption kind: exit 2", p.returncode == 2 and "did you mean 'textile-contracts-2375'" in p.stderr,
           p.stderr)
    for args, what in [(["--from", "2018-01-01", "--to", "2017-01-01"], "--from after --to"),
                       (["--to", "2017-02-30"], "a date that does not exist"),
                       (["--format", "yaml"], "an unknown format"),
                       (["--no-builtin"], "--no-builtin without --rules")]:
        p = run(*args, sample)
        expect(f"{what}: exit 2", p.returncode == 2 and "error" in p.stderr and p.stdout == "", p.stderr)
    p = run("-o", os.path.join(root, sample), sample)
    expect("an output over the input: exit 2", p.returncode == 2, p.stderr)
    out = os.path.join(work, "t.json")
    p = run("--format", "json", "-o", out, sample)
    expect("-o writes the file", p.returncode == 1 and p.stdout == "" and
           json.load(open(out, encoding="utf-8"))["scenarios"][0]["activities"][0]["intervals"] == want)

print(f"{len(failures)} failed" if failures else "all timeline CLI checks passed")
sys.exit(1 if failures else 0)
