"""Every failure a file can cause is a located message; nothing implausible is stored."""

from __future__ import annotations

import json

import pytest

from nki_desktop.importers import door
from nki_desktop.importers.base import ImportProblem, read_csv_text, read_workbook
from nki_desktop.services import imports
from tests import import_builders as ib


def _counts(store) -> tuple:
    return store.conn.execute(
        "SELECT (SELECT count(*) FROM imports), (SELECT count(*) FROM observations)"
    ).fetchone()[:]


def _kolada_csv(tmp_path, cell: str, year: str = "2023"):
    lines = [
        ["Nöjd Kund Index - Bygglov, företag (NKI)"],
        [],
        ["Kommun", "2022", year],
        ["Kalix", "80", cell],
        ["Boden", "70", "71"],
    ]
    return ib.write_csv(tmp_path / "k.csv", lines, "utf-8")


@pytest.mark.parametrize(
    ("cell", "year", "reason"),
    [
        ("150", "2023", "Värdet 150 ligger utanför 0–100."),
        ("-8", "2023", "Värdet -8 ligger utanför 0–100."),
        ("70", "1985", "Året 1985 ligger utanför"),
    ],
)
def test_implausible_cell_refuses_the_file_at_its_cell(store, tmp_path, cell, year, reason):
    before = _counts(store)
    outcome = imports.import_file(store, _kolada_csv(tmp_path, cell, year))
    assert not outcome.ok
    assert outcome.message.startswith("Fil: k.csv, blad: k, rad: 4, kolumn: C.")
    assert reason in outcome.message
    assert _counts(store) == before


def test_a_cell_given_twice_names_both_rows(store, tmp_path):
    lines = [
        ["Nöjd Kund Index - Bygglov, företag (NKI)"],
        [],
        ["Kommun", "2023"],
        ["Kalix", "80"],
        ["Boden", "70"],
        ["Kalix kommun", "81"],
    ]
    outcome = imports.import_file(store, ib.write_csv(tmp_path / "d.csv", lines, "utf-8"))
    assert not outcome.ok
    assert "Fil: d.csv" in outcome.message
    assert "rad 4" in outcome.message and "rad 6" in outcome.message
    assert _counts(store) == (0, 0)


def test_duplicates_are_checked_at_the_door_for_every_importer(sample_batch):
    from dataclasses import replace

    first = replace(sample_batch.observations[0], sheet="Data", row=4, column="C")
    again = replace(first, row=9)
    batch = replace(sample_batch, observations=[first, again])
    with pytest.raises(
        ImportProblem,
        match="står både på blad Data, rad 4, kolumn C och på blad Data, rad 9, kolumn C",
    ):
        door.check_duplicates(batch)


def test_csv_newline_inside_a_field_is_read_and_a_field_too_long_is_located():
    assert read_csv_text('Kommun;2023\nKalix;8"0\rx;1\n', "n.csv")[1:] == [
        ["Kalix", '8"0'],
        ["x", "1"],
    ]
    with pytest.raises(ImportProblem, match="Raden kan inte delas upp") as caught:
        read_csv_text('Kommun;2023\nKalix;80\n"' + "x" * 200_000 + '";1\n', "n.csv")
    assert caught.value.file == "n.csv" and caught.value.row == 3


def test_csv_with_nul_bytes_is_refused_with_its_line(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"Kommun;2023\nKalix;80\nBo\x00den;70\n")
    with pytest.raises(ImportProblem, match="nolltecken") as caught:
        read_workbook(path)
    assert caught.value.row == 3


def test_utf16_csv_from_excel_is_read(tmp_path):
    path = tmp_path / "u.csv"
    path.write_bytes("Kommun\t2023\nKalix\t80\nÖrebro\t70\n".encode("utf-16"))
    assert read_workbook(path).sheets[0].rows[2] == ["Örebro", "70"]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"values": [{"value": NaN}]}',
        '{"values": [{"value": Infinity}]}',
        '{"values": [' + "9" * 5000 + "]}",
    ],
)
def test_json_that_cannot_be_data_is_refused(tmp_path, store, text):
    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    outcome = imports.import_file(store, path)
    assert not outcome.ok and outcome.message.startswith("Fil: x.json.")


@pytest.mark.parametrize(
    "doc",
    [
        [],
        3,
        "x",
        {"values": 3},
        {"values": [1, [2], None]},
        {"values": [{"municipality": "2514", "kpi": "U07451", "period": 2022, "values": "x"}]},
        {"values": [{"municipality": [], "kpi": {}, "values": [3]}]},
    ],
)
def test_json_of_any_shape_is_a_located_refusal(tmp_path, store, doc):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    outcome = imports.import_file(store, path)
    assert not outcome.ok and "s.json" in outcome.message
    assert "Traceback" not in outcome.message


def test_unforeseen_errors_become_a_located_message():
    with pytest.raises(
        ImportProblem,
        match="Filen f.csv kunde inte tolkas: den är för djupt nästlad \\(RecursionError\\)",
    ):
        with door.guarded("f.csv"):
            raise RecursionError("deep")
    with pytest.raises(ImportProblem, match="innehållet har en form"):
        with door.guarded("f.csv"):
            raise AttributeError("'list' object has no attribute 'get'")


def test_formula_like_joint_body_is_cleaned_stored_as_text_and_escaped_in_csv(store, tmp_path):
    import io

    from nki_desktop import cli

    name = '\t=HYPERLINK("http://x","click") Miljöförbund\u202e'
    rows = ib.OJ_ROWS + [("", name, "", 70, "", {"Bygglov": (60, "", 12)})]
    outcome = imports.import_file(store, ib.oj_two_row_header(tmp_path / "jb.xlsx", rows=rows))
    assert outcome.ok
    stored = store.conn.execute("SELECT key, name FROM units WHERE kind = 'joint'").fetchone()
    assert tuple(stored) == (
        'jb:=HYPERLINK("http://x","click") Miljöförbund',
        '=HYPERLINK("http://x","click") Miljöförbund',
    )
    out = io.StringIO()
    assert cli.run(["--db", str(store.path), "data", "--format", "csv"], out) == 0
    lines = [line for line in out.getvalue().splitlines() if "HYPERLINK" in line]
    assert lines and all(",\"'=HYPERLINK(" in line for line in lines)
    assert not any(',"=HYPERLINK(' in line or ",=HYPERLINK(" in line for line in lines)
