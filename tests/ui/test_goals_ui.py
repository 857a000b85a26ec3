"""Goals on screen: badges on Översikt (word + symbol), the target line on Trend, and the
Mål… dialog (add, edit, remove to the wastebasket, restore, tolerance)."""

from __future__ import annotations

import os

import pyqtgraph as pg

from nki_desktop.services import goals as svc
from nki_desktop.ui.dialogs.goal_editor import GoalEditor
from nki_desktop.ui.dialogs.goals_dialog import GoalsDialog

OREBRO = "1880"
SHOTS = os.environ.get("NKI_SHOTS")  # a folder: save screenshots there


def _shot(qtbot, widget, name):
    if SHOTS:
        qtbot.wait(200)  # let the layout settle at the window's size
        widget.grab().save(os.path.join(SHOTS, name))


def test_overview_shows_goal_badges_with_word_and_symbol(qtbot, make_window, sample_store):
    svc.add(sample_store, OREBRO, target=70, from_year=2020, source="Strategi 2023–2026")
    svc.add(sample_store, OREBRO, area="bygglov", target=70)
    svc.add(sample_store, OREBRO, direction="oka", from_year=2030)
    window = make_window(OREBRO)
    window.show()
    window.show_page("overview")
    page = window.pages["overview"]
    text = page.goal_strip.badges.text()
    assert "NKI totalt</b> minst 70: " in text and "✓ uppnått" in text
    assert "Bygglov</b> minst 70: " in text and "✗ ej uppnått" in text
    assert "1 mål gäller från ett senare år" in text
    assert "inte Koladas färger" in page.goal_strip.title.text()
    _shot(qtbot, window, "overview-goals.png")


def test_overview_without_goals_says_how_to_add_them(qtbot, make_window, sample_store):
    window = make_window(OREBRO)
    window.show()
    window.show_page("overview")
    assert "Inga mål" in window.pages["overview"].goal_strip.badges.text()


def test_trend_draws_a_dashed_labelled_target_line(qtbot, make_window, sample_store):
    svc.add(sample_store, OREBRO, target=75, from_year=2020)
    svc.add(sample_store, OREBRO, area="bygglov", target=90)  # another series: not drawn
    window = make_window(OREBRO)
    window.show()
    window.show_page("trend")
    page = window.pages["trend"]
    plot = page.chart.getPlotItem()
    texts = [i.textItem.toPlainText() for i in plot.items if isinstance(i, pg.TextItem)]
    assert "Mål: minst 75 från 2020" in texts and not any("90" in t for t in texts)
    lines = [
        i for i in plot.items if isinstance(i, pg.PlotDataItem) and i.yData is not None
        and list(i.yData) == [75.0, 75.0]
    ]  # fmt: skip
    assert len(lines) == 1 and lines[0].xData[0] == 2019.7
    assert "Streckad grön linje: Mål: minst 75 från 2020" in page.breaks_label.text()
    _shot(qtbot, window, "trend-target-line.png")


def _editor_fills(monkeypatch, values_setter):
    """The editor, when opened, is filled in and saved (no event loop of its own)."""

    def fake_exec(editor):
        values_setter(editor)
        editor.accept()
        return editor.result()

    monkeypatch.setattr(GoalEditor, "exec", fake_exec)


def test_goals_dialog_adds_edits_removes_and_restores(
    qtbot, make_window, sample_store, monkeypatch
):
    window = make_window(OREBRO)
    dialog = GoalsDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0

    def fill(editor):
        editor.target.setValue(74)
        editor.from_year.setValue(2021)
        editor.source.setText("Näringslivsstrategi 2023–2026")

    _editor_fills(monkeypatch, fill)
    dialog.add_goal()
    assert dialog.model.rowCount() == 1 and dialog.changed
    goal = dialog.model.rows[0].goal
    assert (goal.target, goal.from_year, goal.source) == (
        74.0,
        2021,
        "Näringslivsstrategi 2023–2026",
    )
    status = dialog.model.index(0, 5).data()
    assert status.split(" ")[0] in "✓≈✗–" and any(w in status for w in ("uppnått", "nära"))

    def to_rank(editor):
        editor.kind_buttons["rank"].setChecked(True)
        editor.rank.setValue(40)

    dialog.view.selectRow(0)
    _editor_fills(monkeypatch, to_rank)
    dialog.edit_goal()
    assert dialog.model.rows[0].goal.aim == "bland de 40 bästa i riket"

    dialog.view.selectRow(0)
    dialog.remove_goal()
    assert dialog.model.rowCount() == 0 and "papperskorgen" in dialog.message.text()
    dialog.show_deleted.setChecked(True)
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 5).data() == "borttaget"
    dialog.view.selectRow(0)
    assert dialog.button_restore.isEnabled() and not dialog.button_remove.isEnabled()
    dialog.restore_goal()
    assert "återställdes" in dialog.message.text()
    assert [g.id for g in [r.goal for r in svc.reports(sample_store, OREBRO)]] == [goal.id]

    dialog.tolerance.setValue(2.5)
    dialog.tolerance.editingFinished.emit()
    assert svc.tolerance(sample_store) == 2.5
    dialog.resize(1040, 420)
    dialog.show()
    _shot(qtbot, dialog, "goals-dialog.png")


def test_bad_input_keeps_the_editor_open_with_a_swedish_reason(qtbot, make_window, sample_store):
    window = make_window(OREBRO)
    calls = []

    def save(values):
        calls.append(values)
        svc.add(sample_store, "9999", **values)

    editor = GoalEditor(None, "foretag", 2024, save, window)
    qtbot.addWidget(editor)
    editor.accept()
    assert calls and not editor.error.isHidden()
    assert "Okänd kommunkod: 9999" in editor.error.text()
    assert editor.result() == 0
    editor.show()
    _shot(qtbot, editor, "goal-editor.png")


def test_arkiv_papperskorg_restores_a_removed_goal(qtbot, make_window, sample_store, monkeypatch):
    from nki_desktop.ui.dialogs import trash_dialog

    goal = svc.add(sample_store, OREBRO, target=70, from_year=2020)
    svc.remove(sample_store, goal.id)
    window = make_window(OREBRO)
    window.show()
    arkiv = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Papperskorg…" in arkiv
    seen = []

    def exec_restoring(dialog):  # the user selects every row and presses Återställ
        seen.append(dialog.model.rowCount())
        dialog.view.selectAll()
        dialog.restore_selected()
        return 1

    monkeypatch.setattr(trash_dialog.TrashDialog, "exec", exec_restoring)
    window.action_trash.trigger()
    assert seen == [1]
    assert svc.deleted(sample_store, OREBRO) == []
    assert not svc.get(sample_store, goal.id).deleted
