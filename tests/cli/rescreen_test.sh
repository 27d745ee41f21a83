#!/usr/bin/env bash
# `sancheck rescreen`: counterparties screened against two imports of an own list, one entry removed and
# one added between them: the added and removed matches, exit statuses, and a bad counterparties file.
# Usage: rescreen_test.sh SANCHECK_BINARY REPO_ROOT
set -u
bin=$1
root=$2
# shellcheck source=../lib/assert.sh
. "$root/tests/lib/assert.sh"
expect() { expect_status "$@"; }

cat >"$work/base.csv" <<'CSV'
reference,kind,name,aliases,born,country,program,listed_on
W-1,individual,KIM CHOL SU,,1970,KP,watch,2024-01-15
W-2,entity,OCEAN STAR TRADING,,,,watch,2024-02-01
CSV
cat >"$work/new.csv" <<'CSV'
reference,kind,name,aliases,born,country,program,listed_on
W-1,individual,KIM CHOL SU,,1970,KP,watch,2024-01-15
W-3,entity,RED DRAGON SHIPPING,,,,watch,2024-05-01
CSV
expect "the base list imports" 0 "$bin" lists import "$work/base.csv" --format csv --snapshot 2024-03-01 --name watch -o "$work/base.yaml"
expect "the new list imports" 0 "$bin" lists import "$work/new.csv" --format csv --snapshot 2024-06-01 --name watch -o "$work/new.yaml"

cat >"$work/parties.csv" <<'CSV'
name,country,kind
Kim Chol Su,KP,individual
Ocean Star Trading,,company
Red Dragon Shipping,,company
Sunny Bakery,FR,company
CSV
run() { "$bin" rescreen --base-lists "$work/base.yaml" --lists "$work/new.yaml" --as-of 2025-01-01 "$@"; }

expect "an added match exits 1" 1 run "$work/parties.csv"
check "the added match" grep -q "^  added .*W-3  RED DRAGON SHIPPING (watch)" "$work/out"
check "the removed match" grep -q "^  removed .*W-2  OCEAN STAR TRADING (watch)" "$work/out"
check "unchanged counterparties are only counted" \
  sh -c "! grep -q 'Kim Chol Su\|Sunny Bakery' '$work/out' && grep -q '^4 counterparties, 2 changed, 2 unchanged' '$work/out'"

expect "JSON: an added match exits 1" 1 run "$work/parties.csv" --format json
check "JSON: the format, the counts and each side's lists" python3 - "$work/out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["format"] == "sancheck-rescreen/1", r["format"]
assert r["counterparties"] == 4
assert [l["name"] for l in r["base"]] == ["watch"] and [l["generated"] for l in r["new"]] == ["2024-06-01"]
by = {c["name"]: c for c in r["changed"]}
assert set(by) == {"Ocean Star Trading", "Red Dragon Shipping"}, by
added = by["Red Dragon Shipping"]["added"]
assert [(a["reference"], a["list"], a["strength"]) for a in added] == [("W-3", "watch", "match")], added
assert added[0]["score"] >= 0.9
assert [a["reference"] for a in by["Ocean Star Trading"]["removed"]] == ["W-2"]
assert by["Ocean Star Trading"]["added"] == [] and by["Ocean Star Trading"]["changed"] == []
PY

printf 'name\nOcean Star Trading\nSunny Bakery\n' >"$work/removed-only.csv"
expect "a removed match alone exits 0" 0 run "$work/removed-only.csv"
check "it is still reported" grep -q "^  removed .*W-2" "$work/out"

printf 'name,country\nSunny Bakery,FR\n' >"$work/none.csv"
expect "nothing changed exits 0" 0 run "$work/none.csv"
check "nothing changed: one unchanged" grep -q "^1 counterparties, 0 changed, 1 unchanged" "$work/out"

printf 'name,contry\nSunny Bakery,FR\n' >"$work/bad-column.csv"
expect "an unknown column exits 2" 2 run "$work/bad-column.csv"
check "the error is positioned at the column" grep -q "bad-column.csv:1:6: .*unknown column 'contry'" "$work/err"
check "nothing is written on standard output" test ! -s "$work/out"

printf 'name,country\nSunny Bakery,FR\nKim Chol Su,XX\n' >"$work/bad-country.csv"
expect "a bad country exits 2" 2 run "$work/bad-country.csv"
check "the error is positioned at the field" grep -q "bad-country.csv:3:13: .*unknown country code 'XX'" "$work/err"

printf 'name,born,imo\nSunny Bakery,2100,\nOcean Star,,9176188\n' >"$work/bad-born-imo.csv"
expect "a birth after the day screened for and a mistyped IMO number exit 2" 2 run "$work/bad-born-imo.csv"
check "the birth is positioned at its field" grep -q "bad-born-imo.csv:2:14: .*born: 2100 is after the day screened for" "$work/err"
check "the IMO number at its field" grep -q "bad-born-imo.csv:3:13: .*imo: 9176188 is not an IMO number (its check digit is wrong" "$work/err"

printf 'name\nSunny Bakery\n!!!\n' >"$work/unscreenable.csv"
expect "a counterparty name with nothing to screen exits 2" 2 run "$work/unscreenable.csv"
check "it is positioned" grep -q "unscreenable.csv:3:1: .*the name has no letter or digit to screen" "$work/err"
printf 'name,country\n' >"$work/header-only.csv"
expect "a header without counterparties exits 2" 2 run "$work/header-only.csv"
check "it says so" grep -q "header-only.csv:1:1: .*the file has its header line and no counterparty" "$work/err"

expect "a missing list exits 2" 2 "$bin" rescreen --base-lists "$work/absent.yaml" --lists "$work/new.yaml" "$work/parties.csv"

finish
