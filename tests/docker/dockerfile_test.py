#!/usr/bin/env python3
"""Checks the top-level Dockerfile without a Docker daemon (none is needed to read it).

Usage: dockerfile_test.py SOURCE_DIR

- only known instructions; every FROM is debian:bookworm or debian:bookworm-slim; at least two
  stages, with unique names;
- every COPY --from names an earlier stage;
- the build stage installs with apt-get every package .ci/deps.sh installs, less the ones only
  the tests, fuzzing and package checks use (TEST_ONLY below), and none of those; it configures a
  Release build without tests and benchmarks and makes the .deb;
- the final stage installs no compiler or -dev package, runs as a user that is not root before
  its CMD and ENTRYPOINT, ENTRYPOINT is ["sancheck"], CMD serves on a port that EXPOSE names, and
  the HEALTHCHECK asks /healthz on that port;
- .dockerignore leaves out build folders and .git;
- when apt-cache is there with package lists, every package either stage names exists (skipped,
  with a note, otherwise);
- and the checks catch what they are for: mutated copies of the Dockerfile must each fail.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

KNOWN = {"FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME",
         "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}
BASES = re.compile(r"^debian:bookworm(-slim)?(@sha256:[0-9a-f]{64})?$")
# In .ci/deps.sh for the tests, the report checks, fuzzing or .ci/package.sh, not for the build.
TEST_ONLY = {
    "python3-jsonschema", "python3-yaml", "libxml2-utils",      # schema, golden and XSD checks
    "python3-pandas", "python3-dask", "python3-distributed",    # the Python module's tests
    "python3-pytest", "python3-numpy",
    "doctest-dev",                                              # the unit tests
    "clang", "libclang-rt-14-dev",                              # the fuzz targets
    "chromium", "poppler-utils",                                # the HTML report (rendered, printed to PDF) and page tests
    "man-db",                                                   # package.sh's man -w
}
SERVE_PORT_DEFAULT = 8080


def logical_lines(text):
    """Dockerfile lines with continuations joined and comments dropped: [(line_number, text)]."""
    out, buf, start = [], "", 0
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not buf and (not stripped or stripped.startswith("#")):
            continue
        if buf and stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        if not buf:
            start = number
        if stripped.endswith("\\"):
            buf += stripped[:-1] + " "
            continue
        out.append((start, buf + stripped))
        buf = ""
    if buf:
        out.append((start, buf))
    return out


def shell_words(command):
    return shlex.split(command, comments=False, posix=True)


def apt_packages(command):
    """The package names of every `apt-get install` in a shell command."""
    packages = []
    for part in re.split(r"&&|\|\||;|\|", command):
        words = shell_words(part)
        if len(words) >= 2 and os.path.basename(words[0]) in ("apt-get", "apt") and "install" in words:
            packages += [w for w in words[words.index("install") + 1:]
                         if not w.startswith(("-", ">", "<", "2>", "&"))]
    return packages


def exec_form(argument):
    try:
        value = json.loads(argument)
    except ValueError:
        return None
    return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None


def parse(text):
    """Stages: [{name, base, line, instructions: [(line, KEYWORD, argument)]}]; problems found on the way."""
    stages, problems = [], []
    for number, line in logical_lines(text):
        keyword, _, argument = line.partition(" ")
        keyword, argument = keyword.upper(), argument.strip()
        if keyword not in KNOWN:
            problems.append("line %d: unknown instruction %s" % (number, keyword))
            continue
        if keyword == "FROM":
            words = [w for w in argument.split() if not w.startswith("--")]
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else None
            stages.append({"name": name, "base": words[0] if words else "", "line": number, "instructions": []})
        elif not stages:
            if keyword != "ARG":
                problems.append("line %d: %s before the first FROM" % (number, keyword))
            continue
        stages[-1]["instructions"].append((number, keyword, argument))
    return stages, problems


def deps_packages(deps_text):
    joined = " ; ".join(line for _, line in logical_lines(deps_text))
    return set(apt_packages(joined))


def check(text, deps, dockerignore):
    stages, problems = parse(text)
    if len(stages) < 2:
        problems.append("not a multi-stage build: %d stage(s)" % len(stages))
    names = [s["name"] for s in stages if s["name"]]
    if len(names) != len(set(names)):
        problems.append("stage names are not unique: %s" % names)
    for s in stages:
        if not BASES.match(s["base"]):
            problems.append("line %d: FROM %s is not debian:bookworm or debian:bookworm-slim" % (s["line"], s["base"]))
    for index, s in enumerate(stages):
        earlier = {t["name"] for t in stages[:index] if t["name"]} | {str(i) for i in range(index)}
        for number, keyword, argument in s["instructions"]:
            for flag in re.findall(r"--from=(\S+)", argument):
                if keyword != "COPY":
                    problems.append("line %d: %s --from (only COPY takes it)" % (number, keyword))
                elif flag not in earlier:
                    problems.append("line %d: COPY --from=%s names no earlier stage" % (number, flag))
    if not stages:
        return problems

    # The build stage: the one that runs the CMake build.
    runs = lambda s: " && ".join(a for _, k, a in s["instructions"] if k == "RUN")
    builders = [s for s in stages if "cmake --build" in runs(s)]
    if len(builders) != 1:
        problems.append("%d stages run `cmake --build`, expected one" % len(builders))
    else:
        build = builders[0]
        installed = set(apt_packages(runs(build)))
        wanted = deps - TEST_ONLY
        if not wanted <= installed:
            problems.append("the build stage does not install %s (.ci/deps.sh does)" % sorted(wanted - installed))
        if installed & TEST_ONLY:
            problems.append("the build stage installs test-only packages %s" % sorted(installed & TEST_ONLY))
        for needed in ("-DCMAKE_BUILD_TYPE=Release", "-DSANCHECK_BUILD_TESTS=OFF", "-DSANCHECK_BUILD_BENCH=OFF"):
            if needed not in runs(build):
                problems.append("the build stage does not configure with %s" % needed)
        if not re.search(r"cpack -G DEB|cmake --install", runs(build)):
            problems.append("the build stage neither runs `cpack -G DEB` nor `cmake --install`")
    stale = TEST_ONLY - deps
    if stale:
        problems.append("TEST_ONLY names packages .ci/deps.sh no longer installs: %s" % sorted(stale))

    final = stages[-1]
    final_packages = apt_packages(runs(final))
    heavy = [p for p in final_packages if p.endswith("-dev") or p in ("g++", "gcc", "clang", "cmake", "ninja-build")]
    if heavy:
        problems.append("the final stage installs build packages %s" % heavy)
    user = None
    seen = {}
    for number, keyword, argument in final["instructions"]:
        if keyword == "USER":
            user = argument.split(":")[0]
        if keyword in ("CMD", "ENTRYPOINT", "HEALTHCHECK", "EXPOSE"):
            seen[keyword] = (number, argument)
        if keyword in ("CMD", "ENTRYPOINT") and user in (None, "root", "0"):
            problems.append("line %d: %s runs as root (no USER, or USER root, before it)" % (number, keyword))
    for keyword in ("CMD", "ENTRYPOINT", "EXPOSE", "HEALTHCHECK"):
        if keyword not in seen:
            problems.append("the final stage has no %s" % keyword)
    if problems and any(k not in seen for k in ("CMD", "ENTRYPOINT", "EXPOSE")):
        return problems
    entrypoint = exec_form(seen["ENTRYPOINT"][1])
    if entrypoint != ["sancheck"]:
        problems.append('ENTRYPOINT is %s, expected ["sancheck"]' % seen["ENTRYPOINT"][1])
    cmd = exec_form(seen["CMD"][1]) or []
    port = None
    if cmd[:1] != ["serve"]:
        problems.append("CMD %s does not run `serve`" % seen["CMD"][1])
    else:
        listen = None
        for i, word in enumerate(cmd):
            if word == "--listen" and i + 1 < len(cmd):
                listen = cmd[i + 1]
            elif word.startswith("--listen="):
                listen = word.split("=", 1)[1]
        if listen is None:
            problems.append("CMD serves on 127.0.0.1 (the default): give --listen 0.0.0.0:PORT")
        else:
            host, _, port_text = listen.rpartition(":")
            port = int(port_text) if port_text.isdigit() else SERVE_PORT_DEFAULT
            if host in ("127.0.0.1", "localhost", "[::1]"):
                problems.append("CMD listens on %s, unreachable from outside the container" % host)
    exposed = {int(p.split("/")[0]) for p in seen["EXPOSE"][1].split() if p.split("/")[0].isdigit()}
    if port is not None and port not in exposed:
        problems.append("EXPOSE %s does not name the port serve listens on (%d)" % (seen["EXPOSE"][1], port))
    if "HEALTHCHECK" in seen and port is not None:
        health = seen["HEALTHCHECK"][1]
        if health.strip().upper() != "NONE" and ":%d/healthz" % port not in health:
            problems.append("HEALTHCHECK does not ask /healthz on port %d: %s" % (port, health))

    ignored = {line.strip().rstrip("/") for line in dockerignore.splitlines() if line.strip() and not line.startswith("#")}
    for needed in ("build", ".git"):
        if needed not in ignored:
            problems.append(".dockerignore does not leave out %s" % needed)
    return problems


def apt_cache_check(packages):
    """Unknown package names, or None when apt-cache or its package lists are not there."""
    apt_cache = shutil.which("apt-cache")
    if not apt_cache:
        return None
    lists = "/var/lib/apt/lists"
    if not os.path.isdir(lists) or not any("_Packages" in f for f in os.listdir(lists)):
        return None
    show = lambda names: subprocess.run([apt_cache, "show"] + names, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL).returncode
    if show(sorted(packages)) == 0:
        return []
    unknown = []  # one of them is unknown: which
    for package in sorted(packages):
        if subprocess.run([apt_cache, "show", package], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode != 0:
            unknown.append(package)
    return unknown


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    read = lambda name: open(os.path.join(source, name), encoding="utf-8").read()
    text, deps, dockerignore = read("Dockerfile"), deps_packages(read(".ci/deps.sh")), read(".dockerignore")
    failures = 0
    if not deps:
        print("FAIL: found no apt-get install in .ci/deps.sh")
        return 1

    problems = check(text, deps, dockerignore)
    for p in problems:
        print("FAIL: Dockerfile: %s" % p)
    failures += len(problems)

    # Each mutation must be caught, by a problem containing the given words.
    mutations = [
        ("FROM debian:bookworm-slim AS runtime", "FROM ubuntu:24.04 AS runtime", "is not debian:bookworm"),
        ("USER sancheck:sancheck", "USER root", "runs as root"),
        ("USER sancheck:sancheck", "", "runs as root"),
        ("COPY --from=build", "COPY --from=builder", "names no earlier stage"),
        ("EXPOSE 8080", "EXPOSE 9090", "EXPOSE 9090 does not name"),
        ("g++ cmake ninja-build", "cmake ninja-build", "does not install ['g++']"),
        ("WORKDIR /tmp", "WORKDIRR /tmp", "unknown instruction WORKDIRR"),
        ("-DSANCHECK_BUILD_TESTS=OFF", "-DSANCHECK_BUILD_TESTS=ON", "SANCHECK_BUILD_TESTS=OFF"),
        ('"0.0.0.0:8080"]', '"127.0.0.1:8080"]', "unreachable"),
        ("8080/healthz", "8080/readyz", "HEALTHCHECK does not ask /healthz"),
    ]
    for old, new, expected in mutations:
        if old not in text:
            print("FAIL: mutation: %r is not in the Dockerfile" % old)
            failures += 1
            continue
        found = check(text.replace(old, new, 1), deps, dockerignore)
        if not any(expected in p for p in found):
            print("FAIL: mutation %r -> %r not caught (expected %r; found %s)" % (old, new, expected, found))
            failures += 1
    if not any(".git" in p for p in check(text, deps, dockerignore.replace(".git\n", ""))):
        print("FAIL: mutation: a .dockerignore without .git was not caught")
        failures += 1

    stages, _ = parse(text)
    named = set()
    for s in stages:
        named |= set(apt_packages(" && ".join(a for _, k, a in s["instructions"] if k == "RUN")))
    named = {p for p in named if not p.startswith(("/", "./"))}  # local .deb files
    unknown = apt_cache_check(named | deps)
    if unknown is None:
        print("note: apt-cache or its package lists are not here; package names not looked up")
    else:
        for p in unknown:
            print("FAIL: apt-cache show %s: no such package" % p)
        failures += len(unknown)
        if not unknown:
            print("apt-cache knows all %d package names" % len(named | deps))

    print("dockerfile: %s (%d stages, %d mutations checked)" % ("FAIL" if failures else "OK", len(stages), len(mutations) + 1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
