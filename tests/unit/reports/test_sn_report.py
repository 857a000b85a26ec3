"""The report section "Svenskt Näringslivs företagsklimat": in the PDF with its own method
note and source line, and as its own Excel sheet; absent without SN values or when not
chosen; NKI's sections never show SN's figures."""

from __future__ import annotations

import os
import subprocess
import unicodedata
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from nki_desktop.analysis.report_data import gather
from nki_desktop.domain.records import ImportBatch, Observation
from nki_desktop.domain.sn import SN_AREA, SN_TITLE
from nki_desktop.reports.excel import write_xlsx
from nki_desktop.reports.options import SECTIONS, ReportOptions
from nki_desktop.reports.pdf import write_pdf
from nki_desktop.reports.sn_sheet import SHEET

KALIX = "2514"


def _pdf_text(path) -> str:
    return " ".join(
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split())
        for p in PdfReader(str(path)).pages
    )


def test_sn_section_in_pdf_and_workbook(report_store, tmp_path):
    data = gather(report_store, KALIX, 2024, "foretag")
    assert data.sn is not None and data.sn.is_sample
    assert "sn" not in ReportOptions().sections  # opt-in: another survey than NKI
    options = ReportOptions(sections=tuple(SECTIONS))
    pdf = write_pdf(data, tmp_path / "rapport.pdf", options)
    text = _pdf_text(pdf)
    assert SN_TITLE in text
    assert "Om undersökningen" in text and "skala 1–6" in text
    assert f"plats {data.sn.latest.rank} av 290" in text
    assert "inte Svenskt Näringslivs siffror" in text  # sample said as such
    book = load_workbook(write_xlsx(data, tmp_path / "rapport.xlsx", options))
    ws = book[SHEET]
    cells = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert any(isinstance(v, str) and v.startswith(SN_TITLE) for v in cells)
    assert data.sn.latest.grade in cells
    folder = os.environ.get("NKI_SHOTS")
    if folder:  # the PDF's SN page as an image, to look at
        Path(folder).mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), f"{folder}/pdf"], check=False)


def test_sn_section_left_out_when_not_chosen(report_store, tmp_path):
    data = gather(report_store, KALIX, 2024, "foretag")
    options = ReportOptions()
    assert SN_TITLE not in _pdf_text(write_pdf(data, tmp_path / "r.pdf", options))
    assert SHEET not in load_workbook(write_xlsx(data, tmp_path / "r.xlsx", options)).sheetnames


def test_no_sn_values_no_section_and_nki_unchanged(store, tmp_path):
    obs = [
        Observation(2024, KALIX, "total", "nki", "foretag", value=80.0, n=40),
        Observation(2024, "riket", "total", "nki", "foretag", value=75.0),
    ]
    store.save_import(ImportBatch("oj.xlsx", "a", "oj", "oj", obs))
    data = gather(store, KALIX, 2024, "foretag")
    assert data.sn is None
    options = ReportOptions(sections=tuple(SECTIONS))
    assert SN_TITLE not in _pdf_text(write_pdf(data, tmp_path / "r.pdf", options))
    before = [(r.area, r.factor, r.value) for r in data.table]
    store.save_import(
        ImportBatch(
            "sn.xlsx",
            "b",
            "sn",
            "sn",
            [Observation(2024, KALIX, SN_AREA, "sammanfattande_omdome", "foretag", value=4.0)],
        )
    )
    data = gather(store, KALIX, 2024, "foretag")
    assert data.sn is not None and not data.sn.is_sample
    assert [(r.area, r.factor, r.value) for r in data.table] == before
    assert "Svenskt Näringsliv" in data.sn.source_line
