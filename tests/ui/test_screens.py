"""pytest-qt: drive Trend, Ranking and Jämför (and the improved Översikt) on sample data."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, QSize, Qt
from PySide6.QtGui import QGuiApplication

from nki_desktop.analysis.peers import NEIGHBOURS, SIMILAR
from nki_desktop.analysis.ranking import load_ranking
from nki_desktop.charts.export import render_image, save_image
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.paths import data_dir
from nki_desktop.ui.models.columns import ROW_ROLE
from nki_desktop.ui.models.ranking_model import CHANGE, NAME, RANK, VALUE, rank_change_text
from nki_desktop.ui.models.table_copy import copy_selection, export_excel
from nki_desktop.ui.settings import Settings

OREBRO = "1880"


def open_page(make_window, key, kommun=OREBRO):
    window = make_window(kommun)
    window.show()
    window.show_page(key)
    return window, window.pages[key]


def shown_rows(page):
    proxy = page.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


# -- Ranking -------------------------------------------------------------------------------
def test_ranking_shows_all_kommuner_with_min_kommun_highlighted_and_in_view(
    qtbot, make_window, sample_store
):
    window, page = open_page(make_window, "ranking")
    rows = shown_rows(page)
    expected = load_ranking(sample_store, 2024, "total", "nki", "foretag")
    assert len(rows) == len(expected.rows) == 290
    assert page.proxy.index(0, RANK).data() == "1"
    mine = next(i for i, r in enumerate(rows) if r.unit == OREBRO)
    index = page.proxy.index(mine, NAME)
    assert index.data() == "Örebro"
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert page.view.viewport().rect().intersects(page.view.visualRect(index))  # scrolled to
    row = rows[mine]
    assert page.proxy.index(mine, VALUE).data() == fmt_index(row.value)
    assert page.proxy.index(mine, CHANGE).data() == rank_change_text(row.rank_change)
    assert page.proxy.headerData(RANK, Qt.Orientation.Horizontal) == "Beräknad\nplacering"
    assert f"plats {row.rank} av" in page.legend.text()


def test_ranking_filters_rerank_and_search_and_sort(qtbot, make_window, sample_store):
    window, page = open_page(make_window, "ranking")
    page.lan_combo.setCurrentIndex(page.lan_combo.findData("18"))
    rows = shown_rows(page)
    assert {r.lan_name for r in rows} == {"Örebro län"} and len(rows) == 12
    ranked = [r.rank for r in rows if r.rank is not None]
    assert ranked[0] == 1 and ranked == sorted(ranked)
    page.lan_combo.setCurrentIndex(0)
    page.large_check.setChecked(True)
    assert all(r.population > 40_000 for r in shown_rows(page))
    page.large_check.setChecked(False)
    page.rules_check.setChecked(True)
    need = page.table.min_answers
    assert all(r.n >= need for r in shown_rows(page) if r.rank is not None)
    page.rules_check.setChecked(False)
    qtbot.keyClicks(page.search, "rebro")
    assert {r.name for r in shown_rows(page)} == {"Örebro"}
    page.search.clear()
    page.view.sortByColumn(VALUE, Qt.SortOrder.AscendingOrder)
    values = [r.value for r in shown_rows(page)]
    present = [v for v in values if v is not None]
    assert present == sorted(present) and values[-1] is None  # missing values last
    page.area_combo.setCurrentIndex(page.area_combo.findData("upphandling"))
    assert page.factor_combo.currentData() == "nui"
    assert page.table.area == "upphandling" and "Upphandling" in page.heading.text()


def test_ranking_copy_and_excel_export(qtbot, make_window, sample_store, tmp_path):
    window, page = open_page(make_window, "ranking")
    selection = page.view.selectionModel()
    for r in (0, 1):
        selection.select(
            page.proxy.index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:3] == ["Beräknad placering", "Förändring", "Kommun"]
    first = shown_rows(page)[0]
    cells = lines[1].split("\t")
    assert cells[0] == "1" and cells[2] == first.name
    assert cells[3] == fmt_index(first.value).replace("\u00a0", "")  # decimal comma, number
    assert len(lines) == 3
    path = export_excel(page.proxy, tmp_path / "ranking", page.heading.text())
    sheet = load_workbook(path).active
    assert sheet.cell(1, 1).value.startswith("Rankning 2024")
    assert sheet.cell(3, 3).value == "Kommun"
    assert sheet.cell(4, 1).value == 1 and sheet.cell(4, 4).value == first.value
    assert sheet.max_row >= 3 + 290


# -- Trend ---------------------------------------------------------------------------------
def test_trend_shows_mine_riket_comparison_and_definition_break(
    qtbot, make_window, sample_store, tmp_path
):
    window, page = open_page(make_window, "trend")
    assert page.stack.currentIndex() == 1
    labels = [line.label for line in page.chart.lines]
    # the sample's running year 2025 is a preliminary marker of its own (h14c)
    assert labels[:3] == ["Örebro", "Riket", "Medel Örebro län"]
    assert [label[:17] for label in labels[3:]] == ["Preliminärt 2025 "]
    [total] = sample_store.values(year=2020, unit=OREBRO, area="total", factor="nki")
    point = next(p for p in page.chart.lines[0].points if p.x == 2020)
    assert point.y == total.value
    assert f"Antal svar: {total.n}" in point.tooltip and "Källa:" in point.tooltip
    assert [b.x for b in page.chart.breaks] == [2023.5]
    assert "fyra områden" in page.chart.breaks[0].tooltip
    assert "Definitionen ändras 2024" in page.breaks_label.text()
    assert page.model.rowCount() == 9
    page.compare_combo.setCurrentIndex(page.compare_combo.findData("kommungrupp"))
    assert page.chart.lines[2].label.startswith("Medel kommungrupp")
    assert Settings(data_dir() / "settings.ini").get("trend_compare") == "kommungrupp"
    page.zoom_check.setChecked(True)
    low, high = page.chart.getPlotItem().vb.viewRange()[1]
    assert low > 0 and "förstorat" in page.chart.getPlotItem().getAxis("left").labelText
    page.area_combo.setCurrentIndex(page.area_combo.findData("bygglov"))
    page.factor_combo.setCurrentIndex(page.factor_combo.findData("bemotande"))
    assert page.data.area == "bygglov" and page.data.factor == "bemotande"
    assert page.chart.breaks == []  # the 2024 change concerns NKI totalt only
    png = save_image(page.chart, tmp_path / "trend.png")
    svg = save_image(page.chart, tmp_path / "trend.svg")
    assert png.stat().st_size > 5000
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text and "2016" in text


def test_chart_renders_without_being_shown(qtbot, sample_store):
    from nki_desktop.analysis.trend import trend_data
    from nki_desktop.charts.trend import TrendChart

    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.set_trend(trend_data(sample_store, OREBRO, "total", "nki", "foretag"))
    assert not chart.isVisible()
    image = render_image(chart, QSize(800, 400), scale=2.0)
    assert chart.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # never on screen
    assert (image.width(), image.height()) == (1600, 800)
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert "#0072b2" in colours  # min kommun's line was drawn
    right = {image.pixelColor(x, y).name() for x in range(1200, 1600, 3) for y in range(0, 700, 3)}
    assert "#0072b2" in right  # scaled as a whole, not only the top-left part enlarged


# -- Jämför --------------------------------------------------------------------------------
def test_compare_defaults_to_neighbours_and_shows_table_and_bars(qtbot, make_window, sample_store):
    window, page = open_page(make_window, "compare")
    assert page.set_combo.currentData() == NEIGHBOURS
    cmp = page.comparison
    assert cmp.units[0] == OREBRO and len(cmp.units) == 12
    headers = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    assert headers[:3] == ["Kommun", "NKI totalt", "Brandskydd"]
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    others = sorted((cmp.names[u] for u in cmp.units[1:]), key=str.casefold)
    assert names == [
        "Örebro",
        *others,
        "Medel jämförda",
        "Skillnad Örebro mot medel",
        "Riket",
    ]  # one row per kommun: more peers scroll down, not sideways
    [bygglov] = sample_store.values(year=2024, unit=OREBRO, area="bygglov", factor="nki")
    column = headers.index("Bygglov")
    assert "Miljö- och\nhälsoskydd" in headers  # two short lines: eleven columns fit
    assert page.model.index(0, column).data().startswith(fmt_index(bygglov.value))
    series = [s.label for s in page.chart.series]
    assert series[0] == "Örebro" and series[1].startswith("Medel grannkommuner")
    page.kind_combo.setCurrentIndex(1)
    assert [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ][1:3] == ["Information", "Tillgäng-\nlighet"]


def test_compare_sets_are_saved_and_carried_to_trend_and_next_run(qtbot, make_window, sample_store):
    window, page = open_page(make_window, "compare")
    page.set_combo.setCurrentIndex(page.set_combo.findData(SIMILAR))
    page.set_combo.activated.emit(page.set_combo.currentIndex())
    assert window.context.compare_set == SIMILAR
    page.save_named_set("Mina tre", ["1881", "1884", "0180"])
    assert Settings(data_dir() / "settings.ini").get("compare_sets") == {
        "Mina tre": ["1881", "1884", "0180"]
    }
    assert page.set_combo.currentData() == "Mina tre"
    assert [s.label for s in page.chart.series] == ["Örebro", "Kumla", "Nora", "Stockholm"]
    window.show_page("trend")
    trend = window.pages["trend"]
    trend.compare_combo.setCurrentIndex(trend.compare_combo.findData("units"))
    assert trend.chart.lines[2].label == "Medel valda kommuner"
    window.close()
    again = make_window(OREBRO)
    assert again.context.compare_set == "Mina tre"
    assert again.context.compare_units == ["1881", "1884", "0180"]
    again.show()
    again.show_page("compare")
    page = again.pages["compare"]
    assert page.set_combo.currentData() == "Mina tre" and page.delete_button.isEnabled()
    page.delete_set()
    assert Settings(data_dir() / "settings.ini").get("compare_sets") == {}


def test_compare_table_copy_gives_tab_separated_numbers(qtbot, make_window, sample_store):
    window, page = open_page(make_window, "compare")
    page.view.selectionModel().select(
        page.proxy.index(0, 1),  # Örebro, NKI totalt
        QItemSelectionModel.SelectionFlag.Select,
    )
    text = copy_selection(page.view)
    [total] = sample_store.values(year=2024, unit=OREBRO, area="total", factor="nki")
    assert text == f"{fmt_index(total.value)}\n"
    assert QGuiApplication.clipboard().text() == text


def test_compare_shows_each_peer_sorted_with_min_kommun_marked(qtbot, make_window, sample_store):
    window, page = open_page(make_window, "compare")
    cmp = page.comparison
    page.chart_tabs.setCurrentIndex(1)
    header = page.view.horizontalHeader()
    column = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ].index("Bygglov")
    header.sectionClicked.emit(column)  # a click on the table's column picks the area
    assert page.peer_combo.currentText() == "Bygglov"
    bars = page.peer_chart.bars
    assert {b.label for b in bars} == {cmp.names[u] for u in cmp.units}
    values = [b.value for b in bars if b.value is not None]
    assert values == sorted(values, reverse=True)
    [mine] = [b for b in bars if b.highlight]
    [bygglov] = sample_store.values(year=2024, unit=OREBRO, area="bygglov", factor="nki")
    assert mine.label == "Örebro" and mine.value == bygglov.value
    row = next(r for r in cmp.areas if r.area == "bygglov")
    count = row.others_count(OREBRO)
    assert f"medel av {count} värden" in page.peer_note.text()
    assert count == sum(1 for u in cmp.units[1:] if row.value(u) is not None)


# -- Översikt and empty states ---------------------------------------------------------------
def test_overview_shows_lan_and_kommungrupp_ranks_and_best_factor(qtbot, make_window, sample_store):
    window, page = open_page(make_window, "overview")
    kf = page.figures
    assert page.tile_local.value.text() == f"{kf.rank_lan.rank} av {kf.rank_lan.of} *"
    assert page.tile_group.value.text() == f"{kf.rank_group.rank} av {kf.rank_group.of} *"
    assert "Större stad" in page.tile_group.detail.text()
    assert f"Bäst: <b>{'Bemötande'}" in page.best_label.text() or kf.best_factor.key != "bemotande"
    assert "ny definition" in page.tile_change.detail.text()  # 2023 -> 2024
    image = QGuiApplication.clipboard()
    page.area_frame.copy_button.click()
    assert not image.image().isNull()


def test_empty_screens_offer_import_and_sample(qtbot, make_window):
    window = make_window(OREBRO)
    window.show()
    for key in ("trend", "ranking", "compare"):
        window.show_page(key)
        page = window.pages[key]
        assert page.stack.currentIndex() == 0
        assert "Ingen data" in page.empty.label.text()
        assert page.empty.sample_button.isVisibleTo(window)
    with qtbot.waitSignal(window.sample_loaded):
        window.pages["compare"].empty.sample_button.click()
    assert window.pages["compare"].stack.currentIndex() == 1
    window.show_page("ranking")
    assert window.pages["ranking"].stack.currentIndex() == 1


def test_trend_chart_draws_error_bars_and_explains_breaks(qtbot):
    import pyqtgraph as pg

    from nki_desktop.analysis.trend import Line, Point, TrendData
    from nki_desktop.charts.trend import TrendChart
    from nki_desktop.domain.rules import DEFINITION_BREAKS

    data = TrendData(
        OREBRO,
        "total",
        "nki",
        "foretag",
        [
            Line(
                "mine",
                "Örebro",
                [
                    Point(2015, 70.4, 30, 66.0, 74.8, source="egen.xlsx"),
                    Point(2016, 72.0, 35, 68.5, 75.5),
                ],
            ),
            Line("riket", "Riket", [Point(2015, 68), Point(2016, 70)]),
        ],
        [DEFINITION_BREAKS[0]],
    )
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.set_trend(data)
    items = chart.getPlotItem().items
    [bars] = [i for i in items if isinstance(i, pg.ErrorBarItem)]
    assert list(bars.opts["top"]) == pytest.approx([4.4, 3.5])
    [marker] = [i for i in items if isinstance(i, pg.InfiniteLine)]
    assert marker.value() == 2015.5 and "livsmedelskontroll" in marker.toolTip()
    tip = chart.lines[0].points[0].tooltip
    assert "70,4" in tip and "Intervall: 66,0–74,8" in tip and "egen.xlsx" in tip
    assert chart.point_at(2015.02, 70.3, 0.01, 0.1) is chart.lines[0].points[0]


def test_grouped_chart_finds_the_bar_under_the_pointer(qtbot, sample_store):
    from nki_desktop.analysis.compare import load_comparison
    from nki_desktop.charts.grouped import GroupedBarChart, series_from_comparison

    cmp = load_comparison(sample_store, OREBRO, ["1881"], 2024, "foretag")
    chart = GroupedBarChart()
    qtbot.addWidget(chart)
    series = series_from_comparison(cmp, "areas", "")
    chart.set_groups([r.label for r in cmp.areas], series, [r.riket for r in cmp.areas])
    value = series[1].values[1]
    assert chart.hit(value / 2, chart.bar_y(1, 1)) == (1, 1)
    assert chart.hit(value + 5, chart.bar_y(1, 1)) is None
    assert series[1].tooltips[1].startswith(f"Kumla, {cmp.areas[1].label}: ")


def test_keyboard_reaches_the_ranking_table_and_moves_in_it(qtbot, make_window, sample_store):
    window, page = open_page(make_window, "ranking")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.rules_check.setFocus()
    qtbot.keyClick(page.rules_check, Qt.Key.Key_Tab)
    assert page.view.hasFocus()
    page.view.setCurrentIndex(page.proxy.index(0, NAME))
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    assert page.view.currentIndex().row() == 1
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().split("\t")[2].strip() == shown_rows(page)[1].name
