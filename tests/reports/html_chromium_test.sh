#!/usr/bin/env bash
# The HTML report of the samples opens in headless Chromium without console messages and renders a screenshot.
# Exits 77 (skipped) only when Chromium is not installed. Usage: html_chromium_test.sh SANCHECK_BINARY REPO_ROOT
set -u
bin=$1
root=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium is not installed (Debian: apt-get install chromium)"
  exit 77
fi
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 2
export SOURCE_DATE_EPOCH=1700000000

mapfile -t samples < <(bash "$here/sample_scenarios.sh")
"$bin" check --format html="$work/report.html" --waivers tests/reports/waivers/mixed.yaml "${samples[@]}" \
  tests/reports/scenarios >/dev/null 2>&1
[ -s "$work/report.html" ] || { echo "FAIL: no HTML report"; exit 1; }

# A fresh profile and no background services: the run must not depend on the machine or the network.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
  --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --window-size=1280,2000 \
  --screenshot="$work/report.png" "file://$work/report.html" >"$work/out" 2>"$work/err"
status=$?
failed=0
[ $status = 0 ] || { echo "FAIL: chromium exited $status"; tail -20 "$work/err"; failed=1; }
# Console messages (script errors, blocked resources, CSP violations) are logged as ...:CONSOLE...
if grep -E ':CONSOLE|Uncaught|Refused to' "$work/err"; then
  echo "FAIL: the page logged console messages"
  failed=1
fi
if [ ! -s "$work/report.png" ] || [ "$(head -c 8 "$work/report.png" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
  echo "FAIL: no PNG screenshot"
  failed=1
elif [ "$(stat -c %s "$work/report.png")" -lt 20000 ]; then
  echo "FAIL: the screenshot is nearly empty ($(stat -c %s "$work/report.png") bytes)"
  failed=1
fi
[ $failed = 0 ] && echo "HTML report rendered: $(stat -c %s "$work/report.png") byte screenshot, no console messages"
exit $failed
