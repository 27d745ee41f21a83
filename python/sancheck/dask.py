"""`python3 -m sancheck.dask`: `sancheck batch` scaled out on a Dask cluster, with the same output byte for byte.

The records are read as a Dask bag of lines (``read_text`` with a block size: partitions in file
order); each partition is judged in a worker process with the sancheck module, and the results
are written in input order. Capped rules (the petroleum caps) are counted across the whole input
as one process counts them: a first pass collects every partition's capped deliveries, the
driver settles them all in date order with the engine's one cap counter, and the second pass
judges each partition with its decisions. See docs/scaling.md.
"""
import argparse
import os
import sys
import tempfile

import dask
import dask.bag as db

import sancheck

_OUTCOMES = ("prohibited", "review", "permitted", "not-applicable", "errors")
_checkers = {}


def _checker(packs):
    """The worker's Checker for these packs, loaded once per process (a few milliseconds)."""
    if packs not in _checkers:
        rules, lists, builtin = packs
        _checkers[packs] = sancheck.Checker(rules=list(rules), lists=list(lists), builtin=builtin)
    return _checkers[packs]


def _text(lines):
    # The partition's bytes as they are in the file: undecodable bytes were read with surrogateescape.
    return "".join(lines).encode("utf-8", "surrogateescape")


def _collect(lines, packs, name):
    """Pass 1 on a partition: its line count and its capped deliveries (undecided)."""
    args = sancheck._batch_args(name=name, threads=1, max_errors=-1)
    return len(lines), _checker(packs)._engine.collect_caps(_text(lines), args)


def _judge(lines, packs, name, first_line, settled, output):
    """Pass 2 on a partition: its result lines (bytes), line count and counts by outcome."""
    args = sancheck._batch_args(name=name, first_line=first_line, threads=1, max_errors=-1, **output)
    ok, results, messages, counts = _checker(packs)._engine.batch(_text(lines), args, settled)
    if not ok:
        raise RuntimeError(messages)
    return results, len(lines), counts, messages


def _partitions(inputs, blocksize):
    """(file, delayed lines) per partition, in input order."""
    parts = []
    for path in inputs:
        bag = db.read_text(path, blocksize=blocksize, linedelimiter="\n", encoding="utf-8", errors="surrogateescape")
        parts.extend((path, lines) for lines in bag.to_delayed())
    return parts


def _settle(checker, parts, client, packs):
    """Pass 1 and the reduction: per partition, its first line number and its cap decisions."""
    collected = client.gather(client.compute([dask.delayed(_collect)(lines, packs, path) for path, lines in parts]))
    everything = [d for _, deliveries in collected for d in deliveries]
    decided = iter(checker._engine.settle_caps(everything))
    starts, settled, line, previous = [], [], 1, None
    for (path, _), (count, deliveries) in zip(parts, collected):
        line = 1 if path != previous else line
        previous = path
        starts.append(line)
        line += count
        settled.append([next(decided) for _ in deliveries])
    return starts, settled


def run(client, inputs, output_path, packs, blocksize="64MiB", output=None, diag=sys.stderr):
    """Judges `inputs` on `client`'s cluster into `output_path`; returns the counts by outcome."""
    output = output or {}
    checker = _checker(packs)
    parts = _partitions(inputs, blocksize)
    caps = checker.has_caps()
    # Without caps, one pass: a partition's first line number is known only once the partitions
    # before it are counted, so one that holds bad records (whose error lines name their line)
    # is judged again with it; bad records are rare.
    starts, settled = _settle(checker, parts, client, packs) if caps else ([None] * len(parts), [None] * len(parts))
    futures = client.compute([dask.delayed(_judge)(lines, packs, path, start or 1, s, output)
                              for (path, lines), start, s in zip(parts, starts, settled)])
    totals = [0] * len(_OUTCOMES)
    folder = os.path.dirname(os.path.abspath(output_path))
    fd, temporary = tempfile.mkstemp(prefix=".sancheck-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            line, previous = 1, None
            for i, future in enumerate(futures):
                path, lines = parts[i]
                line = 1 if path != previous else line
                previous = path
                results, count, counts, messages = future.result()
                futures[i] = None  # the driver holds one partition's results at a time
                if counts[4] and starts[i] is None and line != 1:
                    results, count, counts, messages = client.compute(
                        dask.delayed(_judge)(lines, packs, path, line, None, output)).result()
                diag.write(messages)
                out.write(results)
                line += count
                totals = [a + b for a, b in zip(totals, counts)]
        os.replace(temporary, output_path)  # the results appear whole, or not at all
    except BaseException:
        os.unlink(temporary)
        raise
    return totals


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m sancheck.dask",
                                     description="Judge shipment records (JSONL) on a Dask cluster, as `sancheck batch` does")
    parser.add_argument("inputs", nargs="+", help="JSONL record files (every worker must read them at the same path)")
    parser.add_argument("--output", "-o", required=True, help="The results file (JSONL, in input order)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786)")
    where.add_argument("--local-workers", type=int, default=2, help="Worker processes of a local cluster (default 2)")
    parser.add_argument("--rules", action="append", default=[], help="A rule-pack folder or file; repeatable")
    parser.add_argument("--lists", action="append", default=[], help="A designation list file; repeatable")
    parser.add_argument("--no-builtin", action="store_true", help="Load only the --rules packs")
    parser.add_argument("--blocksize", default="64MiB", help="Bytes of input per partition (default 64MiB)")
    parser.add_argument("--no-match", default="permitted", choices=["permitted", "not-applicable"])
    parser.add_argument("--rule-ids", default="full", choices=["full", "short"])
    parser.add_argument("--citations", action="store_true")
    parser.add_argument("--fail-on", default="prohibited", choices=["prohibited", "review", "never"])
    args = parser.parse_args(argv)
    from dask.distributed import Client, LocalCluster

    packs = (tuple(os.path.abspath(r) if os.path.exists(r) else r for r in args.rules),
             tuple(os.path.abspath(p) for p in args.lists), not args.no_builtin)
    output = {"no_match": args.no_match, "short_ids": args.rule_ids == "short", "citations": args.citations}
    try:
        if args.scheduler:
            with Client(args.scheduler) as client:
                counts = run(client, args.inputs, args.output, packs, args.blocksize, output)
        else:
            with LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                counts = run(client, args.inputs, args.output, packs, args.blocksize, output)
    except sancheck.InputError as e:
        sys.stderr.write(str(e))
        return 2
    no_match = args.no_match == "permitted"
    sys.stderr.write("summary total=%d prohibited=%d review=%d permitted=%d not-applicable=%d%s\n" % (
        sum(counts[:4]), counts[0], counts[1], counts[2] + (counts[3] if no_match else 0),
        0 if no_match else counts[3], " errors=%d" % counts[4] if counts[4] else ""))
    if counts[4]:
        return 1
    fails = {"prohibited": counts[0] > 0, "review": counts[0] + counts[1] > 0, "never": False}[args.fail_on]
    return 1 if fails else 0


if __name__ == "__main__":
    # Run as the imported module, so that the tasks pickle by reference (sancheck.dask._judge),
    # which every worker imports, rather than as functions of this __main__.
    from sancheck import dask as _imported
    sys.exit(_imported.main())
