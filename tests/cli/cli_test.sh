#!/usr/bin/env bash
# Command-line contract of `sancheck check`: exit codes, error format, stdin, --output, determinism.
# Usage: cli_test.sh SANCHECK_BINARY REPO_ROOT
set -u
bin=$1
root=$2
# shellcheck source=../lib/assert.sh
. "$root/tests/lib/assert.sh"
expect() { expect_status "$@"; }

lawful=$root/samples/ordinary-trade
article=$root/samples/article-2023-09

expect "lawful trades exit 0" 0 "$bin" check "$lawful"
expect "prohibited activities exit 1" 1 "$bin" check "$article/launches.yaml"
expect "--fail-on never exits 0" 0 "$bin" check --fail-on never "$article/launches.yaml"
expect "--fail-on review counts review" 0 "$bin" check --fail-on review "$lawful"

cat >"$work/bad.yaml" <<'YAML'
scenario: bad
parties:
  kp: {name: A, country: KP}
activities:
  - {id: a, type: supply, from: kp, to: ghost, items: [{description: d}]}
YAML
expect "an invalid scenario exits 2" 2 "$bin" check "$work/bad.yaml"
check "the error is file:line:col: error: with the source line and a caret" \
  grep -q "bad.yaml:5:41: error: 'to' names no party: 'ghost' is not under parties" "$work/err"
check "no partial report on standard output" test ! -s "$work/out"

expect "a missing file exits 2" 2 "$bin" check "$work/missing.yaml"
check "it says which file" grep -q "cannot read '$work/missing.yaml'" "$work/err"
expect "an unknown option exits 2" 2 "$bin" check --frobnicate "$lawful"
expect "an unknown format exits 2" 2 "$bin" check --format pdf "$lawful"
expect "a bad --as-of exits 2" 2 "$bin" check --as-of 2023-02-30 "$lawful"

expect "standard input is read when no path is given" 1 sh -c "\"$bin\" check < \"$article/launches.yaml\""
check "the report names standard input" grep -q "<stdin>" "$work/out"
expect "- reads standard input" 1 sh -c "\"$bin\" check - < \"$article/launches.yaml\""

expect "--output writes the report" 1 "$bin" check --format json --output "$work/report.json" "$article/launches.yaml"
check "the report file is complete JSON" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/report.json"
check "nothing went to standard output" test ! -s "$work/out"
echo "keep" >"$work/keep.json"
expect "--output is not touched when the run fails" 2 "$bin" check --output "$work/keep.json" "$work/bad.yaml"
check "the old report is intact" grep -qx keep "$work/keep.json"
check "no temporary file is left behind" sh -c "! ls -A \"$work\" | grep -q '^\\.keep.json'"

mkfifo "$work/pipe"
cat "$work/pipe" >"$work/pipe.out" &
reader=$!
expect "--output into a pipe writes through it" 1 "$bin" check --format json --output "$work/pipe" "$article/launches.yaml"
wait "$reader"
check "the pipe is still a pipe, not replaced by a file" test -p "$work/pipe"
check "the report came through the pipe" grep -q '"verdict": "prohibited"' "$work/pipe.out"
ln -s "$work/target.json" "$work/link.json"
expect "--output through a symbolic link" 1 "$bin" check --format json --output "$work/link.json" "$article/launches.yaml"
check "the link stays a link and its target holds the report" sh -c "test -L \"$work/link.json\" && grep -q prohibited \"$work/target.json\""

expect "several formats in one run" 1 "$bin" check --format json --format text="$work/r.txt" "$article/launches.yaml"
check "the second format went to its file" grep -q "PROHIBITED" "$work/r.txt"
expect "two formats cannot both go to the terminal" 2 "$bin" check --format json --format text "$lawful"

SOURCE_DATE_EPOCH=1700000000 "$bin" check --format json "$root/samples" >"$work/a.json" 2>/dev/null
SOURCE_DATE_EPOCH=1700000000 "$bin" check --format json "$root/samples" >"$work/b.json" 2>/dev/null
check "reports are byte-identical across runs" cmp -s "$work/a.json" "$work/b.json"
check "SOURCE_DATE_EPOCH fixes the generation time" grep -q '"generated": "2023-11-14T22:13:20Z"' "$work/a.json"

expect "screen finds a listed name in press spelling (exit 1, as check's findings)" 1 "$bin" screen --as-of 2023-09-13 --country KP --born 1960 "Jo Chun-ryong"
check "it names the designation and says why" grep -q "KPi.038  CHO CHUN RYONG" "$work/out"
expect "screen: a generic name of another country is not a candidate (exit 0)" 0 "$bin" screen --country RU "Ministry of Defence"
expect "screen: not listed before its listing date" 0 "$bin" screen --as-of 2015-01-01 "Jo Chun-ryong"
expect "screen --format json" 1 "$bin" screen --format json --as-of 2023-09-13 "Jo Chun-ryong"
check "the JSON gives the reference" grep -q '"reference": "KPi.038"' "$work/out"

lathe=$root/samples/tutorial/pack/tests/lathe-to-dprk.yaml
expect "a company sign-off does not downgrade the UN finding" 1 "$bin" check --format json --rules un-dprk --rules "$root/samples/tutorial/pack" "$lathe"
check "the 2397 OP7 finding stays prohibited" python3 -c '
import json,sys
f=[f for f in json.load(open(sys.argv[1]))["scenarios"][0]["activities"][0]["findings"] if f["rule"]=="un-dprk/machinery-vehicles-metals-to-dprk"]
sys.exit(not (f and f[0]["verdict"]=="prohibited" and "covers only that pack" in f[0]["exemption_note"]))' "$work/out"
sed 's/kind: legal-sign-off/kind: legal-signoff/' "$lathe" >"$work/typo.yaml"
expect "an unknown exemption kind is an error" 2 "$bin" check --rules un-dprk --rules "$root/samples/tutorial/pack" "$work/typo.yaml"
check "it is positioned and suggests the kind" grep -q "typo.yaml:13:23: error: unknown exemption kind 'legal-signoff' (did you mean 'legal-sign-off'?)" "$work/err"
expect "the pack that defines a kind must be loaded" 2 "$bin" check "$lathe"

expect "rules --unverified lists the citations still to check" 0 "$bin" rules --unverified
check "an unverified pin-cite is listed with its level" grep -q "^un-dprk/arms-from-dprk  1874 OP9  unverified$" "$work/out"
check "a citation verified against the text is not listed" sh -c "! grep -q '1718 OP8(b)' \"$work/out\""
expect "rules --format json gives each citation's level" 0 "$bin" rules --format json
check "the level is in the JSON" grep -q '"verified": "summary"' "$work/out"
check "the JSON lists the exemption kinds with their windows" grep -q '"kind": "textile-contracts-2375"' "$work/out"

printf '%s\n' '{"id":"B1","date":"2023-09-13","exporter_country":"KP","importer_country":"RU","exporter_name":"Munitions Industry Department","importer_name":"Rosoboronexport","hs":"100630","description":"rice","quantity":10,"unit":"t","value_usd":5000,"tags":["food"],"vessel_imo":""}' >"$work/ledger.jsonl"
expect "batch screens party names against the designations" 1 "$bin" batch "$work/ledger.jsonl"
check "a designated exporter brings the asset freeze" grep -q '"rules":\["un-dprk/asset-freeze-designated"\]' "$work/out"
check "and the result names the match: party, list, reference, score" grep -q '"match":{"party":"exporter","list":"un-consolidated","reference":"KPe.028","score":1}' "$work/out"
printf '%s\n' '{"id":"B2","date":"2023-09-13","exporter_country":"DE","importer_country":"PH","exporter_name":"Example GmbH","importer_name":"Abu Sayyaf Group","hs":"940130","description":"chairs","quantity":10,"unit":"pcs","value_usd":5000,"tags":[],"vessel_imo":""}' >"$work/other-regime.jsonl"
expect "an importer on another UN regime's list is review in batch too" 0 "$bin" batch "$work/other-regime.jsonl"
check "citing that regime, with the match" grep -q '"verdict":"review","rules":\["un-regimes/listed-un-al-qaida"\],"match":{"party":"importer","list":"un-consolidated","reference":"QDe.001"' "$work/out"
# The carrying vessel is a party to the shipment, as a scenario activity's vessel is: a designated
# vessel's IMO number makes the record prohibited (from its listing date on), whoever trades.
printf '%s\n' '{"id":"V1","date":"2024-03-01","exporter_country":"CN","importer_country":"RU","exporter_name":"Acme","importer_name":"Beta Ltd","hs":"8471","quantity":10,"unit":"kg","value_usd":1000,"vessel_imo":"IMO8705539"}' \
  '{"id":"V2","date":"2010-03-01","exporter_country":"CN","importer_country":"RU","exporter_name":"Acme","importer_name":"Beta Ltd","hs":"8471","quantity":10,"unit":"kg","value_usd":1000,"vessel_imo":"IMO8705539"}' \
  '{"id":"V3","date":"2024-03-01","exporter_country":"CN","importer_country":"RU","exporter_name":"Acme","importer_name":"Beta Ltd","hs":"8471","quantity":10,"unit":"kg","value_usd":1000,"vessel_imo":"IMO9176187"}' >"$work/vessel.jsonl"
expect "a designated carrying vessel makes a record prohibited" 1 "$bin" batch "$work/vessel.jsonl"
check "with the vessel's match" grep -q '{"id":"V1","verdict":"prohibited","rules":\["un-dprk/asset-freeze-designated"\],"match":{"party":"vessel","list":"un-dprk-vessels","reference":"VSL.KUM-UN-SAN-3","score":1}}' "$work/out"
check "not before its listing" grep -q '{"id":"V2","verdict":"permitted","rules":\[\]}' "$work/out"
check "another vessel is no party to screen" grep -q '{"id":"V3","verdict":"permitted","rules":\[\]}' "$work/out"

# --rules adds a pack beside the built-in UN pack; --no-builtin is the explicit opt-out (issue 11, point 2).
cp "$root/tests/cli/fixtures/lathe-kp.yaml" "$work/lathe-kp.yaml"
expect "a company pack keeps the UN pack" 1 "$bin" check --format json --rules "$root/samples/tutorial/pack" "$work/lathe-kp.yaml"
check "the lathe is still prohibited under 2397 OP7" python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
f = [f for a in r['scenarios'][0]['activities'] for f in a['findings'] if f['rule'] == 'un-dprk/machinery-vehicles-metals-to-dprk']
assert f and f[0]['verdict'] == 'prohibited' and 'S/RES/2397 (2017), OP 7' in [c['text'] for c in f[0]['citations']], f
assert r['builtin_packs'] is True and r['designations_snapshot'] is not None
assert [p['name'] for p in r['rule_packs']] == ['un-dprk', 'un-lists', 'un-regimes', 'acme-exports'], r['rule_packs']" "$work/out"
expect "--no-builtin judges with the named packs only" 1 "$bin" check --format json --no-builtin --rules "$root/samples/tutorial/pack" "$work/lathe-kp.yaml"
check "no UN finding, no designation list, and the audit says so" python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
rules = [f['rule'] for a in r['scenarios'][0]['activities'] for f in a['findings']]
assert rules and not any(x.startswith('un-dprk/') for x in rules), rules
assert r['builtin_packs'] is False and r['designations_snapshot'] is None" "$work/out"
expect "--no-builtin in the text report" 1 "$bin" check --no-builtin --rules "$root/samples/tutorial/pack" "$work/lathe-kp.yaml"
check "the text audit line says the built-in packs were left out" grep -q "built-in packs not loaded" "$work/out"
for said in "markdown:- built-in packs: not loaded" "html:<th>built-in packs</th><td>not loaded</td>" \
  'junit:<property name="builtin-packs" value="false"/>' 'sarif:"builtinPacks": false'; do
  expect "--no-builtin in the ${said%%:*} report" 1 "$bin" check --format "${said%%:*}" --no-builtin --rules "$root/samples/tutorial/pack" "$work/lathe-kp.yaml"
  check "its audit block says so" grep -qF -e "${said#*:}" "$work/out"
done
expect "--no-builtin without --rules exits 2" 2 "$bin" check --no-builtin "$work/lathe-kp.yaml"
check "it says why" grep -q "no-builtin leaves no rule pack" "$work/err"
# A pack reading designations with no list to screen against: never a silent "not designated".
mkdir -p "$work/freeze"
cat >"$work/freeze/pack.yaml" <<'YAML'
pack: freeze
version: "1"
title: An asset freeze without a list
rules:
  - id: FREEZE
    title: Designated party
    verdict: prohibited
    effective: 2006-10-14
    applies_to: [supply]
    citations:
      - {resolution: "1718", paragraph: "8(d)", text: "asset freeze"}
    when: parties.designated
    message: A party is designated.
YAML
expect "without a list, a party not stated as designated is review" 0 "$bin" check --format json --no-builtin --rules "$work/freeze" "$work/lathe-kp.yaml"
check "the rule is undecided, not passed over" python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
f = [f for a in r['scenarios'][0]['activities'] for f in a['findings'] if f['rule'] == 'freeze/FREEZE']
assert f and f[0]['verdict'] == 'review', f
assert f[0]['message'].startswith('Cannot be decided without a designation list'), f" "$work/out"
check "a warning says why" grep -q "warning: rule 'freeze/FREEZE' reads party designations but no designation list is loaded" "$work/err"
printf '%s\n' '{"id":"B1","date":"2023-09-13","exporter_country":"KP","importer_country":"RU","exporter_name":"Munitions Industry Department","importer_name":"Ministry of Defence","hs":"930690","quantity":1}' >"$work/freeze.jsonl"
expect "batch: the same" 0 "$bin" batch --no-builtin --rules "$work/freeze" --progress never "$work/freeze.jsonl"
check "the record is review under the rule" grep -q '"verdict":"review","rules":\["freeze/FREEZE"\]' "$work/out"
expect "naming the built-in pack with --rules loads it once" 1 "$bin" check --rules builtin:un-dprk --rules "$root/samples/tutorial/pack" "$work/lathe-kp.yaml"
expect "a folder copy of the built-in pack replaces it" 1 "$bin" check --format json --rules "$root/rules/un-dprk" "$work/lathe-kp.yaml"
check "only one un-dprk pack, not built in" python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
assert sorted((p['name'], p['builtin']) for p in r['rule_packs']) == [('un-dprk', False), ('un-lists', True), ('un-regimes', True)], r['rule_packs']" "$work/out"
expect "batch keeps the UN pack beside --rules too" 1 "$bin" batch --rules "$root/samples/tutorial/pack" "$work/ledger.jsonl"
check "the designated exporter is still screened" grep -q 'un-dprk/asset-freeze-designated' "$work/out"

# The CI recipes fail on review (issue 11, point 8): a finding nobody decided must stop a pipeline.
review=$root/tests/cli/fixtures/review-kp.yaml
expect "review alone passes the interactive default" 0 "$bin" check "$review"
entry=$(python3 -c "import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))[0]['entry'])" "$root/.pre-commit-hooks.yaml")
# shellcheck disable=SC2086 # the hook's entry is a command line, split as pre-commit splits it
expect "the pre-commit hook fails on review" 1 "$bin" ${entry#sancheck } "$review"
check "every check in the CI recipes fails on review" sh -c "! grep -E 'sancheck check deals/' \"$root/docs/ci.md\" | grep -qv -- '--fail-on review'"
expect "screen exits 1 when a name has a candidate, as check on a finding" 1 "$bin" screen --as-of 2023-09-13 "Jo Chun-ryong"
expect "screen exits 0 when no name has one" 0 "$bin" screen --as-of 2023-09-13 "Zzyzx Quorble"

expect "--version exits 0" 0 "$bin" --version
check "--version gives the program's version first" grep -Eqx 'sancheck [0-9]+\.[0-9]+\.[0-9]+' "$work/out"
check "--version gives the built-in packs' versions" grep -Eq '^built-in rule packs: (.*, )?un-dprk [^ ,]+' "$work/out"
check "--version gives the built-in lists' snapshot dates" \
  grep -Eq '^built-in designation lists: (.*, )?un-consolidated [0-9]{4}-[0-9]{2}-[0-9]{2}' "$work/out"
expect "--sarif-category names the SARIF run's category" 0 "$bin" check --fail-on never --format sarif --sarif-category scan/dprk "$lawful"
check "the category is in automationDetails.id" grep -q '"id": "azuredevops/pipeline/build/scan/dprk/[0-9a-f]\{64\}"' "$work/out"
expect "a category with a space is a usage error" 2 "$bin" check --format sarif --sarif-category "scan dprk" "$lawful"
check "it says why" grep -q "^sancheck: error: --sarif-category: 'scan dprk' is not a category" "$work/err"
check "and writes no report" test ! -s "$work/out"
expect "no subcommand lists the commands and exits 0" 0 "$bin"
check "the list names check" grep -q "^  check " "$work/out"

finish
