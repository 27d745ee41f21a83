#!/usr/bin/env bash
# Single-machine demonstration of screening a ledger in parallel pieces (docs/scaling.md):
# split the records, judge the pieces in parallel processes, reduce the cap totals per period,
# and check that the result equals one process over the whole ledger.
#   bench/scale-demo.sh INPUT.jsonl [PIECES] [-- sancheck batch options, e.g. --rules DIR]
# Default rules: the built-in packs (their petroleum caps make the reduction matter).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
input=${1:?usage: scale-demo.sh INPUT.jsonl [PIECES] [-- batch options]}
pieces=${2:-4}
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift
bin=${SANCHECK:-$root/build-batch/sancheck}
[ -x "$bin" ] || { echo "scale-demo: build sancheck first or set SANCHECK" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
batch() { "$bin" batch --fail-on never --progress never --max-errors -1 "$@" 2>/dev/null; }

echo "one process over the whole ledger"
t0=$(date +%s.%N)
batch "$@" --ledger "$work/one.ledger.json" -o "$work/one.jsonl" "$input"
t1=$(date +%s.%N)

echo "split into $pieces pieces at line boundaries"
split -d -a 3 -n "l/$pieces" "$input" "$work/piece."
mapfile -t parts < <(ls "$work"/piece.*)

# Map 1 (parallel, stateless): each piece from zero; only its cap totals per rule and period are kept.
echo "map 1: cap totals of each piece, in parallel"
for p in "${parts[@]}"; do batch "$@" --ledger "$p.totals.json" -o /dev/null "$p" & done
wait

# Reduce (tiny): piece i starts from the sum of the totals of pieces 0..i-1, per rule and period.
echo "reduce: running cap totals per period"
python3 - "${parts[@]}" <<'PY'
import json, sys
running = {}
for piece in sys.argv[1:]:
    with open(piece + ".start.json", "w") as f:
        json.dump({"caps": running}, f)
    with open(piece + ".totals.json") as f:
        for rule, periods in json.load(f)["caps"].items():
            for period, amount in periods.items():
                running.setdefault(rule, {})
                running[rule][period] = running[rule].get(period, 0.0) + amount
PY

# Map 2 (parallel): each piece judged from its starting totals gives its final results.
echo "map 2: judge each piece from its starting totals, in parallel"
for p in "${parts[@]}"; do
  cp "$p.start.json" "$p.ledger.json"
  batch "$@" --ledger "$p.ledger.json" -o "$p.out" "$p" &
done
wait
t2=$(date +%s.%N)
cat "${parts[@]/%/.out}" > "$work/pieces.jsonl"

if cmp -s "$work/one.jsonl" "$work/pieces.jsonl"; then
  echo "results: identical ($(wc -l < "$work/one.jsonl") records)"
else
  echo "results: DIFFERENT" >&2
  diff <(cut -c1-200 "$work/one.jsonl") <(cut -c1-200 "$work/pieces.jsonl") | head >&2
  exit 1
fi
# The last piece's ledger holds the run's final totals; sums of doubles in another order may
# differ in the last bits, so totals are compared to a relative 1e-9.
python3 - "$work/one.ledger.json" "${parts[-1]}.ledger.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["caps"]
b = json.load(open(sys.argv[2]))["caps"]
keys = {(r, p) for r in a for p in a[r]} | {(r, p) for r in b for p in b[r]}
bad = [k for k in keys if abs(a.get(k[0], {}).get(k[1], 0) - b.get(k[0], {}).get(k[1], 0)) > 1e-9 * max(1, abs(a.get(k[0], {}).get(k[1], 0)))]
print("cap totals: %s (%d rule-periods)" % ("identical" if not bad else "DIFFERENT %r" % bad, len(keys)))
for r in sorted(a):
    for p in sorted(a[r]):
        print("  %s %s: %.0f" % (r, p, a[r][p]))
sys.exit(1 if bad else 0)
PY
printf 'one process: %.2f s; %d pieces, two parallel passes: %.2f s\n' "$(echo "$t1 - $t0" | bc)" "$pieces" "$(echo "$t2 - $t1" | bc)"
