from __future__ import annotations

import hashlib
import sqlite3

import pytest
import sqlite_utils

from nki_desktop.domain.records import ImportBatch, JointBody, Observation
from nki_desktop.storage import Store, migrations


def batch(name: str, publication: str, obs: list[Observation], **kw) -> ImportBatch:
    return ImportBatch(
        file_name=name,
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        kind=publication,
        publication=publication,
        observations=obs,
        **kw,
    )


def obs(unit="1880", value=86.0, year=2023, area="total", factor="nki", **kw) -> Observation:
    return Observation(year, unit, area, factor, "foretag", value, **kw)


def file_bytes(store: Store) -> bytes:
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store.path.read_bytes()


def test_new_database_is_at_latest_version_with_wal_and_foreign_keys(store):
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("SELECT COUNT(*) FROM units WHERE kind='kommun'").fetchone()[0] == 290


def test_save_and_read_back_with_provenance(store):
    result = store.save_import(
        batch(
            "oj2023.xlsx",
            "oj",
            [
                obs(n=120, rank=49, rank_of=198, sheet="Rankning", row=7, column="C"),
                obs(unit="riket", value=75.0),
            ],
        )
    )
    assert not result.duplicate and result.stored == 2
    [v] = store.values(unit="1880")
    assert (v.value, v.n, v.rank, v.rank_of) == (86.0, 120, 49, 198)
    assert v.source == "oj2023.xlsx" and v.sheet == "Rankning" and v.row == 7
    assert v.source_ref == "oj2023.xlsx (Rankning rad 7)"


def test_reimport_of_same_file_is_a_no_op(store):
    b = batch("a.xlsx", "oj", [obs()])
    first = store.save_import(b)
    again = store.save_import(b)
    assert again.duplicate and again.import_id == first.import_id
    assert len(store.list_imports()) == 1 and len(store.values()) == 1


def test_undo_removes_exactly_one_import(store):
    a = store.save_import(batch("a.xlsx", "oj", [obs(), obs(unit="0114", value=70.0)]))
    b = store.save_import(batch("b.csv", "kolada", [obs(unit="2514", value=80.0)]))
    assert store.undo_import(a.import_id)
    assert [v.unit for v in store.values()] == ["2514"]
    assert [i.id for i in store.list_imports()] == [b.import_id]
    assert not store.undo_import(999)


def test_two_sources_for_one_cell_are_both_kept_and_preference_decides(store):
    store.save_import(batch("kolada.csv", "kolada", [obs(value=86.3)]))
    store.save_import(batch("oj.xlsx", "oj", [obs(value=86.0)]))
    assert [v.value for v in store.values()] == [86.0]  # ÖJ preferred by default
    assert [v.value for v in store.alternatives(2023, "1880", "total", "nki", "foretag")] == [
        86.0,
        86.3,
    ]
    store.set_preference(["kolada", "oj"])
    assert [v.value for v in store.values()] == [86.3]


def test_failed_import_leaves_database_byte_for_byte_unchanged(store):
    store.save_import(batch("good.xlsx", "oj", [obs()]))
    before = file_bytes(store)
    bad = batch("bad.xlsx", "oj", [obs(unit="0114"), obs(unit="9999")])  # 9999 unknown
    with pytest.raises(ValueError):
        store.save_import(bad)
    assert file_bytes(store) == before
    assert len(store.list_imports()) == 1


def test_cancel_during_save_rolls_back(store):
    def progress(done, total):
        raise KeyboardInterrupt  # any exception from the callback aborts the transaction

    with pytest.raises(KeyboardInterrupt):
        store.save_import(
            batch("big.xlsx", "oj", [obs(unit=u) for u in ("0114", "1880")]),
            progress=progress,
            chunk=1,
        )
    assert store.list_imports() == [] and store.values() == []


def test_joint_bodies_are_units_of_their_own_and_leave_with_their_import(store):
    jb = JointBody(
        "jb:Miljöförbundet Blekinge Väst", "Miljöförbundet Blekinge Väst", ("1082", "1083")
    )
    r = store.save_import(
        batch("oj.xlsx", "oj", [obs(unit=jb.key, area="miljo_halsoskydd")], joint_bodies=[jb])
    )
    assert (
        "jb:Miljöförbundet Blekinge Väst",
        "Miljöförbundet Blekinge Väst",
        ("1082", "1083"),
    ) in store.joint_bodies()
    store.undo_import(r.import_id)
    assert store.joint_bodies() == []


def _schema(conn: sqlite3.Connection) -> list[tuple]:
    return sorted(
        tuple(r)
        for r in conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
    )


def test_upgrade_of_an_old_database_equals_a_fresh_one(tmp_path):
    old_path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(old_path, isolation_level=None)
    migrations.migrate(conn, None, target=1)  # a version-1 file, as released
    sqlite_utils.Database(conn)["imports"].insert(
        {"id": 1, "file_name": "x.xlsx", "sha256": "abc", "kind": "oj", "publication": "oj"}
    )
    conn.close()
    upgraded = Store.open(old_path)
    fresh = Store.open(tmp_path / "fresh.sqlite")
    assert upgraded.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert _schema(upgraded.conn) == _schema(fresh.conn)
    assert [i.file_name for i in upgraded.list_imports()] == ["x.xlsx"]  # data kept
    assert upgraded.backup_path is not None and upgraded.backup_path.exists()
    backup = sqlite3.connect(upgraded.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1


def test_newer_database_than_program_is_refused(tmp_path):
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="Uppdatera"):
        Store.open(path)


def test_mappings_are_remembered(store):
    store.save_mapping("sig1", "oj", {"A": "kommun", "C": "total.nki"})
    assert store.get_mapping("sig1") == {"A": "kommun", "C": "total.nki"}
    assert store.get_mapping("other") is None


@pytest.mark.parametrize("filled", ["ci_low", "ci_high", "missing", "response_rate", "rank_of"])
def test_a_column_filled_in_one_row_only_is_stored_and_the_rest_stay_null(store, filled):
    # The insert leaves out the columns no row fills; one row filling it brings it back.
    given = {"ci_low": 80.0, "ci_high": 90.0, "missing": "..", "response_rate": 41.5}
    given["rank_of"] = 198
    rows = [obs(unit=u) for u in ("1880", "0180", "1480")]
    setattr(rows[1], filled, given[filled])
    store.save_import(batch(f"{filled}.xlsx", "oj", rows))
    stored = {v.unit: getattr(v, filled) for v in store.values()}
    assert stored == {"1880": None, "0180": given[filled], "1480": None}
    [[nulls]] = store.conn.execute(
        f"SELECT COUNT(*) FROM observations WHERE ci_low IS NULL AND ci_high IS NULL "
        f"AND response_rate IS NULL AND sheet = '' AND {filled} IS NULL"
    ).fetchall()
    assert nulls == 2
