"""The Karta tabs of Rankning and Jämför on sample data; screenshots at 1366 × 768."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

KALIX, UMEA = "2514", "2480"
SHOTS = os.environ.get("NKI_SHOTS")  # a folder: save screenshots there when set


def open_page(make_window, key, kommun=KALIX):
    window = make_window(kommun)
    window.show()
    window.show_page(key)
    return window, window.pages[key]


def click(canvas, code):
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.point_of(code).toPoint())


def shot(qtbot, window, name):
    if SHOTS:
        qtbot.wait(200)  # let the layouts settle before the picture
        window.grab().save(str(Path(SHOTS) / name))


def test_ranking_map_follows_area_and_lan_and_click_selects(qtbot, make_window, sample_store):
    window, page = open_page(make_window, "ranking")
    page.view_tabs.setCurrentWidget(page.map_tab)
    tab = page.map_tab
    qtbot.waitUntil(lambda: tab.data is not None, timeout=3000)
    assert tab.data.title == "Kartan: NKI totalt 2024"
    assert tab.data.mine == KALIX
    shot(qtbot, window, "ranking_map_sweden.png")
    click(tab.canvas, KALIX)
    assert tab.canvas.selected == KALIX
    assert tab.info.text().startswith("Vald: Kalix (Norrbottens län)")
    page.area_combo.setCurrentIndex(page.area_combo.findData("bygglov"))
    assert tab.data.title == "Kartan: NKI bygglov 2024"
    page.lan_combo.setCurrentIndex(page.lan_combo.findData("25"))
    assert tab.canvas.lan == "25"
    assert tab.panel.lan_combo.currentData() == "25"
    shot(qtbot, window, "ranking_map_lan25.png")
    tab.mode_combo.setCurrentIndex(tab.mode_combo.findData("rank"))
    assert tab.data.title == "Kartan: placering, NKI bygglov 2024"


def test_compare_map_click_adds_the_kommun_to_the_comparison(qtbot, make_window, sample_store):
    window, page = open_page(make_window, "compare")
    page.chart_tabs.setCurrentWidget(page.map_tab)
    tab = page.map_tab
    qtbot.waitUntil(lambda: tab.data is not None, timeout=3000)
    before = page.current_units()
    assert UMEA not in before
    click(tab.canvas, UMEA)
    assert window.context.compare_units == [*before, UMEA]
    assert UMEA in page.current_units()
    assert "Umeå lades till i jämförelsen" in tab.info.text()
    assert UMEA in tab.data.marked and set(before) <= set(tab.data.marked)  # dashed edges
    click(tab.canvas, UMEA)
    assert "Umeå finns redan i jämförelsen" in tab.info.text()
    click(tab.canvas, KALIX)
    assert "min kommun" in tab.info.text()
    assert window.context.compare_units == [*before, UMEA]
    tab.area_combo.setCurrentIndex(tab.area_combo.findData("bygglov"))
    tab.factor_combo.setCurrentIndex(tab.factor_combo.findData("bemotande"))
    assert tab.data.title == "Kartan: Bemötande, bygglov 2024"
    shot(qtbot, window, "compare_map.png")


def test_report_page_offers_the_map_unticked(qtbot, make_window, sample_store):
    window, page = open_page(make_window, "report")
    box = page.section_boxes["map"]
    assert box.text() == "Kartan" and not box.isChecked()
    assert "map" not in page.options().sections
    box.setChecked(True)
    assert "map" in page.options().sections


def test_ranking_filters_leave_the_rest_of_sweden_pale(qtbot, make_window, sample_store):
    window, page = open_page(make_window, "ranking")
    page.view_tabs.setCurrentWidget(page.map_tab)
    tab = page.map_tab
    qtbot.waitUntil(lambda: tab.data is not None, timeout=3000)
    assert not tab.data.outside  # all of Sweden
    page.large_check.setChecked(True)
    large = {k.code for k in window.context.catalogue.kommuner if k.is_large}
    assert tab.data.outside == frozenset(tab.data.entries) - large
    assert tab.data.shows("0180") and not tab.data.shows(KALIX)
    shot(qtbot, window, "ranking_map_large_only.png")
