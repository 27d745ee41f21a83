#!/usr/bin/env bash
# `sancheck check --waivers`: waived findings stay visible and stop failing, expired waivers fail, unused ones warn,
# bad files exit 2. Usage: waivers_test.sh SANCHECK_BINARY REPO_ROOT
set -u
bin=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 2
export SOURCE_DATE_EPOCH=1700000000  # 2023-11-14: the day expiry is judged against
scenarios=tests/reports/scenarios/edge-cases.yaml
# shellcheck source=../lib/assert.sh
. "$root/tests/lib/assert.sh"

# expect NAME STATUS WAIVERS_TEXT [OPTIONS...]: writes the waivers file, runs a JSON check, compares the exit status.
expect() {
  local name=$1 want=$2 text=$3
  shift 3
  printf '%s' "$text" >"$work/w.yaml"
  expect_status "$name" "$want" "$bin" check --format json --waivers "$work/w.yaml" "$@" "$scenarios"
}

# json EXPRESSION: evaluates a Python expression over the last JSON report (bound to r).
json() { python3 -c "import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$work/out"; }

waiver() {  # waiver SCENARIO EXPIRES [EXTRA LINES]
  printf '  - scenario: %s\n    reason: tracked\n    approved_by: Compliance desk\n    ticket: T-%s\n    expires: %s\n%s' \
    "$1" "$RANDOM" "$2" "${3:-}"
}
all_markup=$(printf 'waivers:\n%s' "$(waiver report-markup 2099-12-31)")
all=$(printf 'waivers:\n%s\n%s' "$(waiver report-markup 2099-12-31)" "$(waiver report-second-in-file 2099-12-31)")

expect "no waivers: the prohibited findings fail the run" 1 "waivers: []"
check "an empty waivers list changes nothing" json 'r["summary"]["waived"] == 0 and not r.get("waivers")'

expect "waiving every prohibited finding passes the run" 0 "$all_markup"
check "waived findings are reported, with their verdict" \
  json 'r["scenarios"][0]["verdict"] == "prohibited" and r["scenarios"][0]["activities"][0]["findings"][0]["waived"]["reason"] == "tracked"'
check "waived activities are counted under their verdict and as waived" \
  json 'r["summary"]["prohibited"] == 2 and r["summary"]["waived"] == 2'
check "the waiver is reported as applied, with the findings it waived" \
  json 'r["waivers"][0]["state"] == "applied" and r["waivers"][0]["findings"] == 3'
check "nothing on standard error" test ! -s "$work/err"

expect "review findings not waived still fail with --fail-on review" 1 "$all_markup" --fail-on review
expect "waiving them too passes --fail-on review" 0 "$all" --fail-on review

expect "an activity waiver leaves the other activities failing" 1 \
  "$(printf 'waivers:\n%s' "$(waiver report-markup 2099-12-31 '    activity: shells
')")"
expect "a rule waiver covers only that rule" 0 \
  "$(printf 'waivers:\n%s' "$(waiver report-markup 2099-12-31 '    rule: un-dprk/arms-from-dprk
')")"
check "the review finding of that activity is not waived" \
  json '"waived" not in r["scenarios"][0]["activities"][0]["findings"][1]'

expect "an expired waiver fails the run" 1 "$(printf 'waivers:\n%s' "$(waiver report-markup 2023-11-13)")"
check "with its own message, at its position" grep -q "w.yaml:2:5: error: waiver T-[0-9]* expired on 2023-11-13" "$work/err"
check "it waives nothing" json 'r["waivers"][0]["state"] == "expired" and r["summary"]["waived"] == 0'
check "the report is still written" json 'len(r["scenarios"]) == 2'
expect "a waiver is valid through its expiry day" 0 "$(printf 'waivers:\n%s' "$(waiver report-markup 2023-11-14)")"
expect "--fail-on never ignores an expired waiver's status" 0 \
  "$(printf 'waivers:\n%s' "$(waiver report-markup 2020-01-01)")" --fail-on never
check "but still says it expired" grep -q "expired on 2020-01-01" "$work/err"

expect "an unused waiver does not fail the run" 0 \
  "$(printf '%s\n%s' "$all_markup" "$(waiver no-such-scenario 2099-12-31)")"
check "it is reported on standard error" grep -q "warning: waiver T-[0-9]* matched no prohibited or review finding" "$work/err"
check "and in the report" json 'r["waivers"][1]["state"] == "unused" and r["waivers"][1]["findings"] == 0'

expect "an unknown key is an error" 2 "$(printf '%s\n    expiry: 2099-01-01\n' "$all_markup")"
check "at its line and column" grep -q "w.yaml:7:5: error: unknown key 'expiry' in a waiver" "$work/err"
check "and no report is written" test ! -s "$work/out"
expect "the expiry is mandatory" 2 "waivers:
  - {scenario: report-markup, reason: r, approved_by: a, ticket: t}
"
check "the message names it" grep -q "a waiver needs 'expires'" "$work/err"
expect "a bad expiry date is an error" 2 "waivers:
  - {scenario: report-markup, reason: r, approved_by: a, ticket: t, expires: 2099-02-30}
"
"$bin" check --waivers "$work/missing.yaml" "$scenarios" >/dev/null 2>"$work/err"
check "a missing waivers file exits 2" test $? = 2
echo keep >"$work/keep.json"
printf 'waivers: 3\n' >"$work/w.yaml"
"$bin" check --waivers "$work/w.yaml" --output "$work/keep.json" "$scenarios" >/dev/null 2>&1
check "a bad waivers file leaves --output untouched" grep -qx keep "$work/keep.json"

finish
