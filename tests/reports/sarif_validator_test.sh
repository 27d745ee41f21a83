#!/usr/bin/env bash
# The official SARIF validator (Microsoft's SARIF Multitool from npm) accepts every sample's SARIF, the edge cases' and the
# hostile text's for the SARIF, GitHub and Azure DevOps rule kinds, with no error and no warning.
# Usage: sarif_validator_test.sh SANCHECK_BINARY REPO_ROOT TOOL_DIR
#   TOOL_DIR (in the build tree) receives the npm package once; nothing is installed in the repository.
#   Exits 77 when npm is missing or the package cannot be fetched: skipped, or failed in CI (sancheck_needs_tools).
set -u
bin=$1
root=$2
tools=$3
version=5.7.0  # pinned: a newer validator may add rules, which should be a decision, not a surprise
here=$(cd "$(dirname "$0")" && pwd)
source "$root/tests/lib/assert.sh"
cd "$root" || exit 2

# stop MESSAGE: the test cannot go on.
stop() {
  echo "FAIL: $*"
  exit 1
}

skip() {
  echo "SKIP: $*"
  exit 77
}

command -v node >/dev/null && command -v npm >/dev/null || skip "needs node and npm"
package=$tools/node_modules/@microsoft/sarif-multitool/package.json
if [ ! -f "$package" ] || ! grep -q "\"version\": \"$version\"" "$package"; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --fetch-retries 1 --fetch-timeout 60000 \
    "@microsoft/sarif-multitool@$version" >"$work/npm.log" 2>&1 ||
    { tail -5 "$work/npm.log"; skip "could not install @microsoft/sarif-multitool@$version with npm (offline?)"; }
fi
# The package's own launcher hands its arguments to a shell joined by spaces, which splits the ';' of the rule kinds:
# the platform binary it would start is run directly instead.
multitool=$(cd "$tools" && node -p "require('@microsoft/sarif-multitool')") || skip "the package names no binary for this platform"
[ -x "$multitool" ] || chmod u+x "$multitool"  # npm may leave its install script (a chmod) unrun

export SOURCE_DATE_EPOCH=1700000000
mapfile -t samples < <(bash "$here/sample_scenarios.sh")
[ ${#samples[@]} -gt 0 ] || stop "no sample scenarios found"
# One SARIF per sample file, all of them in one run, and the report edge cases (suppressions, waiver notifications).
for s in "${samples[@]}"; do
  "$bin" check --fail-on never --format sarif="$work/sample-$(basename "$s" .yaml).sarif" "$s" 2>/dev/null ||
    stop "sancheck could not check $s"
done
"$bin" check --fail-on never --format sarif="$work/samples.sarif" "${samples[@]}" 2>/dev/null || stop "samples: sancheck could not run"
"$bin" check --fail-on never --format sarif="$work/edge.sarif" --waivers tests/reports/waivers/mixed.yaml \
  tests/reports/scenarios 2>/dev/null || stop "edge cases: sancheck could not run"
"$bin" check --fail-on never --format sarif="$work/hostile.sarif" tests/cli/fixtures/control-chars.yaml 2>/dev/null ||
  stop "hostile text: sancheck could not run"
files=("$work"/*.sarif)

"$multitool" validate --rule-kind "Sarif;Gh;Ado" --level "Error;Warning" --output "$work/validation.sarif" \
  "${files[@]}" >"$work/out" 2>&1
status=$?
[ $status = 0 ] || { cat "$work/out"; stop "the validator exited $status"; }
check "the validator scanned all ${#files[@]} files" grep -q "Done. ${#files[@]} files scanned." "$work/out"
# Its own log, read rather than its console: every error or warning, with its message filled in from the rule's
# message strings (the log keeps only their ids and arguments).
python3 - "$work/validation.sarif" >"$work/found" <<'EOF' || stop "the validator's log cannot be read"
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
for run in log["runs"]:
    rules = run["tool"]["driver"].get("rules", [])
    for r in run.get("results", []):
        level = r.get("level", "warning")
        if level not in ("error", "warning"):
            continue
        m = r["message"]
        text = m.get("text") or next((x["messageStrings"][m["id"]]["text"] for x in rules
                                      if x["id"] == r["ruleId"] and m.get("id") in x.get("messageStrings", {})), m.get("id", ""))
        for i, arg in enumerate(m.get("arguments", [])):
            text = text.replace("{%d}" % i, str(arg))
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] if r.get("locations") else ""
        print(f"{uri.rsplit('/', 1)[-1]}: {level} {r['ruleId']}: {text}")
EOF
head -30 "$work/found"
check "no error or warning for the Sarif, Gh and Ado rule kinds (SARIF Multitool $version)" test ! -s "$work/found"
finish
