"""The Svarsdata screen and the matrix report page, on a store with known respondent data."""

from __future__ import annotations

import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from nki_desktop.analysis import respondent as ar
from nki_desktop.importers.base import ImportOptions
from nki_desktop.reports.matrix_page import draw_matrix_page, write_matrix_pdf
from nki_desktop.services.imports import import_file
from tests.respondent_builders import make_rows, write_xlsx

FEW = [
    [9000 + i, 2023, "Serveringstillstånd", "Företag", 8, 8, 8, 5, 5, 5, 5, 5, 5, "Bygg"]
    for i in range(4)
]


@pytest.fixture
def respondent_store(store, tmp_path):
    rows = (
        make_rows(700, seed=9, areas=("Bygglov", "Miljö- och hälsoskydd", "Livsmedelskontroll"))
        + FEW
    )
    assert import_file(
        store,
        write_xlsx(tmp_path / "svar.xlsx", rows),
        ImportOptions(kind="respondent", kommun="1880"),
    ).ok
    return store


def _page(window):
    window.show_page("respondent")
    return window.pages["respondent"]


def test_page_sits_after_compare_and_shows_the_matrix(respondent_store, make_window):
    window = make_window("1880")
    keys = list(window.pages)
    assert keys.index("respondent") == keys.index("compare") + 1
    page = _page(window)
    assert page.title == "Svarsdata" and page.stack.currentIndex() == 1
    assert page.year_combo.currentData() == 2023
    matrix = page.matrix
    assert matrix is not None and matrix.adequate and len(matrix.points) == 6
    assert page.points_model.rowCount() == 6
    assert "R² = " in page.matrix_info.text()
    # Hovering a point finds it: map its data position to the scene and ask the chart.
    chart = page.matrix_chart
    chart.resize(700, 500)
    point = matrix.points[2]
    scene = chart.getPlotItem().vb.mapViewToScene(QPointF(point.index, point.effect))
    assert chart.point_at(scene) is point
    assert chart.point_at(QPointF(-500, -500)) is None


def test_rows_below_the_publication_rule_are_greyed_with_the_reason(respondent_store, make_window):
    page = _page(make_window("1880"))
    model = page.index_model
    rows = {(t.row.year, t.row.area, t.row.group): i for i, t in enumerate(model.rows)}
    few = model.index(rows[(2023, "serveringstillstand", "foretag")], 0)
    assert model.data(few, Qt.ItemDataRole.ForegroundRole) == QColor("#8A8A8A")
    assert "För få svar för att visas: 4 svar" in model.data(few, Qt.ItemDataRole.ToolTipRole)
    status = model.index(few.row(), model.columnCount() - 1)
    assert "För få svar" in model.data(status, Qt.ItemDataRole.DisplayRole)
    fine = model.index(rows[(2023, "bygglov", "foretag")], 0)
    assert model.data(fine, Qt.ItemDataRole.ForegroundRole) is None
    change = model.index(fine.row(), 6)
    assert "osäkerhet ±" in model.data(change, Qt.ItemDataRole.DisplayRole)


def test_breakdown_by_background_column(respondent_store, make_window):
    page = _page(make_window("1880"))
    assert page.background_combo.currentData() == "bransch"
    assert page.background_combo.currentText() == "Bransch"
    header = page.breakdown_model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Bransch"  # the question, not a bare "Svar"
    categories = [b.category for b in page.breakdown_model.rows]
    assert categories == ["Bygg", "Handel", "Restaurang"]
    assert [b.label for b in page.breakdown_chart.bars] == categories
    frame = ar.load_frame(respondent_store, "1880", "foretag")
    expected = ar.breakdown(frame, "bransch", 2023, "foretag")
    assert [b.stat.n for b in page.breakdown_model.rows] == [b.stat.n for b in expected]
    page.measure_combo.setCurrentIndex(page.measure_combo.findData("bemotande"))
    assert page.breakdown_model.rows[0].stat.mean == pytest.approx(
        ar.breakdown(frame, "bransch", 2023, "foretag", factor="bemotande")[0].stat.mean
    )


def test_page_without_respondent_data_says_what_to_do(store, make_window):
    page = _page(make_window("1880"))
    assert page.stack.currentIndex() == 0
    assert "Ingen svarsdata" in page.empty_label.text()


def test_matrix_pdf_is_one_vector_page(respondent_store, tmp_path, qtbot):
    path = tmp_path / "matris.pdf"
    frame = ar.load_frame(respondent_store, "1880", "foretag")
    matrix = ar.driver_matrix_auto(frame, 2023, "foretag")
    write_matrix_pdf(matrix, "Örebro", path)
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1
    # NFKC: the font shapes "ff" as a ligature; whitespace between words varies.
    text = " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())
    assert "Prioriteringsmatris" in text and "Örebro" in text
    for point in matrix.points:
        assert point.label in text
    assert "Förbättra i första hand" in text
    assert not reader.pages[0].images  # chart drawn as vectors, not a picture


def test_matrix_page_draws_into_any_painter(respondent_store, qtbot):
    frame = ar.load_frame(respondent_store, "1880", "foretag")
    matrix = ar.driver_matrix(frame, 2023, "foretag")
    image = QImage(794, 1123, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    draw_matrix_page(painter, QRectF(40, 40, 714, 1043), matrix, "Örebro")
    painter.end()
    dark = sum(
        1
        for y in range(0, 1123, 7)
        for x in range(0, 794, 7)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 200


def test_overview_shows_the_computed_indices(respondent_store, make_window):
    window = make_window("1880")
    overview = window.pages["overview"]
    stored = respondent_store.values(
        unit="1880", year=2023, area="total", factor="nki", group="foretag"
    )[0]
    assert overview.figures is not None
    assert overview.figures.total.value == pytest.approx(stored.value)
    assert overview.figures.total.n == stored.n
