#!/usr/bin/env bash
# The HTML and Markdown reports of samples/ show the judged facts: every item's HS code and every party's country.
# Usage: facts_test.sh SANCHECK_BINARY REPO_ROOT
set -u
bin=$1
cd "$2" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t samples < <(bash tests/reports/sample_scenarios.sh)
SOURCE_DATE_EPOCH=1700000000 "$bin" check --fail-on never --format html="$work/r.html" \
  --format markdown="$work/r.md" "${samples[@]}" 2>"$work/err" || { echo "FAIL: check did not run"; cat "$work/err"; exit 1; }
failed=0
mapfile -t facts < <(bash tests/reports/sample_facts.sh)
[ ${#facts[@]} -gt 0 ] || { echo "FAIL: no facts found in the samples"; failed=1; }
for fact in "${facts[@]}"; do
  read -r kind value <<<"$fact"
  if [ "$kind" = hs ]; then
    for f in "$work/r.html" "$work/r.md"; do
      grep -q "HS $value" "$f" || { echo "FAIL: HS $value not shown in $(basename "$f")"; failed=1; }
    done
  else
    grep -q "· $value · " "$work/r.html" || { echo "FAIL: country $value not shown in the HTML report"; failed=1; }
  fi
done
grep -q '<table class="kv facts">' "$work/r.html" || { echo "FAIL: no facts table"; failed=1; }
[ $failed = 0 ] && echo "facts shown"
exit $failed
