#!/usr/bin/env bash
# The report id names the inputs, not the moment: two runs at different times agree, a changed scenario differs,
# and the id and sign-off names reach every format.
# Usage: report_id_test.sh SANCHECK_BINARY REPO_ROOT
set -u
bin=$1
cd "$2" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t samples < <(bash tests/reports/sample_scenarios.sh)
id() {  # id EPOCH FILES...: the report_id of a JSON report
  local epoch=$1
  shift
  SOURCE_DATE_EPOCH=$epoch "$bin" check --fail-on never --as-of 2024-01-01 --format json "$@" 2>/dev/null |
    sed -nE 's/^  "report_id": "([0-9a-f]{64})",?$/\1/p'
}
failed=0
a=$(id 1700000000 "${samples[@]}")
b=$(id 1800000000 "${samples[@]}")
[ -n "$a" ] || { echo "FAIL: no report_id in the JSON report"; exit 1; }
[ "$a" = "$b" ] || { echo "FAIL: the id changed with SOURCE_DATE_EPOCH: $a vs $b"; failed=1; }
cp "${samples[0]}" "$work/changed.yaml"
printf '\n# a comment changes the file\n' >>"$work/changed.yaml"
one=$(id 1700000000 "${samples[0]}")
changed=$(id 1700000000 "$work/changed.yaml")
[ "$one" != "$changed" ] || { echo "FAIL: a changed scenario kept the id $one"; failed=1; }
[ "$one" != "$a" ] || { echo "FAIL: different scenario sets share an id"; failed=1; }

SOURCE_DATE_EPOCH=1700000000 "$bin" check --fail-on never --as-of 2024-01-01 --prepared-by "Ann Analyst" \
  --reviewed-by "Rob <Reviewer>" --format text="$work/r.txt" --format json="$work/r.json" \
  --format junit="$work/r.xml" --format sarif="$work/r.sarif" --format markdown="$work/r.md" \
  --format html="$work/r.html" "${samples[@]}" 2>/dev/null
for f in r.txt r.json r.xml r.sarif r.md r.html; do
  grep -q "$a" "$work/$f" || { echo "FAIL: $f lacks the report id"; failed=1; }
  grep -q "Ann Analyst" "$work/$f" || { echo "FAIL: $f lacks the preparer"; failed=1; }
done
grep -q '"reviewed_by": "Rob <Reviewer>"' "$work/r.json" || { echo "FAIL: JSON reviewed_by"; failed=1; }
grep -q '<section id="signatures">' "$work/r.html" || { echo "FAIL: no signature block"; failed=1; }
grep -q 'Rob &lt;Reviewer&gt;' "$work/r.html" || { echo "FAIL: reviewer not escaped in HTML"; failed=1; }
[ $failed = 0 ] && echo "report id stable and shown: $a"
exit $failed
