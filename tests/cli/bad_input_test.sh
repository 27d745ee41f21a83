#!/usr/bin/env bash
# Hostile files and outputs: unreadable folders, outputs over inputs, all-or-nothing outputs, signals,
# endless inputs, control characters. Each case asserts the exit status, the message, and what is left on disk.
# Usage: bad_input_test.sh SANCHECK_BINARY REPO_ROOT
set -u
bin=$1
root=$2
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
# shellcheck source=../lib/assert.sh
. "$root/tests/lib/assert.sh"
expect() { expect_status "$@"; }
# arms-kp-ru.yaml, control-chars.yaml and records.jsonl are copies of the reliability reproducers
# (F10_arms.yaml, F17_inject.yaml without its NUL escape, F01_control.jsonl).
fixtures=$root/tests/cli/fixtures
arms=$fixtures/arms-kp-ru.yaml
# Nothing but the named files may be left in a folder: no report, no temporary.
only() { local dir=$1; shift; [ "$(cd "$dir" && ls -A | sort | xargs)" = "$*" ]; }

# F04: an unreadable sub-folder or file of a scenario folder is an error, not skipped.
mkdir -p "$work/f04/secret"
cp "$root/samples/ordinary-trade/wheat-ru-eg.yaml" "$work/f04/"
cp "$arms" "$work/f04/secret/arms.yaml"
if [ "$(id -u)" = 0 ]; then
  as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  chmod 755 "$work"
else
  as_user() { "$@"; }
fi
chmod 700 "$work/f04/secret"
[ "$(id -u)" = 0 ] || chmod 000 "$work/f04/secret"
expect "F04 an unreadable sub-folder fails the run" 2 as_user "$bin" check "$work/f04"
check "F04 it names the folder" grep -q "^$work/f04/secret: error: cannot read this folder: Permission denied \[io.read\]" "$work/err"
check "F04 no report" test ! -s "$work/out"
expect "F04 lint: an unreadable sub-folder is an error" 1 as_user "$bin" lint "$work/f04"
check "F04 lint names the folder" grep -q "^$work/f04/secret: error: cannot read this folder: Permission denied \[io.read\]" "$work/out"
chmod 755 "$work/f04/secret"
chmod 600 "$work/f04/secret/arms.yaml"
[ "$(id -u)" = 0 ] || chmod 000 "$work/f04/secret/arms.yaml"
expect "F04 an unreadable file in a folder fails the run" 2 as_user "$bin" check "$work/f04"
check "F04 it names the file" grep -q "^$work/f04/secret/arms.yaml: error: cannot read: Permission denied \[io.read\]" "$work/err"
chmod 644 "$work/f04/secret/arms.yaml"

# F10: all reports of a run are written, or none.
mkdir "$work/f10"
expect "F10 one report cannot be written" 2 "$bin" check --format json="$work/f10/a.json" --format sarif=/nonexistent/x.sarif "$arms"
check "F10 it says which" grep -q "cannot write '/nonexistent/x.sarif'" "$work/err"
check "F10 the other report is not written either, nor any temporary" only "$work/f10"
echo old >"$work/f10/a.json"
expect "F10 a failed run keeps the previous report" 2 "$bin" check --format json="$work/f10/a.json" --format html="$work/f10" "$arms"
check "F10 the previous report is intact" grep -qx old "$work/f10/a.json"
check "F10 no temporary" only "$work/f10" a.json

expect "F10 two reports to one file" 2 "$bin" check --format json="$work/f10/a.json" --format sarif="$work/f10/./a.json" "$arms"
check "F10 refused before writing" grep -qx old "$work/f10/a.json"

# F11: an output that is an input is refused before anything is read or written.
mkdir "$work/f11"
cp "$arms" "$work/f11/in.yaml"
cp "$fixtures/records.jsonl" "$work/f11/in.jsonl"
ln -s in.yaml "$work/f11/link.yaml"
ln "$work/f11/in.yaml" "$work/f11/hard.yaml"
expect "F11 check -o X X" 2 "$bin" check --format json -o "$work/f11/in.yaml" "$work/f11/in.yaml"
check "F11 the message names both" grep -q "sancheck: error: the output '$work/f11/in.yaml' is the input '$work/f11/in.yaml': refusing to overwrite an input" "$work/err"
expect "F11 --format FMT=FILE over a scenario in a folder" 2 "$bin" check --format sarif="$work/f11/in.yaml" "$work/f11"
expect "F11 through a symbolic link" 2 "$bin" check -o "$work/f11/link.yaml" "$work/f11/in.yaml"
expect "F11 through a hard link" 2 "$bin" check -o "$work/f11/hard.yaml" "$work/f11/in.yaml"
expect "F11 over the waivers file" 2 "$bin" check -o "$work/f11/w.yaml" --waivers "$work/f11/w.yaml" "$arms" \
  < /dev/null
cp "$root/tests/reports/waivers/mixed.yaml" "$work/f11/w.yaml"
expect "F11 over the waivers file (existing)" 2 "$bin" check -o "$work/f11/w.yaml" --waivers "$work/f11/w.yaml" "$arms"
check "F11 the waivers are intact" cmp -s "$root/tests/reports/waivers/mixed.yaml" "$work/f11/w.yaml"
mkdir -p "$work/f11/pack"
cp "$root/samples/tutorial/pack/"*.yaml "$work/f11/pack/"
expect "F11 over a rule-pack file" 2 "$bin" check -o "$work/f11/pack/eu.yaml" --rules "$work/f11/pack" "$arms"
check "F11 the pack is intact" cmp -s "$root/samples/tutorial/pack/eu.yaml" "$work/f11/pack/eu.yaml"
expect "F11 explain -o over its scenario" 2 "$bin" explain -o "$work/f11/in.yaml" "$work/f11/in.yaml"
expect "F11 lint -o over its scenario" 2 "$bin" lint -o "$work/f11/in.yaml" "$work/f11/in.yaml"
check "F11 the scenario is intact" cmp -s "$arms" "$work/f11/in.yaml"
expect "F11 batch -o X X" 2 "$bin" batch --progress never -o "$work/f11/in.jsonl" "$work/f11/in.jsonl"
check "F11 the records are intact" cmp -s "$fixtures/records.jsonl" "$work/f11/in.jsonl"
expect "F11 batch -o X < X" 2 sh -c "\"$bin\" batch --progress never -o \"$work/f11/in.jsonl\" < \"$work/f11/in.jsonl\""
echo '{"caps": {}}' >"$work/f11/ledger.json"
expect "F11 batch results over its ledger" 2 "$bin" batch --progress never --ledger "$work/f11/ledger.json" -o "$work/f11/ledger.json" "$work/f11/in.jsonl"
check "F11 the ledger is intact" grep -qx '{"caps": {}}' "$work/f11/ledger.json"
expect "F11 batch ledger over its records" 2 "$bin" batch --progress never --ledger "$work/f11/in.jsonl" "$work/f11/in.jsonl"
check "F11 the records are still intact" cmp -s "$fixtures/records.jsonl" "$work/f11/in.jsonl"
check "F11 nothing else was written" only "$work/f11" hard.yaml in.jsonl in.yaml ledger.json link.yaml pack w.yaml

# F12: a batch run that fails (a missing second input) leaves no results file.
mkdir "$work/f12"
expect "F12 batch with a missing input" 2 "$bin" batch --progress never -o "$work/f12/out.jsonl" "$fixtures/records.jsonl" "$work/missing.jsonl"
check "F12 no results, no temporary" only "$work/f12"
expect "F12 the same run without the missing input" 1 "$bin" batch --progress never -o "$work/f12/out.jsonl" "$fixtures/records.jsonl"
check "F12 the results are complete" sh -c "test \$(wc -l <\"$work/f12/out.jsonl\") = 1 && grep -q prohibited \"$work/f12/out.jsonl\""

# F13: a batch run stopped by SIGTERM or SIGINT leaves its previous results, never a cut-off file or a temporary.
mkdir "$work/f13"
mkfifo "$work/f13/in.fifo"
for sig in TERM INT; do
  echo previous >"$work/f13/out.jsonl"
  # The writer keeps the pipe open: batch has judged the first record and waits for more.
  { cat "$fixtures/records.jsonl"; sleep 20; } >"$work/f13/in.fifo" &
  writer=$!
  # A background job starts with SIGINT ignored (and sancheck keeps an ignored signal ignored): reset it.
  env --default-signal="$sig" "$bin" batch --progress never -o "$work/f13/out.jsonl" "$work/f13/in.fifo" 2>"$work/err" &
  batch=$!
  for _ in $(seq 50); do ls -A "$work/f13" | grep -q '^\.out\.jsonl\.' && break; sleep 0.1; done
  check "F13 ($sig) the results go to a temporary while running" sh -c "ls -A \"$work/f13\" | grep -q '^\\.out\\.jsonl\\.'"
  kill -"$sig" "$batch"
  wait "$batch"
  status=$?
  kill "$writer" 2>/dev/null
  wait "$writer" 2>/dev/null
  want=$((128 + $(kill -l "$sig")))
  check "F13 ($sig) the exit status says the signal ($status)" test "$status" = "$want"
  check "F13 ($sig) the previous results are intact" grep -qx previous "$work/f13/out.jsonl"
  check "F13 ($sig) no temporary is left" only "$work/f13" in.fifo out.jsonl
done

# F14: every reader stops at its size limit, whatever the input is.
expect "F14 /dev/zero as a scenario" 2 timeout 20 "$bin" check /dev/zero
check "F14 positioned on the file, with the limit" grep -q "^/dev/zero: error: cannot read: larger than 64 MiB" "$work/err"
expect "F14 endless standard input" 2 sh -c "yes | timeout 20 \"$bin\" check -"
check "F14 it names standard input" grep -q "^<stdin>: error: cannot read: larger than 64 MiB" "$work/err"
for opt in --rules --waivers --clearances; do
  expect "F14 $opt /dev/zero" 2 timeout 20 "$bin" check "$opt" /dev/zero "$arms"
  check "F14 $opt is refused at the limit" grep -q "^/dev/zero: error: cannot read: larger than 64 MiB" "$work/err"
done
expect "F14 screen --file /dev/zero" 2 timeout 20 "$bin" screen --file /dev/zero
check "F14 screen --file is refused at the limit" grep -q "^/dev/zero: error: cannot read: larger than 64 MiB" "$work/err"
expect "F14 batch: /dev/zero has no record end" 2 timeout 20 "$bin" batch --progress never /dev/zero
check "F14 batch stops reading at 64 MiB" grep -q "^/dev/zero: error: no record ends within the first 64 MiB read; reading stopped \[batch.record_too_long\]" "$work/err"
mkfifo "$work/zero.fifo"
(cat /dev/zero >"$work/zero.fifo" 2>/dev/null &)
expect "F14 an endless FIFO as a scenario" 2 timeout 20 "$bin" check "$work/zero.fifo"
check "F14 the FIFO is refused at the limit" grep -q "zero.fifo: error: cannot read: larger than 64 MiB" "$work/err"

# F17: control and escape characters from input files never reach the terminal raw.
ctl=$fixtures/control-chars.yaml
no_raw() { ! LC_ALL=C grep -q "[$(printf '\001-\010\013\014\016-\037\177')]" "$1"; }
expect "F17 text report" 1 "$bin" check "$ctl"
check "F17 no raw control character in the text report" no_raw "$work/out"
check "F17 escapes are visible" grep -qF 'ctrl \x01\x02\x1b[31mRED\x1b[0m' "$work/out"
check "F17 bidi and C1 controls are visible" grep -qF 'bidi \u{202e}gnp.exe\u{0085} C1' "$work/out"
check "F17 line separators are visible" grep -qF '\u{2028} \u{fffe}' "$work/out"
expect "F17 Markdown" 1 "$bin" check --format markdown "$ctl"
check "F17 no raw control character in Markdown" no_raw "$work/out"
for fmt in junit html; do
  expect "F17 $fmt" 1 "$bin" check --format "$fmt" "$ctl"
  check "F17 no raw control character in $fmt" no_raw "$work/out"
  check "F17 no U+FFFE in $fmt" sh -c "! grep -q $'\\xef\\xbf\\xbe' \"$work/out\""
  check "F17 markup is escaped in $fmt" sh -c "! grep -q '<script>' \"$work/out\""
done
expect "F17 JUnit is well-formed XML 1.0" 1 "$bin" check --format junit -o "$work/r.xml" "$ctl"
check "F17 an XML parser reads it" python3 -c "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])" "$work/r.xml"
for fmt in json sarif; do
  expect "F17 $fmt" 1 "$bin" check --format "$fmt" -o "$work/r.$fmt" "$ctl"
  check "F17 $fmt is valid JSON with the text kept" python3 -c "
import json, sys
text = open(sys.argv[1], encoding='utf-8').read()
assert '\x1b' not in text, 'raw ESC'
json.loads(text)
assert '\\\\u001b' in text or '\\\\f' in text, 'the title ESC or the form feed of the item, escaped'" "$work/r.$fmt"
done
expect "F17 explain" 0 "$bin" explain "$ctl"
check "F17 no raw control character in explain" no_raw "$work/out"
check "F17 explain shows them escaped" grep -qF '"shells\x0c\x08"' "$work/out"
echo '{"id":"B1","date":"2023-09-12\u001b[2J\u001b]0;x\u0007"}' >"$work/esc.jsonl"
expect "F17 batch: a bad record quoting control characters" 1 "$bin" batch --progress never "$work/esc.jsonl"
check "F17 batch errors show them escaped" grep -qF "'2023-09-12\x1b[2J\x1b]0;x\x07' is not a calendar date" "$work/err"
check "F17 no raw control character in batch errors" no_raw "$work/err"
printf 'scenario: e\nparties:\n  kp: {name: "A", country: "K\\x1b[2JP"}\nactivities: []\n' >"$work/esc.yaml"
expect "F17 diagnostics quote bad input visibly" 2 "$bin" check "$work/esc.yaml"
check "F17 no raw ESC on standard error" sh -c "! grep -q $'\\x1b' \"$work/err\""
check "F17 the offending text is shown escaped" grep -qF "K\\x1b[2JP" "$work/err"

# F18: explain of thousands of activities against every rule would take gigabytes: it asks
# for --activity or --rule instead, and with --rule it runs.
{ printf 'scenario: many\ndate: 2018-06-01\nparties:\n  ru: {name: R, country: RU}\n  kp: {name: K, country: KP}\nactivities:\n'
  for i in $(seq 1 2000); do printf '  - {id: a%d, type: service, service: maintenance, from: ru, to: kp}\n' "$i"; done; } >"$work/many.yaml"
expect "F18 explain of 2000 activities against every rule is refused" 2 "$bin" explain "$work/many.yaml"
check "F18 the refusal says how to narrow it" grep -qF "narrow it with --activity ID or --rule ID" "$work/err"
expect "F18 explain of one rule on them runs" 0 "$bin" explain --rule arms-services "$work/many.yaml"

# F19: an empty date option is a bad date, not the option left out (it was judged as of today).
expect "F19 check --as-of '' is refused" 2 "$bin" check --as-of "" "$work/many.yaml"
check "F19 the refusal names the bad date" grep -qF "bad date ''" "$work/err"
expect "F19 timeline --to '' is refused" 2 "$bin" timeline --to "" "$work/many.yaml"
expect "F19 timeline --from '' is refused" 2 "$bin" timeline --from "" "$work/many.yaml"

# F20: a timeline that would judge millions of activity-days (capped deliveries, each moving
# the others' caps) is refused whole, at once, with how to narrow it.
{ printf 'scenario: fuel\nparties:\n  ru: {name: R, country: RU}\n  kp: {name: K, country: KP}\nactivities:\n'
  for i in $(seq 0 1499); do
    printf '  - {id: f%d, type: supply, date: %s, from: ru, to: kp, items: [{description: diesel, hs: "2710.19", quantity: 10, unit: bbl}]}\n' \
      "$i" "$(date -u -d "2018-01-01 + $((i * 2)) days" +%F)"
  done; } >"$work/fuel.yaml"
expect "F20 a timeline of 1,500 capped deliveries on different days is refused" 2 "$bin" timeline "$work/fuel.yaml"
check "F20 the refusal says how to narrow it" grep -qF "narrow it with --from and --to" "$work/err"

# F21: a pack file that does not read (a duplicate key) is that error alone, not also "no pack header".
mkdir -p "$work/f21"
printf 'pack: p\nversion: "1"\ntitle: a\ntitle: b\nrules: []\n' >"$work/f21/pack.yaml"
expect "F21 a pack with a duplicate key is refused" 2 "$bin" check --rules "$work/f21" "$arms"
check "F21 the duplicate key is named" grep -qF "duplicate key 'title'" "$work/err"
check "F21 no false 'no pack header'" bash -c "! grep -qF 'no pack header' '$work/err'"

# F22: screen shows a name's bidi override and invisible characters, as check does; a terminal
# would reorder or hide them.
expect "F22 screen of a name with a bidi override runs" 0 "$bin" screen "$(printf 'KIM SOK \xe2\x80\xaeLOHC')"
check "F22 the override is shown as an escape" grep -qF 'KIM SOK \u{202e}LOHC' "$work/out"
expect "F22 a name of invisible characters only is refused" 2 "$bin" screen "$(printf '\xef\xbb\xbf\xe2\x80\x8b')"
check "F22 the refusal shows them" grep -qF '\u{' "$work/err"

finish
