#!/usr/bin/python3
"""Extracts the names and aliases of the DPRK (1718 Committee) entries of the UN Consolidated List.

Each alias the UN lists is a real variant of its entry's primary name, which makes the file a
labelled source for the screening quality set (gen_quality_set.py). The output,
un-dprk-names.csv, is committed; rerun this script on a newer list to refresh it:

    /usr/bin/python3 tests/screening/un_dprk_names.py <consolidated.xml> > tests/screening/un-dprk-names.csv

The Consolidated List is UN public data (https://scsanctions.un.org/resources/xml/en/consolidated.xml);
the copy used is the snapshot generated 2026-02-27. Standard library only.
"""
import csv
import sys
import xml.etree.ElementTree as ET


def text(node, tag):
    return " ".join((node.findtext(tag) or "").split())


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: un_dprk_names.py <consolidated.xml>")
    root = ET.parse(sys.argv[1]).getroot()
    generated = root.get("dateGenerated", "")
    rows = []
    for section in root:
        for entry in section:
            if text(entry, "UN_LIST_TYPE") != "DPRK":
                continue
            ref = text(entry, "REFERENCE_NUMBER")
            individual = entry.tag == "INDIVIDUAL"
            parts = [text(entry, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
            primary = " ".join(p for p in parts if p)
            kind = "individual" if individual else "entity"
            rows.append((ref, kind, "primary", primary))
            for alias in entry.findall("INDIVIDUAL_ALIAS" if individual else "ENTITY_ALIAS"):
                name = text(alias, "ALIAS_NAME")
                if name:
                    quality = text(alias, "QUALITY").lower() or "unknown"
                    rows.append((ref, kind, "alias-" + quality, name))
    rows.sort(key=lambda r: (r[0], r[2] != "primary", r[3]))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["reference", "kind", "source", "name"])
    seen = set()
    for r in rows:
        if (r[0], r[3]) not in seen:
            seen.add((r[0], r[3]))
            out.writerow(r)
    print(f"extracted {len(seen)} names (list generated {generated})", file=sys.stderr)


if __name__ == "__main__":
    main()
