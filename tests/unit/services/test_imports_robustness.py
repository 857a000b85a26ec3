"""Rejected files leave the database byte-for-byte unchanged; re-import, undo, cancel, CLI."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from nki_desktop import cli
from nki_desktop.importers.base import ImportOptions
from nki_desktop.services import imports
from nki_desktop.storage import Store
from tests import import_builders as b


def db_bytes(store: Store) -> bytes:
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store.path.read_bytes()


def _truncated(tmp_path):
    good = b.oj_two_row_header(tmp_path / "good.xlsx")
    bad = tmp_path / "avkortad.xlsx"
    bad.write_bytes(good.read_bytes()[:900])
    return bad


def _not_excel(tmp_path):
    path = tmp_path / "rapport.xlsx"
    path.write_text("<html><body>Detta är en webbsida</body></html>")
    return path


def _empty(tmp_path):
    path = tmp_path / "tom.xlsx"
    Workbook().save(path)
    return path


def _formulas(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Rankning"
    ws.append(["Öppna jämförelser 2023"])
    ws.append(["Kommun", "NKI totalt", "Bygglov NKI"])
    ws.append(["Kalix", "=80+6", "=SUM(40,44)"])
    ws.append(["Boden", "=88", "=90"])
    wb.save(tmp_path / "formler.xlsx")
    return tmp_path / "formler.xlsx"


def _one_formula(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Rankning"
    ws.append(["Öppna jämförelser 2023"])
    ws.append(["Kommun", "NKI totalt", "Bygglov NKI"])
    ws.append(["Kalix", 86, 84])
    ws.append(["Boden", 88, "=AVERAGE(80,90)"])
    wb.save(tmp_path / "en_formel.xlsx")
    return tmp_path / "en_formel.xlsx"


def _text_in_number(tmp_path):
    rows = list(b.OJ_ROWS)
    rows[1] = ("2582", "Boden", "Norrbottens län", "bra", 1, {})
    return b.oj_two_row_header(tmp_path / "text.xlsx", rows=rows)


def _unknown_kommun(tmp_path):
    rows = list(b.OJ_ROWS)
    rows[2] = ("", "Örebroo", "Örebro län", 71, 60, {})
    return b.oj_two_row_header(tmp_path / "okand.xlsx", rows=rows)


@pytest.mark.parametrize(
    "make, expected",
    [
        (_truncated, ["avkortad.xlsx", "kunde inte läsas", "avkortad"]),
        (_not_excel, ["rapport.xlsx", "kunde inte läsas"]),
        (_empty, ["tom.xlsx", "tom"]),
        (
            _formulas,
            [
                "formler.xlsx",
                "blad: Rankning",
                "rad: 3",
                "kolumn: B",
                "formler utan sparade värden",
                "spara den",
            ],
        ),
        (
            _one_formula,
            [
                "en_formel.xlsx",
                "blad: Rankning",
                "rad: 4",
                "kolumn: C",
                "'=AVERAGE(80,90)'",
                "formler utan sparade värden",
            ],
        ),
        (
            _text_in_number,
            [
                "text.xlsx",
                "blad: Rankning",
                "rad: 7",
                "kolumn: D",
                "'bra'",
                "inte är ett tal",
                "Rätta cellen",
            ],
        ),
        (
            _unknown_kommun,
            [
                "okand.xlsx",
                "rad: 8",
                "kolumn: B",
                "'Örebroo'",
                "finns inte i kommunlistan",
                "Menade du Örebro (1880)",
            ],
        ),
    ],
)
def test_rejected_file_clear_message_database_unchanged(store, tmp_path, make, expected):
    b.oj_two_row_header(tmp_path / "first_2022.xlsx", title="ÖJ 2022")
    assert imports.import_file(store, tmp_path / "first_2022.xlsx").ok
    before = db_bytes(store)
    path = make(tmp_path)
    preview = imports.preview(store, path)
    outcome = imports.import_file(store, path)
    assert not outcome.ok and preview.problem == outcome.message
    for text in expected:
        assert text in outcome.message
    assert db_bytes(store) == before
    assert len(store.list_imports()) == 1


def test_reimport_is_a_no_op_and_says_so(store, tmp_path):
    path = b.oj_two_row_header(tmp_path / "oj.xlsx")
    first = imports.import_file(store, path)
    before = db_bytes(store)
    again = imports.import_file(store, path)
    assert again.ok and again.duplicate and "redan importerad" in again.message
    assert again.import_id == first.import_id
    assert db_bytes(store) == before
    assert "redan importerad" in imports.preview(store, path).duplicate


def test_undo_removes_exactly_one_import(store, tmp_path):
    a = imports.import_file(store, b.oj_two_row_header(tmp_path / "oj.xlsx"))
    kept = store.values()
    c = imports.import_file(store, b.write_csv(tmp_path / "k.csv", b.KOLADA_LINES, "utf-8"))
    assert len(store.values(effective=False)) > len(kept)
    assert store.undo_import(c.import_id)
    assert [i.id for i in store.list_imports()] == [a.import_id]
    assert store.values() == kept


class Cancelled(Exception):
    """What a progress callback raises to abandon the import (the task runner's own)."""


def test_cancel_from_progress_leaves_nothing(store, tmp_path):
    before = db_bytes(store)

    def progress(done, total):
        raise Cancelled()

    big = b.oj_two_row_header(tmp_path / "oj.xlsx")
    with pytest.raises(Cancelled):
        imports.import_file(store, big, progress=progress)
    assert store.list_imports() == [] and store.values() == []
    assert db_bytes(store) == before


def test_dry_run_writes_nothing(store, tmp_path):
    before = db_bytes(store)
    outcome = imports.import_file(store, b.oj_two_row_header(tmp_path / "oj.xlsx"), dry_run=True)
    assert outcome.ok and outcome.batch.observations and outcome.import_id is None
    assert db_bytes(store) == before


def test_import_files_each_in_own_transaction(store, tmp_path):
    paths = [
        b.oj_two_row_header(tmp_path / "oj.xlsx"),
        _empty(tmp_path),
        b.own_results(tmp_path / "own.xlsx"),
    ]
    outcomes = imports.commit_all(store, [imports.preview(store, p) for p in paths])
    assert [o.ok for o in outcomes] == [True, False, True]
    assert len(store.list_imports()) == 2


def test_cli_import_exit_codes_and_output(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite")
    good = b.oj_two_row_header(tmp_path / "oj.xlsx")
    out = io.StringIO()
    assert cli.run(["--db", db, "import", str(good)], out) == 0
    text = out.getvalue()
    assert "Importerad" in text and "år: 2023" in text and "kommuner: 4" in text
    assert "fotnot" in text
    out = io.StringIO()
    kolada = b.write_csv(tmp_path / "k.csv", b.KOLADA_LINES, "cp1252")
    assert cli.run(["--db", db, "import", str(kolada), str(_empty(tmp_path))], out) == 2
    assert "1 av 2 filer importerade" in out.getvalue()
    assert "tom.xlsx" in capsys.readouterr().err
    out = io.StringIO()
    assert cli.run(["--db", db, "imports"], out) == 0
    assert "k.csv" in out.getvalue() and "oj.xlsx" in out.getvalue()
    out = io.StringIO()
    assert cli.run(["--db", db, "import", "--dry-run", str(good)], out) == 0
    assert "Provkörd" in out.getvalue() and "redan importerad (import 1)" in out.getvalue()


def test_cli_year_kommun_and_template(tmp_path):
    db = str(tmp_path / "cli.sqlite")
    portal = b.write_xlsx(
        tmp_path / "portal.xlsx",
        {"NKI": [["Resultat"], ["Område", "NKI", "Information"], ["Bygglov", "70 (30)", 66]]},
    )
    out = io.StringIO()
    assert cli.run(["--db", db, "import", str(portal)], out) == 2
    assert (
        cli.run(["--db", db, "import", "--year", "2024", "--kommun", "2514", str(portal)], out) == 0
    )
    store = Store.open(db)
    try:
        [v] = store.values(unit="2514", area="bygglov", factor="nki")
        assert (v.year, v.value, v.n) == (2024, 70.0, 30)
    finally:
        store.close()
    out = io.StringIO()
    assert cli.run(["--db", db, "template", str(tmp_path / "mall.xlsx")], out) == 0
    assert (tmp_path / "mall.xlsx").exists() and "Mallen är sparad" in out.getvalue()


def test_year_missing_is_a_clear_problem(store, tmp_path):
    path = b.write_xlsx(
        tmp_path / "rankning.xlsx", {"Blad1": [["Kommun", "NKI totalt"], ["Kalix", 86]]}
    )
    outcome = imports.import_file(store, path)
    assert not outcome.ok and "Ärendeåret framgår inte" in outcome.message
    assert imports.import_file(store, path, ImportOptions(year=2020)).ok
