#!/usr/bin/env python3
"""Writes N random shipment records as JSONL: the differential test's records (designated names,
capped petroleum deliveries to KP out of date order, ordinary trade), plus a few bad records."""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "differential"))
from differential import random_record  # noqa: E402  (one generator of records for every test)

BAD = ['{"id": "bad-date", "date": "2023-13-45", "exporter_country": "CN", "importer_country": "KP", "hs": "2710"}',
       '{"id": "bad-json", "date": "2023-01-01", ',
       '{"id": "bad-unit", "date": "2018-03-01", "exporter_country": "RU", "importer_country": "KP", '
       '"hs": "271019", "quantity": 5, "unit": "barrels"}']


def write(path, count, seed=1, bad_every=0):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            if bad_every and i % bad_every == bad_every - 1:
                out.write(BAD[(i // bad_every) % len(BAD)] + "\n")
            elif bad_every and i % bad_every == bad_every // 2:
                out.write("\n")  # blank lines are skipped but counted in line numbers
            else:
                out.write(json.dumps(random_record(rng, i), separators=(",", ":")) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, required=True, help="records")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bad-every", type=int, default=0, help="a bad record (and a blank line) every N lines")
    args = parser.parse_args()
    write(args.output, args.n, args.seed, args.bad_every)


if __name__ == "__main__":
    main()
