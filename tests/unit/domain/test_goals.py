"""Goals as the user states them: checked, described in Swedish, edited."""

from __future__ import annotations

import re

import pytest

from nki_desktop.domain.goals import (
    STATES,
    GoalInputError,
    check_tolerance,
    edited,
    new_goal,
)


def test_goals_are_described_as_a_board_writes_them():
    assert new_goal("1880", target=75, from_year=2023).text == (
        "NKI totalt: minst 75 (företag, från 2023)"
    )
    assert new_goal("1880", target=74.5).aim == "minst 74,5"
    assert new_goal("1880", area="bygglov", direction="bibehalla").text == (
        "Bygglov: bibehålla jämfört med föregående år (företag)"
    )
    assert new_goal("1880", factor="bemotande", rank=50, group="privatperson").text == (
        "NKI totalt – bemötande: bland de 50 bästa i riket (privatpersoner)"
    )
    assert new_goal("1880", area="upphandling", target=60).figure_label == "Upphandling (NUI)"


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({}, "exakt ett slags mål"),
        ({"target": 75, "rank": 3}, "exakt ett slags mål"),
        ({"target": 175}, "utanför 0–100"),
        ({"direction": "upp"}, "oka (öka) eller bibehalla"),
        ({"rank": 0}, "mellan 1 och 290"),
        ({"target": 70, "from_year": 1990}, "ärendeår mellan"),
        ({"target": 70, "area": "skola"}, "Okänt område: skola"),
        ({"target": 70, "factor": "trivsel"}, "Okänt index: trivsel"),
        ({"target": 70, "area": "upphandling", "factor": "nki"}, "har index NUI"),
        ({"target": 70, "group": "elever"}, "Okänd svarsgrupp: elever"),
    ],
)
def test_bad_input_is_refused_in_swedish(kwargs, words):
    with pytest.raises(GoalInputError, match=re.escape(words)):
        new_goal("1880", **kwargs)


def test_edited_checks_again_and_keeps_id_and_times():
    goal = new_goal("1880", target=75)
    from dataclasses import replace

    stored = replace(goal, id=7, created_at="2025-01-01T10:00:00")
    changed = edited(stored, kind="rank", target=None, rank=40)
    assert (changed.id, changed.created_at, changed.kind, changed.rank) == (
        7,
        "2025-01-01T10:00:00",
        "rank",
        40,
    )
    assert changed.target is None
    with pytest.raises(GoalInputError):
        edited(stored, target=-3.0)


def test_states_carry_a_word_and_a_symbol_each():
    assert len({s.label for s in STATES}) == len({s.symbol for s in STATES}) == 4
    assert check_tolerance(1.5) == 1.5
    with pytest.raises(GoalInputError, match="0–10"):
        check_tolerance(11)
