"""PDF and workbook: a sample-data warning on each page and sheet that shows sample values,
none where only real values show; every comparison mean says over how many values."""

from __future__ import annotations

import unicodedata

from openpyxl import load_workbook
from pypdf import PdfReader

from nki_desktop.analysis.report_data import gather
from nki_desktop.reports import ReportOptions, build_pdf, build_xlsx
from tests.origin_builders import OREBRO, REAL_YEAR, one_kommun_2023, whole_lan

BAND = "EXEMPELDATA – fiktiva värden på denna sida"


def _pages(path) -> list[str]:
    return [
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split())
        for p in PdfReader(str(path)).pages
    ]


def test_pdf_warns_on_each_page_with_sample_values(report_store, tmp_path):
    report_store.save_import(one_kommun_2023())
    pages = _pages(build_pdf(report_store, OREBRO, 2023, "foretag", tmp_path / "r.pdf"))
    assert len(pages) >= 3
    value_pages = [p for p in pages if "Metod och källor" not in p or "Ranking" in p]
    assert value_pages and all(BAND in p for p in value_pages)
    # a report of the method alone shows no value: no band, although sources include sample
    only_method = _pages(
        build_pdf(
            report_store,
            OREBRO,
            2023,
            "foretag",
            tmp_path / "m.pdf",
            ReportOptions(sections=("method",)),
        )
    )
    assert not any(BAND in p for p in only_method)


def test_pdf_and_workbook_without_sample_values_carry_no_warning(report_store, tmp_path):
    report_store.save_import(whole_lan())
    pages = _pages(build_pdf(report_store, OREBRO, REAL_YEAR, "foretag", tmp_path / "r.pdf"))
    assert not any(BAND in p or "Exempeldata" in p for p in pages)
    wb = load_workbook(build_xlsx(report_store, OREBRO, REAL_YEAR, "foretag", tmp_path / "r.xlsx"))
    for ws in wb.worksheets:
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert not any("Exempeldata" in t for t in texts), ws.title
    assert wb["Områden"]["A1"].value == "Område"  # the table starts at the top


def test_workbook_warns_on_each_sheet_with_sample_values(report_store, tmp_path):
    report_store.save_import(one_kommun_2023())
    wb = load_workbook(build_xlsx(report_store, OREBRO, 2023, "foretag", tmp_path / "r.xlsx"))
    for name in (
        "Trend",
        "Områden",
        "Serviceområden",
        "Rankning riket",
        "Rankning län",
        "Alla värden",
    ):
        assert wb[name]["A1"].value.startswith("⚠ Exempeldata – fiktiva värden"), name
    assert wb["Sammanfattning"]["A3"].value.startswith("⚠ Exempeldata")
    assert wb["Källor"]["A1"].value == "Fil" and wb["Metod"]["A1"].value == "Rubrik"


def test_means_say_over_how_many_values(report_store, tmp_path):
    # four kommuner chosen, one without a value for 2023: the mean is over three values
    with_value = {v.unit for v in report_store.values(year=2023, area="total", factor="nki")}
    without = next(k.code for k in report_store.catalogue.kommuner if k.code not in with_value)
    chosen = ["1881", "1882", "1884", without]
    data = gather(report_store, OREBRO, 2023, compare_units=chosen)
    total = data.table[0]
    assert total.comparison_count == 3 and total.comparison_text == "medel av 3 värden"
    options = ReportOptions(compare_units=chosen)
    text = " ".join(
        _pages(build_pdf(report_store, OREBRO, 2023, "foretag", tmp_path / "r.pdf", options))
    )
    assert "Jämförelsegruppen (medel av 3 värden)" in text  # bars legend, areas and factors
    assert "(4 enheter)" not in text and "4 kommuner" not in text
    ws = load_workbook(
        build_xlsx(report_store, OREBRO, 2023, "foretag", tmp_path / "r.xlsx", options)
    )["Alla värden"]
    headers = [c.value for c in ws[3]]
    col = headers.index("Medel av antal värden") + 1
    assert ws.cell(4, col).value == 3


def test_workbook_trend_chart_breaks_where_the_source_changes(report_store, tmp_path):
    report_store.save_import(one_kommun_2023())
    ws = load_workbook(build_xlsx(report_store, OREBRO, 2023, "foretag", tmp_path / "r.xlsx"))[
        "Trend"
    ]
    headers = [c.value for c in ws[3]]
    assert headers[8:10] == ["Örebro 2016–2022", "Örebro 2023"]  # one column a piece
    assert ws["I10"].value == 70.0 and ws["I11"].value is None and ws["J11"].value == 77.0
    [chart] = ws._charts
    assert len(chart.series) == 4 and chart.display_blanks == "gap"
    notes = [ws.cell(r, 1).value for r in range(12, 16) if ws.cell(r, 1).value]
    assert any(
        n.startswith("Källan byts: Örebro 2022: Exempeldata – fiktiva värden, 2023: Egna resultat")
        for n in notes
    )
