"""Run the fuzz corpus through the real import path and count what became of each case.

    .venv/bin/python -m tests.robustness.run_fuzz --cases 10000 [--seed 11] [--json out.json]

Each case is imported with ``imports.import_file`` into one fresh database (workbooks go
through the child-process reader). A case passes when it is stored (and everything stored
is plausible) or refused with a message that names the file (and the database is exactly
as before). Anything else is a failure, classed by what happened: an exception type that
escaped, an unlocated message, a changed database on refusal, an implausible stored value,
a case slower than the limit. A dead or hung process ends the run; the test that drives
this script in a subprocess sees that as its failure.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

CASE_SECONDS = 30.0


def _state(store) -> tuple:
    conn = store.conn
    return (
        conn.execute("SELECT count(*), coalesce(max(id), 0) FROM imports").fetchone(),
        conn.execute("SELECT count(*) FROM observations").fetchone(),
        conn.execute("SELECT count(*) FROM units").fetchone(),
    )


def _implausible(store, import_id: int) -> list[str]:
    from nki_desktop.domain import plausibility
    from nki_desktop.domain.records import Observation
    from nki_desktop.domain.text import clean_text

    rows = store.conn.execute(
        "SELECT year, unit, area, factor, grp, value, n, rank, rank_of, ci_low, ci_high "
        "FROM observations WHERE import_id = ?",
        (import_id,),
    ).fetchall()
    units = len(store.catalogue) + store.conn.execute("SELECT count(*) FROM units").fetchone()[0]
    found = [f.reason for f in plausibility.findings((Observation(*r) for r in rows), units)]
    names = store.conn.execute("SELECT name FROM units WHERE kind = 'joint'").fetchall()
    found += [f"oren text: {n!r}" for (n,) in names if clean_text(n) != n]
    return found


def run(cases: int, seed: int = 11, start: int = 0, verbose: bool = False) -> dict:
    from nki_desktop.services import imports
    from nki_desktop.storage import Store
    from tests.robustness.corpus import Corpus

    with tempfile.TemporaryDirectory(prefix="nki-fuzz-") as tmp:
        folder = Path(tmp)
        corpus = Corpus(folder / "fixtures", seed)
        store = Store.open(folder / "fuzz.sqlite")
        outcomes: Counter[str] = Counter()
        failures: Counter[str] = Counter()
        refusals: Counter[str] = Counter()
        examples: dict[str, str] = {}
        slowest = 0.0
        started = time.monotonic()
        try:
            for index in range(start, start + cases):
                name, data, recipe = corpus.case(index)
                path = folder / name
                path.write_bytes(data)
                before = _state(store)
                t0 = time.monotonic()
                failure = ""
                try:
                    outcome = imports.import_file(store, path)
                except BaseException as exc:  # noqa: BLE001 - counting what escapes
                    if isinstance(exc, KeyboardInterrupt):
                        raise
                    failure = f"exception {type(exc).__name__}"
                    examples.setdefault(failure, f"{recipe}: {exc}"[:300])
                    outcome = None
                elapsed = time.monotonic() - t0
                slowest = max(slowest, elapsed)
                if outcome is not None:
                    if "Traceback" in outcome.message:
                        failure = "traceback in message"
                    elif outcome.ok and outcome.import_id and not outcome.duplicate:
                        bad = _implausible(store, outcome.import_id)
                        if bad:
                            failure = "implausible stored"
                            examples.setdefault(failure, f"{recipe}: {bad[0]}")
                        outcomes["stored"] += 1
                    elif outcome.ok:
                        outcomes["stored (already imported)"] += 1
                    else:
                        outcomes["refused"] += 1
                        refusals[_refusal_class(outcome.message)] += 1
                        if name not in outcome.message:
                            failure = "unlocated message"
                            examples.setdefault(failure, f"{recipe}: {outcome.message}"[:300])
                        if _state(store) != before:
                            failure = "database changed on refusal"
                if elapsed > CASE_SECONDS:
                    failure = failure or f"slower than {CASE_SECONDS:.0f} s"
                if failure:
                    failures[failure] += 1
                    examples.setdefault(failure, recipe)
                    if verbose:
                        print(f"FAIL {index} {recipe}: {failure}", file=sys.stderr)
                path.unlink()
        finally:
            store.close()
    return {
        "tried": cases,
        "seed": seed,
        "start": start,
        **outcomes,
        "failures": sum(failures.values()),
        "failure_classes": dict(failures),
        "examples": examples,
        "refusal_classes": dict(refusals.most_common()),
        "slowest_case_s": round(slowest, 2),
        "seconds": round(time.monotonic() - started, 1),
        "parent_max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }


_CLASSES = (
    ("kunde inte läsas: den verkar skadad eller är för stor", "reader: damaged or too big"),
    ("kunde inte tolkas", "unexpected shape (guarded)"),
    ("Cellen kan inte stämma", "implausible value"),
    ("Samma cell finns två gånger", "duplicate cell"),
    ("Raden kan inte delas upp", "csv parse error"),
    ("nolltecken", "NUL bytes"),
    ("JSON", "json"),
    ("koppla kolumnerna", "needs column mapping"),
    ("inte ett tal", "cell not a number"),
    ("inget tal", "cell not a number"),
    ("formler", "uncached formula"),
)


def _refusal_class(message: str) -> str:
    return next((label for needle, label in _CLASSES if needle in message), "other located")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--json", metavar="FILE", help="write the summary here too")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    summary = run(args.cases, args.seed, args.start, args.verbose)
    text = json.dumps(summary, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text, encoding="utf-8")
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
