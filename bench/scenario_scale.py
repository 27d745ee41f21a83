#!/usr/bin/env python3
"""Times `sancheck check` on one scenario whose party count grows with its activity count.

Usage: bench/scenario_scale.py SANCHECK [--sizes 1000,3000,10000] [--parties-per-activity 0.2]
Prints seconds per size and the growth exponent between the smallest and largest size
(1.0 is linear). Screening must cost one list search per party, not one per activity.
"""
import argparse
import math
import os
import subprocess
import tempfile
import time

NAMES = ["Jo Chun-ryong", "Korea Mining Development Trading Corporation", "Ordinary Trading Co %d",
         "Hamburg Maschinenbau %d GmbH", "Dandong Foods %d", "Kim Chol %d"]


def scenario(n, parties):
    lines = ["scenario: scale", "title: Scale test", "date: 2023-09-13", "parties:"]
    for p in range(parties):
        name = NAMES[p % len(NAMES)]
        name = name % p if "%d" in name else name
        lines.append("  p%d:\n    name: \"%s\"\n    country: %s\n    kind: company" % (p, name, ["KP", "RU", "CN", "DE"][p % 4]))
    lines.append("activities:")
    for i in range(n):
        lines.append("  - id: a%d\n    type: supply\n    from: p%d\n    to: p%d\n    items:\n"
                     "      - description: Goods\n        hs: \"%s\"\n        quantity: 10\n        unit: t" %
                     (i, i % parties, (i * 7 + 1) % parties, ["8471", "100199", "930690", "271019"][i % 4]))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sancheck")
    ap.add_argument("--sizes", default="1000,3000,10000")
    ap.add_argument("--parties-per-activity", type=float, default=0.2)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = os.path.join(tmp, "scale-%d.yaml" % n)
            with open(path, "w") as f:
                f.write(scenario(n, max(2, int(n * args.parties_per_activity))))
            t0 = time.perf_counter()
            subprocess.run([args.sancheck, "check", "--format", "json", "--fail-on", "never", path],
                           stdout=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - t0)
            print("activities=%d parties=%d seconds=%.3f" % (n, max(2, int(n * args.parties_per_activity)), times[-1]))
    if len(sizes) > 1:
        k = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0])
        print("growth exponent %.2f (from %d to %d activities)" % (k, sizes[0], sizes[-1]))


if __name__ == "__main__":
    main()
