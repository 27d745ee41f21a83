"""sancheck from Python: judge scenarios, screen names and judge shipment records with the one engine.

The answers are the command line's, parsed: ``Checker.check`` returns what
``sancheck check --format json`` writes, ``Checker.screen`` what ``sancheck screen --format json``
writes, ``Checker.batch`` the result lines of ``sancheck batch``. A Checker is immutable and may
be used from several threads at once; the engine runs without the interpreter lock.
"""
import datetime
import io
import json

from . import _sancheck

__all__ = ["Checker", "InputError", "version"]

version = _sancheck.version


class InputError(ValueError):
    """Input the engine refused (a scenario, a rule pack, a list): ``diagnostics`` holds each
    problem as {file, line, column, severity, code, message}; ``str()`` is the positioned text
    the command line prints."""

    def __init__(self, rendered, diagnostics):
        super().__init__(rendered)
        self.diagnostics = diagnostics


def _unwrap(result):
    value, diagnostics, rendered = result
    if value is None:
        raise InputError(rendered, diagnostics)
    return value


def _date_text(value):
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    raise TypeError("expected a date or 'YYYY-MM-DD', found %r" % (value,))


def _batch_args(name="<records>", first_line=1, threads=2, short_ids=False, citations=False,
                no_match="permitted", max_errors=1000):
    args = _sancheck.BatchArgs()
    args.name, args.first_line, args.threads = name, first_line, threads
    args.short_ids, args.citations, args.no_match, args.max_errors = short_ids, citations, no_match, max_errors
    return args


def _records_bytes(records):
    if isinstance(records, bytes):
        return records
    if isinstance(records, str):
        # Bytes that are not UTF-8 (read with errors='surrogateescape') go through as they were.
        return records.encode("utf-8", "surrogateescape")
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


class Checker:
    """Rule packs and designation lists, loaded once.

    ``rules``: pack folders or files beside the built-in packs (only these with
    ``builtin=False``); ``lists``: designation list files screened beside the packs' own.
    Reports are dated by SOURCE_DATE_EPOCH when it is set, as the command line's are.
    """

    def __init__(self, rules=None, lists=None, builtin=True):
        self._engine = _unwrap(_sancheck.load(list(rules or []), list(lists or []), builtin))

    def check(self, scenario, as_of=None, file="<scenario>"):
        """Judges a scenario file's text (or a dict, dumped to JSON, which the YAML loader reads);
        returns the JSON report as a dict. ``file`` names the text in the report and in errors.
        Raises InputError with the positioned diagnostics when the scenario is refused."""
        text = scenario if isinstance(scenario, str) else json.dumps(scenario, ensure_ascii=False)
        return json.loads(_unwrap(self._engine.check(text, file, _date_text(as_of))))

    def screen(self, names, country=None, born=None, kind=None, as_of=None, threshold=0.80):
        """Screens names (a name or a list) against the designation lists; returns the JSON
        `sancheck screen --format json` writes, as a dict."""
        if isinstance(names, str):
            names = [names]
        born = "" if born is None else str(born)
        out = self._engine.screen(list(names), country or "", born, kind or "", _date_text(as_of), threshold)
        return json.loads(out)

    def batch_text(self, records, **options):
        """Runs the batch on JSONL (text or bytes, or a list of dicts) and returns the result
        lines as bytes, exactly as `sancheck batch` writes them. Options: name, first_line,
        threads, short_ids, citations, no_match, max_errors. Raises InputError when the run
        could not be done (too many bad records)."""
        ok, results, messages, _ = self._engine.batch(_records_bytes(records), _batch_args(**options), None)
        if not ok:
            raise InputError(messages, [])
        return results

    def batch(self, records, **options):
        """Judges shipment records (a list of dicts, or JSONL text) as `sancheck batch` does;
        returns the result lines as dicts, one per record, in order."""
        return [json.loads(line) for line in self.batch_text(records, **options).splitlines()]

    def batch_frame(self, frame, **options):
        """Judges a DataFrame of records (columns as in the batch record format: id, date, hs,
        exporter_country, ...; missing values are absent fields); returns a DataFrame with the
        columns verdict, rules, match and error, on the same index. The frame goes to the engine
        as one JSONL text and comes back as one: no Python loop over rows."""
        import pandas as pd

        records = frame
        dates = [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]
        if dates:
            # The record format reads dates as YYYY-MM-DD text, not as pandas' epoch milliseconds.
            records = frame.copy()
            for c in dates:
                records[c] = frame[c].dt.strftime("%Y-%m-%d")
        text = records.to_json(orient="records", lines=True, force_ascii=False)
        results = self.batch_text(text, **options).decode("utf-8")
        out = pd.read_json(io.StringIO(results), lines=True, orient="records", dtype=False, convert_dates=False) \
            if results else pd.DataFrame()
        if len(out) != len(frame):
            raise RuntimeError("the batch returned %d results for %d records" % (len(out), len(frame)))
        out = out.reindex(columns=["verdict", "rules", "match", "error"])
        out = out.astype(object).where(out.notna(), None)
        out.index = frame.index
        return out

    def has_caps(self):
        """Whether a loaded rule has a cap (whose decisions depend on the whole input)."""
        return self._engine.has_caps()
