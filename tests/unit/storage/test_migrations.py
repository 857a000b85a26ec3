"""Migration v5: typed import settings beside each import, one stored mapping format."""

from __future__ import annotations

import json
import sqlite3

import sqlite_utils

from nki_desktop.domain.records import ImportSettings
from nki_desktop.importers.base import ImportOptions
from nki_desktop.services.imports import import_file
from nki_desktop.storage import Store, migrations
from tests.respondent_builders import HEADERS, make_rows, write_xlsx


def test_v5_moves_settings_out_of_the_description_and_mappings_into_one_format(tmp_path):
    path = tmp_path / "v3.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, None, target=3)
    db = sqlite_utils.Database(conn)
    db["imports"].insert_all(
        [
            {
                "id": 1,
                "file_name": "svar.xlsx",
                "sha256": "a",
                "kind": "respondent",
                "publication": "respondent",
                "description": "Svarsdata: 400 svar 2022–2023; "
                "faktorskala 1–10; NKI-regel: minst två av tre frågor besvarade",
            },
            {
                "id": 2,
                "file_name": "svar2.xlsx",
                "sha256": "b",
                "kind": "respondent",
                "publication": "respondent",
                "description": "Svarsdata: 9 svar 2023; faktorskala "
                "1–6; NKI-regel: alla tre frågor besvarade",
            },
            {
                "id": 3,
                "file_name": "oj.xlsx",
                "sha256": "c",
                "kind": "oj",
                "publication": "oj",
                "description": "Öppna jämförelser, ärendeår 2023",
            },
        ]
    )
    old = {str(i): t for i, t in enumerate(("ignore", "year", "area", "group"))}
    db["column_mappings"].insert_all(
        [
            {"signature": "resp", "kind": "respondent", "mapping": json.dumps(old)},
            {
                "signature": "oj",
                "kind": "oj",
                "mapping": json.dumps(
                    {"columns": {"0": "kommun_name"}, "sheet": "Data", "header_row": 2}
                ),
            },
        ]
    )
    conn.close()
    store = Store.open(path)
    try:
        infos = {i.id: i.settings for i in store.list_imports()}
        assert infos == {
            1: ImportSettings(factor_scale=(1.0, 10.0), nki_rule="two"),
            2: ImportSettings(factor_scale=(1.0, 6.0), nki_rule="all"),
            3: ImportSettings(),
        }
        assert store.get_mapping("resp") == {"columns": old, "sheet": None, "header_row": None}
        assert store.get_mapping("oj") == {
            "columns": {"0": "kommun_name"},
            "sheet": "Data",
            "header_row": 2,
        }
    finally:
        store.close()


def test_a_migrated_respondent_mapping_is_applied(store, tmp_path):
    """A respondent mapping stored in the old bare format before v5 still imports files."""
    headers = [
        "Löpnr",
        "Ärendeår",
        "Område",
        "Svarsgrupp",
        "Betyg X",
        "Betyg Y",
        "Betyg Z",
        *HEADERS[7:],
    ]
    path = write_xlsx(tmp_path / "svar.xlsx", make_rows(30), headers=headers)
    options = ImportOptions(kind="respondent", kommun="1880")
    refused = import_file(store, path, options)
    assert refused.mapping_request is not None
    signature = refused.mapping_request.signature
    old = {"4": "q1", "5": "q2", "6": "q3"}
    conn = sqlite3.connect(tmp_path / "v3.sqlite", isolation_level=None)
    migrations.migrate(conn, None, target=3)
    sqlite_utils.Database(conn)["column_mappings"].insert(
        {"signature": signature, "kind": "respondent", "mapping": json.dumps(old)}
    )
    conn.close()
    upgraded = Store.open(tmp_path / "v3.sqlite")
    try:
        outcome = import_file(upgraded, path, options)
        assert outcome.ok, outcome.message
        first = upgraded.respondents()[0]
        assert (first["q1"], first["q2"], first["q3"]) == tuple(
            float(a) if a not in (0, 99, None) else None for a in make_rows(30)[0][4:7]
        )
    finally:
        upgraded.close()
