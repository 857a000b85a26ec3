"""Migrations v9 and v10 from a version-8 database with data: goals, actions and notes added,
the data kept, a backup taken, and the upgraded file's schema equal to a fresh one's."""

from __future__ import annotations

import sqlite3

from nki_desktop.domain.actions import Action, Note
from nki_desktop.services import actions, notes
from nki_desktop.storage import Store, migrations


def _schema(conn):
    return sorted(
        tuple(r)
        for r in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        )
    )


def test_a_v8_database_with_data_upgrades_to_latest(tmp_path, sample_db):
    # The sample database is a current file; take it back to version 8 as v8 wrote it.
    old = tmp_path / "v8.sqlite"
    src = sqlite3.connect(sample_db)
    dest = sqlite3.connect(old)
    src.backup(dest)
    src.close()
    dest.execute("DROP TABLE IF EXISTS actions")
    dest.execute("DROP TABLE IF EXISTS notes")
    dest.execute("DROP TABLE IF EXISTS goals")
    dest.execute("PRAGMA user_version = 8")
    dest.commit()
    values = dest.execute("SELECT COUNT(*) FROM observations").fetchone()[0]
    answers = dest.execute("SELECT COUNT(*) FROM respondents").fetchone()[0]
    comments = dest.execute("SELECT COUNT(*) FROM comments").fetchone()[0]
    assert values and answers and comments
    dest.close()

    store = Store.open(old)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST >= 10
    assert store.backup_path is not None and store.backup_path.exists()
    backup = sqlite3.connect(store.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 8
    backup.close()
    conn = store.conn
    assert conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0] == values
    assert conn.execute("SELECT COUNT(*) FROM respondents").fetchone()[0] == answers
    assert conn.execute("SELECT COUNT(*) FROM comments").fetchone()[0] == comments
    fresh = Store.open(tmp_path / "fresh.sqlite")
    assert _schema(store.conn) == _schema(fresh.conn)
    fresh.close()
    # The new tables work on the upgraded file and survive reopening.
    a = actions.add(store, Action("1880", "Öppet hus", ("bygglov",), done="2023-05-02"))
    n = notes.add(store, Note("1880", "Få svar: 9", "2023-01-10", year=2022))
    store.close()
    again = Store.open(old)
    assert [x.title for x in actions.actions(again, "1880")] == ["Öppet hus"]
    assert [x.id for x in notes.notes(again, "1880")] == [n.id]
    assert a.created_at and a.changed_at
    again.close()
