#!/usr/bin/env bash
# CI fuzzing: builds the fuzz preset, replays every seed corpus, then fuzzes each target for
# FUZZ_SECONDS (default 30) from a scratch copy of its corpus. A crash fails the run and leaves
# the input in build/fuzz/findings/<target>/ to be added to tests/fuzz/corpus-<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-30}
cmake --preset fuzz && cmake --build --preset fuzz && ctest --preset fuzz
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
dict_of() {
  case $1 in
    reader|ledger) echo json ;;
    condition) echo condition ;;
    names) echo names ;;
    lists) echo lists ;;
    server) echo http ;;
    *) echo yaml ;;
  esac
}
for target in reader condition scenario pack yaml_files ledger names lists block_yaml server; do
  seeds=tests/fuzz/corpus-${target//_/-}
  [ "$target" = reader ] && seeds=tests/fuzz/corpus
  work=build/fuzz/findings/$target
  rm -rf "$work" && mkdir -p "$work/corpus"
  cp -r "$seeds"/. "$work/corpus/"
  echo "fuzzing $target for ${seconds}s"
  (cd "$work" && "../../tests/fuzz/sancheck_${target}_fuzz" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -dict="../../../../tests/fuzz/dict/$(dict_of "$target").dict" corpus \
      2>&1 | tail -3)
done
