"""Actions and notes on a trend's time axis."""

from __future__ import annotations

import pytest

from nki_desktop.analysis.timeline import Tracking, action_marks, chart_notes, date_x
from nki_desktop.domain.actions import Action, Note


@pytest.mark.parametrize(
    ("date", "x"),
    [("2020-01-01", 2019.5 + 0.5 / 366), ("2021-07-02", 2021.0 + 0.5 / 365 * 1 - 0.5 / 365)],
)
def test_a_date_falls_inside_its_case_year(date, x):
    assert date_x(date) == pytest.approx(x, abs=2e-3)
    assert int(round(date_x(date))) == int(date[:4])


def _a(i, **kw):
    base = {"unit": "1880", "title": f"Åtgärd {i}", "areas": ("bygglov",), "id": i}
    base.update(kw)
    return Action(**base)


def test_which_actions_show_on_a_chart():
    actions = [
        _a(1, factors=("bemotande",), done="2022-03-01", status="genomford"),
        _a(2, decided="2023-01-10", status="pagar"),
        _a(3, decided="2023-01-10", status="avbruten"),
        _a(4),  # no date: nothing to place
        _a(5, areas=("total",), done="2021-01-01", status="genomford"),
    ]
    on_index = action_marks(actions, "bygglov", "nki")
    assert [m.action_id for m in on_index] == [1, 2]  # factor actions show on the area's NKI
    assert [m.done for m in on_index] == [True, False]
    assert on_index[0].label == "✓ Åtgärd 1" and "genomförd 2022-03-01" in on_index[0].tooltip
    assert "pågår, beslutad 2023-01-10" in on_index[1].tooltip
    assert [m.action_id for m in action_marks(actions, "bygglov", "bemotande")] == [1, 2]
    assert [m.action_id for m in action_marks(actions, "bygglov", "information")] == [2]
    assert [m.action_id for m in action_marks(actions, "total", "nki")] == [5]
    long = action_marks([_a(9, title="x" * 40, decided="2023-01-01")], "bygglov", "nki")
    assert len(long[0].label) == 28 and long[0].label.endswith("…")


def test_notes_by_chart_and_year():
    notes = [
        Note("1880", "Omorganisation", "2022-09-01", area="bygglov"),
        Note("1880", "Få svar: 9", "2023-02-01", year=2022),
        Note("1880", "Miljö", "2022-02-01", area="miljo_halsoskydd"),
    ]
    shown = chart_notes(notes, "bygglov", "nki")
    assert [n.text for n in shown] == ["Omorganisation", "Få svar: 9"]
    tracking = Tracking([], shown)
    assert [n.text for n in tracking.notes_for(2022)] == ["Omorganisation", "Få svar: 9"]
    assert tracking.notes_for(2023) == []
