"""Migration v8 from a version-5 database with data: answer dates and comments added, the
data kept, a backup taken, and the upgraded file equal to a fresh one."""

from __future__ import annotations

import sqlite3

from nki_desktop.importers.base import ImportOptions
from nki_desktop.services.imports import import_file
from nki_desktop.storage import Store, migrations
from nki_desktop.storage.comments import list_comments, set_picked
from tests.comment_builders import layout_rows
from tests.respondent_builders import make_rows, write_xlsx


def _schema(conn):
    return sorted(
        tuple(r)
        for r in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        )
    )


def test_a_v5_database_with_respondents_upgrades_to_v8(tmp_path):
    # A version-5 file with a respondent import in it, written as version 5 wrote it.
    old = tmp_path / "v5.sqlite"
    donor = Store.open(tmp_path / "donor.sqlite")
    result = import_file(
        donor, write_xlsx(tmp_path / "svar.xlsx", make_rows(60)), ImportOptions(kommun="1880")
    )
    assert result.ok
    conn = sqlite3.connect(old, isolation_level=None)
    migrations.migrate(conn, None, target=5)
    cols = [
        c
        for c in (
            "id",
            "file_name",
            "sha256",
            "kind",
            "publication",
            "description",
            "imported_at",
            "sheets",
            "rows_stored",
            "rows_skipped",
            "years",
            "notes",
            "settings",
        )
    ]
    src = donor.conn
    for row in src.execute(f"SELECT {','.join(cols)} FROM imports"):
        conn.execute(
            f"INSERT INTO imports({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
            tuple(row),
        )
    for row in src.execute("SELECT key, kind, name, lan_code, members FROM units"):
        conn.execute("INSERT OR IGNORE INTO units VALUES (?,?,?,?,?)", tuple(row))
    obs = [c[1] for c in src.execute("PRAGMA table_info(observations)")]
    for row in src.execute(f"SELECT {','.join(obs)} FROM observations"):
        conn.execute(
            f"INSERT INTO observations({','.join(obs)}) VALUES ({','.join('?' * len(obs))})",
            tuple(row),
        )
    resp = [c[1] for c in src.execute("PRAGMA table_info(respondents)") if c[1] != "answered"]
    for row in src.execute(f"SELECT {','.join(resp)} FROM respondents"):
        conn.execute(
            f"INSERT INTO respondents({','.join(resp)}) VALUES ({','.join('?' * len(resp))})",
            tuple(row),
        )
    before = conn.execute("SELECT COUNT(*) FROM respondents").fetchone()[0]
    values = conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
    conn.close()
    donor.close()

    store = Store.open(old)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert store.backup_path is not None and store.backup_path.exists()
    backup = sqlite3.connect(store.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 5
    assert backup.execute("SELECT COUNT(*) FROM respondents").fetchone()[0] == before
    # Data kept; old rows have no date; the schema equals a fresh file's.
    assert store.respondent_count() == before
    assert store.conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0] == values
    assert all(r["answered"] is None for r in store.respondents())
    fresh = Store.open(tmp_path / "fresh.sqlite")
    assert _schema(store.conn) == _schema(fresh.conn)
    # And the new tables work on the upgraded file.
    headers, rows = layout_rows("svarsdatum", 30)
    assert import_file(
        store, write_xlsx(tmp_path / "ny.xlsx", rows, headers=headers), ImportOptions(kommun="1880")
    ).ok
    comments = list_comments(store)
    assert comments and set_picked(store, [comments[0].id], True) == 1
    store.close()
    again = Store.open(old)
    assert [c.id for c in list_comments(again, picked_only=True)] == [comments[0].id]
