"""pytest-qt: Svenskt Näringsliv beside NKI on Översikt, on its own axis on Trend and as its
own ranking on Rankning (sample data). Set NKI_SHOTS to a folder to keep screenshots."""

from __future__ import annotations

import os
from pathlib import Path

from nki_desktop.analysis import sn as sn_analysis
from nki_desktop.domain.sn import RANK, format_grade
from nki_desktop.ui.widgets.survey_switch import SN

KALIX = "2514"


def _shot(qtbot, widget, name: str) -> None:
    folder = os.environ.get("NKI_SHOTS")
    if folder:
        qtbot.wait(300)  # let the layout settle before the grab
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _open(make_window, key):
    window = make_window(KALIX)
    window.show()
    window.show_page(key)
    return window, window.pages[key]


def test_overview_shows_sn_beside_nki_with_its_own_scale(qtbot, make_window, sample_store):
    window, page = _open(make_window, "overview")
    expected = sn_analysis.load_overview(sample_store, KALIX)
    box = page.sn_box
    assert box.isVisible()
    assert format_grade(expected.grade) in box.grade_value.text()
    assert "skala 1–6" in box.grade_caption.text()
    assert "1–290" in box.rank_caption.text()
    assert str(expected.rank) in box.rank_value.text()
    assert "exempeldata" in box.title.text()
    assert "NKI totalt" in page.tile_nki.caption.text()  # NKI's tile stands as before
    _shot(qtbot, window, "overview_sn")


def test_overview_grade_word_only_when_the_user_sets_one(qtbot, make_window, sample_store):
    window, page = _open(make_window, "overview")
    assert "bra" not in page.sn_box.grade_value.text()
    window.context.settings.set("sn_grade_words", "1,0 bra")
    page.refresh()
    assert "bra" in page.sn_box.grade_value.text()


def test_trend_sn_on_its_own_axis(qtbot, make_window, sample_store):
    window, page = _open(make_window, "trend")
    nki_axis = page.chart.getPlotItem().getAxis("left").labelText
    page.survey.set_survey(SN)
    panel = page.survey.stack.currentWidget()
    assert panel.isVisible() and not page.chart.isVisible()
    axis = panel.chart.getPlotItem().getAxis("left").labelText
    assert "1–6" in axis and "0–100" not in axis and axis != nki_axis
    low, high = panel.chart.getPlotItem().getViewBox().viewRange()[1]
    assert 0.5 < low < 1.0 and 6.0 < high < 7.0
    years = [p.year for p in sn_analysis.series(sample_store, KALIX, "sammanfattande_omdome")]
    assert panel.model.rowCount() == len(years) == 9
    _shot(qtbot, window, "trend_sn")
    panel.measure_combo.setCurrentIndex(panel.measure_combo.findData(RANK))
    assert "Placering" in panel.chart.getPlotItem().getAxis("left").labelText
    assert panel.chart.getPlotItem().getViewBox().yInverted()
    _shot(qtbot, window, "trend_sn_rank")


def test_ranking_offers_the_sn_ranking(qtbot, make_window, sample_store):
    window, page = _open(make_window, "ranking")
    page.survey.set_survey(SN)
    panel = page.survey.stack.currentWidget()
    assert panel.proxy.rowCount() == 290
    assert panel.proxy.index(0, 0).data() == "1"
    expected = sn_analysis.load_ranking(sample_store, 2024)
    mine = next(r for r in expected.rows if r.unit == KALIX)
    assert f"plats {mine.rank} av 290" in panel.legend.text()
    assert "Svenskt Näringsliv" in panel.heading.text()
    assert panel.banner.isVisible()  # sample data said as such
    _shot(qtbot, window, "ranking_sn")
    panel.lan_combo.setCurrentIndex(panel.lan_combo.findData("25"))
    assert panel.proxy.rowCount() == 14
    page.survey.set_survey("nki")
    assert page.view.isVisible()


def test_mapping_dialog_takes_an_sn_request(qtbot, store, tmp_path):
    """An SN file with columns the program cannot place: the dialog offers SN's own targets,
    and its answer imports into SN's series."""
    from nki_desktop.importers.base import NeedsMapping
    from nki_desktop.services import imports
    from nki_desktop.services.mappings import with_mapping
    from nki_desktop.ui.dialogs.mapping_dialog import MappingDialog
    from tests.import_builders import write_xlsx

    path = write_xlsx(
        tmp_path / "sn.xlsx",
        {"Blad1": [["Svenskt Näringsliv 2024"], ["Kommun", "X", "Y"], ["Kalix", "4,0", 12]]},
    )
    try:
        imports.understand(store, path)
        raise AssertionError("expected a mapping request")
    except NeedsMapping as need:
        request = need.request
    dialog = MappingDialog(
        path.name, request.sheet, request.headers, request.samples, request.targets,
        request.initial, message=request.message,
    )  # fmt: skip
    qtbot.addWidget(dialog)
    assert "Svenskt Näringsliv" in request.message
    dialog.set_target(1, "sammanfattande_omdome:value")
    dialog.set_target(2, "rank:rank")
    assert dialog.mapping() == {
        0: "kommun_name",
        1: "sammanfattande_omdome:value",
        2: "rank:rank",
    }
    options = with_mapping(imports.ImportOptions(), request, {"columns": dialog.mapping()})
    outcome = imports.import_file(store, path, options)
    assert outcome.ok, outcome.message
    values = {v.factor: (v.value, v.rank) for v in store.values(area="sn_foretagsklimat")}
    assert values == {"sammanfattande_omdome": (4.0, None), "rank": (None, 12)}


def test_report_page_offers_the_sn_section_unchecked(qtbot, make_window, sample_store):
    from nki_desktop.reports.options import OFF_BY_DEFAULT, SECTIONS

    window, page = _open(make_window, "report")
    box = page.section_boxes["sn"]
    assert box.text() == SECTIONS["sn"] == "Svenskt Näringslivs företagsklimat"
    assert not box.isChecked()
    assert "sn" in OFF_BY_DEFAULT
    assert all(b.isChecked() for k, b in page.section_boxes.items() if k not in OFF_BY_DEFAULT)


def test_only_sn_values_stored_rankning_and_trend_show_sn(qtbot, make_window, store, tmp_path):
    """A kommun that imported only Svenskt Näringsliv's ranking sees it, not an empty NKI."""
    from nki_desktop.services import imports
    from tests import sn_builders as b
    from tests.import_builders import write_xlsx

    path = write_xlsx(tmp_path / "sn.xlsx", b.ranking_table().sheets)
    assert imports.import_file(store, path).ok
    window, page = _open(make_window, "ranking")
    assert page.stack.currentIndex() == 1 and page.survey.survey == SN
    panel = page.survey.stack.currentWidget()
    assert panel.proxy.rowCount() == 3 and panel.year_combo.currentData() == 2024
    window.show_page("trend")
    trend = window.pages["trend"]
    assert trend.survey.survey == SN and trend.stack.currentIndex() == 1
    window.show_page("overview")  # no NKI: the empty Översikt says where SN's values are
    text = window.pages["overview"].empty.label.text()
    assert "Inga NKI-värden" in text and "Svenskt Näringslivs företagsklimat (2024)" in text
