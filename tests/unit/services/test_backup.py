"""Backups the user can see: online copy, checked restore, automatic copy before a large undo."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from nki_desktop.services import backup
from nki_desktop.services.sample import remove_sample
from nki_desktop.storage import Store, migrations
from nki_desktop.storage.db import DatabaseProblem


def test_backup_while_open_and_restore_put_everything_back(sample_store, tmp_path):
    before = len(sample_store.values(year=2023))
    info = backup.backup_database(sample_store, tmp_path / "kopia.sqlite")
    assert info.imports == 1 and info.values > 100_000
    remove_sample(sample_store)
    restored = backup.restore_database(sample_store, tmp_path / "kopia.sqlite")
    assert len(sample_store.values(year=2023)) == before
    assert backup.check_backup(restored.kept).values == 0  # the state before the restore


def test_a_backup_onto_the_database_itself_is_refused(store):
    with pytest.raises(DatabaseProblem, match="annan fil"):
        backup.backup_database(store, store.path)


def test_restore_refuses_what_is_not_a_whole_backup_of_ours(sample_store, tmp_path):
    other = tmp_path / "annat.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE kunder(namn TEXT)")
    conn.commit()
    conn.close()
    before = len(sample_store.values(year=2023))
    for source, message in ((other, "annat program"), (tmp_path / "saknas.sqlite", "finns inte")):
        with pytest.raises(DatabaseProblem, match=message):
            backup.restore_database(sample_store, source)
    assert len(sample_store.values(year=2023)) == before
    assert list(tmp_path.glob("*.before-restore-*")) == []  # refused before anything was done


def test_a_backup_from_an_older_version_is_upgraded_on_restore(store, tmp_path):
    old = tmp_path / "gammal.sqlite"
    conn = sqlite3.connect(old, isolation_level=None)
    migrations.migrate(conn, None, target=1)
    sqlite_utils.Database(conn)["imports"].insert(
        {"id": 1, "file_name": "x.xlsx", "sha256": "abc", "kind": "oj", "publication": "oj"}
    )
    conn.close()
    backup.restore_database(store, old)
    assert [i.file_name for i in store.list_imports()] == ["x.xlsx"]
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert len(store.unit_names()) > 290  # seeded again


def test_undoing_a_large_import_keeps_a_copy_first(sample_store, tmp_path):
    [info] = sample_store.list_imports()
    assert info.rows_stored > 10_000
    assert sample_store.undo_import(info.id)
    kept = sample_store.last_backup
    assert kept is not None and kept.name.startswith("test.sqlite.undo-1-")
    assert backup.check_backup(kept).values == info.rows_stored
    reopened = Store.open(kept, readonly=True)
    assert len(reopened.list_imports()) == 1
    reopened.close()
