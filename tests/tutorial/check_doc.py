#!/usr/bin/env python3
"""Checks every fenced block of a Markdown tutorial against the repository.

Usage: check_doc.py SANCHECK SOURCE_DIR DOC.md

A block whose info string names a file (```yaml file=samples/x.yaml) must equal
that file. A ```console block holds commands ("$ sancheck ...") each followed by
its exact standard output; the command is run from SOURCE_DIR with `sancheck`
replaced by the binary under test. Any other block fails the check, so nothing
in the tutorial goes unchecked.
"""
import pathlib
import re
import shlex
import subprocess
import sys


def blocks(text):
    pattern = re.compile(r"^```([^\n]*)\n(.*?)^```$", re.S | re.M)
    for m in pattern.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        yield line, m.group(1).strip(), m.group(2)


def run_console(binary, root, body, where):
    failures = []
    commands = re.split(r"^\$ ", body, flags=re.M)
    if commands[0].strip():
        failures.append(f"{where}: console block must start with '$ '")
    for chunk in commands[1:]:
        command, _, expected = chunk.partition("\n")
        args = shlex.split(command)
        if not args or args[0] != "sancheck":
            failures.append(f"{where}: only sancheck commands can be checked: {command}")
            continue
        result = subprocess.run([binary] + args[1:], cwd=root, capture_output=True, text=True)
        if result.stdout != expected:
            failures.append(f"{where}: output of '{command}' differs:\n--- expected\n{expected}--- actual\n{result.stdout}")
    return failures


def main():
    binary, root, doc = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    failures = []
    count = 0
    for line, info, body in blocks(doc.read_text()):
        where = f"{doc}:{line}"
        count += 1
        file_match = re.search(r"\bfile=(\S+)", info)
        if file_match:
            path = root / file_match.group(1)
            if not path.exists():
                failures.append(f"{where}: {path} does not exist")
            elif path.read_text() != body:
                failures.append(f"{where}: block differs from {file_match.group(1)}")
        elif info.split()[:1] == ["console"]:
            failures.extend(run_console(binary, root, body, where))
        else:
            failures.append(f"{where}: block '{info}' is neither file=... nor console, so it is not checked")
    for f in failures:
        print(f)
    print(f"{count} blocks checked, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
