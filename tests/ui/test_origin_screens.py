"""pytest-qt: the sample-data warning follows the values shown; trend lines break by source."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from nki_desktop.analysis.trend import trend_data
from nki_desktop.charts.trend import TrendChart
from nki_desktop.domain.records import Observation
from tests.origin_builders import OREBRO, REAL_YEAR, batch, one_kommun_2023, whole_lan


def _banner_shown(page) -> bool:
    return not page.sample_banner.isHidden()


def test_banner_stays_on_every_screen_that_shows_sample_values(qtbot, make_window, sample_store):
    sample_store.save_import(one_kommun_2023())
    window = make_window(OREBRO)
    window.show()
    window.context.set_year(2023)
    for key in ("overview", "trend", "ranking", "compare"):
        window.show_page(key)
        page = window.pages[key]
        assert page.stack.currentIndex() == 1, key
        assert _banner_shown(page), key
        assert "Exempeldata – fiktiva värden" in page.sample_banner.text()
    overview = window.pages["overview"]
    assert overview.figures.total.value == 77.0  # the real value is shown ...
    assert "Riket" in overview.sample_banner.text()  # ... beside a fictitious Riket
    window.show_page("report")
    assert _banner_shown(window.pages["report"])


def test_banner_disappears_where_only_real_values_show(qtbot, make_window, sample_store):
    sample_store.save_import(whole_lan())
    window = make_window(OREBRO)
    window.show()
    window.context.set_year(REAL_YEAR)
    for key in ("overview", "ranking", "compare"):
        window.show_page(key)
        page = window.pages[key]
        assert page.stack.currentIndex() == 1, key
        assert not _banner_shown(page), key
    window.show_page("report")
    assert not _banner_shown(window.pages["report"])
    window.show_page("trend")  # the trend still shows the sample years
    assert _banner_shown(window.pages["trend"])


def test_trend_chart_draws_one_item_per_segment_and_notes_why(qtbot, make_window, store):
    store.save_import(
        batch(
            "oj.xlsx",
            [
                Observation(y, OREBRO, "total", "nki", "foretag", v, 40)
                for y, v in ((2014, 68.0), (2015, 69.0), (2016, 80.0), (2022, 86.0))
            ],
        )
    )
    store.save_import(
        batch(
            "svar.xlsx",
            [Observation(2023, OREBRO, "total", "nki", "foretag", 67.1, 25)],
            "respondent",
        )
    )
    data = trend_data(store, OREBRO, "total", "nki", "foretag", "none")
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.set_trend(data)
    [item] = [
        i
        for i in chart.getPlotItem().items
        if isinstance(i, pg.PlotDataItem) and i.property("line_key") == "mine"
    ]
    xs, joined = item.getData()[0], item.opts["connect"]
    runs: list[list[int]] = [[]]
    for x, to_next in zip(xs, joined, strict=True):
        runs[-1].append(int(x))
        if not to_next:
            runs.append([])
    assert runs[:-1] == [[2014, 2015], [2016, 2022], [2023]]  # never joined across a change
    assert len(chart.legend.items) == 1  # one legend entry for the line
    point = next(p for p in chart.lines[0].points if p.x == 2023)
    assert "Källa: Beräknat från svarsdata" in point.tooltip and "Fil: svar.xlsx" in point.tooltip

    window = make_window(OREBRO)
    window.show()
    window.show_page("trend")
    page = window.pages["trend"]
    page.compare_combo.setCurrentIndex(page.compare_combo.findData("none"))
    text = page.breaks_label.text()
    assert "Definitionen ändras 2016" in text and "linjerna bryts" in text
    assert "2022 kommer från SKR, Öppna jämförelser, 2023 från Beräknat från svarsdata" in text
    headers = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    assert "Källa Örebro" in headers
    col = headers.index("Källa Örebro")
    cells = [page.model.index(r, col).data() for r in range(page.model.rowCount())]
    assert "Beräknat från svarsdata – svar.xlsx" in cells
    assert not _banner_shown(page)  # nothing fictitious here
