"""Before/after figures of done actions, checked against values computed by hand."""

from __future__ import annotations

import pytest

from nki_desktop.analysis.followup import NO_CAUSE, build_followup, load_followup, side
from nki_desktop.analysis.trend import Point
from nki_desktop.domain.actions import Action, Target
from nki_desktop.domain.respondent_stats import mean_stat
from nki_desktop.services import actions

TARGET = Target("bygglov", "tillganglighet")


def _action(done: str | None = "2023-05-02", **kw) -> Action:
    return Action("1880", "Telefontider", ("bygglov",), ("tillganglighet",), done=done, **kw)


def test_before_and_after_are_the_years_around_the_done_year():
    points = [Point(y, v, 40) for y, v in ((2020, 60), (2021, 62), (2023, 99), (2025, 70))]
    [row] = build_followup([_action()], {TARGET: points})
    # 2023 (the year it was done) counts on neither side; 2024 is missing, so 2025.
    assert (row.before.year, row.before.value, row.after.year, row.after.value) == (
        2021,
        62,
        2025,
        70,
    )
    assert row.delta == 8 and row.half_width is None and row.significant is None
    assert row.change_text == "Skillnad +8 (osäkerheten kan inte beräknas)."


def test_welch_interval_from_respondent_slices():
    # Hand computation: before 70, after 80, sd 10 each, n 25 each.
    # Year interval: t(0.975, 24) = 2.0639 → ±2.0639·10/5 = ±4.128.
    # Difference: se² = 100/25 + 100/25 = 8, df = 8²/(2·4²/24) = 48, t(0.975, 48) = 2.0106,
    # half-width = 2.0106·√8 = 5.687; 10 > 5.687: larger than the noise.
    stats = {2022: mean_stat(70.0, 10.0, 25), 2024: mean_stat(80.0, 10.0, 25)}
    points = [Point(2022, 70.0, 25), Point(2024, 80.0, 25)]
    [row] = build_followup(
        [_action()], {TARGET: points}, lambda y, a, f: stats.get(y) if a == "bygglov" else None
    )
    assert row.before.half_width == pytest.approx(4.128, abs=1e-3)
    assert row.after.ci_low == pytest.approx(75.872, abs=1e-3)
    assert row.delta == 10
    assert row.half_width == pytest.approx(5.687, abs=1e-3)
    assert row.significant is True
    assert row.text == (
        "Före 2022: 70 (n = 25, ±4,1). Efter 2024: 80 (n = 25, ±4,1). "
        "Skillnad +10 (osäkerhet ±5,7): större än slumpvariationen."
    )


def test_stored_intervals_combine_as_independent_years():
    # ±3 and ±4 → √(9 + 16) = ±5; a change of 4 lies within it.
    points = [Point(2022, 70.0, 50, 67.0, 73.0), Point(2024, 74.0, 50, 70.0, 78.0)]
    [row] = build_followup([_action()], {TARGET: points})
    assert row.half_width == pytest.approx(5.0) and row.significant is False
    assert row.change_text.endswith("ryms inom slumpvariationen.")


def test_a_slice_that_is_another_index_gives_no_interval():
    # The stored value (an ÖJ figure) is 70, the respondent rows give 66: not the same index.
    s = side(Point(2022, 70.0, 30), mean_stat(66.0, 10.0, 30))
    assert s.half_width is None and s.stat is None


def test_too_few_answers_show_no_value():
    s = side(Point(2022, 89.0, 6), None)
    assert s.value is None and "för få svar" in s.text
    points = [Point(2022, 89.0, 6), Point(2024, 70.0, 40)]
    [row] = build_followup([_action()], {TARGET: points})
    assert row.delta is None and "för få svar" in row.change_text


def test_undated_and_cancelled_actions_have_no_follow_up_and_missing_sides_are_said():
    points = [Point(2022, 70.0, 25)]
    assert build_followup([_action(None), _action(status="avbruten")], {TARGET: points}) == []
    [row] = build_followup([_action()], {TARGET: points})
    assert row.after is None and row.change_text == "Inget värde efter åtgärden ännu."
    [row] = build_followup([_action("2021-01-01")], {TARGET: points})
    assert row.before is None and row.change_text == "Inget värde före åtgärden."


def test_no_text_claims_a_cause():
    assert "inte att åtgärden orsakade" in NO_CAUSE


def test_load_followup_from_the_sample_data(sample_store):
    actions.add(
        sample_store,
        Action("1880", "Öppet hus", ("total",), done="2020-06-01", status="genomford"),
    )
    [row] = load_followup(sample_store, "1880", "foretag")
    assert row.before.year == 2019 and row.after.year == 2021
    stored = {v.year: v.value for v in sample_store.values(unit="1880", area="total", factor="nki")}
    assert row.delta == pytest.approx(stored[2021] - stored[2019])


def test_respondent_data_gives_welch_intervals_end_to_end(store, tmp_path):
    from nki_desktop.analysis.respondent import change_between, load_frame, slice_stat
    from nki_desktop.importers.base import ImportOptions
    from nki_desktop.services.imports import import_file
    from tests.respondent_builders import make_rows, write_xlsx

    rows = make_rows(600, seed=3, years=(2021, 2022, 2023), areas=("Bygglov",))
    assert import_file(
        store,
        write_xlsx(tmp_path / "svar.xlsx", rows),
        ImportOptions(kind="respondent", kommun="1880"),
    ).ok
    actions.add(
        store,
        Action(
            "1880",
            "Telefontider",
            ("bygglov",),
            ("tillganglighet",),
            done="2022-05-02",
            status="genomford",
        ),  # fmt: skip
    )
    [row] = load_followup(store, "1880", "foretag")
    assert (row.before.year, row.after.year) == (2021, 2023)
    # The same figures straight from the respondent statistics.
    frame = load_frame(store, "1880", "foretag")
    before = slice_stat(frame, 2021, "foretag", "bygglov", "tillganglighet")
    after = slice_stat(frame, 2023, "foretag", "bygglov", "tillganglighet")
    assert row.before.value == pytest.approx(before.mean, abs=0.05)
    assert row.before.n == before.n and row.after.n == after.n
    assert row.before.half_width == pytest.approx(before.half_width, abs=0.05)
    change = change_between(after, before)
    assert row.half_width == pytest.approx(change.half_width, rel=0.02)
    assert row.significant == change.significant


def test_a_change_of_definition_between_the_years_is_said():
    total = Target("total", "nki")
    action = Action("1880", "Öppet hus", ("total",), done="2023-03-01")
    points = [Point(2022, 70.0, 300), Point(2024, 72.0, 300)]
    [row] = build_followup([action], {total: points})
    assert row.definition_change == 2024
    assert row.change_text.endswith("⚠ Definitionen ändrades 2024: åren är inte helt jämförbara.")
    [row] = build_followup(
        [_action("2023-05-02")], {TARGET: [Point(2022, 70.0, 30), Point(2024, 72.0, 30)]}
    )
    assert row.definition_change is None and "⚠" not in row.change_text
