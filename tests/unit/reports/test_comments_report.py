"""Picked comments in the report (PDF section and Excel sheet); none unless picked."""

from __future__ import annotations

import unicodedata

from openpyxl import load_workbook
from pypdf import PdfReader

from nki_desktop.analysis.report_data import gather
from nki_desktop.reports.comments_sheet import HEADING
from nki_desktop.reports.excel import write_xlsx
from nki_desktop.reports.pdf import write_pdf
from nki_desktop.services import comments as svc


def _pdf_text(path) -> str:
    return " ".join(
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split())
        for p in PdfReader(str(path)).pages
    )


def test_only_picked_comments_reach_the_pdf_and_the_workbook(sample_store, tmp_path):
    rows = svc.comments(sample_store, "1880")
    data = gather(sample_store, "1880", 2024, "foretag")
    assert data.comments == []
    text = _pdf_text(write_pdf(data, tmp_path / "utan.pdf"))
    assert HEADING not in text and rows[0].text not in text
    book = load_workbook(write_xlsx(data, tmp_path / "utan.xlsx"))
    assert "Kommentarer" not in book.sheetnames
    assert not any(rows[0].text == c.value for ws in book for row in ws.iter_rows() for c in row)

    picked = [rows[0], rows[2]]
    svc.pick(sample_store, [r.id for r in picked])
    data = gather(sample_store, "1880", 2024, "foretag")
    assert [c.id for c in data.comments] == [r.id for r in picked]
    text = _pdf_text(write_pdf(data, tmp_path / "med.pdf"))
    assert HEADING in text
    for r in picked:
        assert r.text[:30] in text
    others = [
        r
        for r in rows
        if r.id not in {p.id for p in picked} and r.text not in {p.text for p in picked}
    ]
    assert not any(o.text in text for o in others)
    ws = load_workbook(write_xlsx(data, tmp_path / "med.xlsx"))["Kommentarer"]
    values = [ws.cell(row=r, column=5).value for r in range(5, 5 + len(picked))]
    assert values == [r.text for r in picked]
    assert ws.cell(row=4, column=4).value == "Svarandens NKI"
