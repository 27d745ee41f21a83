#!/usr/bin/env bash
# Every report format matches its golden file byte for byte, and two runs with SOURCE_DATE_EPOCH are identical.
# Usage: golden_test.sh SANCHECK_BINARY REPO_ROOT   (regenerate with tests/golden/update.sh)
set -u
bin=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$root/tests/golden/update.sh" "$bin" "$work/a" >/dev/null || { echo "FAIL: could not generate the reports"; exit 1; }
bash "$root/tests/golden/update.sh" "$bin" "$work/b" >/dev/null || exit 1
failed=0
diff -r "$work/a" "$work/b" >/dev/null || { echo "FAIL: two runs differ"; diff -r "$work/a" "$work/b" | head -20; failed=1; }
if ! diff -ru "$root/tests/golden/reports" "$work/a" >"$work/diff"; then
  echo "FAIL: reports differ from tests/golden/reports (if intended, run tests/golden/update.sh and read the diff):"
  head -60 "$work/diff"
  failed=1
fi
[ $failed = 0 ] && echo "$(ls "$work/a" | wc -l) golden files match"
exit $failed
