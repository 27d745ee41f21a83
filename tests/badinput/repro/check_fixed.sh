#!/usr/bin/env bash
# The reliability reproducers with their expectations inverted: each defect they showed must be gone.
# Usage: check_fixed.sh SANCHECK REPRO_DIR
set -uo pipefail
B=$1
cd "$2" || exit 1
W=$(mktemp -d)
trap 'chmod -R u+rwx "$W"; rm -rf "$W"' EXIT
failures=0
check() {  # check ID DESCRIPTION ACTUAL EXPECTED
  if [ "$3" = "$4" ]; then echo "ok   $1 $2"; else echo "FAIL $1 $2: got '$3', expected '$4'"; failures=$((failures + 1)); fi
}
verdict() { python3 -c "import json,sys; print(json.load(sys.stdin)['scenarios'][0]['verdict'])" 2>/dev/null; }
field() { python3 -c "import json,sys; print(json.loads(sys.stdin.readline())['$1'])" 2>/dev/null; }
positioned() {  # positioned FILE ERRFILE: a `FILE:line:col: error:` line
  awk -v p="$1" 'index($0, p ":") == 1 && substr($0, length(p) + 2) ~ /^[0-9]+:[0-9]+: error: /' "$2" | grep -q . && echo yes || echo no
}
prohibited_count() { grep -c '"verdict":"prohibited"'; }

# F01: a duplicate key no longer lets the last value win; the control stays prohibited.
check F01 control "$("$B" batch --progress never F01_control.jsonl 2>/dev/null | field verdict)" prohibited
for f in F01_dup_hs F01_dup_exporter_country; do
  check F01 "$f" "$("$B" batch --progress never $f.jsonl 2>/dev/null | python3 -c "import json,sys; print(json.loads(sys.stdin.readline())['error']['code'])")" batch.duplicate_key
done

# F02: invisible characters inside a designated name no longer hide it.
for f in F02_travel_control F02_travel_zwsp F02_travel_softhyphen; do
  check F02 "$f" "$("$B" check --format json $f.yaml 2>/dev/null | verdict)" prohibited
done
for f in F02_batch_control_exporter F02_batch_zwsp_exporter; do
  check F02 "$f" "$("$B" batch --progress never $f.jsonl 2>/dev/null | field verdict)" prohibited
done
# The match's reasons say so (check reports carry them in the finding's match; screen prints them).
check F02 "note on the match" "$("$B" screen --format json "$(sed -n 's/.*name: "\([^"]*\)".*/\1/p' F02_travel_zwsp.yaml)" 2>/dev/null |
  grep -c 'the name contained invisible characters')" 1

# F03: HS chapter 00 is refused (exit 2, positioned), never permitted.
check F03 control "$("$B" check --format json F03_control_hs_930690.yaml 2>/dev/null | verdict)" prohibited
for f in F03_hs_chapter00 F03_hs_leading_zeros; do
  "$B" check --format json -o "$W/out" $f.yaml 2>"$W/err"
  check F03 "$f exit" "$?" 2
  check F03 "$f positioned" "$(positioned $f.yaml "$W/err")" yes
  check F03 "$f no report" "$([ -e "$W/out" ] && echo written || echo none)" none
done
check F03 F03_batch_hs00 "$("$B" batch --progress never F03_batch_hs00.jsonl 2>/dev/null | field verdict)" error

# F05: an existing ledger that cannot be read is an error and is left alone (needs root to drop privileges).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  mkdir -p "$W/f5"; chmod 777 "$W" "$W/f5"; cp F05_ledger_450k.json "$W/f5/led.json"; chmod 600 "$W/f5/led.json"
  setpriv --reuid=65534 --regid=65534 --clear-groups "$B" batch --progress never --ledger "$W/f5/led.json" petrol6.jsonl >/dev/null 2>&1
  check F05 "unreadable ledger exit" "$?" 2
  check F05 "unreadable ledger untouched" "$(cmp -s F05_ledger_450k.json "$W/f5/led.json" && stat -c %U "$W/f5/led.json")" root
else
  echo "skip F05 (needs root and setpriv)"
fi
cp F05_ledger_450k.json "$W/led5.json"
check F05 "readable ledger" "$("$B" batch --progress never --ledger "$W/led5.json" petrol6.jsonl 2>/dev/null | prohibited_count)" 6

# F06, F18: a negative total or a period like 2023abc is a positioned error; the ledger stays as it was.
for f in F06_ledger_negative F18_ledger_badperiod; do
  cp $f.json "$W/$f.json"
  "$B" batch --progress never --ledger "$W/$f.json" petrol6.jsonl >/dev/null 2>"$W/err"
  check "${f%%_*}" "exit" "$?" 2
  check "${f%%_*}" "positioned" "$(positioned "$W/$f.json" "$W/err")" yes
  check "${f%%_*}" "ledger untouched" "$(cmp -s $f.json "$W/$f.json" && echo same)" same
done

# F07: a negative quantity is a bad record, not a credit on the cap.
out=$("$B" batch --progress never F07_petrol_negative_first.jsonl 2>&1 | tail -1)
check F07 summary "$out" "summary total=6 prohibited=1 review=5 permitted=0 not-applicable=0 errors=1"

# F08: two runs at once on one ledger both count.
echo '{"caps": {}}' > "$W/led8.json"
"$B" batch --progress never --ledger "$W/led8.json" petrol6.jsonl >/dev/null 2>&1 & p1=$!
"$B" batch --progress never --ledger "$W/led8.json" petrol6.jsonl >/dev/null 2>&1 & p2=$!
wait $p1 $p2
check F08 "ledger after two runs" "$(tr -d ' \n' < "$W/led8.json")" '{"caps":{"un-dprk/refined-petroleum-cap":{"2023":1200000.0}}}'

# F09: a NaN literal does not compile; lint reports it.
mkdir -p "$W/p9"; cp F09_pack_nan.yaml "$W/p9/pack.yaml"
"$B" check --rules "$W/p9" F09_scenario_qty5.yaml >/dev/null 2>"$W/err"
check F09 "check exit" "$?" 2
check F09 "positioned" "$(positioned "$W/p9/pack.yaml" "$W/err")" yes
check F09 "lint" "$("$B" lint "$W/p9" 2>&1 | tail -1)" "1 pack, 0 scenario files, 0 test files: 1 error, 0 warnings"

# F16: a NUL byte is named at its line; a BOM before a JSONL record is accepted.
"$B" check F16_nul_byte.yaml >/dev/null 2>"$W/err"
check F16 "NUL in a scenario" "$(head -1 "$W/err")" "F16_nul_byte.yaml:18:31: error: NUL byte (the file must be UTF-8 text) [scenario.nul_byte]"
"$B" check --clearances F16_clearance_nul.yaml F10_arms.yaml >/dev/null 2>"$W/err"
check F16 "NUL in clearances" "$(head -1 "$W/err")" "F16_clearance_nul.yaml:4:14: error: NUL byte (the file must be UTF-8 text) [clearances.nul_byte]"
check F16 "BOM in JSONL" "$("$B" batch --progress never F16_bom.jsonl 2>/dev/null | field verdict)" prohibited

# H01: a stray comma is a positioned error within the time limit, for every YAML input.
for f in H01_min_comma H01_second_doc_comma H01_scenario_hang; do
  timeout 10 "$B" check $f.yaml >/dev/null 2>"$W/err"
  check H01 "$f exit" "$?" 2
  check H01 "$f positioned" "$(positioned $f.yaml "$W/err")" yes
done
timeout 10 "$B" check --waivers H01_min_comma.yaml F10_arms.yaml >/dev/null 2>&1; check H01 "as waivers" "$?" 2
timeout 10 "$B" check --clearances H01_min_comma.yaml F10_arms.yaml >/dev/null 2>&1; check H01 "as clearances" "$?" 2
mkdir -p "$W/h01"; cp H01_min_comma.yaml "$W/h01/pack.yaml"
timeout 10 "$B" check --rules "$W/h01" F10_arms.yaml >/dev/null 2>&1; check H01 "as a pack" "$?" 2

# C01: invalid UTF-8 in a title is a positioned load error, not an exception from the JSON writer.
for f in C01_title_invalid_utf8.yaml scenario-min-title-ff; do
  "$B" check --format json $f >/dev/null 2>"$W/err"
  check C01 "$f exit" "$?" 2
  check C01 "$f positioned" "$(positioned $f "$W/err")" yes
done

# C02: a non-ASCII byte in a condition is a positioned error, not an abort (check and lint).
# (condition-min-1byte and condition-min-nonascii are replayed by the condition fuzz target's corpus.)
mkdir -p "$W/c02"; cp C02_pack_nonascii_condition.yaml "$W/c02/pack.yaml"
"$B" check --rules "$W/c02" F10_arms.yaml >/dev/null 2>"$W/err"
check C02 "check exit" "$?" 2
check C02 "positioned" "$(positioned "$W/c02/pack.yaml" "$W/err")" yes
"$B" lint "$W/c02" >/dev/null 2>&1
check C02 "lint exit (errors found, no abort)" "$?" 1

# S01: a Bengali name gives valid UTF-8 text and JSON.
"$B" screen --rules S01_pack --threshold 0 "মোহাম্মদ শামসুদ্দিন" > "$W/s01.txt" 2>/dev/null
check S01 "text is UTF-8" "$(iconv -f utf-8 -t utf-8 "$W/s01.txt" >/dev/null 2>&1 && echo yes)" yes
"$B" screen --rules S01_pack --threshold 0 --format json "মোহাম্মদ শামসুদ্দিন" > "$W/s01.json" 2>/dev/null
check S01 "json exit (1: a candidate was found, as check exits on findings)" "$?" 1
check S01 "json parses" "$(python3 -c "import json,sys; json.load(open(sys.argv[1])); print('yes')" "$W/s01.json")" yes

# F15: a record over the length limit is a positioned bad record, and the run reads on.
python3 -c "import sys; sys.stdout.write('{\"id\":\"' + 'a' * 5000 + '\"}\n')" > "$W/long.jsonl"
head -1 F01_control.jsonl >> "$W/long.jsonl"
"$B" batch --progress never --max-record-bytes 1000 -o "$W/long.out" "$W/long.jsonl" 2>"$W/err"
check F15 "exit" "$?" 1
check F15 "positioned" "$(head -1 "$W/err")" "$W/long.jsonl:1:1001: error: record longer than 1000 bytes (raise --max-record-bytes to read it) [batch.record_too_long]"
check F15 "next record judged" "$(sed -n 2p "$W/long.out" | field verdict)" prohibited
timeout 20 "$B" batch --progress never /dev/zero >/dev/null 2>&1
check F15 "/dev/zero stops" "$?" 2

[ "$failures" = 0 ] || { echo "$failures reproducer checks failed"; exit 1; }
