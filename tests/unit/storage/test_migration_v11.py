"""Migration v11 from a version-10 database with data: the two unit indexes of observations
become one, the values kept, a backup taken, and the schema equal to a fresh file's."""

from __future__ import annotations

import sqlite3

from nki_desktop.storage import Store, migrations

OLD_INDEXES = {
    "idx_observations_unit_area_factor_grp_year": "(unit, area, factor, grp, year)",
    "idx_observations_unit_year_grp": "(unit, year, grp)",
}
NEW_INDEX = "idx_observations_unit_year_area_factor_grp"


def _schema(conn):
    return sorted(
        tuple(r)
        for r in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        )
    )


def _indexes(conn):
    return {r["name"] for r in conn.execute("PRAGMA index_list(observations)")}


def _as_v10(sample_db, path):
    """The sample database (a current file) taken back to version 10, as v10 left it."""
    src = sqlite3.connect(sample_db)
    dest = sqlite3.connect(path)
    src.backup(dest)
    src.close()
    dest.execute(f"DROP INDEX {NEW_INDEX}")
    for name, columns in OLD_INDEXES.items():
        dest.execute(f"CREATE INDEX {name} ON observations {columns}")
    dest.execute("PRAGMA user_version = 10")
    dest.commit()
    rows = dest.execute("SELECT * FROM observations ORDER BY id").fetchall()
    dest.close()
    return rows


def test_a_v10_database_with_data_upgrades_to_v11(tmp_path, sample_db):
    old = tmp_path / "v10.sqlite"
    rows = _as_v10(sample_db, old)
    assert len(rows) > 1000

    store = Store.open(old)
    conn = store.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST >= 11
    assert store.backup_path is not None and store.backup_path.exists()
    backup = sqlite3.connect(store.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 10
    backup.close()
    assert [tuple(r) for r in conn.execute("SELECT * FROM observations ORDER BY id")] == [
        tuple(r) for r in rows
    ]
    assert NEW_INDEX in _indexes(conn) and not OLD_INDEXES.keys() & _indexes(conn)
    fresh = Store.open(tmp_path / "fresh.sqlite")
    assert _schema(conn) == _schema(fresh.conn)
    fresh.close()
    # "These kommuner in one year" seeks both unit and year in the new index.
    plan = " ".join(
        r[3]
        for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM observations WHERE unit IN ('1880', '0180') "
            "AND year = 2023 AND grp = 'foretag'"
        )
    )
    assert f"INDEX {NEW_INDEX} (unit=? AND year=?)" in plan
    store.close()
