"""The one import path: the preview holds the parsed batch and confirm stores exactly it."""

from __future__ import annotations

import pytest

from nki_desktop.importers import base
from nki_desktop.importers.base import ImportOptions
from nki_desktop.services import imports
from tests import import_builders as b
from tests.respondent_builders import make_rows, write_xlsx


def test_file_is_read_once_and_confirm_stores_what_the_preview_showed(store, tmp_path, monkeypatch):
    path = b.oj_two_row_header(tmp_path / "oj.xlsx")
    reads = []
    real = base.read_workbook
    monkeypatch.setattr(imports, "read_workbook", lambda p: reads.append(p) or real(p))
    shown = imports.preview(store, path)
    assert shown.ok and len(reads) == 1
    # The file changes on disk after the preview: what was shown is what is stored.
    b.oj_two_row_header(path, rows=b.OJ_ROWS[:1])
    outcome = imports.commit(store, shown)
    assert outcome.ok and len(reads) == 1 and outcome.batch is shown.batch
    stored = {(v.unit, v.area, v.factor): v.value for v in store.values()}
    previewed = {(o.unit, o.area, o.factor): o.value for o in shown.batch.observations}
    assert stored == previewed and len(stored) == shown.values + shown.missing
    assert {"2514", "2582", "1880"} <= {u for u, _a, _f in stored}


def test_every_importer_returns_the_same_result_type(store, tmp_path):
    files = {
        "oj": b.oj_two_row_header(tmp_path / "oj.xlsx"),
        "kolada": b.write_csv(tmp_path / "k.csv", b.KOLADA_LINES, "utf-8"),
        "own": b.own_results(tmp_path / "own.xlsx"),
        "respondent": write_xlsx(tmp_path / "svar.xlsx", make_rows(40)),
    }
    for kind, path in files.items():
        importer, parsed = imports.understand(store, path, ImportOptions(kommun="1880"))
        assert importer.kind == kind
        assert type(parsed).__name__ == "Parsed" and parsed.batch.kind == kind
        assert parsed.layout.sheet and parsed.layout.columns, kind


def test_respondent_preview_shows_its_columns_and_settings(store, tmp_path):
    path = write_xlsx(tmp_path / "svar.xlsx", make_rows(40))
    shown = imports.preview(store, path, ImportOptions(kommun="1880", nki_rule="two"))
    assert shown.ok and shown.kind == "respondent" and shown.header_row == 1
    meanings = {c.header: c.meaning for c in shown.columns}
    assert meanings["NKI1 Helhet"].startswith("NKI-fråga 1")
    assert meanings["Bransch"] == "Bakgrundsfråga: bransch"
    outcome = imports.commit(store, shown)
    [info] = store.list_imports()
    assert info.id == outcome.import_id and info.settings.nki_rule == "two"
    assert info.settings.factor_scale == (1.0, 6.0)


def test_commit_all_cancelled_undoes_the_files_already_stored(store, tmp_path):
    previews = [
        imports.preview(store, b.oj_two_row_header(tmp_path / "oj.xlsx")),
        imports.preview(store, b.write_csv(tmp_path / "k.csv", b.KOLADA_LINES, "utf-8")),
    ]
    calls = []

    def report(percent: int, text: str) -> None:
        calls.append(text)
        if len(calls) == 3:  # while the second file is being saved
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        imports.commit_all(store, previews, report)
    assert store.list_imports() == [] and store.values() == []
    outcomes = imports.commit_all(store, previews)
    assert [o.ok for o in outcomes] == [True, True] and len(store.list_imports()) == 2


def test_a_refused_preview_commits_nothing(store, tmp_path):
    path = b.write_xlsx(
        tmp_path / "okant.xlsx", {"Data": [["Enhetsnamn", "Värde A"], ["Kalix", 80]]}
    )
    outcome = imports.commit(store, imports.preview(store, path))
    assert not outcome.ok and outcome.mapping_request is not None
    assert "--map" in outcome.message and store.list_imports() == []


def test_reading_and_parsing_run_without_cyclic_collections_which_resume(
    store, tmp_path, monkeypatch
):
    import gc

    path = b.oj_two_row_header(tmp_path / "oj.xlsx")
    real = imports.read_workbook
    during: list[bool] = []
    monkeypatch.setattr(
        imports, "read_workbook", lambda p: during.append(gc.isenabled()) or real(p)
    )

    shown = imports.preview(store, path)

    assert shown.ok and during == [False] and gc.isenabled()
