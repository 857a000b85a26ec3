"""Migration v4: the response rate column, with a backup and data kept."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.storage import Store, migrations


def test_v3_database_upgrades_keeps_values_and_stores_response_rate(tmp_path):
    path = tmp_path / "v3.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, None, target=3)
    db = sqlite_utils.Database(conn)
    db["imports"].insert(
        {
            "id": 1,
            "file_name": "k.csv",
            "sha256": "a",
            "kind": "kolada",
            "publication": "kolada",
            "imported_at": "2024-01-01",
        }
    )
    db["units"].insert({"key": "2514", "kind": "kommun", "name": "Kalix"})
    db["observations"].insert(
        {
            "import_id": 1,
            "year": 2021,
            "unit": "2514",
            "area": "total",
            "factor": "nki",
            "grp": "foretag",
            "value": 86.36136644,
        }
    )
    conn.close()
    store = Store.open(path)
    assert store.backup_path is not None and store.backup_path.exists()
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST >= 4
    [kalix] = store.values(unit="2514")
    assert (kalix.value, kalix.response_rate) == (86.36136644, None)
    store.save_import(
        ImportBatch(
            "r.csv",
            "b",
            "kolada",
            "kolada",
            [
                Observation(
                    2022, "2514", "total", "nki", "foretag", value=80.0, n=120, response_rate=47.5
                )
            ],
        )
    )
    [new] = store.values(unit="2514", year=2022)
    assert (new.n, new.response_rate) == (120, 47.5)
    store.close()


def test_a_row_with_only_n_never_hides_a_value(store):
    store.save_import(
        ImportBatch(
            "v.csv",
            "1",
            "kolada",
            "kolada",
            [Observation(2022, "2514", "total", "nki", "foretag", value=80.0)],
        )
    )
    store.save_import(
        ImportBatch(
            "n.csv",
            "2",
            "kolada",
            "kolada",
            [Observation(2022, "2514", "total", "nki", "foretag", n=120, missing=None)],
        )
    )
    [v] = store.values(unit="2514")
    assert v.value == 80.0
