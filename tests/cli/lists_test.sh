#!/usr/bin/env bash
# `sancheck lists import|diff`: the written list loads as a rule pack's designations, diff output and
# exit codes, and bad input (exit 2, a positioned error, no output file).
# Usage: lists_test.sh SANCHECK_BINARY REPO_ROOT [OFAC_DIR]
# With OFAC_DIR, only the real OFAC snapshot is imported (ofac-sdn.csv, ofac-add.csv, ofac-alt.csv
# there; the files are not in the repository): exit 77, a skip, when they are absent.
set -u
bin=$1
root=$2
# shellcheck source=../lib/assert.sh
. "$root/tests/lib/assert.sh"
expect() { expect_status "$@"; }
fixtures=$root/tests/unit/lists/fixtures
un=$root/data/lists/un-consolidated-2026-02-27.xml

if [ $# -ge 3 ]; then
  [ -f "$3/ofac-sdn.csv" ] || { echo "no OFAC files in $3: skipped"; exit 77; }
  expect "the real OFAC triple imports (add and alt found beside sdn)" 0 \
    "$bin" lists import "$3/ofac-sdn.csv" --format ofac-csv --snapshot 2021-06-01 -o "$work/ofac.yaml"
  check "it counts 8976 entries" grep -q "8976 entries written" "$work/err"
  check "KIM Yong Chol (ent_num 12211) is there" grep -q 'reference: "OFAC-12211"' "$work/ofac.yaml"
  finish
  exit
fi

# A list in a pack folder: what `check` and `screen` load.
mkdir -p "$work/pack"
printf 'pack: imported\nversion: "1"\ntitle: Imported list\n' >"$work/pack/pack.yaml"
expect "the UN XML imports" 0 "$bin" lists import "$un" --format un-xml -o "$work/pack/un.yaml"
check "the summary counts 1003 entries and DPRK 155" grep -q "1003 entries written.*DPRK 155" "$work/err"
check "the provenance names the input and its SHA-256" \
  grep -q "file: \"un-consolidated-2026-02-27.xml\"" "$work/pack/un.yaml"
expect "the written list loads and screens (a candidate: exit 1)" 1 "$bin" screen --no-builtin --rules "$work/pack" --born 1970 "KIM SONG CHOL"
check "KPi.030 is found by both dates of birth" grep -q "KPi.030" "$work/out"

expect "the OFAC fixture imports, add and alt named explicitly" 0 "$bin" lists import --format ofac-csv \
  --snapshot 2021-06-01 -o "$work/ofac.yaml" "$fixtures/sdn.csv" "$fixtures/add.csv" "$fixtures/alt.csv"
check "the vessel keeps its IMO number" grep -q 'imo: "7389704"' "$work/ofac.yaml"
# The OFAC fixture's sdn, add and alt files copied into folder $1 under the names $2, $3 and $4.
copy_ofac_fixture() {
  mkdir -p "$1"
  cp "$fixtures/sdn.csv" "$1/$2"
  cp "$fixtures/add.csv" "$1/$3"
  cp "$fixtures/alt.csv" "$1/$4"
}
copy_ofac_fixture "$work/upper" SDN.CSV ADD.CSV ALT.CSV
expect "an upper-case SDN.CSV finds ADD.CSV and ALT.CSV beside it" 0 "$bin" lists import --format ofac-csv \
  --snapshot 2021-06-01 -o "$work/ofac-upper.yaml" "$work/upper/SDN.CSV"
check "the same list as the lower-case files give" bash -c "diff <(grep -v 'file:\|sha256' '$work/ofac.yaml') <(grep -v 'file:\|sha256' '$work/ofac-upper.yaml')"
copy_ofac_fixture "$work/mixed" SDN.csv add.csv Alt.csv
expect "a mixed-case SDN.csv finds add.csv and Alt.csv beside it" 0 "$bin" lists import --format ofac-csv \
  --snapshot 2021-06-01 -o "$work/ofac-mixed.yaml" "$work/mixed/SDN.csv"
check "the same list again" bash -c "diff <(grep -v 'file:\|sha256' '$work/ofac.yaml') <(grep -v 'file:\|sha256' '$work/ofac-mixed.yaml')"
copy_ofac_fixture "$work/twice" SDN.csv add.csv alt.csv
cp "$fixtures/add.csv" "$work/twice/Add.csv"
expect "two add files differing only in letter case: refused, nothing written" 2 "$bin" lists import \
  --format ofac-csv --snapshot 2021-06-01 -o "$work/ofac-twice.yaml" "$work/twice/SDN.csv"
check "the refusal says why" grep -q "two files named 'ADD.csv' in different letter case" "$work/err"
check "nothing written" test ! -e "$work/ofac-twice.yaml"
# Remarks cut at 1,000 characters go on in sdn_comments.csv, found beside the sdn file.
mkdir -p "$work/comments"
filler=$(printf '%0971d' 0 | tr 0 x)
printf '7,"KIM, Il","individual","DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Nationality Korea, North; %s; a"\r\n\x1A' \
  "$filler" >"$work/comments/ofac-sdn.csv"
printf '7,1,"Pyongyang",-0- ,"Korea, North",-0- \r\n\x1A' >"$work/comments/ofac-add.csv"
printf '7,2,"aka","KIM, Ilsong",-0- \r\n\x1A' >"$work/comments/ofac-alt.csv"
printf '7,".k.a. "KIM IL SONG"; DOB 1972."\r\n\x1A' >"$work/comments/ofac-sdn_comments.csv"
expect "sdn_comments.csv beside the sdn file is read" 0 "$bin" lists import --format ofac-csv \
  --snapshot 2021-06-01 -o "$work/comments.yaml" "$work/comments/ofac-sdn.csv"
check "the weak alias after the cut is an alias" grep -q '"KIM IL SONG"' "$work/comments.yaml"
check "the comments file is an input of the provenance" grep -q 'file: "ofac-sdn_comments.csv"' "$work/comments.yaml"
check "nothing said of a cut" bash -c "! grep -q remarks_cut '$work/err'"
rm "$work/comments/ofac-sdn_comments.csv"
expect "without it the import says the remarks are cut" 0 "$bin" lists import --format ofac-csv \
  --snapshot 2021-06-01 -o "$work/comments.yaml" "$work/comments/ofac-sdn.csv"
check "the cut is said" grep -q 'lists.ofac.remarks_cut' "$work/err"
# OFAC's consolidated non-SDN list comes in the same layout as cons_prim, cons_add, cons_alt and
# cons_comments: found beside cons_prim, and labelled as the non-SDN list it is, not as the SDN list.
copy_ofac_fixture "$work/cons" cons_prim.csv cons_add.csv cons_alt.csv
expect "cons_prim.csv finds cons_add.csv and cons_alt.csv beside it" 0 "$bin" lists import --format ofac-csv \
  --snapshot 2021-06-01 -o "$work/cons.yaml" "$work/cons/cons_prim.csv"
check "it is the consolidated list, its entries non-SDN" sh -c "grep -q 'name: \"ofac-consolidated\"' '$work/cons.yaml' \
  && grep -q 'regime: \"OFAC non-SDN\"' '$work/cons.yaml' && ! grep -q 'OFAC SDN' '$work/cons.yaml'"
check "the same entries as the SDN-named files give" bash -c "diff <(grep -v 'file:\|sha256\|name: \"ofac\|source:\|OFAC' '$work/ofac.yaml') <(grep -v 'file:\|sha256\|name: \"ofac\|source:\|OFAC' '$work/cons.yaml')"
cp "$fixtures/sdn.csv" "$work/cons/entities.csv"
expect "files named neither way, given in order, import as the SDN list" 0 "$bin" lists import --format ofac-csv \
  --snapshot 2021-06-01 -o "$work/renamed.yaml" "$work/cons/entities.csv" "$work/cons/cons_add.csv" "$work/cons/cons_alt.csv"
check "and say so" grep -q "named neither as OFAC's SDN file" "$work/err"
expect "such a file alone is refused: its add and alt files cannot be found" 2 "$bin" lists import --format ofac-csv \
  --snapshot 2021-06-01 -o "$work/renamed.yaml" "$work/cons/entities.csv"
expect "an own CSV list imports with --name and --regime" 0 "$bin" lists import "$fixtures/own.csv" --format csv \
  --snapshot 2024-06-30 --name watch --regime WATCH -o "$work/own.yaml"
check "name and regime are the given ones" sh -c "grep -q 'name: \"watch\"' '$work/own.yaml' && grep -q 'regime: \"WATCH\"' '$work/own.yaml'"
expect "screen --no-builtin screens against --lists alone (no pack needed)" 1 "$bin" screen --no-builtin \
  --lists "$work/own.yaml" --as-of 2024-12-31 "John Doe"
check "the own list's entry is the candidate" grep -q "W-1" "$work/out"
check "it says the built-in list is left out" grep -q "note: --no-builtin" "$work/err"
expect "a UN DPRK name is no candidate then" 0 "$bin" screen --no-builtin --lists "$work/own.yaml" "Jo Chun-ryong"

# Diff: a second snapshot with one entry removed, one amended, one added.
sed -e '/reference: "KPi.030"/,/reference: "KPi.031"/{/reference: "KPi.031"/!d}' \
    -e 's/"Jo Chun Ryong"/"Jo Chun-ryong"/' \
    -e 's/^  snapshot: 2026-02-27/  snapshot: 2026-03-06/' "$work/pack/un.yaml" >"$work/new.yaml"
cat >>"$work/new.yaml" <<'YAML'
    - reference: "KPe.999"
      kind: entity
      name: "NEW TRADING CO"
      listed_on: 2026-03-01
      regime: "DPRK"
YAML
sed -i -e 's/^    "DPRK": 155$/    "DPRK": 155/' -e '/^  counts:/,/^  entries:/{/^  counts:/d;/^    "/d}' "$work/new.yaml"
expect "lists that differ exit 1" 1 "$bin" lists diff "$work/pack/un.yaml" "$work/new.yaml"
check "the summary" grep -q "2026-02-27 -> un-consolidated 2026-03-06: 1 added, 1 removed, 1 amended" "$work/out"
check "the removed entry" grep -q "^removed  KPi.030  KIM SONG CHOL" "$work/out"
check "the amended alias" grep -q '    aliases: "Jo Chun Ryong" -> "Jo Chun-ryong"' "$work/out"
check "the added entry" grep -q "^added    KPe.999  NEW TRADING CO" "$work/out"
expect "--format json" 1 "$bin" lists diff --format json "$work/pack/un.yaml" "$work/new.yaml"
check "the JSON names the amended field" \
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['amended'][0]['changes'][0]['field']=='aliases'" "$work/out"
expect "identical lists exit 0" 0 "$bin" lists diff "$work/pack/un.yaml" "$work/pack/un.yaml"
# A binary snapshot is compared as the list it holds.
"$bin" lists snapshot "$work/new.yaml" -o "$work/new.bin" 2>/dev/null
expect "a snapshot diffs as its list" 1 "$bin" lists diff "$work/pack/un.yaml" "$work/new.bin"
check "the same amended alias" grep -q '    aliases: "Jo Chun Ryong" -> "Jo Chun-ryong"' "$work/out"

# Bad input: exit 2, a positioned error, nothing written.
head -c 5000 "$un" >"$work/truncated.xml"
expect "a truncated UN file exits 2" 2 "$bin" lists import "$work/truncated.xml" --format un-xml -o "$work/x.yaml"
check "the error is positioned" grep -Eq "^$work/truncated.xml:[0-9]+:[0-9]+: error: malformed XML" "$work/err"
check "no output file" test ! -e "$work/x.yaml"
echo keep >"$work/keep.yaml"
printf 'reference,kind,name,listed_on,colour\n' >"$work/bad.csv"
expect "an unknown own-list column exits 2" 2 "$bin" lists import "$work/bad.csv" --format csv --snapshot 2024-01-01 -o "$work/keep.yaml"
check "the error names the column" grep -q "bad.csv:1:31: error: unknown column 'colour'" "$work/err"
check "the existing output is untouched" grep -qx keep "$work/keep.yaml"
check "no temporary file is left" sh -c "! ls -A '$work' | grep -q '^\\.keep'"
expect "ofac-csv without --snapshot exits 2" 2 "$bin" lists import "$fixtures/sdn.csv" --format ofac-csv -o "$work/x.yaml"
cp "$fixtures/sdn.csv" "$work/lonely-sdn.csv"
expect "ofac-csv with no alt file beside it exits 2" 2 "$bin" lists import "$work/lonely-sdn.csv" --format ofac-csv \
  --snapshot 2021-06-01 -o "$work/x.yaml"
check "it says which file it looked for" grep -q "looked for '$work/lonely-add.csv'" "$work/err"
expect "a list diffed against a broken one exits 2" 2 "$bin" lists diff "$work/pack/un.yaml" "$work/bad.csv"
expect "a file that cannot be read exits 2" 2 "$bin" lists import "$work/no-such.csv" --format csv --snapshot 2024-01-01 \
  -o "$work/x.yaml"
check "and says why" grep -q "no-such.csv" "$work/err"
printf 'reference,kind,name,listed_on\n' >"$work/header-only.csv"
expect "an own list of no one exits 2" 2 "$bin" lists import "$work/header-only.csv" --format csv --snapshot 2024-01-01 \
  -o "$work/x.yaml"
check "it says the file lists no one" grep -q "header-only.csv:1:1: error: the file has its header line and no entry" "$work/err"
printf 'reference,kind,name,listed_on\nW-1,entity,ACME,2099-01-01\n' >"$work/future.csv"
expect "an entry listed after the snapshot exits 2" 2 "$bin" lists import "$work/future.csv" --format csv \
  --snapshot 2024-01-01 -o "$work/x.yaml"
check "it names the date" grep -q "future.csv:2:1: error: entry W-1: listed on 2099-01-01, after the list's snapshot 2024-01-01" "$work/err"
# A year of birth after the day screened for is refused, not screened into "no candidate".
expect "--born after the day screened for exits 2" 2 "$bin" screen "KIM SONG CHOL" --born 2100 --as-of 2024-01-01
check "it says why" grep -q "is after the day screened for" "$work/err"
# An IMO number with a digit mistyped would match no vessel: its check digit tells.
expect "--imo failing its check digit exits 2" 2 "$bin" screen --imo 9176188
check "it says why" grep -q "imo: 9176188 is not an IMO number (its check digit is wrong" "$work/err"
# Screening a name that holds nothing to match is an error, never "no candidate".
expect "screening '!!!' exits 2" 2 "$bin" screen '!!!'
check "it says why" grep -q "has no letter or digit to screen" "$work/err"
printf 'Cho Chun Ryong\rSon Mun San\r' >"$work/names-cr.txt"
expect "a names file with carriage returns alone for line ends exits 2" 2 "$bin" screen --file "$work/names-cr.txt"
check "it says so, at the first" grep -q "names-cr.txt:1:15: error: a line ended by a carriage return alone" "$work/err"
printf '\xef\xbb\xbfCho Chun Ryong\r\n' >"$work/names-bom.txt"
expect "a byte order mark is no part of the first name" 1 "$bin" screen --file "$work/names-bom.txt"
check "the name is screened as written, the mark left out" grep -q "^Cho Chun Ryong$" "$work/out"
expect "import to a .bin name exits 2" 2 "$bin" lists import "$work/future.csv" --format csv --snapshot 2100-01-01 -o "$work/x.bin"
check "it names the snapshot command" grep -q "make its snapshot with 'sancheck lists snapshot" "$work/err"
printf 'KIM SONG CHOL\n\xff\xfe\n' >"$work/names.txt"
expect "a names file that is not UTF-8 exits 2" 2 "$bin" screen --file "$work/names.txt"
check "the error is positioned" grep -q "names.txt:2:1: error" "$work/err"
expect "an output over its input exits 2" 2 "$bin" lists import "$fixtures/own.csv" --format csv --snapshot 2024-01-01 \
  -o "$fixtures/own.csv"
check "no output file anywhere" test ! -e "$work/x.yaml"
finish
