"""'Åtgärder och uppföljning' (on when there are actions) and 'Anteckningar' (off unless
chosen) in the PDF and the workbook."""

from __future__ import annotations

import os
import subprocess
import unicodedata

from openpyxl import load_workbook
from pypdf import PdfReader

from nki_desktop.analysis.followup import NO_CAUSE
from nki_desktop.analysis.report_data import gather
from nki_desktop.domain.actions import Action, Note
from nki_desktop.reports.excel import write_xlsx
from nki_desktop.reports.followup_sheet import HEADING, NOTES_HEADING
from nki_desktop.reports.options import SECTIONS, ReportOptions
from nki_desktop.reports.pdf import write_pdf
from nki_desktop.services import actions, notes

SHOTS = os.environ.get("NKI_SHOTS")


def _pdf_text(path) -> str:
    return " ".join(
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split())
        for p in PdfReader(str(path)).pages
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_no_actions_no_section(sample_store, tmp_path):
    data = gather(sample_store, "1880", 2024, "foretag")
    assert data.tracking.actions == []
    assert HEADING not in _pdf_text(write_pdf(data, tmp_path / "r.pdf"))
    assert "Åtgärder" not in load_workbook(write_xlsx(data, tmp_path / "r.xlsx")).sheetnames


def test_actions_with_follow_up_and_notes_on_request(sample_store, tmp_path):
    actions.add(
        sample_store,
        Action(
            "1880",
            "Telefontider varje förmiddag",
            ("bygglov",),
            ("tillganglighet",),
            owner="Bygglovschef",
            status="genomford",
            decided="2019-03-01",
            done="2020-05-02",
        ),
    )
    actions.add(sample_store, Action("1880", "Öppet hus", ("total",), status="pagar"))
    notes.add(sample_store, Note("1880", "Omorganisation av bygglov", "2021-02-01", 2021))
    data = gather(sample_store, "1880", 2024, "foretag")
    [row] = data.tracking.followup
    assert (row.before.year, row.after.year) == (2019, 2021)
    assert "followup" in data.sample_sections()  # the sample values carry the warning
    assert len(data.tracking.actions) == 2 and len(data.tracking.notes) == 1
    assert "notes" not in ReportOptions().sections and "followup" in ReportOptions().sections
    pdf = write_pdf(data, tmp_path / "r.pdf")
    text = _pdf_text(pdf)
    assert HEADING in text and "Telefontider varje förmiddag" in text
    assert _flat(NO_CAUSE)[:60] in text
    assert f"2019: {row.before.value:.0f}" in text
    assert "Omorganisation av bygglov" not in text  # notes are off by default
    if SHOTS:
        reader = PdfReader(str(pdf))
        page = 1 + next(
            i
            for i, p in enumerate(reader.pages)
            if HEADING in _flat(unicodedata.normalize("NFKC", p.extract_text()))
        )
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), str(pdf),
             os.path.join(SHOTS, "report-followup")],
            check=True,
        )  # fmt: skip
    with_notes = ReportOptions(sections=tuple(SECTIONS))
    text = _pdf_text(write_pdf(data, tmp_path / "n.pdf", with_notes))
    assert NOTES_HEADING in text and "Omorganisation av bygglov" in text
    book = load_workbook(write_xlsx(data, tmp_path / "r.xlsx", with_notes))
    ws = book["Åtgärder"]
    assert ws["A1"].value == HEADING and ws["A3"].value == NO_CAUSE
    assert ws["A5"].value.startswith("⚠ Exempeldata")  # sample values, as on the PDF page
    cells = [c.value for r in ws.iter_rows() for c in r]
    assert "Telefontider varje förmiddag" in cells and 2019 in cells and 2021 in cells
    assert book["Anteckningar"]["C4"].value == "Omorganisation av bygglov"
    assert "Anteckningar" not in load_workbook(write_xlsx(data, tmp_path / "d.xlsx")).sheetnames


def test_real_values_carry_no_sample_note_in_excel(store, tmp_path):
    from tests.origin_builders import whole_lan

    for year in (2012, 2013, 2014):
        store.save_import(whole_lan(year))
    actions.add(
        store,
        Action("1880", "Öppet hus", ("total",), status="genomford", done="2013-05-02"),
    )
    data = gather(store, "1880", 2014, "foretag")
    [row] = data.tracking.followup
    assert (row.before.year, row.after.year) == (2012, 2014)
    ws = load_workbook(write_xlsx(data, tmp_path / "r.xlsx"))["Åtgärder"]
    assert ws["A5"].value is None and "followup" not in data.sample_sections()
