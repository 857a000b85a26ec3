"""Opening a database: only what must be written is written; what is not ours is refused."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.storage import Store, migrations
from nki_desktop.storage.db import DatabaseProblem, ReadOnlyDatabase

ROOT = Path(__file__).resolve().parents[3]


def _batch(name: str) -> ImportBatch:
    return ImportBatch(
        file_name=name,
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        kind="oj",
        publication="oj",
        observations=[Observation(2023, "1880", "total", "nki", "foretag", 70.0)],
    )


def _snapshot(path: Path) -> dict[str, bytes]:
    # an empty -wal left by a reading connection holds nothing; -shm is shared memory
    return {
        p.name: p.read_bytes()
        for p in sorted(path.parent.iterdir())
        if p.name.startswith(path.name) and not p.name.endswith("-shm") and p.stat().st_size
    }


def test_opening_a_current_database_writes_nothing(tmp_path):
    path = tmp_path / "nki.sqlite"
    store = Store.open(path)
    store.save_import(_batch("a.xlsx"))
    store.checkpoint()
    store.close()
    before = _snapshot(path)
    for readonly in (False, True):
        again = Store.open(path, readonly=readonly)
        assert [i.file_name for i in again.list_imports()] == ["a.xlsx"]
        again.close()
    assert _snapshot(path) == before


def test_reading_while_another_process_writes_does_not_wait(tmp_path):
    path = tmp_path / "nki.sqlite"
    Store.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO meta VALUES ('x', 'y')")
    try:
        store = Store.open(path, readonly=True)  # no seeding, no lock needed
        assert store.list_imports() == [] and store.get_meta("x") is None
        store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_read_only_store_refuses_writes_with_a_message(tmp_path):
    path = tmp_path / "nki.sqlite"
    Store.open(path).close()
    store = Store.open(path, readonly=True)
    with pytest.raises(ReadOnlyDatabase, match="skrivskyddad"):
        store.save_import(_batch("a.xlsx"))
    store.close()


def _other_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts(name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Anna')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p.mkdir(), "är en mapp"),
        (lambda p: p.write_bytes(os.urandom(5000)), "inte en SQLite-databas"),
        (_other_program, "annat program"),
        (
            lambda p: sqlite3.connect(p).execute(f"PRAGMA user_version = {migrations.LATEST + 96}"),
            "nyare NKI Desktop",
        ),
    ],
)
def test_files_that_are_not_usable_are_refused_and_left_alone(tmp_path, make, message):
    path = tmp_path / "nki.sqlite"
    make(path)
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(DatabaseProblem, match=message):
        Store.open(path)
    if before is not None:
        assert path.read_bytes() == before
        assert not path.with_name(path.name + "-wal").exists()


def test_a_truncated_database_is_refused(tmp_path):
    path = tmp_path / "nki.sqlite"
    store = Store.open(path)
    store.save_import(_batch("a.xlsx"))
    store.checkpoint()
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseProblem, match="avkortad"):
        Store.open(path)
    assert path.stat().st_size == len(data) // 2


@pytest.mark.parametrize(
    "argv, message",
    [
        (["imports"], "inte en SQLite-databas"),
        (["data"], "inte en SQLite-databas"),
        (["sample-data"], "inte en SQLite-databas"),
    ],
)
def test_the_command_line_says_so_without_a_traceback(tmp_path, argv, message):
    path = tmp_path / "slump.sqlite"
    path.write_bytes(os.urandom(3000))
    run = subprocess.run(
        [sys.executable, "-m", "nki_desktop", "--db", str(path), *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 1
    assert message in run.stderr and "Traceback" not in run.stderr


def test_a_failed_migration_backup_leaves_the_database_unmigrated(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, None, target=1)
    conn.close()

    def full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(migrations, "backup_copy", full)
    with pytest.raises(DatabaseProblem, match="oförändrad"):
        Store.open(path)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    check.close()
    assert [p.name for p in tmp_path.iterdir() if ".bak" in p.name or ".tmp" in p.name] == []
