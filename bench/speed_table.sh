#!/usr/bin/env bash
# The speed table of the issue "Speed at the limit": every figure re-measured by one command, beside its target.
#
# Usage: bench/speed_table.sh SHARED_BENCH_DIR [--records N] [--reps R] [--five-million]
#   SHARED_BENCH_DIR  the shared rule-engine harness (gen.py, reference.py, baseline.cpp, peers/);
#                     it is copied to a temporary folder and never written to
#   --records N       records generated for the batch rows and the rule-count sweep (default 1000000)
#   --reps R          repetitions; every timed figure is the best of R (default 5)
#   --five-million    also check the workload output against reference.py on 5,000,000 records
# Uses $SANCHECK, else build/release/sancheck. Prints one Markdown table on standard output and
# progress on standard error. Exit status: 0 when every output checked is byte-identical to the
# harness's reference (whether or not the targets are met), 1 when one is not, 2 when a run
# could not be done.
#
# Batch rows: the harness's simdjson baseline (peers/baseline/build.sh) and sancheck with the
# workload pack (bench/run.sh, stream mode) and with the built-in packs (`sancheck batch`, default
# output options: it screens exporter and importer names) with 1 and 2 threads, run in rounds
# whose order rotates, after one unmeasured run each; wall and CPU (user+sys) are the shell's
# `time` (millisecond resolution). The built-in packs know no tag `mtcr` or `nsg`: those records
# (1.4 %) are bad records, written as error results, so that run reads on with `--max-errors -1`.
# Cold start is bench/cold_start.sh (best of 30); the scenario row, `check` of a file of 100,000
# activities from bench/scenario_scale.py (peak RSS by /usr/bin/time); the rule-count row,
# bench/rule_count_sweep.py's best evaluation time per record at 2,800 and at 28 rules.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
usage="usage: bench/speed_table.sh SHARED_BENCH_DIR [--records N] [--reps R] [--five-million]"
command_line=$(printf '%q ' "$0" "$@")
command_line=${command_line% }
if [[ -n ${SANCHECK:-} ]]; then command_line="SANCHECK=$(printf '%q' "$SANCHECK") $command_line"; fi

die() { echo "speed_table.sh: $*" >&2; exit 2; }
started=$SECONDS
say() { printf '[%4ds] %s\n' $((SECONDS - started)) "$*" >&2; }

shared="" records=1000000 reps=5 five_million=0
while (($#)); do
  case $1 in
    --records) records=${2:?$usage}; shift 2 ;;
    --reps) reps=${2:?$usage}; shift 2 ;;
    --five-million) five_million=1; shift ;;
    -h | --help) echo "$usage"; exit 0 ;;
    -*) die "unknown option $1 ($usage)" ;;
    *) [[ -z $shared ]] || die "$usage"; shared=$1; shift ;;
  esac
done
[[ -n $shared ]] || die "$usage"
[[ $records =~ ^[1-9][0-9]*$ ]] || die "--records must be a positive number"
[[ $reps =~ ^[1-9][0-9]*$ ]] || die "--reps must be a positive number"
for f in gen.py reference.py baseline.cpp peers/baseline/build.sh peers/baseline/run.sh; do
  [[ -f $shared/$f ]] || die "$shared is not the shared harness (no $f)"
done
[[ -f /usr/include/simdjson.h ]] || die "the baseline needs simdjson (apt-get install libsimdjson-dev)"
bin=${SANCHECK:-$root/build/release/sancheck}
[[ -x $bin ]] || die "no program at $bin (build the release preset first, or set SANCHECK)"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
export SANCHECK=$bin  # for bench/run.sh

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
load_start=$(load_average)

work=$(mktemp -d "${TMPDIR:-/tmp}/speed-table.XXXXXX")
cleanup() { chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- helpers ------------------------------------------------------------------------------

# timed NAME COMMAND...: runs COMMAND once (its output to a log) and appends "wall_s cpu_s" to
# $work/t.NAME; returns COMMAND's status. The `time` keyword reads the children's rusage, so
# CPU is user+sys of the command and the processes it waited for.
timed() {
  local name=$1 rc=0 wall user sys
  shift
  local TIMEFORMAT='%3R %3U %3S'
  { time "$@" >>"$work/log.$name" 2>&1 || rc=$?; } 2>"$work/time.last"
  read -r wall user sys <"$work/time.last"
  echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')" >>"$work/t.$name"
  return "$rc"
}

# best NAME COLUMN: the least value of a column (1 wall, 2 CPU) of $work/t.NAME.
best() { sort -g -k"$2,$2" "$work/t.$1" | head -n 1 | cut -d' ' -f"$2"; }

# peak_rss NAME COMMAND...: as timed, also appending the peak RSS in kB to $work/rss.NAME.
peak_rss() {
  local name=$1 rc=0
  shift
  timed "$name" /usr/bin/time -f '%M' -o "$work/rss.last" "$@" || rc=$?
  tail -n 1 "$work/rss.last" >>"$work/rss.$name"
  return "$rc"
}

failures=0
# same NAME EXPECTED ACTUAL: a correctness check; a difference is reported and fails the run.
same() {
  if cmp -s "$2" "$3"; then return 0; fi
  say "DIFFERENT: $1 ($(cmp "$2" "$3" 2>&1 | head -n 1))"
  failures=$((failures + 1))
  return 1
}

rows=()
# row FIGURE SANCHECK REFERENCE RATIO TARGET MET
row() { rows+=("$(printf '| %s | %s | %s | %s | %s | %s |' "$@")"); }
# verdict OK: the met? cell.
verdict() { if [[ $1 == 1 ]]; then echo yes; else echo "**no**"; fi; }

# ratio_row FIGURE UNIT VALUE REFERENCE REFERENCE_LABEL OP LIMIT TARGET: a row whose target
# is a ratio VALUE/REFERENCE OP LIMIT (OP: le or lt); UNIT formats both (s, ms, ns).
ratio_row() {
  local figure=$1 unit=$2 value=$3 reference=$4 label=$5 op=$6 limit=$7 target=$8 ratio ok
  ratio=$(awk -v a="$value" -v b="$reference" 'BEGIN { printf "%.2f", a / b }')
  ok=$(awk -v a="$value" -v b="$reference" -v l="$limit" -v op="$op" \
    'BEGIN { r = a / b; print (op == "lt" ? r < l : r <= l) }')
  row "$figure" "$(fmt "$value" "$unit")" "$label $(fmt "$reference" "$unit")" "${ratio}×" "$target" "$(verdict "$ok")"
}

# limit_row FIGURE UNIT VALUE LIMIT TARGET [REFERENCE_CELL RATIO_CELL]: a row with an absolute target.
limit_row() {
  local ok
  ok=$(awk -v a="$3" -v l="$4" 'BEGIN { print (a <= l) }')
  row "$1" "$(fmt "$3" "$2")" "${6:-—}" "${7:-—}" "$5" "$(verdict "$ok")"
}

thousands() { sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<<"$1"; }

fmt() {
  case $2 in
    s) printf '%.3f s' "$1" ;;
    ms) printf '%.2f ms' "$1" ;;
    ns) printf '%.1f ns/record' "$1" ;;
    MB) printf '%.0f MB' "$1" ;;
  esac
}

# --- the harness, its baseline, the records and the reference output ----------------------

say "copying the harness to $work/harness"
cp -R "$shared" "$work/harness"
chmod -R u+w "$work/harness"
harness=$work/harness
rm -rf "$harness/data" "$harness/results/out" "$harness/peers/baseline/build"
mkdir -p "$harness/data"

say "building the simdjson baseline"
"$harness/peers/baseline/build.sh" >"$work/log.build" 2>&1 || { cat "$work/log.build" >&2; die "baseline build failed"; }

data=$harness/data/records.jsonl reference=$work/reference.jsonl
generate() { python3 "$harness/gen.py" -n "$1" -o "${2%.jsonl}" >>"$work/log.gen" 2>&1; }
big=$harness/data/records-5m.jsonl big_reference=$work/reference-5m.jsonl
if ((five_million && records <= 5000000)); then
  # A file of N records is the first N of any larger one (same seed), and reference.py writes
  # one line per record: the 5M file and its reference give the N-record ones by `head`.
  say "generating 5,000,000 records"
  generate 5000000 "$big"
  say "reference.py on 5,000,000 records"
  python3 "$harness/reference.py" "$big" "$big_reference" 2>>"$work/log.reference"
  head -n "$records" "$big" >"$data"
  head -n "$records" "$big_reference" >"$reference"
else
  say "generating $records records"
  generate "$records" "$data"
  say "reference.py on $records records"
  python3 "$harness/reference.py" "$data" "$reference" 2>>"$work/log.reference"
  if ((five_million)); then
    say "generating 5,000,000 records"
    generate 5000000 "$big"
    say "reference.py on 5,000,000 records"
    python3 "$harness/reference.py" "$big" "$big_reference" 2>>"$work/log.reference"
  fi
fi

# --- batch rows ---------------------------------------------------------------------------

run_baseline() { timed baseline "$harness/peers/baseline/run.sh" "$data" "$work/out.baseline" --mode stream --parser simdjson; }
run_workload() { timed workload "$here/run.sh" "$data" "$work/out.workload" --mode stream; }
run_builtin() { timed "builtin$1" "$bin" batch --threads "$1" --max-errors -1 -o "$work/out.builtin$1" "$data"; }

# run_job JOB: one run of a batch job and the checks of its output.
run_job() {
  case $1 in
    baseline)
      run_baseline || die "the baseline failed (see its log: $(tail -n 3 "$work/log.baseline"))"
      cmp -s "$reference" "$work/out.baseline" || say "warning: the baseline's output differs from reference.py's"
      ;;
    workload)
      run_workload || die "bench/run.sh failed: $(tail -n 3 "$work/log.workload")"
      same "workload pack, $records records vs reference.py" "$reference" "$work/out.workload" || true
      ;;
    builtin1 | builtin2)
      local rc=0
      run_builtin "${1#builtin}" || rc=$?
      ((rc <= 1)) || die "sancheck batch --threads ${1#builtin} failed: $(tail -n 3 "$work/log.$1")"
      ;;
  esac
}

jobs=(baseline workload builtin1 builtin2)
say "one unmeasured run of each batch job (page cache; output checks)"
for job in "${jobs[@]}"; do run_job "$job"; done
rm -f "$work"/t.*
same "built-in packs, 1 thread vs 2 threads" "$work/out.builtin1" "$work/out.builtin2" || true
[[ $(wc -l <"$work/out.builtin2") -eq $records ]] || { say "DIFFERENT: built-in packs wrote $(wc -l <"$work/out.builtin2") results for $records records"; failures=$((failures + 1)); }
for ((rep = 0; rep < reps; ++rep)); do
  say "batch round $((rep + 1)) of $reps"
  for ((j = 0; j < ${#jobs[@]}; ++j)); do run_job "${jobs[(j + rep) % ${#jobs[@]}]}"; done
done

n=$(thousands "$records")
ratio_row "batch, workload pack (bench/run.sh, stream), $n records, wall" s "$(best workload 1)" "$(best baseline 1)" \
  "C++ baseline, simdjson:" le 1.0 "≤ 1.0×"
ratio_row "batch, workload pack (bench/run.sh, stream), $n records, CPU (user+sys)" s "$(best workload 2)" "$(best baseline 2)" \
  "C++ baseline, simdjson:" le 1.0 "≤ 1.0×"
ratio_row "batch, built-in packs (screening on), 2 threads, $n records, wall" s "$(best builtin2 1)" "$(best workload 1)" \
  "workload pack:" le 1.3 "≤ 1.3×"
ratio_row "batch, built-in packs, 2 threads vs 1, $n records, wall" s "$(best builtin2 1)" "$(best builtin1 1)" \
  "1 thread:" lt 1.0 "< 1.0× (2 threads faster)"
row "batch, built-in packs, 1 thread / 2 threads, CPU (user+sys)" "$(fmt "$(best builtin1 2)" s) / $(fmt "$(best builtin2 2)" s)" — — — —

# --- cold start ---------------------------------------------------------------------------

say "cold start (bench/cold_start.sh, best of 30)"
"$here/cold_start.sh" "$bin" 30 >"$work/cold" 2>>"$work/log.cold" || die "bench/cold_start.sh failed"
cold_cell() { awk -F'|' -v pat="$1" 'index($2, pat) { gsub(/ /, "", $3); print $3 }' "$work/cold"; }
version_ms=$(cold_cell "sancheck --version")
check_ms=$(cold_cell "sancheck check")
limit_row "cold start, \`check\` of samples/article-2023-09/munitions.yaml, built-in packs (best of 30)" ms "$check_ms" 5 "≤ 5 ms" \
  "\`--version\`: $(fmt "$version_ms" ms)" "$(awk -v a="$check_ms" -v b="$version_ms" 'BEGIN { printf "%.2f×", a / b }')"

# --- one large scenario -------------------------------------------------------------------

say "check of a 100,000-activity scenario, best of $reps"
python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import scenario_scale as s
open(sys.argv[2], "w").write(s.scenario(100000, 20000))' "$here" "$work/s100k.yaml"
scenario_mb=$(stat -c %s "$work/s100k.yaml" | awk '{ printf "%.1f", $1 / 1e6 }')
for ((rep = 0; rep < reps; ++rep)); do
  peak_rss scenario "$bin" check "$work/s100k.yaml" --format json --fail-on never -o /dev/null \
    || die "check of the scenario failed: $(tail -n 3 "$work/log.scenario")"
done
rss_mb=$(sort -n "$work/rss.scenario" | tail -n 1 | awk '{ printf "%.1f", $1 / 1024 }')
limit_row "\`check\` of one scenario of 100,000 activities ($scenario_mb MB), wall (best of $reps)" s "$(best scenario 1)" 3 "≤ 3 s"
limit_row "\`check\` of one scenario of 100,000 activities, peak RSS (largest of $reps)" MB "$rss_mb" 300 "≤ 300 MB"

# --- rule count ---------------------------------------------------------------------------

say "rule-count sweep (bench/rule_count_sweep.py, 28 and 2,800 rules, best of $reps)"
python3 "$here/rule_count_sweep.py" "$data" "$work/sweep" --sancheck "$bin" --counts 28,2800 --reps "$reps" \
  >"$work/sweep.md" 2>>"$work/log.sweep" || die "bench/rule_count_sweep.py failed: $(tail -n 3 "$work/log.sweep")"
sweep_ns() { awk -F'|' -v c="$1" '$2 + 0 == c { print $4 + 0 }' "$work/sweep.md"; }
ratio_row "rule count: 2,800 rules vs 28, eval only (preload, 1 thread, best of $reps)" ns "$(sweep_ns 2800)" "$(sweep_ns 28)" \
  "28 rules:" le 2.0 "≤ 2×"

# --- five million -------------------------------------------------------------------------

if ((five_million)); then
  say "workload pack on 5,000,000 records (one run, checked against reference.py)"
  "$here/run.sh" "$big" "$work/out.5m" --mode stream >>"$work/log.5m" 2>&1 \
    || die "bench/run.sh failed on 5,000,000 records: $(tail -n 3 "$work/log.5m")"
  same "workload pack, 5,000,000 records vs reference.py" "$big_reference" "$work/out.5m" || true
fi

# --- the table ----------------------------------------------------------------------------

load_end=$(load_average)
{
  echo "| figure | sancheck | reference | ratio | target | met? |"
  echo "|---|---:|---:|---:|---|---|"
  printf '%s\n' "${rows[@]}"
  if ((failures)); then
    echo "| results of the workload pack vs reference.py, built-in packs 1 vs 2 threads | $failures run(s) differ (standard error says which) | reference.py | — | byte-identical | **no** |"
  else
    results=$n
    if ((five_million)); then results+=" and 5,000,000"; fi
    echo "| results of the workload pack, $results records | identical | reference.py | — | byte-identical | yes |"
  fi
  echo
  printf 'Machine: %s CPUs (nproc), %s; load average %s at the start, %s at the end.\n' \
    "$(nproc)" "$(grep -m 1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" "$load_start" "$load_end"
  echo
  printf "Command: \`%s\` (sancheck %s; best of %s).\n" "$command_line" "$("$bin" --version | head -n 1 | cut -d' ' -f2)" "$reps"
}
say "done in $((SECONDS - started)) s"
((failures == 0)) || exit 1
