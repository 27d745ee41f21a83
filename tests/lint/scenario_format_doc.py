#!/usr/bin/env python3
"""docs/scenario-format.md against the scenario JSON Schema that `sancheck schema scenario` prints, both ways.

Every key table and value table of the document follows a marker `<!-- schema: POINTER -->` naming
the part of the schema it lists: an object's `properties` (keys, with a required column), an
`enum` (values, in the schema's order) or the activity's `allOf` (the keys of each type). Every
such part of the schema must have its table, and every table must list exactly what the schema
holds: a key or value missing from the document, or one the schema lacks, fails the test. The
document's YAML examples must be valid against the schema and load in `sancheck check`, and the
error for each bad enumeration value must list the schema's values and link the section of the
document that lists them.

Usage: scenario_format_doc.py SANCHECK_BINARY REPO_ROOT   (exit 77 when jsonschema or PyYAML is missing)
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
    import yaml
except ImportError:
    print("jsonschema or PyYAML not installed: skipped")
    sys.exit(77)

DOC = "docs/scenario-format.md"
MARKER = re.compile(r"<!-- schema: (\S+) -->")
CODE = re.compile(r"`([^`]+)`")
problems = []


def problem(text):
    problems.append(text)


def schema_parts(node, pointer=""):
    """{pointer: part} for every object's properties, every enum and every allOf of if/then, outside if/then."""
    parts = {}
    if isinstance(node, dict):
        if "properties" in node:
            parts[pointer + "/properties"] = ("keys", list(node["properties"]), set(node.get("required", [])))
        if "enum" in node:
            parts[pointer + "/enum"] = ("values", node["enum"], None)
        if "allOf" in node and all("if" in x for x in node["allOf"]):
            types = {x["if"]["properties"]["type"]["const"]: x["then"] for x in node["allOf"]}
            parts[pointer + "/allOf"] = ("types", types, None)
        for key, value in node.items():
            if key != "allOf":
                parts.update(schema_parts(value, pointer + "/" + key.replace("~", "~0").replace("/", "~1")))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            parts.update(schema_parts(value, f"{pointer}/{i}"))
    return parts


def slug(heading):
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^a-z0-9 -]", "", heading.strip().lower()).replace(" ", "-")


def read_doc(text):
    """The marked tables {pointer: (rows, section anchor, prose before the table)} and every heading's anchor."""
    lines = text.split("\n")
    tables, anchors, section, prose = {}, set(), "", []
    fenced = False  # inside a ``` block, where a line starting with # is a comment, not a heading
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            section = slug(line.lstrip("#"))
            anchors.add(section)
            prose = []
        m = MARKER.fullmatch(line.strip())
        if m:
            i += 1
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
                i += 1
            if m.group(1) in tables:
                problem(f"{DOC}: two tables for {m.group(1)}")
            tables[m.group(1)] = (rows[2:], section, "\n".join(prose))  # past the header and its rule
            continue
        prose.append(line)
        i += 1
    return tables, anchors


def names(cell):
    return CODE.findall(cell)


def first_names(rows):
    """The name each row is about: the code span of its first cell."""
    return [names(r[0])[0] if names(r[0]) else r[0] for r in rows]


def compare(pointer, what, listed, expected):
    """Both ways: each of the schema's names is in the table, and the table names nothing else."""
    for x in expected:
        if x not in listed:
            problem(f"{DOC}: {what} '{x}' of {pointer} is not in its table")
    for x in listed:
        if x not in expected:
            problem(f"{DOC}: {what} '{x}' in the table of {pointer} is not in the schema")


def check_keys(pointer, rows, keys, required, types):
    listed = first_names(rows)
    compare(pointer, "key", listed, keys)
    by_type = {k for then in (types or {}).values() for k in then.get("required", [])}
    for row, k in zip(rows, listed):
        want = "yes" if k in required else "by type" if k in by_type else "no"
        if len(row) < 2 or row[1] != want:
            problem(f"{DOC}: key '{k}' of {pointer} is marked required '{row[1] if len(row) > 1 else ''}', the schema says '{want}'")


def check_values(pointer, rows, values):
    listed = first_names(rows)
    compare(pointer, "value", listed, values)
    if set(listed) == set(values) and listed != list(values):
        problem(f"{DOC}: the values of {pointer} are not in the schema's order ({', '.join(values)})")


def check_types(pointer, rows, types, prose):
    common = set.intersection(*(set(t["propertyNames"]["enum"]) for t in types.values()))
    if set(names(prose)) != common:
        problem(f"{DOC}: the keys every type takes are {sorted(common)}, the text before {pointer} names {sorted(set(names(prose)))}")
    seen = set()
    for row in rows:
        t = names(row[0])[0] if names(row[0]) else row[0]
        seen.add(t)
        if t not in types:
            problem(f"{DOC}: type '{t}' in the table of {pointer} is not in the schema")
            continue
        requires, takes = set(names(row[1])), set(names(row[2])) if len(row) > 2 else set()
        then = types[t]
        if requires != set(then.get("required", [])):
            problem(f"{DOC}: type '{t}' requires {sorted(then.get('required', []))} in the schema, {sorted(requires)} in the table")
        if common | requires | takes != set(then["propertyNames"]["enum"]):
            problem(f"{DOC}: type '{t}' takes {sorted(set(then['propertyNames']['enum']) - common)} in the schema, "
                    f"{sorted(requires | takes)} in the table")
    for t in types:
        if t not in seen:
            problem(f"{DOC}: type '{t}' is not in the table of {pointer}")


class Loader(yaml.SafeLoader):
    """YAML as editors read it, except that dates stay text (as sancheck reads them)."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def check_examples(text, schema, sancheck, work):
    """Whole scenarios validate and load; fragments (`key: value` of an activity) validate against that key's schema."""
    validator = jsonschema.Draft202012Validator(schema)
    for n, block in enumerate(re.findall(r"```yaml\n(.*?)```", text, re.S), 1):
        doc = yaml.load(block, Loader=Loader)
        if isinstance(doc, dict) and "scenario" in doc:
            for e in validator.iter_errors(doc):
                problem(f"{DOC}: example {n}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
            path = work / f"example-{n}.yaml"
            path.write_text(block, encoding="utf-8")
            run = subprocess.run([sancheck, "check", "--fail-on", "never", "--format", "json", str(path)],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                problem(f"{DOC}: example {n} does not load in sancheck check:\n{run.stderr}")
            continue
        for key, value in (doc or {}).items():
            sub = schema["$defs"]["activity"]["properties"].get(key)
            if sub is None:
                problem(f"{DOC}: example {n}: '{key}' is not an activity key")
                continue
            for e in jsonschema.Draft202012Validator({"$defs": schema["$defs"], **sub}).iter_errors(value):
                problem(f"{DOC}: example {n}: {key}: {e.message}")


# One bad value per enumeration, in an otherwise valid scenario: (what is replaced, the bad value, the schema
# part whose values the message must list, or None for a vocabulary the packs extend, and the table the link goes to).
BASE = """scenario: s
parties:
  a: {name: Trading House A, country: RU, kind: company}
  b: {name: Trading House B, country: KP}
  ship: {name: Ship C, country: KP, kind: vessel}
activities:
  - {id: x, type: supply, from: a, to: b, items: [{description: d, unit: pcs, tags: [food]}]}
  - {id: y, type: service, from: a, to: b, service: banking}
  - {id: z, type: launch, from: b, vehicle: ballistic-missile}
  - {id: w, type: travel, person: b, destination: RU, exemption: {kind: committee-approval}}
"""
BAD_VALUES = [
    ("kind: company", "kind: firm", "/$defs/party/properties/kind/enum"),
    ("type: supply", "type: suply", "/$defs/activity/properties/type/enum"),
    ("service: banking", "service: insurence", "/$defs/activity/properties/service/enum"),
    ("unit: pcs", "unit: pc", "/$defs/item/properties/unit/enum"),
    ("vehicle: ballistic-missile", "vehicle: rocket", "/$defs/activity/properties/vehicle/enum"),
    ("tags: [food]", "tags: [fod]", "/$defs/tag/anyOf/0/enum"),
    ("kind: committee-approval", "kind: committee-aproval", "/$defs/exemption/properties"),
]


def check_messages(parts, tables, anchors, sancheck, work, text):
    path = work / "base.yaml"
    path.write_text(BASE, encoding="utf-8")
    if subprocess.run([sancheck, "check", "--fail-on", "never", str(path)], capture_output=True).returncode != 0:
        problem("the valid scenario the messages are tested from does not load")
        return
    for old, new, pointer in BAD_VALUES:
        path.write_text(BASE.replace(old, new, 1), encoding="utf-8")
        err = subprocess.run([sancheck, "check", str(path)], capture_output=True, text=True).stderr
        line = next((l for l in err.splitlines() if ": error: " in l), "")
        link = re.search(r"\(see docs/scenario-format\.md#([a-z0-9-]+)\)", line)
        section = tables.get(pointer, (None, None, None))[1]
        if not link:
            problem(f"'{new}': the error links no section of {DOC}: {line}")
        elif link.group(1) not in anchors:
            problem(f"'{new}': the error links #{link.group(1)}, which is no heading of {DOC}")
        elif link.group(1) != section:
            problem(f"'{new}': the error links #{link.group(1)}, but {pointer} is listed under #{section}")
        kind, values, _ = parts[pointer]
        if kind == "values" and pointer != "/$defs/tag/anyOf/0/enum" and f"expected one of: {', '.join(values)} (see" not in line:
            problem(f"'{new}': the error does not list the schema's values ({', '.join(values)}): {line}")
        if new == "unit: pc":  # the document quotes this one
            message = line.split(": error: ", 1)[1]
            if message not in text:
                problem(f"{DOC} quotes the unit error otherwise than sancheck gives it: {message}")


def main():
    sancheck, root = sys.argv[1], pathlib.Path(sys.argv[2])
    schema = json.loads(subprocess.run([sancheck, "schema", "scenario"], capture_output=True, text=True, check=True).stdout)
    text = (root / DOC).read_text(encoding="utf-8")
    parts = schema_parts(schema)
    tables, anchors = read_doc(text)
    types = parts.get("/$defs/activity/allOf", (None, {}, None))[1]
    for pointer, (kind, content, required) in parts.items():
        if pointer not in tables:
            problem(f"{DOC}: no table lists {pointer} ({kind}); mark one with <!-- schema: {pointer} -->")
            continue
        rows, _, prose = tables[pointer]
        if kind == "keys":
            check_keys(pointer, rows, content, required, types if pointer == "/$defs/activity/properties" else None)
        elif kind == "values":
            check_values(pointer, rows, content)
        else:
            check_types(pointer, rows, content, prose)
    for pointer in tables:
        if pointer not in parts:
            problem(f"{DOC}: a table is marked {pointer}, which is no object, enumeration or allOf of the schema")
    with tempfile.TemporaryDirectory() as tmp:
        check_examples(text, schema, sancheck, pathlib.Path(tmp))
        check_messages(parts, tables, anchors, sancheck, pathlib.Path(tmp), text)
    for p in problems:
        print("FAIL " + p)
    if not problems:
        print(f"{DOC} lists the {len(parts)} key sets, enumerations and type tables of the schema, and nothing else")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
