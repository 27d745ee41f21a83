#!/usr/bin/env bash
# Runs sancheck on one malformed input and checks the contract for bad input:
# the expected exit status, a positioned `file:line:col: error:` message about
# that file, and no report left behind (nor a changed ledger).
# Usage: run_case.sh SANCHECK BADINPUT_DIR KIND CASE_FILE
set -uo pipefail
B=$1 DIR=$2 KIND=$3 CASE=$4
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
OUT=$W/out
fail() { echo "FAIL [$KIND/$(basename "$CASE")]: $*"; echo "--- stderr:"; cat "$W/err"; exit 1; }

# Every command writes its report to $OUT with -o; the input under test is `subject`.
expect_rc=2
subject=$CASE
case $KIND in
  scenario)   "$B" check -o "$OUT" "$CASE" 2>"$W/err" ;;
  pack)       mkdir "$W/pack"; cp "$CASE" "$W/pack/pack.yaml"; subject=$W/pack/pack.yaml
              "$B" check --rules "$W/pack" -o "$OUT" "$DIR/fixtures/arms.yaml" 2>"$W/err" ;;
  waivers)    "$B" check --waivers "$CASE" -o "$OUT" "$DIR/fixtures/arms.yaml" 2>"$W/err" ;;
  clearances) "$B" check --clearances "$CASE" -o "$OUT" "$DIR/fixtures/arms.yaml" 2>"$W/err" ;;
  ledger)     cp "$CASE" "$W/ledger.json"; subject=$W/ledger.json
              "$B" batch --progress never --ledger "$W/ledger.json" -o "$OUT" "$DIR/fixtures/petrol.jsonl" 2>"$W/err" ;;
  csv-header) "$B" batch --progress never -o "$OUT" "$CASE" 2>"$W/err" ;;
  jsonl|csv)  # A bad record is written as an error result and the run goes on: exit 1, not 2.
              expect_rc=1
              "$B" batch --progress never -o "$OUT" "$CASE" 2>"$W/err" ;;
  list-xml)   "$B" lists import --format un-xml -o "$OUT" "$CASE" 2>"$W/err" ;;
  list-ofac)  # The case is the sdn file; the add and alt files are empty ones.
              "$B" lists import --format ofac-csv --snapshot 2021-06-01 -o "$OUT" "$CASE" \
                "$DIR/fixtures/ofac-empty.csv" "$DIR/fixtures/ofac-empty.csv" 2>"$W/err" ;;
  list-csv)   "$B" lists import --format csv --snapshot 2024-01-01 -o "$OUT" "$CASE" 2>"$W/err" ;;
  *) echo "unknown kind $KIND"; exit 1 ;;
esac
rc=$?
[ "$rc" = "$expect_rc" ] || fail "exit status $rc, expected $expect_rc"
# The message names the file, a line and a column (grep -F for the path: it may hold regex characters).
awk -v p="$subject" 'index($0, p ":") == 1 && substr($0, length(p) + 2) ~ /^[0-9]+:[0-9]+: error: /' "$W/err" |
  grep -q . || fail "no positioned 'file:line:col: error:' message about $subject"
case $KIND in
  jsonl|csv)
    # Fail closed: every result line of the bad record says error, none a verdict.
    [ -s "$OUT" ] || fail "no result written"
    grep -q '"verdict":"error"' "$OUT" || fail "no error result"
    if grep -Eq '"verdict":"(permitted|prohibited|review)"' "$OUT"; then fail "a bad record was judged: $(cat "$OUT")"; fi ;;
  csv-header) ;;  # the output file itself is the output-file owner's contract (atomic outputs)
  *) [ ! -e "$OUT" ] || fail "a report was written although the run failed" ;;
esac
if [ "$KIND" = ledger ]; then cmp -s "$CASE" "$W/ledger.json" || fail "the ledger was changed by a failed run"; fi
exit 0
