"""A comparison group chosen as similar kommuner: its method on the report's method page
(PDF and Excel), right after the note on comparisons, and nowhere when not chosen so."""

from __future__ import annotations

import unicodedata

from openpyxl import load_workbook
from pypdf import PdfReader

from nki_desktop.analysis.report_data import with_note
from nki_desktop.analysis.similar_text import method_note
from nki_desktop.reports import ReportOptions, build_pdf, build_xlsx
from nki_desktop.services.similar import find_similar, kommun_names

OREBRO = "1880"


def _options(store, **extra):
    result = find_similar(store, OREBRO)
    note = method_note(result, kommun_names(store), "2026-12-07")
    return result, ReportOptions(
        sections=("cover", "method"), compare_units=result.units, comparison_note=note, **extra
    )


def test_excel_method_sheet_carries_the_similarity_method(report_store, tmp_path):
    result, options = _options(report_store)
    path = build_xlsx(report_store, OREBRO, 2024, "foretag", tmp_path / "r.xlsx", options)
    ws = load_workbook(path)["Metod"]
    heads = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    at = heads.index("Liknande kommuner")
    assert heads[at - 1] == "Jämförelser"
    text = ws.cell(at + 1, 2).value
    assert "mest lika Örebro" in text and "standardavvikelse" in text
    first = kommun_names(report_store)[result.units[0]]
    assert first in text
    plain = build_xlsx(
        report_store,
        OREBRO,
        2024,
        "foretag",
        tmp_path / "p.xlsx",
        ReportOptions(sections=("method",)),
    )
    assert "Liknande kommuner" not in [c.value for c in load_workbook(plain)["Metod"]["A"]]


def test_pdf_method_page_carries_the_similarity_method(report_store, tmp_path):
    _, options = _options(report_store)
    path = build_pdf(report_store, OREBRO, 2024, "foretag", tmp_path / "r.pdf", options)
    text = " ".join(
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split())
        for p in PdfReader(str(path)).pages
    )
    assert "Liknande kommuner" in text and "mest lika Örebro" in text


def test_note_goes_after_comparisons():
    notes = [("Vad NKI är", "a"), ("Jämförelser", "b"), ("Betyg", "c")]
    assert [h for h, _ in with_note(notes, ("Liknande kommuner", "x"))] == [
        "Vad NKI är",
        "Jämförelser",
        "Liknande kommuner",
        "Betyg",
    ]
    assert with_note(notes, None) == notes
