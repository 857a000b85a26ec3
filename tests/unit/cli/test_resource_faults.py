"""Full disk, read-only database: a Swedish message, a non-zero exit, nothing overwritten.

The full disk is a small tmpfs (needs root; skipped with the reason otherwise).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from nki_desktop.services.sample import load_sample
from nki_desktop.storage import Store

ROOT = Path(__file__).resolve().parents[3]


def _cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "nki_desktop", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "nki.sqlite"
    store = Store.open(path)
    load_sample(store)
    store.checkpoint()
    store.close()
    return path


def _mount(folder: Path, size: str) -> None:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"kan inte montera en liten tmpfs ({mounted.stderr.strip() or 'ej root'})")


def _fill(folder: Path) -> None:
    with open(folder / "utfyllnad", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass


@pytest.fixture
def full_disk(tmp_path):
    folder = tmp_path / "liten"
    _mount(folder, "4m")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_report_and_export_onto_a_full_disk_fail_cleanly(full_disk, sample_db):
    (full_disk / "r.pdf").write_bytes(b"%PDF-1.4 gammal rapport %%EOF")
    _fill(full_disk)
    for args, name in (
        (["report", "--kommun", "1880", "--pdf"], "r.pdf"),
        (["report", "--kommun", "1880", "--xlsx"], "r.xlsx"),
        (["export"], "ut.csv"),
        (["export"], "ut.xlsx"),
    ):
        run = _cli("--db", str(sample_db), *args, str(full_disk / name))
        assert run.returncode == 1, (args, run.stdout, run.stderr)
        assert "Traceback" not in run.stderr and "Skrev" not in run.stdout
        assert "full" in run.stderr  # "disken är full" or "(är disken full?)"
    assert (full_disk / "r.pdf").read_bytes() == b"%PDF-1.4 gammal rapport %%EOF"
    assert sorted(p.name for p in full_disk.iterdir()) == ["r.pdf", "utfyllnad"]


def test_an_import_onto_a_full_disk_stores_nothing(full_disk):
    db = full_disk / "nki.sqlite"
    Store.open(db).close()
    _fill(full_disk)
    run = _cli("--db", str(db), "sample-data")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "full" in run.stderr.lower()
    (full_disk / "utfyllnad").unlink()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0] == 0
    conn.close()


def test_a_read_only_mount_reads_and_refuses_writes(tmp_path, sample_db):
    folder = tmp_path / "skrivskyddad"
    _mount(folder, "64m")
    try:
        db = folder / "nki.sqlite"
        db.write_bytes(sample_db.read_bytes())
        digest = hashlib.sha256(db.read_bytes()).hexdigest()
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        run = _cli("--db", str(db), "imports")
        assert run.returncode == 0 and "Exempeldata" in run.stdout, run.stderr
        run = _cli("--db", str(db), "data", "--kommun", "1880", "--year", "2023")
        assert run.returncode == 0 and run.stdout.count("\n") > 10
        for args in (["sample-data", "--remove"], ["undo-import", "1"]):
            run = _cli("--db", str(db), *args)
            assert run.returncode == 1 and "Traceback" not in run.stderr
            assert "skrivskyddad" in run.stderr
        assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
