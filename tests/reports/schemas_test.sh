#!/usr/bin/env bash
# JUnit output validated with xmllint against the JUnit XSD, SARIF with the JSON Schema and GitHub's upload rules,
# on every sample, on the report edge cases (with waivers applied, unused and expired) and on hostile text.
# Usage: schemas_test.sh SANCHECK_BINARY REPO_ROOT SCHEMA_DIR
set -u
bin=$1
root=$2
schemas=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 2
export SOURCE_DATE_EPOCH=1700000000
failed=0

fail() {
  echo "FAIL $*"
  failed=1
}

command -v xmllint >/dev/null || { echo "xmllint is missing (Debian: libxml2-utils)"; exit 1; }
python3 -c 'import jsonschema' 2>/dev/null || { echo "python3 jsonschema is missing (Debian: python3-jsonschema)"; exit 1; }

# run NAME ARGS...: writes NAME.xml and NAME.sarif; a run that cannot be done (exit 2) fails the test.
run() {
  local name=$1
  shift
  "$bin" check --format junit="$work/$name.xml" --format sarif="$work/$name.sarif" "$@" >/dev/null 2>"$work/$name.err"
  [ $? -le 1 ] || { fail "$name: sancheck could not run"; cat "$work/$name.err"; }
}

mapfile -t samples < <(bash "$here/sample_scenarios.sh")
[ ${#samples[@]} -gt 0 ] || fail "no sample scenarios found"
run samples "${samples[@]}"
run samples-review "${samples[@]}" --fail-on review
run edge tests/reports/scenarios --waivers tests/reports/waivers/mixed.yaml
run edge-review tests/reports/scenarios --waivers tests/reports/waivers/mixed.yaml --fail-on review
# Control, escape and bidi characters in every free-text field still give valid XML 1.0 and SARIF.
run hostile tests/cli/fixtures/control-chars.yaml

for x in "$work"/*.xml; do
  xmllint --noout --schema "$schemas/junit.xsd" "$x" 2>"$work/xmllint.err" || { fail "$(basename "$x") is not valid JUnit"; head -20 "$work/xmllint.err"; }
done
python3 "$here/check_sarif.py" "$schemas/sarif-schema-2.1.0.json" "$work"/*.sarif || fail "SARIF does not validate"

# Every sample file has its testsuite and its SARIF artifact.
files=${#samples[@]}
suites=$(grep -c '<testsuite ' "$work/samples.xml")
[ "$files" -gt 0 ] && [ "$files" = "$suites" ] || fail "$files sample files but $suites testsuites"
artifacts=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["artifacts"]))' "$work/samples.sarif")
[ "$files" = "$artifacts" ] || fail "$files sample files but $artifacts SARIF artifacts"

# The edge cases really exercised what they are for.
grep -q '<skipped message="waived prohibited">' "$work/edge.xml" || fail "no waived testcase in the edge-case JUnit"
grep -q 'type="expired-waiver"' "$work/edge.xml" || fail "no expired-waiver failure in the edge-case JUnit"
grep -q '"kind": "external"' "$work/edge.sarif" || fail "no suppression in the edge-case SARIF"
grep -q '<failure type="review"' "$work/edge-review.xml" || fail "--fail-on review did not fail the review activity"

# Fingerprints do not depend on the time of the run.
SOURCE_DATE_EPOCH=1800000000 "$bin" check --format sarif "${samples[@]}" >"$work/later.sarif" 2>/dev/null
fingerprints() { python3 -c 'import json,sys; print([r["partialFingerprints"] for r in json.load(open(sys.argv[1]))["runs"][0]["results"]])' "$1"; }
[ "$(fingerprints "$work/samples.sarif")" = "$(fingerprints "$work/later.sarif")" ] || fail "fingerprints changed between runs"

[ $failed = 0 ] && echo "JUnit and SARIF reports validate"
exit $failed
