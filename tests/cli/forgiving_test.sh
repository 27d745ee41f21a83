#!/usr/bin/env bash
# A command line that forgives a first-time user: bare sancheck, a misspelt command, rules columns,
# sets and --pack, per-pack coverage, lint --fail-on, and JUnit of test and lint valid against the XSD.
# Usage: forgiving_test.sh SANCHECK_BINARY REPO_ROOT
set -u
bin=$1
root=$2
# shellcheck source=../lib/assert.sh
. "$root/tests/lib/assert.sh"
cd "$root" || exit 2
xsd=$root/tests/reports/schemas/junit.xsd
tutorial=samples/tutorial/pack

expect_status "bare sancheck lists the commands (exit 0)" 0 "$bin"
check "one line per command" grep -qE "^  check +Judge scenario files" "$work/out"
check "every command is listed" sh -c "[ \$(grep -cE '^  [a-z]+  ' \"$work/out\") -eq 13 ]"

expect_status "a misspelt command exits 2" 2 "$bin" chek samples
check "it suggests the nearest" grep -qx "sancheck: error: unknown command 'chek'; did you mean 'check'?" "$work/err"
expect_status "a word far from every command exits 2" 2 "$bin" frobnicate
check "it lists the commands" grep -q "unknown command 'frobnicate'; the commands are check, rules" "$work/err"
# The program defines only the command a command line names: a command's name later on (a
# path, say) is not the command, and the program's options before it are still read.
expect_status "a misspelt command before a command's name exits 2" 2 "$bin" frobnicate check
check "it names the misspelt word" grep -q "not expected: frobnicate" "$work/err"
expect_status "program options before the command" 1 "$bin" -v --log-level warn check samples/article-2023-09/launches.yaml
check "the command ran" grep -q "prohibited" "$work/out"

expect_status "--version" 0 "$bin" --version
check "it names the built-in pack and list versions" grep -q "built-in rule packs: un-dprk" "$work/out"

# A pack whose rule titles are in Hangul and Han: the columns after them stay aligned.
mkdir -p "$work/wide"
cat >"$work/wide/pack.yaml" <<'YAML'
pack: wide
version: "1"
title: Wide titles
sets:
  near: {type: country, values: [KP, CN]}
rules:
  - id: han
    title: 朝鲜武器禁运
    verdict: review
    citations: [{resolution: "1718", paragraph: "8"}]
    effective: 2006-10-14
    applies_to: [supply]
    when: to.country in $near
    message: Wide title.
  - id: ascii-rule-with-a-long-id
    title: plain
    verdict: review
    citations: [{resolution: "1718", paragraph: "8"}]
    effective: 2006-10-14
    applies_to: [supply]
    when: to.country == KP
    message: Plain title.
YAML
expect_status "rules --pack lists only that pack's rules" 0 "$bin" rules --rules "$work/wide" --pack wide
check "two rules" grep -qx "2 rules" "$work/out"
check "no built-in rule" sh -c "! grep -q '^un-dprk/' \"$work/out\""
check "columns aligned by display width (the arrow counts one column)" python3 - "$work/out" <<'PY'
import sys, unicodedata
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if "1718 OP8" in l or "CITATIONS" in l]
def width(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
# The CITATIONS column, after the titles, starts at the same display column on every row.
cols = {width(l[:l.index("CITATIONS" if "CITATIONS" in l else "1718 OP8")]) for l in lines}
sys.exit(0 if len(lines) == 3 and len(cols) == 1 else 1)
PY
expect_status "rules --pack of an unknown pack exits 2" 2 "$bin" rules --rules "$work/wide" --pack wdie
check "with a suggestion" grep -q "did you mean 'wide'" "$work/err"
expect_status "rules --sets lists the named sets" 0 "$bin" rules --rules "$work/wide" --pack wide --sets
check "with their members" grep -qE '^\$near +wide +country +CN, KP$' "$work/out"
expect_status "rules --sets of the built-in pack" 0 "$bin" rules --sets --format json
check "HS sets read back as codes" python3 -c '
import json,sys
sets = {s["set"]: s for s in json.load(open(sys.argv[1]))}
assert sets and all(s["pack"] for s in sets.values())
hs = [s for s in sets.values() if s["type"] == "HS code"]
assert hs and all(m[:2].isdigit() for s in hs for m in s["members"])' "$work/out"

expect_status "test --coverage reports per pack" 0 "$bin" test "$tutorial/tests" --no-builtin --rules "$tutorial" --coverage
check "the pack has its line" grep -q "^  pack acme-exports: 2/2 rules (100.0%)" "$work/out"
expect_status "test --coverage per pack in JSON" 1 "$bin" test "$tutorial/tests" --rules "$tutorial" --coverage --format json
check "each loaded pack has its coverage" python3 -c '
import json,sys
packs = {p["pack"]: p for p in json.load(open(sys.argv[1]))["coverage"]["packs"]}
assert packs["acme-exports"]["percent"] == 100 and packs["un-dprk"]["percent"] < 100' "$work/out"

# lint: an unused set is a warning.
mkdir -p "$work/warn"
cat >"$work/warn/pack.yaml" <<'YAML'
pack: warn
version: "1"
sets:
  unused: {type: country, values: [KP]}
rules:
  - id: r
    title: r
    verdict: review
    citations: [{resolution: "1718", paragraph: "8"}]
    effective: 2006-10-14
    applies_to: [supply]
    when: to.country == KP
    message: m
YAML
expect_status "lint fails on warnings by default" 1 "$bin" lint "$work/warn"
check "the warning is reported" grep -q "warning:" "$work/out"
expect_status "lint --fail-on error passes warnings" 0 "$bin" lint --fail-on error "$work/warn"
expect_status "lint --fail-on warning fails on them" 1 "$bin" lint --fail-on warning "$work/warn"

# JUnit of test and lint: valid against the same XSD as check's.
expect_status "test --format junit" 0 "$bin" test rules/un-dprk/tests --format junit -o "$work/test.xml"
check "test's JUnit validates" xmllint --noout --schema "$xsd" "$work/test.xml"
cp -r "$tutorial" "$work/failing" && sed -i 's/verdict: permitted/verdict: prohibited/' "$work/failing/tests/company.test.yaml"
expect_status "a failing rule test in JUnit" 1 "$bin" test "$work/failing/tests" --no-builtin --rules "$work/failing" --format junit -o "$work/test-fail.xml"
check "it validates too" xmllint --noout --schema "$xsd" "$work/test-fail.xml"
check "with a failure" grep -q '<failure type="rule-test"' "$work/test-fail.xml"
expect_status "lint --format junit on the built-in pack" 0 "$bin" lint --format junit -o "$work/lint.xml"
check "lint's JUnit validates" xmllint --noout --schema "$xsd" "$work/lint.xml"
check "a testcase per pack file" sh -c "[ \$(grep -c '<testcase ' \"$work/lint.xml\") -ge 10 ]"
expect_status "lint --format junit with a warning" 1 "$bin" lint --format junit -o "$work/lint-warn.xml" "$work/warn"
check "it validates" xmllint --noout --schema "$xsd" "$work/lint-warn.xml"
check "the warning fails its file, with position and code" grep -q "pack.yaml:[0-9]*:[0-9]*: warning: .*\[lint\." "$work/lint-warn.xml"
check "as a failure" grep -q '<failure type="lint" message="1 finding">' "$work/lint-warn.xml"
expect_status "lint --format junit --fail-on error" 0 "$bin" lint --format junit --fail-on error -o "$work/lint-err.xml" "$work/warn"
check "it validates" xmllint --noout --schema "$xsd" "$work/lint-err.xml"
check "the warning is in the suite's output, not a failure" sh -c "grep -q '<system-out>.*warning:' \"$work/lint-err.xml\" && ! grep -q '<failure' \"$work/lint-err.xml\""
cp -r "$work/warn" "$work/broken" && sed -i 's/verdict: review/verdict: maybe/' "$work/broken/pack.yaml"
expect_status "lint --format junit with an error" 1 "$bin" lint --format junit --fail-on error -o "$work/lint-broken.xml" "$work/broken"
check "it validates" xmllint --noout --schema "$xsd" "$work/lint-broken.xml"
check "the error is a failure" grep -q "<failure type=\"lint\".*pack.yaml:[0-9]*:[0-9]*: error: " "$work/lint-broken.xml"

finish
