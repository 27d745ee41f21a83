#!/usr/bin/env python3
"""`sancheck impact` between the un-dprk pack of this tree and a copy with one rule removed, one
rule re-dated and one exemption added, judged over samples/ and tests/impact/fixtures/: exactly
those rule changes, the right stricter/looser grouping, exit statuses, the JSON validated against
tests/impact/impact.schema.json, a Markdown comment that renders as tables, and --base/--head
reading the packs from commits of a git repository made here.

Usage: impact_test.py SANCHECK_BINARY REPO_ROOT. Exit 0 when every check passes, 1 otherwise.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema

exe, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2]).resolve()
here = pathlib.Path(__file__).resolve().parent
schema = json.loads((here / "impact.schema.json").read_text())
failures = []
SCENARIOS = [str(root / "samples"), str(root / "tests/impact/fixtures")]
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1704067200")  # 2024-01-01

LAUNCH = "un-dprk/no-ballistic-missile-launch"
TEXTILES = "un-dprk/textiles-from-dprk"
COAL = "un-dprk/coal-from-dprk-ban"
WANT_RULES = {COAL: ["exemptions"], LAUNCH: ["removed"], TEXTILES: ["re-dated"]}
LAUNCHES = "kp-ballistic-launches-2023-09-13"
FIXTURE = "kp-exports-impact"
WANT_GROUPS = {
    "stricter": [(FIXTURE, "shirts-august")],
    "looser": [(LAUNCHES, "launch-1"), (LAUNCHES, "launch-2"), (FIXTURE, "coal-livelihood")],
    "re-cited": [],
}
# What each changed activity's rules say: (rule, verdict before, verdict after, the rule's diff).
WANT_EFFECTS = {
    "shirts-august": [(TEXTILES, None, "prohibited", ["re-dated"])],
    "launch-1": [(LAUNCH, "prohibited", None, ["removed"])],
    "launch-2": [(LAUNCH, "prohibited", None, ["removed"])],
    "coal-livelihood": [(COAL, "prohibited", "review", ["exemptions"])],
}


def expect(name, ok, detail=""):
    if not ok:
        failures.append(name)
        print(f"FAIL {name}" + (f": {detail}" if detail else ""))


def run(*args, cwd=root):
    return subprocess.run([exe, "impact", *args], capture_output=True, text=True, env=RUN_ENV, cwd=cwd)


def edit(path, old, new, count=1):
    """Replaces the first `old` in the file; the test stops loudly when the pack no longer holds it."""
    text = path.read_text()
    if old not in text:
        raise SystemExit(f"{path}: '{old}' not found: the test's modification no longer applies")
    path.write_text(text.replace(old, new, count))


def modify(pack, remove=True, redate=True, exempt=True):
    """The three changes of the test, on a copy of rules/un-dprk."""
    if remove:
        conduct = pack / "conduct.yaml"
        text = conduct.read_text()
        start = text.index("  - id: no-ballistic-missile-launch\n")
        end = text.index("  - id:", start + 1)
        conduct.write_text(text[:start] + text[end:])
    bans = pack / "export-bans.yaml"
    text = bans.read_text()
    if redate:
        at = text.index("  - id: textiles-from-dprk\n")
        rest = text[at:]
        if "effective: 2017-09-11\n" not in rest:
            raise SystemExit(f"{bans}: the textile ban is no longer effective 2017-09-11: the test needs updating")
        text = text[:at] + rest.replace("effective: 2017-09-11\n", "effective: 2017-08-05\n", 1)
    if exempt:
        at = text.index("  - id: coal-from-dprk-ban\n")
        ex = text.index("    exemptions:\n", at) + len("    exemptions:\n")
        text = text[:ex] + "      - kind: livelihood\n" + text[ex:]
    bans.write_text(text)


def groups(doc):
    out = {"stricter": [], "looser": [], "re-cited": []}
    for a in doc["activities"]:
        out[a["group"]].append((a["scenario"], a["activity"]))
    return out


def check_report(label, p, want_rules=WANT_RULES, want_groups=WANT_GROUPS, want_exit=1):
    expect(f"{label}: exit {want_exit}", p.returncode == want_exit, p.stderr)
    try:
        doc = json.loads(p.stdout)
    except json.JSONDecodeError as e:
        expect(f"{label}: JSON output", False, f"{e}: {p.stdout[:300]}")
        return None
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as e:
        expect(f"{label}: valid against impact.schema.json", False, e.message)
    got_rules = {r["rule"]: r["aspects"] for r in doc["rules"]}
    expect(f"{label}: exactly the three rule changes", got_rules == want_rules, got_rules)
    expect(f"{label}: no set or exemption kind changed", doc["sets"] == [] and doc["exemption_kinds"] == [],
           (doc["sets"], doc["exemption_kinds"]))
    expect(f"{label}: grouping", groups(doc) == want_groups, groups(doc))
    for a in doc["activities"]:
        effects = [(r["rule"], r["before"], r["after"], r["diff"]) for r in a["rules"]]
        want = WANT_EFFECTS.get(a["activity"])
        expect(f"{label}: the rule behind {a['activity']}", effects == want, effects)
    s = doc["summary"]
    expect(f"{label}: summary counts", (s["stricter"], s["looser"], s["re_cited"]) ==
           tuple(len(want_groups[g]) for g in ("stricter", "looser", "re-cited")), s)
    expect(f"{label}: unchanged = compared - changed", s["unchanged"] == s["compared"] - len(doc["activities"]), s)
    return doc


def activities_judged():
    p = subprocess.run([exe, "check", "--format", "json", *SCENARIOS], capture_output=True, text=True, env=ENV, cwd=root)
    return sum(len(s["activities"]) for s in json.loads(p.stdout)["scenarios"])


def check_markdown(md):
    expect("markdown: heading with the counts", md.startswith("## sancheck impact: 3 looser, 1 stricter, 0 re-cited — "), md[:120])
    expect("markdown: a warning leads when something is looser", "\n> **3 activities are judged less severely" in md)
    for heading in ("### Rule changes: 1 removed, 2 changed", "### Stricter (1)", "### Looser (3)"):
        expect(f"markdown: {heading}", f"\n{heading}\n" in md)
    expect("markdown: no empty re-cited table", "### Re-cited" not in md)
    expect("markdown: the looser verdict in bold", "| prohibited → **permitted** |" in md)
    expect("markdown: rule ids as code", f"`{LAUNCH}`" in md)
    # Every table row has as many cells as its header: nothing in a cell breaks the table.
    widths = None
    for line in md.split("\n"):
        if not line.startswith("|"):
            widths = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", line)) - 1
        if widths is None:
            widths = cells
        expect("markdown: table row well formed", line.endswith("|") and cells == widths, line)
    expect("markdown: details folded and closed", md.count("<details>") == 1 and md.count("</details>") == 1)
    expect("markdown: fits a pull-request comment (65536 characters)", len(md) < 65536, len(md))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        pack = tmp / "changed" / "un-dprk"
        shutil.copytree(root / "rules/un-dprk", pack, ignore=shutil.ignore_patterns("tests"))
        modify(pack)
        base = ["--base-rules", "rules/un-dprk", "--rules", str(pack)]

        doc = check_report("folders", run(*base, "--format", "json", *SCENARIOS))
        if doc:
            expect("every activity judged on both sides", doc["summary"]["compared"] == activities_judged(), doc["summary"])
            rules = {r["rule"]: r for r in doc["rules"]}
            t = rules.get(TEXTILES, {})
            expect("the textile ban's dates", (t.get("before") or {}).get("effective") == "2017-09-11" and
                   (t.get("after") or {}).get("effective") == "2017-08-05", t)
            expect("the removed rule has no after", rules.get(LAUNCH, {}).get("after", 0) is None)
            expect("the exemption added", rules.get(COAL, {}).get("exemptions") == {"added": ["livelihood"], "removed": []})

        p = run(*base, *SCENARIOS)
        expect("text: exit 1", p.returncode == 1, p.stderr)
        for line in ["Rule changes: 1 removed, 2 changed\n",
                     f"  removed  {LAUNCH} — DPRK launch of a ballistic missile\n",
                     "      re-dated: from 2017-09-11 → from 2017-08-05\n",
                     "      exemptions: + livelihood\n",
                     "Stricter: 1\n",
                     "  kp-exports-impact / shirts-august (supply, 2017-08-20): permitted → prohibited\n",
                     f"      {TEXTILES} started (prohibited) — re-dated\n",
                     "Looser: 3\n",
                     f"      {LAUNCH} ended (was prohibited) — removed\n",
                     f"      {COAL} prohibited → review — exemptions\n",
                     "Re-cited: none\n"]:
            expect(f"text has {line.strip()!r}", line in p.stdout, p.stdout)

        p = run(*base, "--format", "markdown", *SCENARIOS)
        expect("markdown: exit 1", p.returncode == 1, p.stderr)
        check_markdown(p.stdout)

        out = tmp / "impact.json"
        p = run(*base, "--format", "json", "-o", str(out), *SCENARIOS)
        expect("-o: exit 1, nothing on standard output", p.returncode == 1 and p.stdout == "", p.stderr)
        expect("-o: the report written", out.exists() and json.loads(out.read_text())["format"] == "sancheck-impact/1")

        # Only the re-dating: an activity became stricter, none looser, so the run passes.
        stricter = tmp / "stricter" / "un-dprk"
        shutil.copytree(root / "rules/un-dprk", stricter, ignore=shutil.ignore_patterns("tests"))
        modify(stricter, remove=False, exempt=False)
        check_report("only stricter", run("--base-rules", "rules/un-dprk", "--rules", str(stricter), "--format", "json",
                                          *SCENARIOS),
                     want_rules={TEXTILES: ["re-dated"]},
                     want_groups={"stricter": [(FIXTURE, "shirts-august")], "looser": [], "re-cited": []}, want_exit=0)

        # Bad input: exit 2, a positioned error, no report.
        broken = tmp / "broken" / "un-dprk"
        shutil.copytree(pack, broken)
        edit(broken / "export-bans.yaml", "effective: 2017-08-05\n", "effective: 2017-13-05\n")
        p = run("--base-rules", "rules/un-dprk", "--rules", str(broken), *SCENARIOS)
        expect("a broken pack: exit 2, no report", p.returncode == 2 and p.stdout == "", p.returncode)
        expect("a broken pack: positioned error with a caret",
               re.search(r"export-bans\.yaml:\d+:\d+: error: bad date '2017-13-05'", p.stderr) and "^" in p.stderr, p.stderr)
        p = run("--rules", str(pack), *SCENARIOS)
        expect("nothing to compare: exit 2", p.returncode == 2 and "nothing to compare" in p.stderr, p.stderr)
        p = run(*base, "--as-of", "2024-02-30", *SCENARIOS)
        expect("a bad --as-of: exit 2", p.returncode == 2 and "--as-of: bad date" in p.stderr, p.stderr)
        p = run(*base, "--format", "yaml", *SCENARIOS)
        expect("an unknown format: exit 2", p.returncode == 2, p.stderr)

        check_git(tmp, pack)
        check_partial_clone(tmp)
    print(f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


# Git without the user's configuration or repository: a signing hook or an inherited GIT_DIR
# must neither hang nor redirect the test (the program's own git calls get the same).
GIT_ENV = {k: v for k, v in ENV.items() if not k.startswith("GIT_")}
GIT_ENV.update(GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
RUN_ENV = GIT_ENV


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=impact test", "-c", "user.email=impact@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, check=True, capture_output=True, env=GIT_ENV)


def repository_with_pack(repo):
    """A new repository at `repo` whose one commit holds the UN pack at rules/un-dprk."""
    (repo / "rules").mkdir(parents=True)
    git(repo, "init", "-q")
    shutil.copytree(root / "rules/un-dprk", repo / "rules/un-dprk")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "the pack of this tree")
    return repo


def check_git(tmp, changed):
    # No repository above the scratch folder counts: "outside a repository" is outside one.
    GIT_ENV["GIT_CEILING_DIRECTORIES"] = str(tmp)
    repo = repository_with_pack(tmp / "repo")
    modify(repo / "rules/un-dprk")

    # The base side from the commit, the new side from the working tree.
    doc = check_report("--base HEAD", run("--base", "HEAD", "--rules", "rules/un-dprk", "--format", "json", *SCENARIOS, cwd=repo))
    expect("--base HEAD: the sides say where they come from",
           doc and (doc["base"]["revision"], doc["new"]["revision"]) == ("HEAD", None), doc and doc["base"]["revision"])
    # From a sub-folder the paths are the sub-folder's, as git would read them.
    check_report("--base HEAD from a sub-folder",
                 run("--base", "HEAD", "--rules", "un-dprk", "--format", "json", *SCENARIOS, cwd=repo / "rules"))

    git(repo, "commit", "-qam", "one rule removed, one re-dated, one exemption added")
    check_report("--base HEAD~1 --head HEAD",
                 run("--base", "HEAD~1", "--head", "HEAD", "--rules", "rules/un-dprk", "--format", "json", *SCENARIOS, cwd=repo))
    check_report("same commit on both sides",
                 run("--base", "HEAD", "--rules", "rules/un-dprk", "--format", "json", *SCENARIOS, cwd=repo),
                 want_rules={}, want_groups={"stricter": [], "looser": [], "re-cited": []}, want_exit=0)

    # A pack the commit does not have yet: the base side has none, its rules are added.
    shutil.copytree(root / "samples/tutorial/pack", repo / "rules/acme", ignore=shutil.ignore_patterns("tests"))
    p = run("--base", "HEAD", "--rules", "rules/un-dprk", "--rules", "rules/acme", "--format", "json", *SCENARIOS, cwd=repo)
    expect("a new pack: noted", "rules/acme is not in that revision" in p.stderr, p.stderr)
    if p.returncode in (0, 1) and p.stdout:
        added = sorted(r["rule"] for r in json.loads(p.stdout)["rules"] if r["change"] == "added")
        expect("a new pack: its rules added", added == ["acme-exports/dual-use-needs-sign-off", "acme-exports/eu-dual-use-to-dprk"], added)
    else:
        expect("a new pack: a report", False, p.stderr)
    shutil.rmtree(repo / "rules/acme")

    # A broken pack in the base commit: positioned errors that name the commit's file.
    edit(repo / "rules/un-dprk/export-bans.yaml", "effective: 2017-08-05\n", "effective: 2017-13-05\n")
    git(repo, "commit", "-qam", "a bad date")
    git(repo, "checkout", "-q", "HEAD~1", "--", "rules")
    p = run("--base", "HEAD", "--rules", "rules/un-dprk", *SCENARIOS, cwd=repo)
    expect("a broken base commit: exit 2, no report", p.returncode == 2 and p.stdout == "", p.returncode)
    expect("a broken base commit: errors name REV:path:line:col",
           re.search(r"^HEAD:rules/un-dprk/export-bans\.yaml:\d+:\d+: error: bad date", p.stderr, re.M), p.stderr)

    p = run("--base", "HEAD", *SCENARIOS, cwd=repo)
    expect("--base without a pack or list: exit 2", p.returncode == 2 and "no pack or list to read" in p.stderr, p.stderr)
    p = run("--base", "HEAD", "--base-rules", "rules/nothing-here", "--rules", "rules/un-dprk", *SCENARIOS, cwd=repo)
    expect("a --base-rules path the commit lacks: exit 2",
           p.returncode == 2 and "rules/nothing-here is not in that revision" in p.stderr, p.stderr)
    p = run("--base", "-x", "--rules", "rules/un-dprk", *SCENARIOS, cwd=repo)
    expect("a revision starting with '-': exit 2", p.returncode == 2 and p.stdout == "", p.stderr)
    p = run("--base", "HEAD", "--rules", "../outside", *SCENARIOS, cwd=repo)
    expect("a path outside the repository: exit 2", p.returncode == 2 and p.stdout == "", p.stderr)
    p = run("--base", "no-such-branch", "--rules", "rules/un-dprk", *SCENARIOS, cwd=repo)
    expect("an unknown revision: exit 2", p.returncode == 2 and "'no-such-branch' names no commit" in p.stderr, p.stderr)
    # An object the repository lacks (a damaged or partial clone): the file is read on its own
    # and git's error names it, not a wrong size.
    obj = subprocess.run(["git", "rev-parse", "HEAD:rules/un-dprk/arms.yaml"], cwd=repo, capture_output=True,
                         text=True, env=GIT_ENV, check=True).stdout.strip()
    (repo / ".git/objects" / obj[:2] / obj[2:]).unlink()
    p = run("--base", "HEAD", "--rules", "rules/un-dprk", *SCENARIOS, cwd=repo)
    expect("a missing object: exit 2, the file named",
           p.returncode == 2 and "HEAD:rules/un-dprk/arms.yaml: cannot be read (" in p.stderr and "64 MiB (" not in p.stderr,
           p.stderr)
    outside = tmp / "not-a-repo"
    outside.mkdir()
    p = run("--base", "HEAD", "--rules", str(changed), *SCENARIOS, cwd=outside)
    expect("outside a repository: exit 2", p.returncode == 2 and "not inside a git repository" in p.stderr, p.stderr)




def check_partial_clone(tmp):
    # A clone without the blobs it did not check out (--filter=blob:none): the base commit's
    # README is missing, its packs' files are not. The listing with sizes cannot be made, the
    # files are still read.
    origin = repository_with_pack(tmp / "origin")
    with open(origin / "rules/un-dprk/README.md", "a") as f:
        f.write("one more line\n")
    git(origin, "commit", "-qam", "the README only")
    git(tmp, "clone", "-q", "--bare", str(origin), str(tmp / "served"))
    git(tmp / "served", "config", "uploadpack.allowFilter", "true")
    git(tmp, "clone", "-q", "--filter=blob:none", (tmp / "served").as_uri(), str(tmp / "partial"))
    p = run("--base", "HEAD~1", "--rules", "rules/un-dprk", "--format", "json", *SCENARIOS, cwd=tmp / "partial")
    expect("a partial clone: the base side read", p.returncode in (0, 1) and p.stdout.startswith("{"), p.stderr)


if __name__ == "__main__":
    main()
