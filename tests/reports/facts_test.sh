#!/usr/bin/env bash
# The HTML and Markdown reports of samples/ show the judged facts: every item's HS code and every party's country.
# Usage: facts_test.sh SANCHECK_BINARY REPO_ROOT
set -u
bin=$1
cd "$2" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t samples < <(bash tests/reports/sample_scenarios.sh)
SOURCE_DATE_EPOCH=1700000000 "$bin" check --fail-on never --format html="$work/r.html" \
  --format markdown="$work/r.md" "${samples[@]}" 2>"$work/err" || { echo "FAIL: check did not run"; cat "$work/err"; exit 1; }
failed=0
# HS codes are shown as digits only ("9306.90" in a file is 930690 in the report).
for hs in $(grep -hoE '^\s*hs:\s*"?[0-9. ]+"?' "${samples[@]}" | sed -E 's/.*hs:\s*//; s/[". ]//g' | sort -u); do
  for f in "$work/r.html" "$work/r.md"; do
    grep -q "HS $hs" "$f" || { echo "FAIL: HS $hs not shown in $(basename "$f")"; failed=1; }
  done
done
for c in $(grep -hoE '^\s*country:\s*[A-Z]{2}' "${samples[@]}" | sed -E 's/.*:\s*//' | sort -u); do
  grep -q "· $c · " "$work/r.html" || { echo "FAIL: country $c not shown in the HTML report"; failed=1; }
done
grep -q '<table class="kv facts">' "$work/r.html" || { echo "FAIL: no facts table"; failed=1; }
[ $failed = 0 ] && echo "facts shown"
exit $failed
