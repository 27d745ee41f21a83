#!/usr/bin/env python3
"""Validates YAML files against the committed JSON Schemas (exit 77 when jsonschema is missing: skipped).

Usage: validate_schemas.py SCHEMA_DIR KIND=PATH [KIND=PATH ...]
PATH is a file or a folder searched recursively; KIND is a schema name
(rule-pack, scenario, waivers, rule-test). A KIND=PATH with a leading '!'
must fail validation (negative case).
"""
import json
import pathlib
import sys

try:
    import jsonschema
    import yaml
except ImportError:
    print("jsonschema or PyYAML not installed: skipped")
    sys.exit(77)


def files(path, kind):
    p = pathlib.Path(path)
    if p.is_dir():
        # A tests folder also holds helper files (e.g. clearances): only *.test.yaml are rule tests.
        pattern = "*.test.yaml" if kind == "rule-test" else "*.yaml"
        return sorted(x for x in p.rglob(pattern))
    return [p]


def main():
    schema_dir = pathlib.Path(sys.argv[1])
    failures = 0
    for spec in sys.argv[2:]:
        negative = spec.startswith("!")
        kind, path = spec.lstrip("!").split("=", 1)
        schema = json.loads((schema_dir / f"{kind}.schema.json").read_text())
        validator = jsonschema.Draft202012Validator(schema)
        for f in files(path, kind):
            docs = [d for d in yaml.load_all(f.read_text(), Loader=Loader) if d is not None]
            errors = [e for d in docs for e in validator.iter_errors(d)]
            if negative and not errors:
                print(f"{f}: expected a schema error, found none")
                failures += 1
            elif not negative and errors:
                for e in errors[:5]:
                    print(f"{f}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
                failures += 1
    sys.exit(1 if failures else 0)


class Loader(yaml.SafeLoader):
    """YAML 1.1 core types as editors see them, except that dates stay text (as the tool reads them)."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


if __name__ == "__main__":
    main()
