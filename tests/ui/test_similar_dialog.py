"""pytest-qt: "Liknande kommuner" from Jämför on sample data: criteria and weights, the
closest with the figures side by side, the method on screen, saved as a group in one click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from nki_desktop.analysis.similar_criteria import parse_criteria
from nki_desktop.paths import data_dir
from nki_desktop.services.similar import find_similar
from nki_desktop.ui.dialogs.similar_dialog import similar_dialog
from nki_desktop.ui.settings import Settings
from nki_desktop.ui.similar_groups import current_note

OREBRO = "1880"


def _open(make_window):
    window = make_window(OREBRO)
    window.show()
    window.show_page("compare")
    page = window.pages["compare"]
    dialog = similar_dialog(page)
    return window, page, dialog


def _choice(dialog, base):
    return next(c for c in dialog.choices if c.base == base)


def test_defaults_show_the_closest_with_figures_side_by_side(qtbot, make_window, sample_store):
    window, page, dialog = _open(make_window)
    qtbot.addWidget(dialog)
    assert page.similar_button.text() == "Liknande kommuner…"
    ticked = [c.base for c in dialog.choices if c.box.isChecked()]
    assert ticked == ["population", "kommungrupp", "total:nki"]
    expected = find_similar(sample_store, OREBRO)  # the same search as the command line
    assert dialog.found.units == expected.units and len(expected.units) == 7
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:5] == ["Nr", "Kommun", "Avstånd", "Kriterier", "Störst skillnad"]
    assert headers[5:] == ["Befolkning", "Kommungrupp", "NKI totalt\n2024"]
    assert model.index(0, 1).data() == "Örebro" and model.index(0, 0).data() == "▶"
    first = expected.matches[0]
    assert model.index(1, 1).data() == dialog.names[first.unit]
    assert model.index(1, 2).data() == f"{first.value:.2f}".replace(".", ",")
    assert model.index(1, 3).data() == "3 av 3"
    assert "standardavvikelse" in dialog.method.text() and "vikt 1" in dialog.method.text()
    dialog.view.selectionModel().select(
        model.index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert dialog.why.text().startswith(f"{dialog.names[first.unit]}: avstånd")


def test_weights_years_and_count_change_the_search(qtbot, make_window, sample_store):
    window, page, dialog = _open(make_window)
    qtbot.addWidget(dialog)
    _choice(dialog, "lan").box.setChecked(True)
    _choice(dialog, "lan").weight.setValue(3.0)
    dialog.first_year.setCurrentIndex(dialog.first_year.findData(2022))
    dialog.count.setValue(4)
    dialog.compute()  # the timer would do it a moment later
    crits = parse_criteria("population,kommungrupp,lan,total:nki@2022-2024")
    assert [c.key for c in dialog.found.criteria] == [c.key for c in crits]
    assert dialog.found.weights == (1.0, 1.0, 3.0, 1.0)
    expected = find_similar(sample_store, OREBRO, [c.key for c in crits], [1, 1, 3, 1], 4)
    assert dialog.found.units == expected.units
    assert "NKI totalt 2022–2024 (medel)" in dialog.method.text()
    for c in dialog.choices:
        c.box.setChecked(False)
    dialog.compute()
    assert not dialog.save_button.isEnabled() and "minst ett kriterium" in dialog.summary.text()


def test_save_makes_a_comparison_group_in_one_click_with_its_method(
    qtbot, make_window, sample_store
):
    window, page, dialog = _open(make_window)
    qtbot.addWidget(dialog)
    _choice(dialog, "lan").box.setChecked(True)
    _choice(dialog, "lan").weight.setValue(2.5)
    dialog.count.setValue(5)
    dialog.compute()
    units = dialog.found.units
    assert len(units) == 5
    dialog.save_button.click()
    name = "Liknande Örebro (4 kriterier, 2024)"
    settings = Settings(data_dir() / "settings.ini")
    assert settings.get("compare_sets")[name] == units
    assert window.context.compare_set == name and window.context.compare_units == units
    assert page.set_combo.currentData() == name
    assert page.comparison.units[1:] == units
    assert page.chart.series[-1].label == "Medel liknande Örebro"  # the name keeps its Ö
    heading, text = current_note(window.context)
    assert heading == "Liknande kommuner" and "mest lika Örebro" in text
    window.show_page("report")  # the report writes the method out on its method page
    report = window.pages["report"]
    assert report.options().comparison_note == (heading, text)
    assert (heading, text) in report.data.method_notes
    window.show_page("compare")
    # reopened, the dialog starts from the saved choices
    again = similar_dialog(page)
    qtbot.addWidget(again)
    assert _choice(again, "lan").box.isChecked() and _choice(again, "lan").weight.value() == 2.5
    assert again.count.value() == 5 and again.found.units == units
    # a group changed by hand is no longer described by the method
    page.save_named_set(name, units[:3])
    assert current_note(window.context) is None


@pytest.mark.parametrize("allow", [False, True])
def test_missing_values_rule_is_said_on_screen(qtbot, make_window, sample_store, allow):
    window, page, dialog = _open(make_window)
    qtbot.addWidget(dialog)
    dialog.allow_missing.setChecked(allow)
    dialog.compute()
    text = dialog.method.text()
    assert ("minst 50 % av vikten" in text) == allow
    assert ("värden för alla kriterier" in text) != allow
