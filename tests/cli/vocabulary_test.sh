#!/usr/bin/env bash
# Misspelt tags, units, services, keys and country codes are positioned errors with a hint, in every command.
# Usage: vocabulary_test.sh SANCHECK_BINARY REPO_ROOT
set -u
bin=$1
root=$2
# shellcheck source=../lib/assert.sh
. "$root/tests/lib/assert.sh"
expect() { expect_status "$@"; }

# The lathe of the tutorial, tagged with an underscore, to Iran: once `permitted`, exit 0.
sed -e 's/tags: \[dual-use, machinery\]/tags: [dual_use, machinery]/' -e 's/country: KP/country: IR/' \
  "$root/tests/cli/fixtures/lathe-kp.yaml" >"$work/lathe-ir.yaml"
# DPRK shells with a misspelt tag: once `review` with "has neither an HS code nor tags".
cat >"$work/shells-kp.yaml" <<'YAML'
scenario: shells-kp
date: 2023-09-12
parties:
  kp: {name: Korea Mining Development Trading Corporation, country: KP, kind: company}
  ru: {name: Some Buyer LLC, country: RU, kind: company}
activities:
  - id: shells
    type: supply
    from: kp
    to: ru
    items:
      - {description: artillery shells, tags: [amunition], quantity: 1000, unit: pcs}
YAML

expect "a misspelt tag fails the check" 2 "$bin" check --rules "$root/samples/tutorial/pack" -o "$work/report.txt" "$work/lathe-ir.yaml"
check "positioned, with the hint" grep -q "lathe-ir.yaml:13:63: error: unknown tag 'dual_use': no loaded rule pack knows it, so no rule could match it (did you mean 'dual-use'?) (see docs/scenario-format.md#tags) \[scenario.unknown_tag\]" "$work/err"
check "the line and a caret follow" sh -c "grep -A2 'unknown tag' \"$work/err\" | tail -1 | grep -qx ' *\\^'"
check "no report was written" test ! -e "$work/report.txt"
expect "DPRK shells tagged amunition" 2 "$bin" check "$work/shells-kp.yaml"
check "did you mean ammunition" grep -q "shells-kp.yaml:12:48: error: unknown tag 'amunition'.*(did you mean 'ammunition'?)" "$work/err"
check "no report on standard output" test ! -s "$work/out"
expect "explain refuses it too" 2 "$bin" explain "$work/shells-kp.yaml"
check "with the same error" grep -q "did you mean 'ammunition'" "$work/err"
expect "lint reports it as an error" 1 "$bin" lint "$work/shells-kp.yaml"
check "lint's code" grep -q "shells-kp.yaml:12:48: error: unknown tag 'amunition'.*\[lint.unknown_tag\]" "$work/out"
# Tags a built-in pack declares (not the format) are known to lint as to check.
sed 's/amunition/natural-gas-liquids/' "$work/shells-kp.yaml" >"$work/ngl.yaml"
expect "lint knows the built-in packs' own tags" 0 "$bin" lint "$work/ngl.yaml"
expect "but not with --no-builtin" 1 "$bin" lint --no-builtin "$work/ngl.yaml"

mkdir -p "$work/tests"
{
  echo "test: misspelt"
  echo "scenario:"
  sed 's/^/  /' "$work/shells-kp.yaml"
  echo "expect:"
  echo "  - {activity: shells, verdict: prohibited}"
} >"$work/tests/shells.test.yaml"
expect "a rule test with a misspelt tag cannot run" 2 "$bin" test "$work/tests"
check "positioned in the test file" grep -q "shells.test.yaml:14:50: error: unknown tag 'amunition'" "$work/err"

printf '%s\n' '{"id":"R1","date":"2023-09-12","exporter_country":"KP","importer_country":"RU","hs":"930690","tags":["amunition"],"quantity":5,"unit":"pcs"}' \
  '{"id":"R2","date":"2023-09-12","exporter_country":"KP","importer_country":"RU","hs":"930690","quantity":5,"unit":"pc"}' >"$work/records.jsonl"
expect "batch: unknown tags and units are bad records" 1 "$bin" batch --progress never "$work/records.jsonl"
check "the tag, with the hint" grep -q '"id":"R1","verdict":"error".*"code":"batch.unknown_tag","message":"unknown tag '"'"'amunition'"'"': no loaded rule pack knows it (did you mean '"'"'ammunition'"'"'?)"' "$work/out"
check "the unit" grep -q '"id":"R2","verdict":"error".*"field":"unit".*unknown unit' "$work/out"

cat >"$work/typos.yaml" <<'YAML'
scenario: typos
date: 2023-09-12
parties:
  kp: {name: Example Exporter, country: kp, kind: company}
  ru: {name: Some Buyer LLC, country: RU, kind: company}
activities:
  - id: shells
    type: supply
    form: kp
    from: kp
    to: ru
    items:
      - {description: shells, tags: [ammunition], quantity: 1000, unit: pc}
  - {id: cover, type: service, from: ru, to: kp, service: insurence}
  - {id: trip, type: travel, person: kp, destination: North Korea}
YAML
expect "typos of keys, countries, units and services" 2 "$bin" check "$work/typos.yaml"
check "key" grep -q "typos.yaml:9:5: error: unknown key 'form' in a supply activity (did you mean 'from'?)" "$work/err"
check "country" grep -q "typos.yaml:4:41: error: unknown country code 'kp' in party 'kp' (did you mean 'KP'?)" "$work/err"
check "unit, with every unit and the format's section" grep -qF "typos.yaml:13:73: error: unknown unit 'pc' (did you mean 'pcs'?); expected one of: pcs, kg, t, l, bbl, m3, MWh (see docs/scenario-format.md#units)" "$work/err"
check "service, with every service and the format's section" grep -q "typos.yaml:14:59: error: unknown service 'insurence' (did you mean 'insurance'?); expected one of: technical-assistance, .*, other (see docs/scenario-format.md#services)" "$work/err"
check "country name" grep -q "typos.yaml:15:55: error: unknown country code 'North Korea' in destination (did you mean 'KP'?)" "$work/err"

finish
