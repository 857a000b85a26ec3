"""An import killed with SIGKILL at a random moment leaves no trace: the database passes
``integrity_check``, no half import is visible, and the next import succeeds.

The import runs through the command line in a child process (the reader's own child
included); 20 kills at seeded random moments spread over the import's whole duration
(more tries when an import outruns its moment).
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests import respondent_builders as rb

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
MAX_TRIALS = 3 * KILLS


def _start(db: Path, path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nki_desktop",
            "import",
            str(path),
            "--kommun",
            "2514",
            "--db",
            str(db),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _check(db: Path) -> int:
    """Assert the database is whole and every import complete; return the imports."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        imports = conn.execute("SELECT id, rows_stored FROM imports").fetchall()
        for import_id, rows_stored in imports:
            stored = conn.execute(
                "SELECT count(*) FROM observations WHERE import_id = ?", (import_id,)
            ).fetchone()[0]
            assert stored == rows_stored
        orphans = conn.execute(
            "SELECT (SELECT count(*) FROM observations WHERE import_id NOT IN "
            "(SELECT id FROM imports)) + (SELECT count(*) FROM respondents WHERE import_id "
            "NOT IN (SELECT id FROM imports))"
        ).fetchone()[0]
        assert orphans == 0
        return len(imports)


def test_import_killed_at_random_moments_leaves_no_half_import(tmp_path):
    source = rb.write_xlsx(tmp_path / "svar.xlsx", rb.make_rows(2500))
    db = tmp_path / "nki.sqlite"
    started = time.monotonic()
    assert _start(db, source).wait(timeout=120) == 0  # a whole import: how long one takes
    duration = time.monotonic() - started
    assert _check(db) == 1
    rng = random.Random(20)
    killed_mid_way = 0
    trial = 0
    # Kill at random moments until KILLS imports were killed while running: on a loaded
    # machine an import may finish before its moment comes, so count only real kills
    # (bounded, so a program that never runs long enough to be killed fails the test).
    while killed_mid_way < KILLS and trial < MAX_TRIALS:
        # a new file (another sha) each time, so each import really writes
        path = rb.write_xlsx(tmp_path / f"svar{trial}.xlsx", rb.make_rows(2500, seed=trial))
        trial += 1
        with sqlite3.connect(db) as conn:
            before = conn.execute("SELECT count(*) FROM imports").fetchone()[0]
        process = _start(db, path)
        time.sleep(rng.uniform(0.0, duration))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed_mid_way += 1
        process.wait(timeout=60)
        after = _check(db)
        assert after in (before, before + 1)
        if after == before:  # killed before the commit: the same file imports now
            assert _start(db, path).wait(timeout=120) == 0
            assert _check(db) == before + 1
    assert killed_mid_way == KILLS
