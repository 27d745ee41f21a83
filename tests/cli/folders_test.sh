#!/usr/bin/env bash
# Scenario folders as users keep them: hidden entries, waivers and other project files beside the
# scenarios, --exclude, and unrecognised YAML still an error.
# Usage: folders_test.sh SANCHECK_BINARY REPO_ROOT
set -u
bin=$1
root=$2
# shellcheck source=../lib/assert.sh
. "$root/tests/lib/assert.sh"

repo=$work/repo
mkdir -p "$repo/.github/workflows" "$repo/deals" "$repo/lists"
cp "$root/samples/ordinary-trade/wheat-ru-eg.yaml" "$repo/deals/wheat.yaml"
cp "$root/samples/article-2023-09/launches.yaml" "$repo/deals/launches.yaml"
cat >"$repo/.pre-commit-config.yaml" <<'YAML'
repos:
  - repo: https://github.com/pre-commit/pre-commit-hooks
    hooks: [{id: check-yaml}]
YAML
cat >"$repo/.github/workflows/ci.yaml" <<'YAML'
on: [push]
jobs: {check: {runs-on: ubuntu-latest, steps: [{run: sancheck check deals}]}}
YAML
cat >"$repo/waivers.yaml" <<'YAML'
waivers:
  - {scenario: x, reason: r, approved_by: a, ticket: T-1, expires: 2099-12-31}
YAML
printf 'clearances: []\n' >"$repo/clearances.yaml"
printf 'designations:\n  snapshot: 2024-01-01\n  entries: []\n' >"$repo/lists/own.yaml"

expect_status "hidden files, waivers, clearances and lists are set aside; the prohibited scenario fails (exit 1)" \
  1 "$bin" check "$repo"
check "the prohibited scenario was judged" grep -q "PROHIBITED" "$work/out"
check "the lawful scenario was judged" grep -q "wheat" "$work/out"
check "a note names the waivers file and its key" \
  grep -qF "note: skipping $repo/waivers.yaml: a waivers file (top-level key 'waivers')" "$work/err"
check "a note names the clearances file" grep -qF "clearances.yaml: a clearances file (top-level key 'clearances')" "$work/err"
check "a note names the list" grep -qF "own.yaml: a designation list (top-level key 'designations')" "$work/err"
check "hidden files are skipped without a word" sh -c "! grep -q 'pre-commit\|workflows' \"$work/err\""
check "two scenarios in the summary" grep -q "Summary: 2 scenarios" "$work/out"

expect_status "--exclude leaves the prohibited scenario out (exit 0)" 0 "$bin" check --exclude 'deals/launches.yaml' "$repo"
check "one scenario judged" grep -q "Summary: 1 scenario," "$work/out"
expect_status "a glob in --exclude" 0 "$bin" check --exclude 'deals/l*' "$repo"
mkdir -p "$repo/drafts" && cp "$root/samples/article-2023-09/munitions.yaml" "$repo/drafts/"
expect_status "--exclude of a folder leaves out all under it" 0 "$bin" check --exclude drafts --exclude 'deals/l*' "$repo"
rm -r "$repo/drafts"
expect_status "a * in --exclude does not cross a / (launches still judged)" 1 "$bin" check --exclude '*launches.yaml' "$repo"

expect_status "a file named is read as a scenario, whatever its keys" 2 "$bin" check "$repo/waivers.yaml"
check "with a positioned error" grep -q "waivers.yaml:1:1: error:" "$work/err"

printf 'name: not a scenario\nitems: [1, 2]\n' >"$repo/deals/notes.yaml"
expect_status "an unrecognised YAML file in the folder is an error (exit 2)" 2 "$bin" check "$repo"
check "with a positioned error in that file" grep -q "notes.yaml:1:1: error:" "$work/err"
check "and no report" test ! -s "$work/out"
expect_status "--exclude lets it be" 1 "$bin" check --exclude 'deals/notes.yaml' "$repo"

finish
