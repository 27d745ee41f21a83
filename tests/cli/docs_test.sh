#!/usr/bin/env bash
# The generated man pages and completions agree with the program: a page per command, every option, clean roff, bash completion.
# Usage: docs_test.sh SANCHECK_BINARY DOCS_DIR (build/<preset>/generated/docs)
set -u
bin=$1
docs=$(cd "$2" && pwd)
# shellcheck source=../lib/assert.sh
. "$(dirname "$0")/../lib/assert.sh"
same() { [ "$1" = "$2" ]; }

# The subcommands and options --help lists for a command ("" for the program itself).
# shellcheck disable=SC2086 # $1 is a command's words, split on purpose
subcommands() { "$bin" $1 --help | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'; }
# shellcheck disable=SC2086
options() { "$bin" $1 --help | sed -n 's/^  \(-[a-z],\)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p'; }

commands=("")
for c in $(subcommands ""); do
  commands+=("$c")
  for s in $(subcommands "$c"); do commands+=("$c $s"); done
done
check "the program has its commands" test "${#commands[@]}" -gt 10
for c in "${commands[@]}"; do
  page=$docs/man1/sancheck${c:+-${c// /-}}.1
  check "a page for 'sancheck $c'" test -s "$page"
  [ -s "$page" ] || continue
  for o in $(options "$c"); do
    check "sancheck $c: the page has $o" grep -qF -- "\\fB${o//-/\\-}\\fR" "$page"
  done
  LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" >"$work/page.txt" 2>"$work/warnings"
  check "sancheck $c: the page renders without a warning" test ! -s "$work/warnings"
done
check "no page for a command the program does not have" \
  test "$(find "$docs/man1" -name '*.1' | wc -l)" -eq "${#commands[@]}"

# bash: the words completed after the given command line (the last word is being typed).
complete_bash() {
  bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _sancheck; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$docs/bash/sancheck" sancheck "$@"
}
check "bash completes a command" same check "$(complete_bash ch)"
check "bash completes a command's option" same --fail-on "$(complete_bash check --fai)"
check "bash completes an option's values" same "prohibited review never" "$(complete_bash check --fail-on '' | xargs)"
check "bash skips an option's value" same --format "$(complete_bash check --rules r --form)"
check "bash completes a nested command's values" \
  same "un-xml ofac-csv csv" "$(complete_bash lists import --format '' | xargs)"
check "bash completes files for a file option" same bash "$(cd "$docs" && complete_bash check -o ba)"
if command -v zsh >/dev/null; then
  check "the zsh completion parses" zsh -n "$docs/zsh/_sancheck"
fi
check "the zsh completion defines a function per command" \
  test "$(grep -c '^_sancheck[a-z_]*() {' "$docs/zsh/_sancheck")" -eq "${#commands[@]}"

finish
