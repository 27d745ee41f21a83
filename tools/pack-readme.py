#!/usr/bin/env python3
"""Keeps the generated parts of a rule pack's README in step with the pack.

Usage: tools/pack-readme.py SANCHECK PACK_DIR [--write]

Reads the rules through `SANCHECK rules --rules PACK_DIR --format json` and the exemption kinds
from PACK_DIR/pack.yaml, then checks (or, with --write, rewrites) in PACK_DIR/README.md:
  - the last column of the mapping table (the one headed "citations (verified)"): for the rules
    named in each row, their citations with their `verified` level;
  - the blocks between <!-- citations:begin --> / <!-- citations:end --> (every citation of the
    pack with its level and rules) and <!-- exemptions:begin --> / <!-- exemptions:end --> (the
    exemption kinds with their paragraphs, windows and rules).
Exit status 0 when the README matches, 1 when it does not (the differences are printed).
"""
import json
import pathlib
import re
import subprocess
import sys

import yaml


def short(c):
    para = c["paragraph"]
    return c["resolution"] + (" " if para.startswith("annex") else " OP") + para


def load(binary, pack):
    out = subprocess.run([binary, "rules", "--rules", str(pack), "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
    header = yaml.safe_load((pack / "pack.yaml").read_text())
    # The built-in packs load beside PACK_DIR: keep this pack's rules only.
    prefix = header["pack"] + "/"
    rules = {r["id"][len(prefix):]: r for r in json.loads(out)["rules"] if r["id"].startswith(prefix)}
    return rules, header.get("exemptions") or {}


def rules_named(cell, rules):
    found = []
    for token in re.findall(r"[a-z0-9][a-z0-9.-]*\*?", cell):
        names = [n for n in rules if n.startswith(token[:-1])] if token.endswith("*") else [token]
        for n in names:
            if n in rules and n not in found:
                found.append(n)
    return found


def verification_cell(names, rules):
    seen = []
    for n in names:
        for c in rules[n]["citations"]:
            item = f"{short(c)} {c['verified']}"
            if item not in seen:
                seen.append(item)
    return "; ".join(seen) if seen else "—"


def mapping(text, rules):
    lines = text.split("\n")
    in_table = False
    for i, line in enumerate(lines):
        if line.startswith("| measure (digest) |"):
            in_table = True
            continue
        if in_table and not line.startswith("|"):
            in_table = False
        if not in_table or line.startswith("|---"):
            continue
        cells = line.split(" | ")
        cells[-1] = verification_cell(rules_named(cells[1], rules), rules) + " |"
        lines[i] = " | ".join(cells)
    return "\n".join(lines)


def citations_block(rules):
    by_cite = {}
    for name, r in sorted(rules.items()):
        for c in r["citations"]:
            entry = by_cite.setdefault((c["resolution"], c["paragraph"]), [c["verified"], []])
            entry[1].append(name)
    key = lambda k: (k[0], [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", k[1])])
    rows = ["| citation | verified | rules |", "|---|---|---|"]
    for k in sorted(by_cite, key=key):
        level, names = by_cite[k]
        rows.append(f"| {short({'resolution': k[0], 'paragraph': k[1]})} | {level} | {', '.join(names)} |")
    return "\n".join(rows)


def exemptions_block(kinds, rules):
    rows = ["| kind | granted by | window | rules |", "|---|---|---|---|"]
    for name, k in kinds.items():
        cites = "; ".join(f"{short({k2: str(v) for k2, v in c.items()})} {c.get('verified', 'unverified')}"
                          for c in k["citations"])
        frm, until = k.get("from"), k.get("until")
        window = (f"{frm or '…'} to {until}" if until else f"from {frm}" if frm else "—")
        users = [n for n, r in sorted(rules.items()) if name in r["exemptions"]]
        rows.append(f"| `{name}`: {k['title']} | {cites} | {window} | {', '.join(users) or '—'} |")
    return "\n".join(rows)


def replace_block(text, tag, body):
    begin, end = f"<!-- {tag}:begin -->", f"<!-- {tag}:end -->"
    a, b = text.index(begin) + len(begin), text.index(end)
    return text[:a] + "\n" + body + "\n" + text[b:]


def main():
    binary, pack = sys.argv[1], pathlib.Path(sys.argv[2])
    readme = pack / "README.md"
    rules, kinds = load(binary, pack)
    old = readme.read_text()
    new = mapping(old, rules)
    new = replace_block(new, "citations", citations_block(rules))
    new = replace_block(new, "exemptions", exemptions_block(kinds, rules))
    if "--write" in sys.argv:
        readme.write_text(new)
        return 0
    if new != old:
        import difflib
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), "README.md", "expected"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
