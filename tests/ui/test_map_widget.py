"""The map: every kommun drawn, hit-tested (a click inside Kalix selects 2514), hover,
län zoom, copy and save as PNG/SVG, patterns that survive black-and-white print."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest

from nki_desktop.analysis.map_data import build_map_data
from nki_desktop.analysis.ranking import RankFilter, build_ranking
from nki_desktop.charts.export import save_image
from nki_desktop.charts.map import MISSING_PATTERN, PATTERNS, MapRenderer, class_brushes
from nki_desktop.charts.map_widget import WHOLE_SWEDEN, MapCanvas, MapPanel
from nki_desktop.domain.records import StoredValue
from nki_desktop.paths import shipped_catalogue

KALIX = "2514"
CAT = shipped_catalogue()


def _data(mine: str = KALIX):
    values = [
        StoredValue(2021, KALIX, "total", "nki", "foretag", 86.36, 120, None, None, None, "f"),
        StoredValue(2021, "2582", "total", "nki", "foretag", 87.96, 150, None, None, None, "f"),
        StoredValue(2021, "0180", "total", "nki", "foretag", 66.0, 900, None, None, None, "f"),
    ]
    table = build_ranking(values, [], CAT, 2021, "total", "nki", "foretag", RankFilter())
    return build_map_data(table, "grade", mine)


@pytest.fixture(scope="module")
def renderer():
    return MapRenderer()


@pytest.fixture
def canvas(qtbot, renderer):
    widget = MapCanvas(renderer=renderer)
    qtbot.addWidget(widget)
    widget.resize(640, 720)
    widget.set_data(_data())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_all_290_kommuner_have_a_drawn_path(renderer):
    assert sorted(renderer.base) == sorted(k.code for k in CAT.kommuner)
    target = QRectF(0, 0, 640, 720)
    mapped = renderer.mapped(renderer.map_transform(target, None))
    map_rect = renderer.layout(target).map
    for code, path in mapped.items():
        box = path.boundingRect()
        assert box.width() > 0 and box.height() > 0, code
        assert map_rect.adjusted(-1, -1, 1, 1).contains(box), code


def test_each_kommun_is_found_at_a_point_inside_it(renderer):
    target = QRectF(0, 0, 640, 720)
    for k in CAT.kommuner:
        assert renderer.code_at(renderer.point_of(k.code, target), target) == k.code


def test_a_click_inside_kalix_selects_2514(qtbot, canvas):
    point = canvas.point_of(KALIX).toPoint()
    assert canvas.code_at(QPointF(point)) == KALIX
    with qtbot.waitSignal(canvas.kommun_clicked, timeout=1000) as blocker:
        QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [KALIX]
    assert canvas.selected == KALIX


def test_a_click_in_the_sea_or_the_legend_selects_nothing(qtbot, canvas):
    clicked = []
    canvas.kommun_clicked.connect(clicked.append)
    legend = canvas.rect().topRight() + QPointF(-20, 60).toPoint()
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=legend)
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPointF(5, 700).toPoint())  # sea
    assert clicked == []


def test_zoomed_to_norrbotten_kalix_is_larger_and_still_hit(qtbot, canvas, renderer):
    target = QRectF(0, 0, 640, 720)
    whole = renderer.mapped(renderer.map_transform(target, None))[KALIX].boundingRect()
    canvas.set_lan("25")
    zoomed = renderer.mapped(renderer.map_transform(target, "25"))[KALIX].boundingRect()
    assert zoomed.width() > 1.8 * whole.width()  # Norrbotten is a quarter of Sweden
    point = canvas.point_of(KALIX).toPoint()
    with qtbot.waitSignal(canvas.kommun_clicked, timeout=1000) as blocker:
        QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [KALIX]


def test_hover_names_the_kommun_with_value_n_grade_and_rank(qtbot, canvas):
    point = canvas.point_of(KALIX).toPoint()
    QTest.mouseMove(canvas, point)
    qtbot.waitUntil(lambda: canvas.hovered == KALIX, timeout=1000)
    text = canvas.data.describe(KALIX)
    assert "Kalix" in text and "86,4" in text and "Antal svar: 120" in text
    assert "Mycket högt" in text and "Plats 2 av 3" in text


def test_panel_combo_zooms_to_a_lan(qtbot):
    panel = MapPanel(CAT.lan_names())
    qtbot.addWidget(panel)
    assert panel.lan_combo.itemText(0) == WHOLE_SWEDEN
    assert panel.lan_combo.count() == 22
    panel.set_lan("25")
    assert panel.canvas.lan == "25"
    panel.set_lan(None)
    assert panel.canvas.lan is None


def test_classes_differ_by_pattern_not_only_colour():
    styles = [class_brushes(i, "#000000")[1].style() for i in range(len(PATTERNS))]
    styles.append(class_brushes(None, "")[1].style())
    assert len(set(styles)) == len(styles)
    assert styles[-1] == MISSING_PATTERN


def test_saved_as_png_and_svg(tmp_path, canvas):
    png = save_image(canvas, tmp_path / "karta.png")
    assert QImage(str(png)).width() == 2 * canvas.width()
    svg = save_image(canvas, tmp_path / "karta.svg", "Kartan")
    text = svg.read_text(encoding="utf-8")
    assert text.count("<path") >= 8 and len(text) > 100_000  # the polygons as vectors
    assert "Kartan: NKI totalt 2021" in text


def test_grayscale_print_keeps_classes_apart(canvas):
    """Drawn in black and white, mycket högt, godkänt and missing still differ."""
    image = QImage(640, 720, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    canvas.paint_into(painter, QRectF(0, 0, 640, 720))
    painter.end()
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)

    def texture(code: str) -> list[int]:
        centre = canvas.point_of(code).toPoint()
        return [
            gray.pixelColor(centre.x() + dx, centre.y() + dy).value()
            for dx in range(-2, 3)
            for dy in range(-2, 3)
        ]

    boden, stockholm, kiruna = texture("2582"), texture("0180"), texture("2584")
    assert len({tuple(boden), tuple(stockholm), tuple(kiruna)}) == 3
    assert len(set(boden)) > 1 and len(set(kiruna)) > 1  # patterned, not flat grey


def test_copy_puts_the_drawn_map_on_the_clipboard(canvas):
    from PySide6.QtGui import QGuiApplication

    from nki_desktop.charts.export import copy_image

    image = copy_image(canvas)
    assert image.width() == 2 * canvas.width()
    pasted = QGuiApplication.clipboard().image()
    assert not pasted.isNull() and pasted.size() == image.size()
    centre = (canvas.point_of(KALIX) * 2).toPoint()  # drawn, not blank: Kalix is blue
    assert image.pixelColor(centre) != image.pixelColor(2, image.height() - 2)


def test_legend_counts_only_what_is_shown(tmp_path, renderer):
    from nki_desktop.charts.map import save_map

    data = _data()
    data.outside = frozenset(data.entries) - {KALIX, "2582", "0180", "2584"}
    text = save_map(data, tmp_path / "urval.svg").read_text(encoding="utf-8")
    assert "Betyg (antal i urvalet)" in text
    assert "Mycket högt (≥ 80) – 2" in text  # Kalix and Boden
    assert "Inget värde eller för få svar – 1" in text  # Kiruna; the pale rest not counted
    text = save_map(_data(), tmp_path / "lan.svg", lan="25").read_text(encoding="utf-8")
    assert "Betyg (antal i länet)" in text and "för få svar – 12" in text  # 14 in Norrbotten
