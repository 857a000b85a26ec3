"""The board report gets a prioriteringsmatris page when min kommun has respondent data."""

from __future__ import annotations

from pypdf import PdfReader

from nki_desktop.importers.base import ImportOptions
from nki_desktop.reports import build_pdf
from nki_desktop.services.imports import import_file
from tests.respondent_builders import make_rows, write_xlsx


def _text(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def test_matrix_page_only_with_respondent_data(sample_store, tmp_path):
    without = build_pdf(sample_store, "1880", 2023, "foretag", tmp_path / "utan.pdf")
    assert not any("Prioriteringsmatris" in t for t in _text(without))

    rows = make_rows(400, years=(2023,))
    assert import_file(
        sample_store,
        write_xlsx(tmp_path / "svar.xlsx", rows),
        ImportOptions(kind="respondent", kommun="1880"),
    ).ok
    with_matrix = build_pdf(sample_store, "1880", 2023, "foretag", tmp_path / "med.pdf")
    pages = _text(with_matrix)
    matrix_pages = [t for t in pages if "Prioriteringsmatris" in t and "Kvadrant" in t]
    assert len(matrix_pages) == 1
    page = matrix_pages[0]
    assert "Rättssäkerhet" in page and "R²" in page
    # a page of its own (the respondent-derived values also lengthen the table of all values)
    assert len(pages) >= len(_text(without)) + 1
    assert not any(h in page for h in ("Alla värden", "Metod och källor", "Ranking i"))
    assert "EXEMPELDATA" not in page  # computed from the imported answers: no sample value
