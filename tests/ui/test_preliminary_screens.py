"""The running year's preliminary NKI on Översikt (its own line) and Trend (an open marker,
not part of the line); gone once the final figure is imported."""

from __future__ import annotations

import os

from openpyxl import Workbook

from nki_desktop.analysis.preliminary import load_preliminary
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.importers.base import ImportOptions
from nki_desktop.services.imports import import_file

OREBRO = "1880"
SHOTS = os.environ.get("NKI_SHOTS")


def _final(path, year, value):
    book = Workbook()
    sheet = book.active
    sheet.append(["År", "Kommun", "Område", "Faktor", "Svarsgrupp", "Värde", "Antal svar"])
    sheet.append([year, OREBRO, "total", "nki", "foretag", value, 180])
    book.save(path)
    return path


def test_preliminary_on_overview_and_trend_until_the_final_import(
    qtbot, make_window, sample_store, tmp_path
):
    p = load_preliminary(sample_store, OREBRO, "foretag")
    assert p is not None and p.value is not None
    window = make_window(OREBRO)
    window.show()
    overview = window.pages["overview"]
    window.show_page("overview")
    assert overview.preliminary.isVisible()
    text = overview.preliminary.text()
    assert f"Preliminärt NKI {p.year}" in text and fmt_index(p.value) in text
    assert f"n = {p.n}" in text and f"preliminärt, t.o.m. {p.last_date}" in text
    assert "rankas inte" in text
    assert overview.tile_nki.value.text() != fmt_index(p.value)  # the tiles stay final
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "overview-preliminary.png"))

    window.show_page("trend")
    trend = window.pages["trend"]
    lines = {line.key: line for line in trend.chart.lines}
    assert [(pt.x, round(pt.y, 6)) for pt in lines["preliminary"].points] == [
        (p.year, round(p.value, 6))
    ]
    assert p.year not in [pt.x for pt in lines["mine"].points]
    assert "◌ Öppen ring" in trend.breaks_label.text()
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "trend-preliminary.png"))

    # The final figure arrives: the preliminary one is no longer shown anywhere.
    assert import_file(
        sample_store, _final(tmp_path / "final.xlsx", p.year, 74.0), ImportOptions(kommun=OREBRO)
    ).ok
    window.context.notify_data_changed()
    assert load_preliminary(sample_store, OREBRO, "foretag") is None
    assert "preliminary" not in {line.key for line in trend.chart.lines}
    mine = next(line for line in trend.chart.lines if line.key == "mine")
    assert (p.year, 74.0) in [(pt.x, pt.y) for pt in mine.points]
    window.show_page("overview")
    assert not overview.preliminary.isVisible()
