"""The Rapport page: generated summary, edits, sections, and the files it writes."""

from __future__ import annotations

import unicodedata

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from nki_desktop.analysis.report_data import gather

OREBRO = "1880"


@pytest.fixture
def store(report_store):  # the window opens the sample database copy
    return report_store


def _pdf_text(path) -> str:
    text = " ".join(
        unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(str(path)).pages
    )
    return " ".join(text.split())


def test_page_prefills_summary_and_writes_edited_pdf_and_excel(make_window, store, tmp_path, qtbot):
    window = make_window(OREBRO)
    window.show_page("report")
    page = window.pages["report"]
    year = window.context.year
    assert page.summary_edit.toPlainText() == gather(store, OREBRO, year).summary_text
    assert page.pdf_button.isEnabled() and page.excel_button.isEnabled()
    assert page.options().summary_text is None  # unchanged text = generated

    edited = "Förvaltningen föreslår att nämnden noterar resultatet för Örebro."
    page.summary_edit.setPlainText(edited)
    page.section_boxes["table"].setChecked(False)
    options = page.options()
    assert options.summary_text == edited and "table" not in options.sections

    with qtbot.waitSignal(page.report_saved) as saved:
        page.save_pdf(tmp_path / "r.pdf")
    assert saved.args == [str(tmp_path / "r.pdf")]
    text = _pdf_text(tmp_path / "r.pdf")
    assert edited in text and "Alla värden" not in text

    page.save_excel(tmp_path / "r.xlsx")  # synchronous task runner in tests
    values = [
        c.value
        for row in load_workbook(tmp_path / "r.xlsx")["Sammanfattning"].iter_rows()
        for c in row
    ]
    assert edited in values
    assert "Sparade" in page.status.text()


def test_changing_year_regenerates_summary_and_logo_is_remembered(make_window, tmp_path):
    window = make_window(OREBRO)
    page = window.pages["report"]
    page.summary_edit.setPlainText("Egen text")
    window.context.set_year(2021)
    assert "uppgår 2021" in page.summary_edit.toPlainText()
    page.set_logo(str(tmp_path / "logo.png"))
    assert window.context.settings.get("report_logo") == str(tmp_path / "logo.png")
    assert page.options().logo_path == str(tmp_path / "logo.png")


def test_page_without_data_disables_output(make_window, store):
    with store.transaction() as conn:
        conn.execute("DELETE FROM observations")
    window = make_window(OREBRO)
    page = window.pages["report"]
    assert page.data is None and not page.pdf_button.isEnabled()
    assert page.save_pdf("ignored.pdf") is None


def test_summary_edit_survives_year_switch_and_restart(make_window, store):
    window = make_window(OREBRO)
    page = window.pages["report"]
    first = window.context.year
    edited = "Nämnden noterar resultatet; åtgärder för tillgängligheten redovisas i maj."
    page.summary_edit.setPlainText(edited)
    window.context.set_year(2021)  # switching saves the pending edit at once
    assert "uppgår 2021" in page.summary_edit.toPlainText()
    assert not page.reset_button.isEnabled()
    window.context.set_year(first)
    assert page.summary_edit.toPlainText() == edited
    assert page.options().summary_text == edited and page.reset_button.isEnabled()

    again = make_window(OREBRO)  # a new window on the same database: still there
    assert again.pages["report"].summary_edit.toPlainText() == edited

    page.reset_summary()
    assert page.summary_edit.toPlainText() == page._generated
    assert page.options().summary_text is None
    window.context.set_year(2021)
    window.context.set_year(first)
    assert page.summary_edit.toPlainText() == page._generated  # the edit was forgotten
