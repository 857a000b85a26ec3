"""Comments and answer dates in respondent files: recognised, masked on import, stored."""

from __future__ import annotations

import re

import pytest

from nki_desktop.importers.base import ImportOptions
from nki_desktop.importers.respondent_columns import best_assignment, targets_for
from nki_desktop.importers.respondent_text import date_of
from nki_desktop.services.imports import import_file, preview
from nki_desktop.storage.comments import list_comments
from tests.comment_builders import LAYOUTS, PERSONAL, layout_rows
from tests.respondent_builders import write_csv, write_xlsx


@pytest.mark.parametrize(
    "header",
    [
        "Synpunkter",
        "Förbättringsförslag",
        "Kommentar",
        "Övriga synpunkter",
        "Fritext",
        "Kommentarer",
        "Har du förslag på förbättringar?",
        "Övrigt",
        "Övriga kommentarer",
        "Fri text",
    ],
)
def test_free_text_headers_are_comments(header):
    mapping = best_assignment(["Ärendeår", "Område", "NKI1", "NKI2", "NKI3", header])
    assert mapping[5] == "comment"


@pytest.mark.parametrize("header", ["Datum", "Svarsdatum", "Ärendedatum", "Beslutsdatum"])
def test_date_headers_are_dates(header):
    assert best_assignment(["Område", header, "NKI1", "NKI2", "NKI3"])[1] == "date"


def test_several_comment_columns_and_the_mapping_choice():
    mapping = best_assignment(["Område", "Synpunkter", "Förbättringsförslag", "NKI1"])
    assert mapping[1] == mapping[2] == "comment"
    assert ("comment", "Kommentar (fritext; personuppgifter maskeras)") in targets_for([])


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-15", "2024-03-15"),
        ("2024-03-15 10:22", "2024-03-15"),
        ("20240315", "2024-03-15"),
        ("15/3/2024", "2024-03-15"),
        ("15.03.2024", "2024-03-15"),
        (45366.0, "2024-03-15"),
        ("2024-02-30", None),
        ("vet ej", None),
        ("", None),
        (2024.0, None),
    ],
)
def test_dates_in_many_forms(value, expected):
    day = date_of(value)
    assert (day.isoformat() if day else None) == expected


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_comments_are_imported_masked_with_dates(store, tmp_path, layout, fmt):
    headers, rows = layout_rows(layout, 60, date_style="date" if fmt == "xlsx" else "iso")
    path = (
        write_xlsx(tmp_path / f"{layout}.xlsx", rows, headers=headers)
        if fmt == "xlsx"
        else write_csv(tmp_path / f"{layout}.csv", rows, headers=headers)
    )
    result = import_file(store, path, ImportOptions(kommun="1880"))
    assert result.ok, result.message
    batch = result.batch
    comment_cols = LAYOUTS[layout][1]
    expected = [
        (i + 2, col, text)
        for i, r in enumerate(rows)
        for col, text in zip(comment_cols, r[len(headers) - len(comment_cols) :], strict=True)
        if text and text not in ("-", "Inga synpunkter")
    ]
    assert [(c.row, c.column) for c in batch.comments] == [(r, c) for r, c, _ in expected]
    for comment, (_, _, original) in zip(batch.comments, expected, strict=True):
        if original in PERSONAL:
            assert comment.maskings >= 1 and comment.text != original
        else:
            assert comment.text == original
    # Nothing unmasked reaches the database.
    stored = list_comments(store, unit="1880")
    assert len(stored) == len(expected)
    joined = " ".join(c.text for c in stored)
    for secret in ("070-123 45 67", "0701234567", "anna.svensson@", "850312-1234", "456 78"):
        assert secret not in joined
    assert "[telefonnummer]" in joined and "[e-post]" in joined and "[personnummer]" in joined
    assert "15 000 kr" in joined and "3 veckor" in joined
    respondents = store.respondents(unit="1880")
    assert all(r["answered"] and r["answered"].startswith("2024-") for r in respondents)
    assert max(r["answered"] for r in respondents) <= "2024-05-07"


def test_comment_links_carry_the_respondents_answers(store, tmp_path):
    headers, rows = layout_rows("svarsdatum", 30)
    path = write_xlsx(tmp_path / "svar.xlsx", rows, headers=headers)
    import_file(store, path, ImportOptions(kommun="1880"))
    comments = list_comments(store, unit="1880")
    sheet_rows = dict(store.conn.execute("SELECT id, row FROM comments").fetchall())
    assert comments
    for c in comments:
        source = rows[sheet_rows[c.id] - 2]
        assert c.year == 2024 and c.unit == "1880" and c.group == "foretag"
        assert c.answered == source[1].isoformat()
        for key, value in zip(("q1", "q2", "q3"), source[4:7], strict=True):
            expected = float(value) if isinstance(value, int) and value != 99 else None
            assert c.answers[key] == expected


def test_preview_says_how_many_comments_and_maskings(store, tmp_path):
    headers, rows = layout_rows("arendedatum", 40)
    path = write_xlsx(tmp_path / "svar.xlsx", rows, headers=headers)
    result = preview(store, path, ImportOptions(kommun="1880"))
    note = next(n for n in result.batch.notes if "kommentarer" in n)
    count = len(result.batch.comments)
    assert note.startswith(
        f"{count} kommentarer (fritextsvar) hittades; personuppgifter maskerades vid importen: "
    )
    assert re.search(r"\d+ telefonnummer, \d+ e-post, \d+ personnummer", note)
    assert "exporteras bara om du väljer dem" in note
    assert store.respondent_count() == 0  # a preview stores nothing


def test_undo_removes_the_comments(store, tmp_path):
    headers, rows = layout_rows("beslutsdatum", 20)
    result = import_file(
        store, write_xlsx(tmp_path / "s.xlsx", rows, headers=headers), ImportOptions(kommun="1880")
    )
    assert list_comments(store)
    store.undo_import(result.import_id)
    assert list_comments(store) == []
    assert store.conn.execute("SELECT COUNT(*) FROM comments").fetchone()[0] == 0
