#!/usr/bin/env bash
# Regenerates the golden reports (every format, on the samples and on the report edge cases with waivers).
# Usage: tests/golden/update.sh [SANCHECK_BINARY [OUTPUT_DIR]]
#   defaults: build/dev/sancheck, tests/golden/reports. Read `git diff tests/golden` before committing.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(realpath "${1:-$root/build/dev/sancheck}")
out=$(mkdir -p "${2:-$root/tests/golden/reports}" && cd "${2:-$root/tests/golden/reports}" && pwd)
cd "$root"  # reports name scenario files as given: relative to the repository
export SOURCE_DATE_EPOCH=1700000000  # 2023-11-14T22:13:20Z, also the day waivers are judged against
export NO_COLOR=1
: >"$out/exit-codes.txt"

# generate NAME ARGS...: every format of one run, its standard error and its exit status.
generate() {
  local name=$1
  shift
  local status=0
  "$bin" check --format text="$out/$name.txt" --format json="$out/$name.json" \
    --format junit="$out/$name.junit.xml" --format sarif="$out/$name.sarif" \
    --format markdown="$out/$name.md" --format html="$out/$name.html" "$@" 2>"$out/$name.stderr" || status=$?
  echo "$name $status" >>"$out/exit-codes.txt"
  if [ "$status" -gt 1 ]; then
    echo "sancheck could not run for $name:" >&2
    cat "$out/$name.stderr" >&2
    exit 1
  fi
}

mapfile -t samples < <(bash tests/reports/sample_scenarios.sh)
generate samples "${samples[@]}"
generate edge tests/reports/scenarios --waivers tests/reports/waivers/mixed.yaml --prepared-by "Ann Analyst" --reviewed-by "Rob <Reviewer> & Co"
# Control, escape, bidi and markup characters in every free-text field: each format's escaping.
generate hostile tests/cli/fixtures/control-chars.yaml
# A release build names its own homepage (-DSANCHECK_HOMEPAGE_URL); the golden files hold the
# default, so the comparison holds whatever the build was configured with.
sed -i -E 's|^( *"informationUri": )"[^"]*"|\1"https://sancheck.invalid/"|' "$out"/*.sarif
