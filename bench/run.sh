#!/usr/bin/env bash
# Peer script for the shared rule-engine benchmark: runs `sancheck batch` with the workload pack.
#   bench/run.sh INPUT.jsonl OUTPUT.jsonl [--mode stream|preload] [extra sancheck batch options]
# Uses $SANCHECK if set, else a Release build of this checkout (built on first use).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
if [ $# -lt 2 ]; then
  echo "usage: $0 INPUT.jsonl OUTPUT.jsonl [--mode stream|preload] [sancheck batch options]" >&2
  exit 2
fi
input=$1 output=$2
shift 2
bin=${SANCHECK:-}
if [ -z "$bin" ]; then
  for candidate in "$root/build/release/sancheck" "$root/build/bench/sancheck"; do
    if [ -x "$candidate" ]; then bin=$candidate; break; fi
  done
fi
if [ -z "$bin" ]; then
  cmake -S "$root" -B "$root/build/bench" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSANCHECK_BUILD_TESTS=OFF >&2
  cmake --build "$root/build/bench" --target sancheck_cli -j 2 >&2
  bin="$root/build/bench/sancheck"
fi
# The workload's contract: short rule ids (R01), "not-applicable" when no rule matched, exit 0
# whatever the verdicts, engine/timing/summary lines on standard error.
exec "$bin" batch --no-builtin --rules "$here/workload" --rule-ids short --no-match not-applicable --fail-on never \
  --progress never --timing --output "$output" "$input" "$@"
