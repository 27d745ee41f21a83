"""`python3 -m sancheck.dask` on a local cluster of two worker processes equals `sancheck batch` byte for byte."""
import json
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_records  # noqa: E402

RECORDS = 200_000


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    # Bad records and blank lines in every partition: their error lines name absolute line numbers.
    path = tmp_path_factory.mktemp("dask") / "records.jsonl"
    gen_records.write(str(path), RECORDS, seed=11, bad_every=20_011)
    return path


def dask_run(records, out, *extra):
    cmd = [sys.executable, "-m", "sancheck.dask", str(records), "--output", str(out), "--local-workers", "2", *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=240)


def test_dask_equals_batch_with_caps(cli, records, tmp_path):
    expected = tmp_path / "batch.jsonl"
    batch = subprocess.run([cli, "batch", str(records), "-o", str(expected)], capture_output=True, text=True)
    assert batch.returncode == 1, batch.stderr
    out = tmp_path / "dask.jsonl"
    # 4 MiB partitions: about 15 of them, each with capped petroleum deliveries to KP.
    p = dask_run(records, out, "--blocksize", "4MiB")
    assert p.returncode == 1, p.stderr
    assert out.read_bytes() == expected.read_bytes()
    # The same summary line as the batch command's.
    summary = [l for l in batch.stderr.splitlines() if l.startswith("summary ")]
    assert summary and summary[0] in p.stderr
    lines = out.read_bytes().splitlines()
    blank = sum(1 for l in records.read_bytes().splitlines() if not l.strip())
    assert blank >= 9 and len(lines) == RECORDS - blank  # blank lines have no result
    # Caps crossed: some deliveries were prohibited by the cap count, and it matters across partitions.
    capped = [json.loads(l) for l in lines if b"cap" in l]
    assert any(r["verdict"] == "prohibited" for r in capped) and any(r["verdict"] == "review" for r in capped)
    assert any(b'"verdict":"error"' in l for l in lines[len(lines) // 2:])


def test_dask_without_caps(cli, records, tmp_path, source_dir):
    # A pack without caps: one pass, partitions with bad records judged again at their line.
    pack = os.path.join(source_dir, "bench", "workload")
    expected = subprocess.run([cli, "batch", "--no-builtin", "--rules", pack, str(records)], capture_output=True)
    assert expected.returncode in (0, 1), expected.stderr
    out = tmp_path / "dask.jsonl"
    p = dask_run(records, out, "--blocksize", "8MiB", "--no-builtin", "--rules", pack)
    assert p.returncode in (0, 1), p.stderr
    assert out.read_bytes() == expected.stdout
