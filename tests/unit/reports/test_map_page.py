"""The map as a vector page: in the board report only when chosen, and alone as a PDF."""

from __future__ import annotations

from pypdf import PdfReader

from nki_desktop.analysis.map_data import load_map_data
from nki_desktop.reports import build_pdf
from nki_desktop.reports.map_page import write_map_pdf
from nki_desktop.reports.options import OFF_BY_DEFAULT, SECTIONS, ReportOptions

KALIX = "2514"


def _text(path) -> list[str]:
    """Each page's text with runs of white space as one space (the font spaces with tabs)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def test_map_section_is_off_by_default_and_a_page_of_its_own_when_chosen(report_store, tmp_path):
    assert "map" in SECTIONS and "map" in OFF_BY_DEFAULT
    assert "map" not in ReportOptions().sections
    without = _text(build_pdf(report_store, KALIX, 2023, "foretag", tmp_path / "utan.pdf"))
    assert not any("Kartan:" in t for t in without)
    options = ReportOptions(sections=(*ReportOptions().sections, "map"))
    pages = _text(build_pdf(report_store, KALIX, 2023, "foretag", tmp_path / "med.pdf", options))
    map_pages = [t for t in pages if "Kartan: NKI totalt 2023" in t]
    assert len(map_pages) == 1
    page = map_pages[0]
    assert "Inget värde eller för få svar" in page and "Min kommun: Kalix" in page
    assert "EXEMPELDATA" in page  # the sample's values: the band and the legend say so
    assert not any(h in page for h in ("Alla värden", "Metod och källor"))
    # its own page; the sections after it start on a new page too
    assert len(without) + 1 <= len(pages) <= len(without) + 2


def test_map_pdf_alone_is_one_vector_page(report_store, tmp_path):
    data = load_map_data(report_store, 2023, mine=KALIX)
    path = write_map_pdf(data, tmp_path / "karta.pdf", lan="25")
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Kartan: NKI totalt 2023 – Norrbottens län" in text
    assert "Kiruna" in text  # names drawn in the län view
    content = reader.pages[0].get_contents().get_data()
    assert content.count(b" l\n") + content.count(b" l ") > 1000  # polygons as line paths
