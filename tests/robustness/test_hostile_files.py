"""The files that used to take the reader down end in the located message, through the real
command line in a subprocess, with the database unchanged.

Every process runs under an address-space cap of 1 GiB (prlimit): the cap is the safety net
the reader must never need, and it bounds what the import may use. The subprocess timeout
is the 30 s limit.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = Path("/work/shared/data/robustness")
FILES = (
    sorted(p.name for p in HOSTILE.glob("*") if p.suffix in (".xlsx", ".xls", ".ods"))
    if HOSTILE.is_dir()
    else []
)
CAP = 1 << 30

pytestmark = pytest.mark.skipif(
    not FILES or shutil.which("prlimit") is None,
    reason="needs the shared robustness files and prlimit",
)


def _cli(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["prlimit", f"--as={CAP}", "--", sys.executable, "-m", "nki_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore
            for t in ("imports", "observations", "respondents")
        )


@pytest.mark.parametrize("name", FILES)
def test_hostile_workbook_is_refused_with_the_located_message(name, tmp_path):
    db = tmp_path / "nki.sqlite"
    assert _cli("sample-data", "--db", str(db)).returncode == 0
    before = _counts(db)
    shutil.copy(HOSTILE / name, tmp_path / name)  # the shared folder is read-only

    result = _cli("import", str(tmp_path / name), "--db", str(db))

    assert result.returncode == 2
    assert (
        f"Fil: {name}. Filen {name} kunde inte läsas: den verkar skadad eller är för stor ("
        in result.stderr
    )
    assert "Traceback" not in result.stderr + result.stdout
    assert "panicked" not in result.stderr and "memory allocation" not in result.stderr
    assert _counts(db) == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_good_import_still_works_after_a_hostile_one(tmp_path):
    from tests.import_builders import oj_two_row_header

    db = tmp_path / "nki.sqlite"
    bad = tmp_path / FILES[0]
    shutil.copy(HOSTILE / FILES[0], bad)
    good = oj_two_row_header(tmp_path / "oj.xlsx")

    result = _cli("import", str(bad), str(good), "--db", str(db))

    assert "1 av 2 filer" in result.stdout + result.stderr
    assert _counts(db)[0] == 1 and _counts(db)[1] > 0
