"""The Python module against the CLI: the same reports, screenings and result lines, errors, threads."""
import glob
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

import sancheck
from conftest import run_cli

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_records  # noqa: E402


def samples(source_dir):
    paths = sorted(glob.glob(os.path.join(source_dir, "samples", "article-2023-09", "*.yaml")))
    assert len(paths) >= 8
    return paths


def test_check_equals_cli_json(checker, cli, source_dir):
    for path in samples(source_dir):
        expected = json.loads(run_cli(cli, "check", "--format", "json", path))
        with open(path, encoding="utf-8") as f:
            got = checker.check(f.read(), file=path)
        assert got == expected, path
    # The articles hold both verdicts the tests below rely on.
    verdicts = {checker.check(open(p, encoding="utf-8").read())["scenarios"][0]["verdict"] for p in samples(source_dir)}
    assert "prohibited" in verdicts and "permitted" in verdicts


def test_check_as_of_and_dict(checker, cli, source_dir):
    scenario = {"scenario": "fuel", "title": "Diesel to Nampo",
                "parties": {"a": {"name": "Dalian Fuel Co", "country": "CN", "kind": "company"},
                            "b": {"name": "Nampo Trading", "country": "KP", "kind": "company"}},
                "activities": [{"id": "diesel", "type": "supply", "from": "a", "to": "b",
                                "items": [{"description": "Diesel", "hs": "271019", "quantity": 100, "unit": "bbl"}]}]}
    text = json.dumps(scenario)
    expected = json.loads(run_cli(cli, "check", "--format", "json", "--as-of", "2019-05-01", "-", stdin=text.encode()))
    got = checker.check(scenario, as_of="2019-05-01", file="<stdin>")
    assert got == expected
    activity = got["scenarios"][0]["activities"][0]
    assert activity["verdict"] == "review"  # a capped delivery within the cap: notify the Committee
    assert any("cap" in f["rule"] for f in activity["findings"])
    # Before the caps (resolution 2375, 2017), the same delivery was permitted.
    early = checker.check(scenario, as_of="2010-01-01")
    assert early["scenarios"][0]["activities"][0]["verdict"] == "permitted"


def test_input_error_is_positioned(checker):
    bad = "scenario: s\ntitle: t\nparties:\n  a: {name: A, country: XX, kind: company}\nactivities: []\n"
    with pytest.raises(sancheck.InputError) as e:
        checker.check(bad, file="bad.yaml")
    diags = e.value.diagnostics
    assert diags and diags[0]["line"] == 4 and diags[0]["column"] > 1
    assert diags[0]["code"] and "XX" in diags[0]["message"]
    assert "bad.yaml:4:" in str(e.value)
    with pytest.raises(sancheck.InputError) as e:
        sancheck.Checker(rules=["/nonexistent/pack"])
    assert e.value.diagnostics
    with pytest.raises(ValueError):
        checker.check("scenario: s\n", as_of="2019-02-30")


def test_screen_equals_cli_json(checker, cli):
    names = ["Jo Chun-ryong", "Ri Pyong Chol", "Hamburg Maschinenbau GmbH"]
    expected = json.loads(run_cli(cli, "screen", "--format", "json", "--country", "KP", "--kind", "individual",
                                  "--as-of", "2024-01-01", *names))
    got = checker.screen(names, country="KP", kind="individual", as_of="2024-01-01")
    assert got == expected
    assert json.dumps(got).count("KPi.038") >= 1  # CHO CHUN RYONG, as the README shows
    with pytest.raises(ValueError):
        checker.screen("x", country="XX")


def test_batch_equals_cli_lines(checker, cli, tmp_path):
    path = tmp_path / "records.jsonl"
    gen_records.write(str(path), 3000, seed=7, bad_every=500)
    expected = run_cli(cli, "batch", str(path))
    text = path.read_text(encoding="utf-8")
    assert checker.batch_text(text, name=str(path)) == expected
    lines = checker.batch(text, name=str(path))
    assert lines == [json.loads(l) for l in expected.splitlines()]
    verdicts = {l["verdict"] for l in lines}
    assert {"prohibited", "review", "permitted", "error"} <= verdicts
    # A list of dicts is the same as its JSONL.
    records = [json.loads(l) for l in text.splitlines()[:200] if l.strip().startswith('{"id":"r')]
    assert checker.batch(records) == checker.batch("".join(json.dumps(r) + "\n" for r in records))


def test_batch_frame(checker):
    frame = pd.DataFrame({
        "id": ["a", "b", "c"],
        "date": pd.to_datetime(["2018-03-01", "2018-03-02", "2016-01-01"]),
        "exporter_country": ["RU", "DE", "CN"],
        "importer_country": ["KP", "FR", "KP"],
        "hs": ["930690", "0901", "271019"],
        "quantity": [10, None, 100],
        "unit": ["pcs", None, "bbl"],
    }, index=[10, 20, 30])
    out = checker.batch_frame(frame)
    assert list(out.index) == [10, 20, 30]
    assert list(out.columns) == ["verdict", "rules", "match", "error"]
    expected = checker.batch([{"id": "a", "date": "2018-03-01", "exporter_country": "RU", "importer_country": "KP",
                               "hs": "930690", "quantity": 10, "unit": "pcs"},
                              {"id": "b", "date": "2018-03-02", "exporter_country": "DE", "importer_country": "FR",
                               "hs": "0901"},
                              {"id": "c", "date": "2016-01-01", "exporter_country": "CN", "importer_country": "KP",
                               "hs": "271019", "quantity": 100, "unit": "bbl"}])
    assert list(out["verdict"]) == [r["verdict"] for r in expected]
    assert list(out["rules"]) == [r["rules"] for r in expected]
    assert out.loc[10, "verdict"] == "prohibited" and out.loc[20, "verdict"] == "permitted"


def test_threads_share_one_checker(checker, tmp_path):
    path = tmp_path / "records.jsonl"
    gen_records.write(str(path), 2000, seed=3)
    text = path.read_text(encoding="utf-8")
    scenario = open(os.path.join(os.environ["SANCHECK_SOURCE_DIR"], "samples", "article-2023-09", "munitions.yaml"),
                    encoding="utf-8").read()
    want_batch, want_check = checker.batch_text(text), checker.check(scenario)
    want_screen = checker.screen("Jo Chun-ryong", as_of="2024-01-01")

    def work(i):
        return (checker.batch_text(text, threads=1), checker.check(scenario),
                checker.screen("Jo Chun-ryong", as_of="2024-01-01"))

    with ThreadPoolExecutor(max_workers=8) as pool:
        for got in pool.map(work, range(16)):
            assert got == (want_batch, want_check, want_screen)
