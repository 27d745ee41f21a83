#!/usr/bin/env bash
# Cold start: wall time of one `sancheck` process, best of N runs, for --version and for `check` of one sample scenario.
#
# Usage: bench/cold_start.sh [SANCHECK] [RUNS]   (defaults: build/release/sancheck, 30)
# Best of N, not the mean: the figure is what starting costs when the machine is not busy
# elsewhere; the median is printed beside it to show the spread.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/release/sancheck}
runs=${2:-30}
scenario=$root/samples/article-2023-09/munitions.yaml
[[ -x $bin ]] || { echo "cold_start.sh: no program at $bin (build the release preset first)" >&2; exit 2; }
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "cold_start.sh: RUNS must be a positive number" >&2; exit 2; }

# Milliseconds of each of $runs runs of the command, one a line, sorted. EPOCHREALTIME (bash 5)
# reads the clock without starting a process, so only the command is timed.
times() {
  local start end
  for ((i = 0; i < runs; ++i)); do
    start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true  # check exits 1 on a prohibited finding: timed all the same
    end=$EPOCHREALTIME
    echo "$start $end"
  done | awk '{ printf "%.2f\n", ($2 - $1) * 1000 }' | sort -n
}

row() {
  local name=$1
  shift
  local sorted best median
  sorted=$(times "$@")
  best=$(head -n 1 <<<"$sorted")
  median=$(sed -n "$(((runs + 1) / 2))p" <<<"$sorted")
  printf '| %-54s | %8s | %8s |\n' "$name" "$best" "$median"
}

"$bin" check "$scenario" >/dev/null 2>&1 || [[ $? -eq 1 ]] || { echo "cold_start.sh: '$bin check' fails" >&2; exit 2; }
printf '| %-54s | %8s | %8s |\n' "command ($runs runs)" "best ms" "median ms"
printf '|%s|%s|%s|\n' "--------------------------------------------------------" "----------" "----------"
row "sancheck --version" "$bin" --version
row "sancheck check ${scenario#"$root"/}" "$bin" check "$scenario"
