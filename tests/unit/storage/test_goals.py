"""Goals in the database: add, edit, list, soft delete and restore; migration v9 from a
version-8 database with data, the data kept."""

from __future__ import annotations

import hashlib
import sqlite3

from nki_desktop.domain.goals import new_goal
from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.storage import Store, migrations
from nki_desktop.storage.goals import (
    add_goal,
    get_goal,
    goal_count,
    list_goals,
    update_goal,
)
from nki_desktop.storage.soft_delete import set_deleted as set_record_deleted


def set_deleted(store: Store, goal_id: int, deleted: bool) -> bool:
    return set_record_deleted(store, "goals", goal_id, deleted)


def test_a_goal_is_stored_with_its_times_and_read_back(store):
    goal_id = add_goal(store, new_goal("1880", target=75, from_year=2022, source="Strategi"))
    stored = get_goal(store, goal_id)
    assert stored is not None and stored.target == 75.0 and stored.source == "Strategi"
    assert stored.created_at and stored.changed_at == stored.created_at
    assert stored.kind == "target" and stored.factor == "nki" and not stored.deleted


def test_edit_changes_the_goal_and_its_changed_time(store, monkeypatch):
    goal_id = add_goal(store, new_goal("1880", target=75))
    monkeypatch.setattr("nki_desktop.storage.soft_delete.now_text", lambda: "2030-01-01T00:00:00")
    goal = get_goal(store, goal_id)
    assert goal is not None
    from dataclasses import replace

    assert update_goal(store, replace(goal, target=78.0, source="Ny plan"))
    after = get_goal(store, goal_id)
    assert after is not None and after.target == 78.0 and after.source == "Ny plan"
    assert after.changed_at == "2030-01-01T00:00:00" != after.created_at
    assert not update_goal(store, replace(goal, id=999))


def test_removed_goals_lie_in_the_wastebasket_until_restored(store):
    keep = add_goal(store, new_goal("1880", target=75))
    gone = add_goal(store, new_goal("1880", direction="oka"))
    other = add_goal(store, new_goal("0180", rank=50, group="privatperson"))
    assert set_deleted(store, gone, True)
    assert not set_deleted(store, gone, True)  # already there
    assert [g.id for g in list_goals(store)] == [other, keep]  # by kommun, then id
    assert [g.id for g in list_goals(store, unit="1880")] == [keep]
    assert [g.id for g in list_goals(store, group="privatperson")] == [other]
    assert [g.id for g in list_goals(store, deleted=True)] == [gone]
    assert goal_count(store) == 2
    assert set_deleted(store, gone, False)
    assert not set_deleted(store, gone, False)
    restored = get_goal(store, gone)
    assert restored is not None and restored.deleted_at is None
    assert restored.direction == "oka"


def _schema(conn):
    return sorted(
        tuple(r)
        for r in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        )
    )


def test_a_v8_database_with_data_upgrades_to_v9(tmp_path):
    donor = Store.open(tmp_path / "donor.sqlite")
    observations = [
        Observation(y, "1880", "total", "nki", "foretag", 70.0 + y - 2020, n=40)
        for y in (2020, 2021, 2022)
    ]
    donor.save_import(
        ImportBatch(
            file_name="oj.xlsx",
            sha256=hashlib.sha256(b"oj").hexdigest(),
            kind="oj",
            publication="oj",
            observations=observations,
        )
    )
    old = tmp_path / "v8.sqlite"
    conn = sqlite3.connect(old, isolation_level=None)
    migrations.migrate(conn, None, target=8)
    src = donor.conn
    for table in ("meta", "units", "imports", "observations"):
        cols = [c[1] for c in src.execute(f"PRAGMA table_info({table})")]
        for row in src.execute(f"SELECT {','.join(cols)} FROM {table}"):
            conn.execute(
                f"INSERT OR IGNORE INTO {table}({','.join(cols)}) "
                f"VALUES ({','.join('?' * len(cols))})",
                tuple(row),
            )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 8
    assert "goals" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    donor.close()

    store = Store.open(old)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST >= 9
    assert store.backup_path is not None and store.backup_path.exists()
    backup = sqlite3.connect(store.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 8
    # the data kept, the schema equal to a fresh file's, and goals work on it
    assert [v.value for v in store.values(unit="1880")] == [70.0, 71.0, 72.0]
    assert _schema(store.conn) == _schema(Store.open(tmp_path / "fresh.sqlite").conn)
    goal_id = add_goal(store, new_goal("1880", target=71, from_year=2021))
    store.close()
    again = Store.open(old)
    assert [g.id for g in list_goals(again)] == [goal_id]
