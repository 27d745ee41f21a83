#!/usr/bin/env python3
# Rule-count sweep: times `sancheck batch` evaluation with packs of 28, 280 and 2,800 rules built from the workload's.
"""Rule-count sweep for `sancheck batch`.

    bench/rule_count_sweep.py INPUT.jsonl SCRATCH [--sancheck BIN] [--counts 28,280,2800] [--reps 5]
                              [-- extra sancheck batch options, e.g. --no-index]

Writes one pack per rule count into SCRATCH (never into the repository): the workload's 28 rules
(bench/workload) and, for larger counts, variants of them of the same shapes against other
countries, other HS headings and subheadings, other tags and effective dates. A variant narrows a
whole-chapter rule to one heading, as real packs list goods, so each record still meets few
rules. Each pack is run with `--mode preload --threads 1 --timing` (evaluation timed apart from
reading and writing); the best eval_s of the repetitions is reported with its ratio to the first
count's.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOAD = os.path.join(HERE, "workload")

# Countries the variants name: trading partners of every size, so that most records meet a
# country some rule names (as with a real multi-regime pack), KP left to the workload's rules.
COUNTRIES = [
    "IR", "SY", "RU", "BY", "VE", "CU", "MM", "SD", "LY", "IQ", "YE", "SO", "CN", "HK", "SG", "AE",
    "TR", "IN", "PK", "MY", "TH", "VN", "ID", "PH", "KR", "JP", "TW", "US", "CA", "MX", "BR", "AR",
    "CL", "DE", "FR", "GB", "IT", "ES", "NL", "BE", "PL", "CZ", "UA", "KZ", "UZ", "GE", "AM", "AZ",
    "SA", "QA", "KW", "OM", "EG", "NG", "ZA", "KE", "ET", "AU", "NZ", "MN",
]
TAGS = ["mtcr", "nsg", "dual-use", "luxury"]
# The workload's HS sets, as chapter ranges, for variants that name one heading of them.
SET_CHAPTERS = {"textiles-hs": (50, 63), "vehicles-hs": (86, 89), "metals-hs": (72, 83), "food-hs": (1, 24)}


def read_rules(path):
    """The workload's rules as (id, block text) pairs, blocks as written (2-space list items)."""
    text = open(path, encoding="utf-8").read()
    head, _, body = text.partition("rules:\n")
    blocks = re.split(r"\n(?=  - id: )", body.strip("\n"))
    return [(re.search(r"id: (\S+)", b).group(1), b) for b in blocks]


def narrow_hs(code, k, r):
    """Another code of the same shape: a chapter becomes one of its headings, a heading another
    heading of its chapter, a subheading another subheading of its heading."""
    if code.startswith("$"):
        lo, hi = SET_CHAPTERS[code[1:]]
        chapter = lo + (k * 7 + r) % (hi - lo + 1)
        return "%02d%02d" % (chapter + (chapter == 77), 1 + (k * 3 + r) % 20)  # 77 is reserved
    if len(code) == 2:
        return "%s%02d" % (code, 1 + (k * 3 + r) % 20)
    if len(code) == 4:
        return "%s%02d" % (code[:2], 1 + (k * 5 + r) % 30)
    return "%s%02d" % (code[:4], 10 * (1 + (k + r) % 9))


def variant(block, rule_no, k):
    """Variant k of the workload rule `block` (its rule_no-th): same shape, other values."""
    r = rule_no
    country = COUNTRIES[(k * 7 + r) % len(COUNTRIES)]
    out = re.sub(r"\bKP\b", country, block)
    out = re.sub(r"id: (\S+)", lambda m: "id: %s-V%03d" % (m.group(1), k), out, count=1)

    def hs_list(m):
        codes = [c.strip() for c in m.group(1).split(",")]
        return "item.hs in [%s]" % ", ".join(narrow_hs(c, k + i, r) for i, c in enumerate(codes))

    out = re.sub(r"item\.hs in \[([0-9, ]+)\]", hs_list, out)
    out = re.sub(r"item\.hs in (\$[a-z-]+)", lambda m: "item.hs in [%s]" % narrow_hs(m.group(1), k, r), out)
    out = re.sub(r"item\.tags in \[[a-z, -]+\]", "item.tags in [%s]" % TAGS[(k + r) % len(TAGS)], out)
    out = re.sub(r"effective: (\d{4})", lambda m: "effective: %d" % (2006 + (k * 5 + r) % 18), out)
    return out


def write_pack(folder, count, rules, pack_head):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "pack.yaml"), "w", encoding="utf-8") as f:
        f.write(pack_head.replace("pack: bench-dprk", "pack: bench-sweep-%d" % count))
    blocks = [b for _, b in rules]
    for k in range(1, (count + len(rules) - 1) // len(rules)):
        blocks += [variant(b, r, k) for r, (_, b) in enumerate(rules)]
    with open(os.path.join(folder, "rules.yaml"), "w", encoding="utf-8") as f:
        f.write("rules:\n" + "\n\n".join(blocks[:count]) + "\n")


def run(bin_path, folder, data, extra):
    cmd = [bin_path, "batch", "--no-builtin", "--rules", folder, "--rule-ids", "short", "--no-match",
           "not-applicable", "--fail-on", "never", "--progress", "never", "--max-errors", "-1", "--timing",
           "--mode", "preload", "--threads", "1", "-o", os.devnull, data] + extra
    done = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):  # 1: some record was bad (the generator's units sancheck lacks)
        sys.exit(done.stderr)
    err = done.stderr
    timing = re.search(r"eval_s=([0-9.]+)", err)
    engine = re.search(r"^engine .*$", err, re.M)
    summary = re.search(r"^summary .*$", err, re.M)
    return float(timing.group(1)), engine.group(0), summary.group(0), int(re.search(r"records=(\d+)", err).group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("input")
    ap.add_argument("scratch")
    ap.add_argument("--sancheck", default=os.path.join(HERE, "..", "build", "release", "sancheck"))
    ap.add_argument("--counts", default="28,280,2800")
    ap.add_argument("--reps", type=int, default=5)
    args, extra = ap.parse_known_args()
    extra = [a for a in extra if a != "--"]
    rules = read_rules(os.path.join(WORKLOAD, "rules.yaml"))
    pack_head = open(os.path.join(WORKLOAD, "pack.yaml"), encoding="utf-8").read()
    base = None
    print("| rules | eval s (best of %d) | ns/record | ratio | findings |" % args.reps)
    print("|---:|---:|---:|---:|---|")
    for count in (int(c) for c in args.counts.split(",")):
        folder = os.path.join(args.scratch, "rules-%d" % count)
        write_pack(folder, count, rules, pack_head)
        runs = [run(args.sancheck, folder, args.input, extra) for _ in range(args.reps)]
        best = min(t for t, _, _, _ in runs)
        _, engine, summary, records = runs[0]
        base = base or best
        print("| %d | %.4f | %.1f | %.2f | %s |" % (count, best, best * 1e9 / records, best / base,
                                                  " ".join(summary.split()[2:5])), flush=True)
        print("  " + engine, file=sys.stderr)


if __name__ == "__main__":
    main()
