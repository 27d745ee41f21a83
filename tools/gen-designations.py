#!/usr/bin/env python3
"""Generates rules/un-dprk/designations.yaml from the reference CSV of UN 1718 designations.

Usage: tools/gen-designations.py <un-dprk-designations.csv> <designations.yaml>

Python 3 standard library only. The output is deterministic (entries sorted,
fixed field order, no timestamps) so that regenerating an unchanged CSV gives
a byte-identical file and a changed CSV gives a reviewable diff.
"""

import csv
import re
import sys

SNAPSHOT = "2024-09-26"
SOURCE = ("UN Security Council Consolidated List (UN_LIST_TYPE DPRK), dateGenerated 2024-09-26: "
          "80 individuals and 75 entities; vessels compiled from UN press releases, a PRC MFA "
          "implementing notice and owner narratives in the consolidated list (verification level "
          "stated per vessel)")

# Longest note kept per entry; the full narrative lives in the UN list.
NOTE_LIMIT = 280

# Flag states named in the vessel notes, longest name first so that
# "St Kitts and Nevis" wins over a shorter match.
FLAGS = [
    ("St Kitts and Nevis", "KN"),
    ("Comoros", "KM"),
    ("Cambodia", "KH"),
    ("Panama", "PA"),
    ("Belize", "BZ"),
    ("DPRK", "KP"),
]

KIND_ORDER = {"individual": 0, "entity": 1, "vessel": 2}


def yaml_str(text):
    """A double-quoted YAML scalar: safe for any text, UTF-8 kept as is."""
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\x%02X" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def slug(name):
    return re.sub(r"[^A-Z0-9]+", "-", name.upper()).strip("-")


def abridge(text, limit=NOTE_LIMIT):
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 3)
    if cut < limit // 2:
        cut = limit - 3
    return text[:cut].rstrip(" ,;.") + "..."


def split_notes(notes):
    """Splits the notes column into (title, the remaining note)."""
    title = ""
    rest = []
    for part in (p.strip() for p in notes.split(" | ")):
        if not part:
            continue
        if part.startswith("title:") and not title:
            title = part[len("title:"):].strip()
        else:
            rest.append(part)
    return title, " | ".join(rest)


def parse_born(text, ref):
    """Returns (born, born_until) as YAML-ready strings; empty when absent."""
    text = text.strip()
    if not text:
        return "", ""
    if re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", text):
        return text, ""
    m = re.fullmatch(r"between (\d{4})-(\d{4})", text)
    if m:
        return m.group(1), m.group(2)
    sys.exit("%s: unrecognised date of birth %r" % (ref, text))


def vessel_facts(notes):
    """IMO number, flag and their verification levels as the notes state them."""
    facts = {}
    m = re.search(r"IMO (\d{7})", notes)
    if m:
        facts["imo"] = m.group(1)
        after = notes[m.end():m.end() + 40]
        weak = after.startswith(" = UNVERIFIED") or after.startswith(" per press (weak)")
        facts["imo_status"] = "unverified" if weak or "IMO UNVERIFIED" in notes else "verified"
    # The first sentence that names a flag state decides; press-only reports are unverified.
    for sentence in re.split(r"(?<=\.)\s+(?=[A-Z])", notes):
        for name, code in FLAGS:
            if re.search(re.escape(name) + r"[- ]flag", sentence) or (
                    code == "KP" and sentence.startswith("DPRK vessel")):
                facts["flag"] = code
                claim = sentence.split("IMO")[0]  # what follows is about the IMO number
                unverified = "press" in claim or "UNVERIFIED" in claim
                facts["flag_status"] = "unverified" if unverified else "verified"
                break
        if "flag" in facts:
            break
    if "inferred" in notes:
        facts["listing_status"] = "inferred"
    elif "Maritime Executive" in notes:
        facts["listing_status"] = "reported"  # the package's vessel list is known from the press
    else:
        facts["listing_status"] = "verified"
    return facts


def company_imo(notes):
    m = re.search(r"IMO [Nn]umber:? (\d{7})|Company Number IMO (\d{7})", notes)
    return (m.group(1) or m.group(2)) if m else ""


def build_entries(rows):
    entries = []
    seen = set()
    for row in rows:
        kind = row["type"].strip()
        if kind not in KIND_ORDER:
            sys.exit("unknown type %r" % kind)
        name = " ".join(row["primary_name"].split())
        ref = row["reference_number"].strip()
        if kind == "vessel":
            # The 1718 Designated Vessels List has no reference numbers in the
            # reference CSV: a synthetic one from the name stays stable when an
            # IMO number is later confirmed or corrected.
            ref = "VSL." + slug(name)
        if not ref or ref in seen:
            sys.exit("missing or duplicate reference for %r" % name)
        seen.add(ref)
        aliases = []
        for alias in row["aliases"].split(";"):
            alias = " ".join(alias.split())
            if alias and alias != name and alias not in aliases:
                aliases.append(alias)
        title, note = split_notes(row["notes"])
        born, born_until = parse_born(row["date_of_birth"], ref)
        entry = {
            "kind": kind, "reference": ref, "name": name, "aliases": aliases,
            "born": born, "born_until": born_until, "listed_on": row["listed_on"].strip(),
            "resolution": " ".join(row["designating_resolution"].split()),
            "title": abridge(title, 200) if title else "", "note": abridge(note) if note else "",
        }
        if kind == "vessel":
            entry.update(vessel_facts(row["notes"]))
        elif kind == "entity":
            entry["company_imo"] = company_imo(row["notes"])
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["listed_on"]):
            sys.exit("%s: bad listed_on %r" % (ref, entry["listed_on"]))
        entries.append(entry)
    entries.sort(key=lambda e: (KIND_ORDER[e["kind"]], e["reference"]))
    return entries


def render(entries):
    counts = {k: sum(1 for e in entries if e["kind"] == k) for k in KIND_ORDER}
    lines = [
        "# UN 1718 Committee designations (DPRK): individuals, entities and designated vessels.",
        "# GENERATED by tools/gen-designations.py from the reference CSV un-dprk-designations.csv",
        "# (UN Consolidated List snapshot %s). Do not edit by hand: fix the CSV or the script" % SNAPSHOT,
        "# and regenerate.",
        "# %d individuals (KPi.*), %d entities (KPe.*), %d vessels." % (
            counts["individual"], counts["entity"], counts["vessel"]),
        "# Vessels carry no UN reference number in the source: their reference is synthetic,",
        "# VSL.<NAME-SLUG>, chosen so it does not change when an IMO number is confirmed.",
        "# imo_status / flag_status: 'verified' when an official source states it, 'unverified'",
        "# for press-only or weak sources; listing_status 'inferred' marks vessels whose inclusion",
        "# in the Designated Vessels List is inferred from the owner's UN narrative, 'reported' those",
        "# known from press reports of the Committee's decision.",
        "# company_imo on entities is the IMO company identification number from the UN narrative.",
        "designations:",
        "  name: un-dprk",
        "  snapshot: %s" % SNAPSHOT,
        "  regime: DPRK",
        "  source: %s" % yaml_str(SOURCE),
        "  entries:",
    ]
    for e in entries:
        lines.append("    - reference: %s" % e["reference"])
        lines.append("      kind: %s" % e["kind"])
        lines.append("      name: %s" % yaml_str(e["name"]))
        if e["aliases"]:
            lines.append("      aliases:")
            lines.extend("        - %s" % yaml_str(a) for a in e["aliases"])
        if e["born"]:
            lines.append("      born: %s" % e["born"])
        if e["born_until"]:
            lines.append("      born_until: %s" % e["born_until"])
        lines.append("      listed_on: %s" % e["listed_on"])
        lines.append("      resolution: %s" % yaml_str(e["resolution"]))
        for key in ("imo", "imo_status", "flag", "flag_status", "listing_status"):
            if e.get(key):
                value = e[key]
                lines.append("      %s: %s" % (key, yaml_str(value) if key == "imo" else value))
        if e.get("company_imo"):
            lines.append("      company_imo: %s" % yaml_str(e["company_imo"]))
        if e["title"]:
            lines.append("      title: %s" % yaml_str(e["title"]))
        if e["note"]:
            lines.append("      note: %s" % yaml_str(e["note"]))
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: gen-designations.py <designations.csv> <designations.yaml>")
    with open(argv[1], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    entries = build_entries(rows)
    text = render(entries)
    with open(argv[2], "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
